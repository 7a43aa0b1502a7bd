using System.Globalization;
using System.Text;

namespace Siget.Core.Catalog;

/// <summary>Finds catalog entries by the words a person types ("impresora", "vpn", "contrasena"),
/// ignoring case and accents; every word must appear in the category or subcategory name or code.</summary>
public static class CatalogSearch
{
    public static bool Matches(string? query, ServiceSubcategory subcategory, string categoryName) =>
        Matches(query, $"{subcategory.CodeText} {subcategory.Name} {categoryName}");

    public static bool Matches(string? query, string text)
    {
        if (string.IsNullOrWhiteSpace(query)) return true;
        var haystack = Fold(text);
        return Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).All(haystack.Contains);
    }

    public static string Fold(string text)
    {
        // Cleaned first: an unpaired surrogate would make Normalize throw, a NUL would never match anything.
        var decomposed = Text.Clean(text, multiline: false).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(char.ToLowerInvariant(c));
        return builder.ToString();
    }
}

using System.Text;

namespace Siget.Core;

/// <summary>
/// The one place where the free text people type is cleaned and bounded, for every field and every search.
/// Cleaning removes what nobody means to write and some stores or screens mishandle: control characters (NUL and the
/// like), unpaired surrogates, non-characters and the bidirectional overrides that make text display in another
/// order than it is stored. Multi-line text keeps its line breaks (as <c>\n</c>) and tabs; one-line text (subjects,
/// titles, names) turns them into spaces. Lengths are counted after cleaning, in the same units as the browser's
/// <c>maxlength</c>. <c>field</c> is named with its article ("el asunto", "la descripción") so messages read naturally.
/// </summary>
public static class Text
{
    /// <summary>A DNI (Documento Nacional de Identidad) is 8 digits.</summary>
    public const int DniLength = 8;

    /// <summary>An optional DNI: 8 digits once spaces are dropped; null when nothing was typed.</summary>
    public static string? OptionalDni(string? value)
    {
        var text = Clean(value, multiline: false).Replace(" ", "", StringComparison.Ordinal);
        if (text.Length == 0) return null;
        if (text.Length != DniLength || !text.All(char.IsAsciiDigit)) throw new DomainException("El DNI tiene 8 dígitos.");
        return text;
    }

    /// <summary>Longest search text used; the rest of what was typed is ignored.</summary>
    public const int SearchMaxLength = 200;

    /// <summary>Multi-line text that must be there (a description, a reason, a message).</summary>
    public static string Required(string? value, int maxLength, string field) => Demand(Clean(value, multiline: true), maxLength, field);

    public static string? Optional(string? value, int maxLength, string field) => Allow(Clean(value, multiline: true), maxLength, field);

    /// <summary>One-line text that must be there (a subject, a title, a name).</summary>
    public static string RequiredLine(string? value, int maxLength, string field) => Demand(Clean(value, multiline: false), maxLength, field);

    public static string? OptionalLine(string? value, int maxLength, string field) => Allow(Clean(value, multiline: false), maxLength, field);

    /// <summary>What a person typed in a search box, cleaned as one line and cut to <see cref="SearchMaxLength"/>;
    /// null when nothing is left to search for.</summary>
    public static string? Search(string? value)
    {
        var text = Clean(value, multiline: false);
        if (text.Length > SearchMaxLength) text = Cut(text, SearchMaxLength).TrimEnd();
        return text.Length == 0 ? null : text;
    }

    /// <summary>The text without the characters described above, trimmed.</summary>
    public static string Clean(string? value, bool multiline)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (IsClean(value, multiline)) return value.Trim();
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
                continue;
            }
            if (c == '\r' && i + 1 < value.Length && value[i + 1] == '\n') continue; // CRLF counts as one line break
            if (IsLineBreak(c) || c == '\t') builder.Append(multiline ? (c == '\t' ? '\t' : '\n') : ' ');
            else if (!IsUnwanted(c)) builder.Append(c);
        }
        return builder.ToString().Trim();
    }

    /// <summary>At most <paramref name="maxLength"/> characters, never splitting a character in two.</summary>
    public static string Cut(string value, int maxLength)
    {
        if (value.Length <= maxLength) return value;
        var end = char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength;
        return value[..end];
    }

    private static string Demand(string text, int maxLength, string field)
    {
        if (text.Length == 0) throw new DomainException($"Complete {field}.");
        return Bounded(text, maxLength, field);
    }

    private static string? Allow(string text, int maxLength, string field) => text.Length == 0 ? null : Bounded(text, maxLength, field);

    private static string Bounded(string value, int maxLength, string field) => value.Length <= maxLength
        ? value
        : throw new DomainException($"Escriba como máximo {maxLength} caracteres en {field}.");

    // Most text is already clean: checking first spares the copy.
    private static bool IsClean(string value, bool multiline)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])) return false;
                i++;
            }
            else if (!Keeps(c, multiline))
            {
                return false;
            }
        }
        return true;
    }

    private static bool Keeps(char c, bool multiline) => c is '\n' or '\t' ? multiline : !IsLineBreak(c) && !IsUnwanted(c);

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' or '\u000B' or '\u000C';

    private static bool IsUnwanted(char c) =>
        char.IsControl(c)                          // C0 and C1 controls: NUL, BEL, ESC, DEL...
        || char.IsSurrogate(c)                     // reached only when unpaired
        || c is >= '\u202A' and <= '\u202E'        // bidirectional embeddings and overrides
        || c is >= '\u2066' and <= '\u2069'        // bidirectional isolates
        || c is '\uFEFF' or '\uFFFE' or '\uFFFF';  // stray byte-order marks and non-characters
}

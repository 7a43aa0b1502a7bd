namespace Siget.Core;

/// <summary>Validation of the free text people type: trimmed, required or optional, bounded.
/// <c>field</c> is named with its article ("el asunto", "la descripción") so messages read naturally.</summary>
public static class Text
{
    public static string Required(string? value, int maxLength, string field)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0) throw new DomainException($"Complete {field}.");
        return Bounded(trimmed, maxLength, field);
    }

    public static string? Optional(string? value, int maxLength, string field)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Bounded(trimmed, maxLength, field);
    }

    private static string Bounded(string value, int maxLength, string field) => value.Length <= maxLength
        ? value
        : throw new DomainException($"Escriba como máximo {maxLength} caracteres en {field}.");
}

namespace Siget.Core;

/// <summary>
/// A count in Spanish words: singular for exactly one, plural otherwise (0 included), as in "1 calificación",
/// "0 calificaciones", "1.234 tickets". Every count SIGET writes next to a noun goes through here.
/// </summary>
public static class Plural
{
    /// <summary>"1 ticket", "3 tickets": the count (grouped in thousands) and the word that agrees with it.</summary>
    public static string Of(long count, string one, string many) => $"{count:N0} {Pick(count, one, many)}";

    /// <summary>The text that agrees with <paramref name="count"/>: "el último día" or "los últimos 7 días".</summary>
    public static string Pick(long count, string one, string many) => count == 1 ? one : many;
}

using System.Globalization;

namespace Siget.Console.Components.Shared;

/// <summary>
/// Reads what the address says (<c>?categoria=15&amp;prioridad=Alta</c>). Pages bind every query parameter as a string,
/// so a value typed wrong can never break the page or its live session; here it is read, and a value that does not
/// parse is ignored and its name kept, for the page to say so (<see cref="IgnoredQueryNote"/>).
/// </summary>
public sealed class QueryValues
{
    private readonly List<string> _ignored = [];

    /// <summary>The names of the parameters whose values were ignored, in the order read.</summary>
    public IReadOnlyList<string> Ignored => _ignored;

    /// <summary>A whole number not below <paramref name="min"/>; null when absent or not such a number.</summary>
    public int? Int(string name, string? value, int min = 1)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min) return number;
        return Ignore<int>(name);
    }

    /// <summary>One of the enumeration's names (any case); numbers and combinations ("Alta,Media") are not names.</summary>
    public T? Enum<T>(string name, string? value) where T : struct, System.Enum
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (value.All(char.IsAsciiLetterOrDigit) && !char.IsAsciiDigit(value[0])
            && System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)) return parsed;
        return Ignore<T>(name);
    }

    private T? Ignore<T>(string name) where T : struct
    {
        if (!_ignored.Contains(name)) _ignored.Add(name);
        return null;
    }
}

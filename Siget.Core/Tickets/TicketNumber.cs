using System.Globalization;

namespace Siget.Core.Tickets;

/// <summary>A readable yearly number: <c>2026-000123</c>. The year is the agency's local year of registration.</summary>
public readonly record struct TicketNumber(int Year, int Sequence)
{
    public override string ToString() => $"{Year:D4}-{Sequence.ToString("D6", CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? text, out TicketNumber number)
    {
        number = default;
        var parts = (text ?? "").Trim().Split('-');
        if (parts.Length != 2 || parts[0].Length != 4 || parts[1].Length < 6) return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence <= 0) return false;
        number = new TicketNumber(year, sequence);
        return true;
    }
}

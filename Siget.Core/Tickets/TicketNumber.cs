using System.Globalization;

namespace Siget.Core.Tickets;

/// <summary>A readable yearly number: <c>2026-000123</c>. The year is the agency's local year of registration.</summary>
public readonly record struct TicketNumber
{
    public TicketNumber(int year, int sequence)
    {
        if (year is < 2000 or > 9999) throw new ArgumentOutOfRangeException(nameof(year));
        if (sequence <= 0) throw new ArgumentOutOfRangeException(nameof(sequence));
        (Year, Sequence) = (year, sequence);
    }

    public int Year { get; }
    public int Sequence { get; }

    public override string ToString() => $"{Year:D4}-{Sequence.ToString("D6", CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? text, out TicketNumber number)
    {
        number = default;
        var parts = (text ?? "").Trim().Split('-');
        // Exactly as printed: four-digit year, six digits (more only when the sequence needs them, never padded further).
        if (parts.Length != 2 || parts[0].Length != 4 || parts[1].Length < 6 || (parts[1].Length > 6 && parts[1][0] == '0')) return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000) return false;
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence <= 0) return false;
        number = new TicketNumber(year, sequence);
        return true;
    }
}

using Siget.Core.Sla;

namespace Siget.Core.Reports;

/// <summary>
/// The dates a report covers, as the UTI says them: whole days in America/Lima, both ends included.
/// Figures compare UTC instants against <see cref="FromUtc"/> (inclusive) and <see cref="ToUtc"/> (exclusive).
/// </summary>
public sealed record ReportPeriod
{
    /// <summary>Two years: longer ranges are exports of the history, not reports.</summary>
    public const int MaxDays = 731;

    public ReportPeriod(DateOnly from, DateOnly to)
    {
        if (to < from) throw new DomainException("La fecha final del periodo debe ser igual o posterior a la inicial.");
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
            throw new DomainException($"El periodo puede abarcar como máximo {MaxDays} días; para más, exporte por partes.");
        From = from;
        To = to;
        FromUtc = LimaTime.StartOf(from);
        ToUtc = LimaTime.StartOf(to.AddDays(1));
    }

    public DateOnly From { get; }
    public DateOnly To { get; }
    public DateTime FromUtc { get; }
    public DateTime ToUtc { get; }

    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Contains(DateTime utc) => utc >= FromUtc && utc < ToUtc;

    public bool Contains(DateTime? utc) => utc is { } at && Contains(at);

    /// <summary>The month that contains <paramref name="nowUtc"/> in Lima, from its first day to today.</summary>
    public static ReportPeriod ThisMonth(DateTime nowUtc)
    {
        var today = LimaDate(nowUtc);
        return new ReportPeriod(new DateOnly(today.Year, today.Month, 1), today);
    }

    /// <summary>A whole calendar month (the informe mensual).</summary>
    public static ReportPeriod Month(int year, int month)
    {
        if (month is < 1 or > 12) throw new DomainException("El mes debe estar entre 1 y 12.");
        var first = new DateOnly(year, month, 1);
        return new ReportPeriod(first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>The Lima day an instant falls on (the days periods and trends are made of).</summary>
    public static DateOnly LimaDate(DateTime utc) => LimaTime.Date(utc);
}

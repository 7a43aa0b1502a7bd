namespace Siget.Core.Sla;

/// <summary>
/// The agency's working time: working hours on working days in the agency's time zone, minus holidays.
/// SLA clocks run only inside it. All inputs and outputs are UTC.
/// </summary>
public sealed class BusinessCalendar
{
    // A calendar with no working time at all would loop forever; ten years of searching is plenty.
    private const int MaxDaysSearched = 3660;

    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DayOfWeek> _workingDays;

    public BusinessCalendar(TimeZoneInfo timeZone, TimeOnly workdayStart, TimeOnly workdayEnd,
        IEnumerable<DayOfWeek> workingDays, IEnumerable<DateOnly> holidays)
    {
        if (workdayEnd <= workdayStart)
            throw new DomainException("La hora de fin de la jornada debe ser posterior a la de inicio.");
        _workingDays = [.. workingDays];
        if (_workingDays.Count == 0) throw new DomainException("El calendario debe tener al menos un día laborable.");
        TimeZone = timeZone;
        (_fixedOffsetSince, _fixedOffset) = FixedOffset(timeZone);
        WorkdayStart = workdayStart;
        WorkdayEnd = workdayEnd;
        _holidays = [.. holidays];
    }

    public static TimeZoneInfo Lima { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Lima");

    /// <summary>Monday to Friday 08:30–17:30 America/Lima with Peru's holidays of the given years.</summary>
    public static BusinessCalendar PeruDefault(params int[] years) => new(
        Lima, new TimeOnly(8, 30), new TimeOnly(17, 30),
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        years.SelectMany(PeruHolidays.For).Select(h => h.Date));

    public TimeZoneInfo TimeZone { get; }
    public TimeOnly WorkdayStart { get; }
    public TimeOnly WorkdayEnd { get; }

    public TimeSpan WorkdayLength => WorkdayEnd - WorkdayStart;

    /// <summary>The instant <paramref name="days"/> full working days of business time after <paramref name="startUtc"/>.</summary>
    public DateTime AddBusinessDays(DateTime startUtc, int days) => AddBusinessTime(startUtc, WorkdayLength * days);

    public bool WorksOn(DayOfWeek day) => _workingDays.Contains(day);

    public bool IsWorkingDay(DateOnly date) => _workingDays.Contains(date.DayOfWeek) && !_holidays.Contains(date);

    public DateTime ToLocal(DateTime utc)
    {
        utc = EnsureUtc(utc);
        return utc >= _fixedOffsetSince ? DateTime.SpecifyKind(utc + _fixedOffset, DateTimeKind.Unspecified) : TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZone);
    }

    public DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeZone);

    /// <summary>The UTC instant at which <paramref name="duration"/> of business time has passed since <paramref name="startUtc"/>.</summary>
    public DateTime AddBusinessTime(DateTime startUtc, TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration));
        var local = ToLocal(startUtc);
        var remaining = duration;
        for (var days = 0; days < MaxDaysSearched; days++)
        {
            var date = DateOnly.FromDateTime(local);
            var dayStart = date.ToDateTime(WorkdayStart);
            var dayEnd = date.ToDateTime(WorkdayEnd);
            if (IsWorkingDay(date) && local < dayEnd)
            {
                if (local < dayStart) local = dayStart;
                var available = dayEnd - local;
                if (remaining <= available) return ToUtc(local + remaining);
                remaining -= available;
            }
            local = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        }
        throw new InvalidOperationException("The business calendar has no working time ahead.");
    }

    /// <summary>Business time between two UTC instants (zero when <paramref name="toUtc"/> is not later).</summary>
    public TimeSpan BusinessTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        if (toUtc <= fromUtc) return TimeSpan.Zero;
        var from = ToLocal(fromUtc);
        var to = ToLocal(toUtc);
        var total = TimeSpan.Zero;
        for (var date = DateOnly.FromDateTime(from); date <= DateOnly.FromDateTime(to); date = date.AddDays(1))
        {
            if (!IsWorkingDay(date)) continue;
            var start = Max(from, date.ToDateTime(WorkdayStart));
            var end = Min(to, date.ToDateTime(WorkdayEnd));
            if (end > start) total += end - start;
        }
        return total;
    }

    // Reports convert hundreds of thousands of instants, and TimeZoneInfo searches its adjustment rules each time.
    // Once a zone's last rule has ended (Lima: no daylight saving since 1994), its offset is fixed: add it.
    private readonly DateTime _fixedOffsetSince;
    private readonly TimeSpan _fixedOffset;

    private static (DateTime Since, TimeSpan Offset) FixedOffset(TimeZoneInfo zone)
    {
        var rules = zone.GetAdjustmentRules();
        if (rules.Length == 0) return (DateTime.MinValue, zone.BaseUtcOffset);
        var last = rules[^1];
        // The last rule has ended, or is an open-ended rule without daylight saving (how some systems write "no more DST").
        var since = last.DateEnd < DateTime.MaxValue.Date ? last.DateEnd : last.DaylightDelta == TimeSpan.Zero ? last.DateStart : DateTime.MaxValue;
        if (since == DateTime.MaxValue) return (DateTime.MaxValue, TimeSpan.Zero);
        var fixedFrom = DateTime.SpecifyKind(since.AddDays(2), DateTimeKind.Utc);
        return (fixedFrom, zone.GetUtcOffset(fixedFrom));
    }

    /// <summary>From when the zone's offset no longer changes (conversions after it are a plain addition); for tests.</summary>
    internal DateTime FixedOffsetSince => _fixedOffsetSince;

    private static DateTime EnsureUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value.ToUniversalTime(),
    };

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}

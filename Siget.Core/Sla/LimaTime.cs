namespace Siget.Core.Sla;

/// <summary>The agency's wall clock: instants are stored in UTC, people read and pick dates in America/Lima.</summary>
public static class LimaTime
{
    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), BusinessCalendar.Lima);

    public static DateTime ToUtc(DateTime lima) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(lima, DateTimeKind.Unspecified), BusinessCalendar.Lima);

    /// <summary>The Lima day an instant falls on.</summary>
    public static DateOnly Date(DateTime utc) => DateOnly.FromDateTime(FromUtc(utc));

    /// <summary>00:00 of a Lima day, in UTC.</summary>
    public static DateTime StartOf(DateOnly date) => ToUtc(date.ToDateTime(TimeOnly.MinValue));
}

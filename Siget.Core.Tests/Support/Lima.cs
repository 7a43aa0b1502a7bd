namespace Siget.Core.Tests.Support;

/// <summary>Wall-clock times in Lima written as UTC instants. Lima is UTC−5 all year (no daylight saving).</summary>
public static class Lima
{
    public static DateTime At(int year, int month, int day, int hour, int minute = 0) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(5);
}

using Siget.Core.Sla;
using Siget.Core.Tests.Support;

namespace Siget.Core.Tests.Sla;

/// <summary>The calendar's quick conversion to local time agrees with TimeZoneInfo, in Lima and in a zone with daylight saving.</summary>
public class BusinessCalendarOffsetTests
{
    private static readonly TimeOnly Start = new(8, 30), End = new(17, 30);

    [Theory]
    [InlineData("America/Lima")]
    [InlineData("Europe/Madrid")]
    [InlineData("America/Santiago")]
    public void Local_times_are_the_time_zone_s_own_in_every_hour_of_decades(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var calendar = new BusinessCalendar(zone, Start, End, [DayOfWeek.Monday], []);

        for (var utc = new DateTime(1985, 1, 1, 0, 0, 0, DateTimeKind.Utc); utc < new DateTime(2040, 1, 1, 0, 0, 0, DateTimeKind.Utc); utc = utc.AddHours(7))
            calendar.ToLocal(utc).Should().Be(TimeZoneInfo.ConvertTimeFromUtc(utc, zone), "at {0:u} in {1}", utc, zoneId);
    }

    [Fact]
    public void Lima_converts_by_plain_addition_since_daylight_saving_ended_there_in_the_1990s()
    {
        var lima = BusinessCalendar.PeruDefault(2026);

        lima.FixedOffsetSince.Should().BeBefore(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }
}

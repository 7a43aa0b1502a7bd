using Siget.Core.Priorities;
using Siget.Core.Sla;

namespace Siget.Core.Tests;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.PeruDefault(2026, 2027);

    private static DateTime Lima(int y, int mo, int d, int h, int mi = 0) => new DateTime(y, mo, d, h, mi, 0, DateTimeKind.Utc).AddHours(5);

    [Fact]
    public void A_high_priority_ticket_registered_Friday_at_17_00_is_due_on_Monday()
    {
        var due = SlaDueTimes.Compute(Lima(2026, 11, 27, 17), Priority.Alta, SlaTargets.Default, Calendar);
        due.FirstResponseDueUtc.Should().Be(Lima(2026, 11, 30, 9));      // 30 min Friday + 30 min Monday
        due.ResolutionDueUtc.Should().Be(Lima(2026, 11, 30, 12));        // 30 min Friday + 3 h 30 Monday
    }

    [Fact]
    public void Time_outside_working_hours_starts_counting_at_08_30_of_the_next_working_day()
    {
        Calendar.AddBusinessTime(Lima(2026, 11, 25, 20), TimeSpan.FromHours(1)).Should().Be(Lima(2026, 11, 26, 9, 30));
        Calendar.AddBusinessTime(Lima(2026, 11, 28, 11), TimeSpan.FromHours(1)).Should().Be(Lima(2026, 11, 30, 9, 30)); // Saturday
        Calendar.AddBusinessTime(Lima(2026, 11, 26, 6), TimeSpan.FromMinutes(30)).Should().Be(Lima(2026, 11, 26, 9));
    }

    [Fact]
    public void Holidays_are_skipped()
    {
        // Monday 7 Dec 2026 10:00 + 40 h: 7.5 h on Monday, 8 and 9 Dec are holidays,
        // Thu 10 (9), Fri 11 (9), Mon 14 (9) = 34.5 h; 5.5 h left on Tue 15 → 14:00.
        var due = SlaDueTimes.Compute(Lima(2026, 12, 7, 10), Priority.Baja, SlaTargets.Default, Calendar);
        due.ResolutionDueUtc.Should().Be(Lima(2026, 12, 15, 14));
    }

    [Theory]
    [InlineData(2026, 4, 2, "Jueves Santo")]
    [InlineData(2026, 4, 3, "Viernes Santo")]
    [InlineData(2027, 3, 25, "Jueves Santo")]
    [InlineData(2027, 3, 26, "Viernes Santo")]
    [InlineData(2026, 7, 28, "Fiestas Patrias")]
    [InlineData(2026, 8, 30, "Santa Rosa de Lima")]
    [InlineData(2026, 12, 9, "Batalla de Ayacucho")]
    public void Peru_holidays_include_the_movable_Easter_days(int y, int m, int d, string name)
    {
        PeruHolidays.For(y).Should().Contain(new Holiday(new DateOnly(y, m, d), name));
        Calendar.IsWorkingDay(new DateOnly(y, m, d)).Should().BeFalse();
    }

    [Fact]
    public void Business_time_between_two_instants_skips_nights_weekends_and_holidays()
    {
        // Fri 4 Dec 16:30 → Thu 10 Dec 09:30: Fri 1 h, Mon 9 h, (8 and 9 holidays), Thu 1 h.
        Calendar.BusinessTimeBetween(Lima(2026, 12, 4, 16, 30), Lima(2026, 12, 10, 9, 30)).Should().Be(TimeSpan.FromHours(11));
        Calendar.BusinessTimeBetween(Lima(2026, 12, 10, 9), Lima(2026, 12, 10, 8)).Should().Be(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(16)]
    [InlineData(40)]
    public void Adding_business_time_and_measuring_it_agree(int hours)
    {
        var start = Lima(2026, 12, 4, 11, 15);
        var due = Calendar.AddBusinessTime(start, TimeSpan.FromHours(hours));
        Calendar.BusinessTimeBetween(start, due).Should().Be(TimeSpan.FromHours(hours));
    }

    [Fact]
    public void Default_targets_are_those_of_the_agency()
    {
        SlaTargets.Default.For(Priority.Alta).Should().Be(new SlaTarget(TimeSpan.FromHours(1), TimeSpan.FromHours(4)));
        SlaTargets.Default.For(Priority.Media).Should().Be(new SlaTarget(TimeSpan.FromHours(4), TimeSpan.FromHours(16)));
        SlaTargets.Default.For(Priority.Baja).Should().Be(new SlaTarget(TimeSpan.FromHours(8), TimeSpan.FromHours(40)));
    }

    [Fact]
    public void The_warning_point_is_75_percent_of_the_business_time_to_due()
    {
        var policy = new SlaPolicy(SlaTargets.Default, Calendar);
        // Alta resolution (4 h) from Friday 17:00 is Monday 12:00; 3 h of business time is Monday 11:00.
        policy.WarningAt(Lima(2026, 11, 27, 17), Lima(2026, 11, 30, 12)).Should().Be(Lima(2026, 11, 30, 11));
    }

    [Fact]
    public void A_calendar_without_working_days_or_with_inverted_hours_is_refused()
    {
        var noDays = () => new BusinessCalendar(BusinessCalendar.Lima, new TimeOnly(8, 30), new TimeOnly(17, 30), [], []);
        noDays.Should().Throw<DomainException>();
        var inverted = () => new BusinessCalendar(BusinessCalendar.Lima, new TimeOnly(17, 30), new TimeOnly(8, 30), [DayOfWeek.Monday], []);
        inverted.Should().Throw<DomainException>();
    }
}

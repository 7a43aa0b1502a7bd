using Siget.Core.Priorities;
using Siget.Core.Sla;
using Siget.Core.Tests.Support;

namespace Siget.Core.Tests.Sla;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.PeruDefault(2026, 2027);

    [Fact]
    public void The_default_calendar_is_Monday_to_Friday_08_30_to_17_30_in_Lima()
    {
        (Calendar.WorkdayStart, Calendar.WorkdayEnd).Should().Be((new TimeOnly(8, 30), new TimeOnly(17, 30)));
        Calendar.TimeZone.Id.Should().Be("America/Lima");
        Calendar.IsWorkingDay(new DateOnly(2026, 11, 27)).Should().BeTrue();   // Friday
        Calendar.IsWorkingDay(new DateOnly(2026, 11, 28)).Should().BeFalse();  // Saturday
        Calendar.IsWorkingDay(new DateOnly(2026, 11, 29)).Should().BeFalse();  // Sunday
        Calendar.IsWorkingDay(new DateOnly(2026, 11, 30)).Should().BeTrue();   // Monday
    }

    [Theory]
    [InlineData(1, 15)]
    [InlineData(7, 15)]
    public void Lima_is_UTC_minus_5_all_year(int month, int day)
    {
        var local = new DateTime(2026, month, day, 10, 0, 0);
        Calendar.ToUtc(local).Should().Be(new DateTime(2026, month, day, 15, 0, 0, DateTimeKind.Utc));
        Calendar.ToLocal(new DateTime(2026, month, day, 15, 0, 0, DateTimeKind.Utc)).Should().Be(local);
        BusinessCalendar.Lima.GetUtcOffset(local).Should().Be(TimeSpan.FromHours(-5));
    }

    [Fact]
    public void A_high_priority_ticket_registered_Friday_at_17_00_is_due_on_Monday()
    {
        var due = SlaDueTimes.Compute(Lima.At(2026, 11, 27, 17), Priority.Alta, SlaTargets.Default, Calendar);

        due.FirstResponseDueUtc.Should().Be(Lima.At(2026, 11, 30, 9));   // 30 min Friday + 30 min Monday
        due.ResolutionDueUtc.Should().Be(Lima.At(2026, 11, 30, 12));     // 30 min Friday + 3 h 30 Monday
        due.FirstResponseDueUtc.Kind.Should().Be(DateTimeKind.Utc);
    }

    public static TheoryData<DateTime, double, DateTime, string> Additions => new()
    {
        { Lima.At(2026, 11, 25, 20), 1, Lima.At(2026, 11, 26, 9, 30), "Wednesday night: counts from Thursday 08:30" },
        { Lima.At(2026, 11, 26, 6), 0.5, Lima.At(2026, 11, 26, 9), "before opening: counts from 08:30" },
        { Lima.At(2026, 11, 28, 11), 1, Lima.At(2026, 11, 30, 9, 30), "Saturday: counts from Monday 08:30" },
        { Lima.At(2026, 11, 29, 23, 59), 1, Lima.At(2026, 11, 30, 9, 30), "Sunday night: Monday 08:30" },
        { Lima.At(2026, 11, 27, 17, 30), 1, Lima.At(2026, 11, 30, 9, 30), "Friday at closing time: Monday" },
        { Lima.At(2026, 11, 30, 8, 29), 0, Lima.At(2026, 11, 30, 8, 30), "nothing to add still waits for opening" },
        { Lima.At(2026, 11, 30, 8, 30), 9, Lima.At(2026, 11, 30, 17, 30), "a full day ends at closing time, not the next morning" },
        { Lima.At(2026, 11, 30, 10), 2.25, Lima.At(2026, 11, 30, 12, 15), "inside one day" },
        { Lima.At(2026, 4, 1, 17), 1, Lima.At(2026, 4, 6, 9), "Jueves and Viernes Santo 2026 (2 and 3 Apr) are skipped" },
        { Lima.At(2027, 3, 24, 17), 1, Lima.At(2027, 3, 29, 9), "Jueves and Viernes Santo 2027 (25 and 26 Mar) are skipped" },
        { Lima.At(2026, 7, 22, 17), 4, Lima.At(2026, 7, 24, 12), "23 Jul (Fuerza Aérea) is skipped" },
        { Lima.At(2026, 12, 31, 16, 30), 8, Lima.At(2027, 1, 4, 15, 30), "Año Nuevo and the weekend: 1 h Thu 31, 7 h Mon 4" },
        { Lima.At(2026, 12, 24, 16, 30), 2, Lima.At(2026, 12, 28, 9, 30), "Navidad (Friday 25 Dec) and the weekend" },
    };

    [Theory]
    [MemberData(nameof(Additions))]
    public void Business_time_runs_only_in_working_hours_of_working_days(DateTime startUtc, double hours, DateTime expectedUtc, string why)
    {
        Calendar.AddBusinessTime(startUtc, TimeSpan.FromHours(hours)).Should().Be(expectedUtc, why);
    }

    [Fact]
    public void A_low_priority_ticket_of_Monday_7_December_skips_the_two_holidays_that_follow()
    {
        // Registered Monday 7 Dec 2026 10:00 Lima. Tuesday 8 (Inmaculada Concepción) and Wednesday 9 (Batalla de
        // Ayacucho) are holidays.
        // First response, 8 h: Mon 10:00–17:30 = 7.5 h; 0.5 h left → Thursday 10 Dec 09:00.
        // Resolution, 40 h: Mon 7.5 h (32.5 left), Thu 10: 9 h (23.5), Fri 11: 9 h (14.5), Sat/Sun skipped,
        // Mon 14: 9 h (5.5) → Tuesday 15 Dec 08:30 + 5 h 30 = 14:00.
        var due = SlaDueTimes.Compute(Lima.At(2026, 12, 7, 10), Priority.Baja, SlaTargets.Default, Calendar);

        due.FirstResponseDueUtc.Should().Be(Lima.At(2026, 12, 10, 9));
        due.ResolutionDueUtc.Should().Be(Lima.At(2026, 12, 15, 14));
    }

    [Fact]
    public void The_same_low_priority_ticket_in_a_week_without_holidays_is_due_two_working_days_earlier()
    {
        // Monday 23 Nov 2026 10:00 + 40 h: Mon 7.5, Tue 9, Wed 9, Thu 9 (34.5) → Friday 27 Nov 14:00.
        SlaDueTimes.Compute(Lima.At(2026, 11, 23, 10), Priority.Baja, SlaTargets.Default, Calendar)
            .ResolutionDueUtc.Should().Be(Lima.At(2026, 11, 27, 14));
    }

    [Fact]
    public void A_negative_duration_is_refused()
    {
        var act = () => Calendar.AddBusinessTime(Lima.At(2026, 11, 25, 10), TimeSpan.FromMinutes(-1));
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    public static TheoryData<DateTime, DateTime, double, string> Intervals => new()
    {
        { Lima.At(2026, 12, 4, 16, 30), Lima.At(2026, 12, 10, 9, 30), 11, "Fri 1 h + Mon 9 h + (8 and 9 Dec holidays) + Thu 1 h" },
        { Lima.At(2026, 11, 27, 17), Lima.At(2026, 11, 30, 9), 1, "Fri 30 min + Mon 30 min across the weekend" },
        { Lima.At(2026, 4, 1, 12), Lima.At(2026, 4, 6, 12), 9, "Wed 5.5 h + Mon 3.5 h across Semana Santa" },
        { Lima.At(2026, 11, 28, 9), Lima.At(2026, 11, 29, 18), 0, "a whole weekend" },
        { Lima.At(2026, 12, 8, 9), Lima.At(2026, 12, 9, 17), 0, "two holidays" },
        { Lima.At(2026, 11, 25, 18), Lima.At(2026, 11, 26, 8), 0, "a night" },
        { Lima.At(2026, 11, 25, 7), Lima.At(2026, 11, 25, 19), 9, "a full working day from before opening to after closing" },
        { Lima.At(2026, 11, 25, 11), Lima.At(2026, 11, 25, 11), 0, "no time at all" },
        { Lima.At(2026, 11, 26, 11), Lima.At(2026, 11, 25, 11), 0, "the end before the start" },
    };

    [Theory]
    [MemberData(nameof(Intervals))]
    public void Business_time_between_two_instants_skips_nights_weekends_and_holidays(DateTime fromUtc, DateTime toUtc, double hours, string why)
    {
        Calendar.BusinessTimeBetween(fromUtc, toUtc).Should().Be(TimeSpan.FromHours(hours), why);
    }

    public static TheoryData<DateTime, double> Samples()
    {
        DateTime[] starts =
        [
            Lima.At(2026, 12, 4, 11, 15),  // Friday before the December holidays
            Lima.At(2026, 12, 7, 17, 29),  // Monday, one minute before closing
            Lima.At(2026, 4, 1, 3),        // Wednesday night before Semana Santa
            Lima.At(2026, 11, 28, 12),     // Saturday
            Lima.At(2026, 12, 31, 16, 30), // last working hour of the year
            Lima.At(2027, 7, 27, 9, 45),   // the day before Fiestas Patrias
        ];
        double[] hours = [0, 0.25, 1, 4, 8, 16, 40, 100];
        var data = new TheoryData<DateTime, double>();
        foreach (var start in starts)
            foreach (var h in hours)
                data.Add(start, h);
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Adding_business_time_and_measuring_it_give_back_the_same_duration(DateTime startUtc, double hours)
    {
        var due = Calendar.AddBusinessTime(startUtc, TimeSpan.FromHours(hours));
        Calendar.BusinessTimeBetween(startUtc, due).Should().Be(TimeSpan.FromHours(hours));
    }

    [Theory]
    [InlineData(2026, 12, 4, 11, 15, 2026, 12, 10, 9, 45)]
    [InlineData(2026, 11, 28, 12, 0, 2026, 12, 1, 16, 0)]
    [InlineData(2026, 4, 1, 3, 0, 2026, 4, 7, 10, 10)]
    [InlineData(2026, 12, 31, 16, 30, 2027, 1, 5, 8, 31)]
    public void Measuring_to_a_working_instant_and_adding_it_back_lands_on_that_instant(
        int y1, int m1, int d1, int h1, int mi1, int y2, int m2, int d2, int h2, int mi2)
    {
        var (start, end) = (Lima.At(y1, m1, d1, h1, mi1), Lima.At(y2, m2, d2, h2, mi2));
        Calendar.AddBusinessTime(start, Calendar.BusinessTimeBetween(start, end)).Should().Be(end);
    }

    [Fact]
    public void The_warning_point_is_75_percent_of_the_business_time_to_due()
    {
        var policy = new SlaPolicy(SlaTargets.Default, Calendar);
        // Alta resolution (4 h) from Friday 17:00 is Monday 12:00; 3 h of business time is Monday 11:00.
        policy.WarningAt(Lima.At(2026, 11, 27, 17), Lima.At(2026, 11, 30, 12)).Should().Be(Lima.At(2026, 11, 30, 11));
    }

    [Fact]
    public void A_calendar_without_working_days_or_with_inverted_hours_is_refused()
    {
        var noDays = () => new BusinessCalendar(BusinessCalendar.Lima, new TimeOnly(8, 30), new TimeOnly(17, 30), [], []);
        noDays.Should().Throw<DomainException>().WithMessage("El calendario debe tener al menos un día laborable.");
        var inverted = () => new BusinessCalendar(BusinessCalendar.Lima, new TimeOnly(17, 30), new TimeOnly(8, 30), [DayOfWeek.Monday], []);
        inverted.Should().Throw<DomainException>().WithMessage("La hora de fin de la jornada debe ser posterior a la de inicio.");
    }

    [Fact]
    public void A_day_the_administrator_declares_non_working_is_skipped()
    {
        var extraDay = new DateOnly(2026, 11, 26);
        var calendar = new BusinessCalendar(BusinessCalendar.Lima, new TimeOnly(8, 30), new TimeOnly(17, 30),
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            PeruHolidays.For(2026).Select(h => h.Date).Append(extraDay));

        calendar.IsWorkingDay(extraDay).Should().BeFalse();
        calendar.AddBusinessTime(Lima.At(2026, 11, 25, 17), TimeSpan.FromHours(1)).Should().Be(Lima.At(2026, 11, 27, 9));
    }
}

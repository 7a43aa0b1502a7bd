using Siget.Core.Sla;
using Siget.Core.Tests.Support;

namespace Siget.Core.Tests.Sla;

public class PeruHolidaysTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.PeruDefault(2026, 2027);

    private static Holiday[] Expected(int year, (int Month, int Day) jueves, (int Month, int Day) viernes) =>
    [
        new(new DateOnly(year, 1, 1), "Año Nuevo"),
        new(new DateOnly(year, jueves.Month, jueves.Day), "Jueves Santo"),
        new(new DateOnly(year, viernes.Month, viernes.Day), "Viernes Santo"),
        new(new DateOnly(year, 5, 1), "Día del Trabajo"),
        new(new DateOnly(year, 6, 7), "Batalla de Arica y Día de la Bandera"),
        new(new DateOnly(year, 6, 29), "San Pedro y San Pablo"),
        new(new DateOnly(year, 7, 23), "Día de la Fuerza Aérea del Perú"),
        new(new DateOnly(year, 7, 28), "Fiestas Patrias"),
        new(new DateOnly(year, 7, 29), "Fiestas Patrias"),
        new(new DateOnly(year, 8, 6), "Batalla de Junín"),
        new(new DateOnly(year, 8, 30), "Santa Rosa de Lima"),
        new(new DateOnly(year, 10, 8), "Combate de Angamos"),
        new(new DateOnly(year, 11, 1), "Todos los Santos"),
        new(new DateOnly(year, 12, 8), "Inmaculada Concepción"),
        new(new DateOnly(year, 12, 9), "Batalla de Ayacucho"),
        new(new DateOnly(year, 12, 25), "Navidad"),
    ];

    [Fact]
    public void The_holidays_of_2026_are_the_national_ones_with_Semana_Santa_on_2_and_3_April()
    {
        PeruHolidays.For(2026).Should().BeEquivalentTo(Expected(2026, (4, 2), (4, 3)));
    }

    [Fact]
    public void The_holidays_of_2027_are_the_national_ones_with_Semana_Santa_on_25_and_26_March()
    {
        PeruHolidays.For(2027).Should().BeEquivalentTo(Expected(2027, (3, 25), (3, 26)));
    }

    [Theory]
    [InlineData(2026)]
    [InlineData(2027)]
    public void No_holiday_of_the_loaded_years_is_a_working_day(int year)
    {
        foreach (var holiday in PeruHolidays.For(year))
            Calendar.IsWorkingDay(holiday.Date).Should().BeFalse($"{holiday.Name} {holiday.Date}");
    }

    [Theory]
    [InlineData(2008, 3, 23)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void Easter_Sunday_is_computed_for_any_year(int year, int month, int day)
    {
        PeruHolidays.EasterSunday(year).Should().Be(new DateOnly(year, month, day));
    }

    [Fact]
    public void Ordinary_weekdays_next_to_holidays_are_working_days()
    {
        Calendar.IsWorkingDay(new DateOnly(2026, 4, 1)).Should().BeTrue();   // Wednesday before Jueves Santo
        Calendar.IsWorkingDay(new DateOnly(2026, 12, 10)).Should().BeTrue();  // Thursday after Batalla de Ayacucho
        Calendar.IsWorkingDay(new DateOnly(2027, 3, 29)).Should().BeTrue();   // Monday after Easter 2027
    }
}

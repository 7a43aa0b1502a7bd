namespace Siget.Core.Sla;

/// <summary>Peru's national holidays (non-working days for the public sector). Administrators add the extra
/// days the government decrees each year on top of these.</summary>
public static class PeruHolidays
{
    public static IReadOnlyList<Holiday> For(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            new(new DateOnly(year, 1, 1), "Año Nuevo"),
            new(easter.AddDays(-3), "Jueves Santo"),
            new(easter.AddDays(-2), "Viernes Santo"),
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
    }

    /// <summary>Gregorian Easter Sunday (anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}

using System.Globalization;
using Siget.Console.Components.Shared;
using Siget.Core.Reports;

namespace Siget.Console.Components.Reports;

/// <summary>How the report screens write their figures (es-PE): counts, business hours, shares.</summary>
public static class ReportFormat
{
    public static readonly CultureInfo Peru = CultureInfo.GetCultureInfo("es-PE");

    public static string Number(int n) => n.ToString("N0");

    public static string Hours(TimeSpan? span) => span is { } s ? Format.Hours(s) : "—";

    // A no-break space: on a phone the figure may wrap, never apart from its unit.
    public static string Percent(Share share) => share.Percent is { } p ? $"{p.ToString("0.0", Peru)}\u00A0%" : "—";

    public static string Of(Share share) => $"{share.Part:N0} de {share.Whole:N0}";

    public static string BarWidth(int count, int total) => total == 0 ? "0%" : $"{(100.0 * count / total).ToString("0.#", CultureInfo.InvariantCulture)}%";

    public static string MonthName(DateOnly date) => date.ToString("MMMM 'de' yyyy", Peru);

    /// <summary>"lunes a viernes, 08:30–17:30, sin feriados", from the calendar in force.</summary>
    public static string Workday(Siget.Core.Sla.BusinessCalendar calendar) =>
        $"{Days(calendar)}, {calendar.WorkdayStart.ToString("HH:mm", CultureInfo.InvariantCulture)}–{calendar.WorkdayEnd.ToString("HH:mm", CultureInfo.InvariantCulture)}, sin feriados";

    private static string Days(Siget.Core.Sla.BusinessCalendar calendar)
    {
        var days = Enum.GetValues<DayOfWeek>().Where(d => calendar.WorksOn(d)).ToList();
        var names = Peru.DateTimeFormat.DayNames;
        return days.SequenceEqual([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday])
            ? "lunes a viernes" : string.Join(", ", days.Select(d => names[(int)d]));
    }
}

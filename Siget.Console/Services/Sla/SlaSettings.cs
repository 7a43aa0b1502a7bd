using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Siget.Core.Sla;

namespace Siget.Console.Services.Sla;

/// <summary>SLA targets (business hours) and the business calendar, from the "Sla" configuration section.</summary>
public sealed class SlaOptions : IValidatableObject
{
    public const string Section = "Sla";

    public TargetHours Alta { get; set; } = new() { FirstResponse = 1, Resolution = 4 };
    public TargetHours Media { get; set; } = new() { FirstResponse = 4, Resolution = 16 };
    public TargetHours Baja { get; set; } = new() { FirstResponse = 8, Resolution = 40 };
    public string TimeZone { get; set; } = "America/Lima";
    public string WorkdayStart { get; set; } = "08:30";
    public string WorkdayEnd { get; set; } = "17:30";
    /// <summary>Extra non-working days decreed by the government (yyyy-MM-dd), on top of the national holidays.</summary>
    public List<string> ExtraHolidays { get; set; } = [];

    public sealed class TargetHours
    {
        public double FirstResponse { get; set; }
        public double Resolution { get; set; }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        foreach (var (name, target) in new[] { ("Alta", Alta), ("Media", Media), ("Baja", Baja) })
        {
            if (target.FirstResponse <= 0 || target.Resolution <= 0)
                yield return new($"Sla:{name}: los tiempos deben ser mayores que cero.");
            else if (target.FirstResponse > target.Resolution)
                yield return new($"Sla:{name}: la primera respuesta no puede exceder el tiempo de resolución.");
        }
        if (!TryTime(WorkdayStart, out var start) || !TryTime(WorkdayEnd, out var end) || end <= start)
            yield return new("Sla:WorkdayStart/WorkdayEnd deben ser horas HH:mm con el fin posterior al inicio.");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return new($"Sla:TimeZone '{TimeZone}' no es una zona horaria conocida.");
        foreach (var day in ExtraHolidays.Where(d => !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            yield return new($"Sla:ExtraHolidays: '{day}' no es una fecha yyyy-MM-dd.");
    }

    /// <summary>The policy new tickets are computed with: national holidays of last, this and next year plus the extra days.</summary>
    public SlaPolicy ToPolicy(int currentYear)
    {
        static SlaTarget Target(TargetHours h) => new(TimeSpan.FromHours(h.FirstResponse), TimeSpan.FromHours(h.Resolution));
        TryTime(WorkdayStart, out var start);
        TryTime(WorkdayEnd, out var end);
        var holidays = Enumerable.Range(currentYear - 1, 3).SelectMany(PeruHolidays.For).Select(h => h.Date)
            .Concat(ExtraHolidays.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var calendar = new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById(TimeZone), start, end,
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], holidays);
        return new SlaPolicy(new SlaTargets(Target(Alta), Target(Media), Target(Baja)), calendar);
    }

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}

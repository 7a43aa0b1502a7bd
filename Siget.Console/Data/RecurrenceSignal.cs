namespace Siget.Console.Data;

/// <summary>
/// What the recurrence watch last did about one group (subcategory and unit): when it told the supervisors, and
/// when a supervisor dismissed the suggestion. It tells once per window, and a dismissed group comes back only with
/// incidents newer than the dismissal.
/// </summary>
public class RecurrenceSignal
{
    public int Id { get; set; }
    public int SubcategoryCode { get; set; }
    public int? UnitId { get; set; }
    public DateTime? NotifiedAtUtc { get; set; }
    public DateTime? DismissedAtUtc { get; set; }
    public string? DismissedByName { get; set; }
}

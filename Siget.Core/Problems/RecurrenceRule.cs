namespace Siget.Core.Problems;

/// <summary>
/// When incidents recur enough to suggest a problem: at least <see cref="Threshold"/> incidents of one subcategory in
/// one unit or Tambo, registered within the last <see cref="WindowDays"/> days and not linked to a problem yet.
/// Set by the administrator (Configuración).
/// </summary>
public sealed class RecurrenceRule
{
    public const int MinThreshold = 2, MaxThreshold = 100, MinWindowDays = 1, MaxWindowDays = 90;

    public int Threshold { get; set; } = 5;
    public int WindowDays { get; set; } = 7;

    public DateTime WindowStartUtc(DateTime nowUtc) => nowUtc.AddDays(-WindowDays);

    public IEnumerable<string> Problems()
    {
        if (Threshold is < MinThreshold or > MaxThreshold)
            yield return $"El umbral de incidentes repetidos va de {MinThreshold} a {MaxThreshold}.";
        if (WindowDays is < MinWindowDays or > MaxWindowDays)
            yield return $"La ventana para detectar incidentes repetidos va de {MinWindowDays} a {MaxWindowDays} días.";
    }
}

/// <summary>A group of recent incidents of one subcategory in one unit (or with no unit) that reached the threshold.</summary>
public sealed record RecurringIncidents(int SubcategoryCode, int? UnitId, string? UnitName, int Count, DateTime FirstAtUtc, DateTime LastAtUtc)
{
    public (int SubcategoryCode, int? UnitId) Key => (SubcategoryCode, UnitId);
}

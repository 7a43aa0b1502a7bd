namespace Siget.Core.Priorities;

/// <summary>Priority of attention (Anexo 4). Higher value = served first.</summary>
public enum Priority
{
    Baja = 1,
    Media = 2,
    Alta = 3,
}

/// <summary>How much of the unit's or Tambo's operating capacity the failure takes away (Anexo 4).</summary>
public enum OperatingImpact
{
    /// <summary>Restricts slightly, about 10 %.</summary>
    Leve = 1,
    /// <summary>Restricts partially, about 30 %.</summary>
    Parcial = 2,
    /// <summary>Cancels it totally, 100 %.</summary>
    Total = 3,
}

public static class PriorityNames
{
    public static string Label(this Priority priority) => priority switch
    {
        Priority.Baja => "Baja",
        Priority.Media => "Media",
        Priority.Alta => "Alta",
        _ => priority.ToString(),
    };

    public static string Label(this OperatingImpact impact) => impact switch
    {
        OperatingImpact.Leve => "Leve (alrededor del 10 %)",
        OperatingImpact.Parcial => "Parcial (alrededor del 30 %)",
        OperatingImpact.Total => "Total (100 %)",
        _ => impact.ToString(),
    };
}

namespace Siget.Core.Priorities;

/// <summary>
/// Anexo 4: the person registering answers two questions (impact on the operating capacity, and whether
/// alternative equipment or systems exist) and the priority follows. The seed names the pure cases
/// (leve + alternativa = Baja, parcial + alternativa = Media, total + sin alternativa = Alta); the mixed
/// ones follow the same reading: having no alternative raises one step, an alternative keeps a total
/// failure from being Alta because the service to the public can go on.
/// </summary>
public static class PriorityMatrix
{
    public static Priority For(OperatingImpact impact, bool alternativeAvailable) => (impact, alternativeAvailable) switch
    {
        (OperatingImpact.Leve, true) => Priority.Baja,
        (OperatingImpact.Leve, false) => Priority.Media,
        (OperatingImpact.Parcial, true) => Priority.Media,
        (OperatingImpact.Parcial, false) => Priority.Alta,
        (OperatingImpact.Total, true) => Priority.Media,
        (OperatingImpact.Total, false) => Priority.Alta,
        _ => throw new DomainException("Indique el impacto en la capacidad operativa."),
    };
}

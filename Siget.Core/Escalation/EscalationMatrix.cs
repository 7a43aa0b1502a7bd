using Siget.Core.Access;

namespace Siget.Core.Escalation;

/// <summary>One way up the matrix: from a level to a destination, the rows of Anexo 3 whose criteria apply, and who may send it.</summary>
public sealed record EscalationRoute(SupportLevel From, SupportLevel To, IReadOnlyList<int> Rows, IReadOnlyList<Role> By)
{
    public IReadOnlyList<EscalationCriterion> Criteria => EscalationMatrix.Criteria.Where(c => Rows.Contains(c.Row)).ToList();
}

/// <summary>
/// Anexo 3, read row by row: each row says when that row's responsible person sends a case to that row's destination.
/// Row 1: the level-1 técnico sends to Nivel 2. Row 2: the especialista sends to Nivel 3. Row 3: the especialista or the
/// Ejecutivo de la UTI sends to the vendor company (Nivel 3), for reasons that call for a vendor. Row 4: the Ejecutivo
/// sends to the Dirección Ejecutiva. So N2 → N3 offers rows 2 and 3 together; going to the Ejecutivo (Nivel 4, from
/// Nivel 2 or 3) and on to the Dirección Ejecutiva offers row 4. The supervisor (Ejecutivo de la UTI) may act on any route.
/// </summary>
public static class EscalationMatrix
{
    /// <summary>Recorded by the SLA engine when the standard time passes without significant progress.</summary>
    public const string NoProgressCriterionCode = "N1-TIEMPO";

    /// <summary>Every criterion ever offered. History keeps only the code, so codes and texts never change; a criterion
    /// no longer offered stays here (with no route offering its row) so that old history still reads it.</summary>
    public static IReadOnlyList<EscalationCriterion> Criteria { get; } =
    [
        new("N1-RECURSOS", 1, "La incidencia o petición no puede ser resuelta con los recursos disponibles"),
        new(NoProgressCriterionCode, 1, "Se superó el tiempo estándar de resolución sin avance significativo"),
        new("N1-IMPACTO", 1, "Impacto crítico en el negocio o afecta a múltiples usuarios"),
        new("N2-CONOCIMIENTO", 2, "Requiere conocimientos técnicos especializados no disponibles en Nivel 1"),
        new("N2-INFRAESTRUCTURA", 2, "La resolución requiere cambios en la infraestructura o configuraciones críticas"),
        new("N2-AREAS", 2, "Se necesita la intervención de múltiples áreas técnicas de la UTI"),
        new("N3-EXTERNO", 3, "Involucra software, hardware o servicios gestionados externamente"),
        new("N3-FABRICANTE", 3, "Se requiere soporte de fabricantes o terceros según el acuerdo de nivel de servicio"),
        new("N3-NO-RESUELTO", 3, "Problema no resuelto a nivel interno que necesita la intervención del proveedor"),
        new("N4-IMPACTO", 4, "Impacto significativo en la operación o reputación de la organización"),
        new("N4-DECISION", 4, "Se requieren decisiones de alto nivel (cambios de emergencia o inversiones)"),
    ];

    public static IReadOnlyList<EscalationRoute> Routes { get; } =
    [
        new(SupportLevel.Nivel1, SupportLevel.Nivel2, [1], [Role.Tecnico, Role.Supervisor, Role.Sistema]),
        new(SupportLevel.Nivel2, SupportLevel.Nivel3, [2, 3], [Role.Especialista, Role.Supervisor]),
        new(SupportLevel.Nivel2, SupportLevel.Nivel4, [4], [Role.Especialista, Role.Supervisor]),
        new(SupportLevel.Nivel3, SupportLevel.Nivel4, [4], [Role.Especialista, Role.Supervisor]),
        new(SupportLevel.Nivel4, SupportLevel.DireccionEjecutiva, [4], [Role.Supervisor]),
    ];

    public static EscalationCriterion? Find(string? code) => Criteria.FirstOrDefault(c => c.Code == code);

    /// <summary>Where a ticket at <paramref name="level"/> may be escalated to, lowest first; none at the top.</summary>
    public static IReadOnlyList<EscalationRoute> RoutesFrom(SupportLevel level) => Routes.Where(r => r.From == level).ToList();

    public static EscalationRoute? Route(SupportLevel from, SupportLevel to) => Routes.FirstOrDefault(r => r.From == from && r.To == to);

    /// <summary>The criteria offered for escalating from <paramref name="from"/> to <paramref name="to"/> (none if that is no route).</summary>
    public static IReadOnlyList<EscalationCriterion> CriteriaFor(SupportLevel from, SupportLevel to) => Route(from, to)?.Criteria ?? [];

    /// <summary>The route a criterion takes from <paramref name="from"/>: its row names the destination (rows never share a
    /// destination from the same level).</summary>
    public static EscalationRoute? RouteFor(SupportLevel from, string? criterionCode) =>
        Find(criterionCode) is { } criterion ? Routes.FirstOrDefault(r => r.From == from && r.Rows.Contains(criterion.Row)) : null;

    /// <summary>Whether <paramref name="role"/> may escalate a ticket that is at <paramref name="level"/> on some route.</summary>
    public static bool MayEscalateFrom(Role role, SupportLevel level) => RoutesFrom(level).Any(r => r.By.Contains(role));

    /// <summary>The role of the people who work a ticket at a level; level 4 and beyond belong to the head of UTI.</summary>
    public static Role WorkedBy(SupportLevel level) => level switch
    {
        SupportLevel.Nivel1 => Role.Tecnico,
        SupportLevel.Nivel2 => Role.Especialista,
        SupportLevel.Nivel3 => Role.Proveedor,
        _ => Role.Supervisor,
    };
}

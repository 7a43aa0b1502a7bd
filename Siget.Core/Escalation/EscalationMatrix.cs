using Siget.Core.Access;

namespace Siget.Core.Escalation;

/// <summary>
/// Anexo 3. Each row: the criteria for leaving a level, who may escalate from it, and where the ticket goes.
/// Supervisors (Ejecutivo de la UTI) may escalate from any level; they alone send a case to Dirección Ejecutiva.
/// </summary>
public static class EscalationMatrix
{
    /// <summary>Recorded by the SLA engine when the standard time passes without significant progress.</summary>
    public const string NoProgressCriterionCode = "N1-TIEMPO";

    public static IReadOnlyList<EscalationCriterion> Criteria { get; } =
    [
        new("N1-RECURSOS", SupportLevel.Nivel1, "La incidencia o petición no puede ser resuelta con los recursos disponibles"),
        new(NoProgressCriterionCode, SupportLevel.Nivel1, "Se superó el tiempo estándar de resolución sin avance significativo"),
        new("N1-IMPACTO", SupportLevel.Nivel1, "Impacto crítico en el negocio o afecta a múltiples usuarios"),
        new("N2-CONOCIMIENTO", SupportLevel.Nivel2, "Requiere conocimientos técnicos especializados no disponibles en Nivel 1"),
        new("N2-INFRAESTRUCTURA", SupportLevel.Nivel2, "La resolución requiere cambios en la infraestructura o configuraciones críticas"),
        new("N2-AREAS", SupportLevel.Nivel2, "Se necesita la intervención de múltiples áreas técnicas de la UTI"),
        new("N3-EXTERNO", SupportLevel.Nivel3, "Involucra software, hardware o servicios gestionados externamente"),
        new("N3-FABRICANTE", SupportLevel.Nivel3, "Se requiere soporte de fabricantes o terceros según el acuerdo de nivel de servicio"),
        new("N3-NO-RESUELTO", SupportLevel.Nivel3, "Problema no resuelto a nivel interno que necesita la intervención del proveedor"),
        new("N4-IMPACTO", SupportLevel.Nivel4, "Impacto significativo en la operación o reputación de la organización"),
        new("N4-DECISION", SupportLevel.Nivel4, "Se requieren decisiones de alto nivel (cambios de emergencia o inversiones)"),
    ];

    public static IReadOnlyList<EscalationCriterion> CriteriaFrom(SupportLevel level) =>
        Criteria.Where(c => c.From == level).ToList();

    public static EscalationCriterion? Find(string? code) => Criteria.FirstOrDefault(c => c.Code == code);

    /// <summary>The level a ticket goes to when escalated from <paramref name="level"/>; null at the top.</summary>
    public static SupportLevel? Next(SupportLevel level) =>
        level == SupportLevel.DireccionEjecutiva ? null : level + 1;

    /// <summary>Who may escalate a ticket that is at <paramref name="level"/> (the "responsable" column).</summary>
    public static bool MayEscalateFrom(Role role, SupportLevel level) => level switch
    {
        SupportLevel.Nivel1 => role is Role.Tecnico or Role.Supervisor or Role.Sistema,
        SupportLevel.Nivel2 => role is Role.Especialista or Role.Supervisor or Role.Sistema,
        SupportLevel.Nivel3 => role is Role.Especialista or Role.Supervisor or Role.Sistema,
        SupportLevel.Nivel4 => role is Role.Supervisor,
        _ => false,
    };

    /// <summary>The role of the people who work a ticket at a level; level 4 and beyond belong to the head of UTI.</summary>
    public static Role WorkedBy(SupportLevel level) => level switch
    {
        SupportLevel.Nivel1 => Role.Tecnico,
        SupportLevel.Nivel2 => Role.Especialista,
        SupportLevel.Nivel3 => Role.Proveedor,
        _ => Role.Supervisor,
    };
}

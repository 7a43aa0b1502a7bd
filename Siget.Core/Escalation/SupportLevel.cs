namespace Siget.Core.Escalation;

/// <summary>Levels of the escalation matrix (Anexo 3); Dirección Ejecutiva lies beyond level 4.</summary>
public enum SupportLevel
{
    Nivel1 = 1,
    Nivel2 = 2,
    Nivel3 = 3,
    Nivel4 = 4,
    DireccionEjecutiva = 5,
}

public static class SupportLevelNames
{
    public static string Label(this SupportLevel level) => level switch
    {
        SupportLevel.Nivel1 => "Nivel 1 · Soporte técnico",
        SupportLevel.Nivel2 => "Nivel 2 · Especialistas de TI",
        SupportLevel.Nivel3 => "Nivel 3 · Proveedor",
        SupportLevel.Nivel4 => "Nivel 4 · Ejecutivo de la UTI",
        SupportLevel.DireccionEjecutiva => "Dirección Ejecutiva",
        _ => level.ToString(),
    };

    /// <summary>Where the ticket is, as the requester understands it.</summary>
    public static string RequesterLabel(this SupportLevel level) => level switch
    {
        SupportLevel.Nivel1 => "En atención por soporte",
        SupportLevel.Nivel2 => "Escalado a especialista",
        SupportLevel.Nivel3 => "Con proveedor externo",
        SupportLevel.Nivel4 => "En revisión por la jefatura de la UTI",
        _ => "En revisión por la Dirección Ejecutiva",
    };

    public static string ShortLabel(this SupportLevel level) => level switch
    {
        SupportLevel.DireccionEjecutiva => "DE",
        _ => $"N{(int)level}",
    };
}

namespace Siget.Core.Tickets;

/// <summary>What can happen to a ticket; every one leaves a history entry.</summary>
public enum TicketAction
{
    Registrar = 0,
    Tomar = 1,
    Reasignar = 2,
    Escalar = 3,
    Resolver = 4,
    Reabrir = 5,
    Finalizar = 6,
    Anular = 7,
    /// <summary>A public reply; not a state transition.</summary>
    Responder = 8,
    /// <summary>An internal note; not a state transition.</summary>
    AnotarNota = 9,
    /// <summary>Back to the level's queue, nobody assigned.</summary>
    Liberar = 10,
    /// <summary>Back down to a lower level (supervisors only).</summary>
    Devolver = 11,
    /// <summary>Linked to the problem that explains it; not a state transition.</summary>
    VincularProblema = 12,
    DesvincularProblema = 13,
    /// <summary>Taken over from a colleague marked Ausente, with a reason.</summary>
    Asumir = 14,
}

public static class TicketActionNames
{
    public static string Label(this TicketAction action) => action switch
    {
        TicketAction.Registrar => "Registrar",
        TicketAction.Tomar => "Tomar",
        TicketAction.Reasignar => "Reasignar",
        TicketAction.Escalar => "Escalar",
        TicketAction.Resolver => "Resolver",
        TicketAction.Reabrir => "Reabrir",
        TicketAction.Finalizar => "Finalizar",
        TicketAction.Anular => "Anular",
        TicketAction.Responder => "Responder",
        TicketAction.AnotarNota => "Nota interna",
        TicketAction.Liberar => "Devolver a la cola",
        TicketAction.Devolver => "Bajar de nivel",
        TicketAction.VincularProblema => "Vincular a un problema",
        TicketAction.DesvincularProblema => "Desvincular del problema",
        TicketAction.Asumir => "Asumir",
        _ => action.ToString(),
    };

    /// <summary>The past tense shown in the timeline ("Escalado", "Resuelto").</summary>
    public static string PastLabel(this TicketAction action) => action switch
    {
        TicketAction.Registrar => "Registrado",
        TicketAction.Tomar => "Tomado",
        TicketAction.Reasignar => "Reasignado",
        TicketAction.Escalar => "Escalado",
        TicketAction.Resolver => "Resuelto",
        TicketAction.Reabrir => "Reabierto",
        TicketAction.Finalizar => "Finalizado",
        TicketAction.Anular => "Anulado",
        TicketAction.Responder => "Respuesta",
        TicketAction.AnotarNota => "Nota interna",
        TicketAction.Liberar => "Devuelto a la cola",
        TicketAction.Devolver => "Bajado de nivel",
        TicketAction.VincularProblema => "Vinculado a un problema",
        TicketAction.DesvincularProblema => "Desvinculado del problema",
        TicketAction.Asumir => "Asumido",
        _ => action.ToString(),
    };

    /// <summary>The infinitive used in refusals: "No se puede {verb} un ticket…".</summary>
    internal static string Verb(this TicketAction action) => action switch
    {
        TicketAction.Tomar => "tomar",
        TicketAction.Reasignar => "reasignar",
        TicketAction.Escalar => "escalar",
        TicketAction.Resolver => "resolver",
        TicketAction.Reabrir => "reabrir",
        TicketAction.Finalizar => "finalizar",
        TicketAction.Anular => "anular",
        TicketAction.Responder => "responder",
        TicketAction.AnotarNota => "anotar",
        TicketAction.Liberar => "liberar",
        TicketAction.Devolver => "devolver",
        TicketAction.Asumir => "asumir",
        _ => "registrar",
    };
}

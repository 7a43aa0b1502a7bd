using Siget.Console.Live;
using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Console.Components.Tickets;

/// <summary>Why a change of the person's own was not made: its own merits, or someone else's change meanwhile.</summary>
public sealed record ChangeRefused(string Message, bool LostRace);

/// <summary>
/// A change to a ticket in a few words for the person reading its page: "Ana Ruiz tomó su ticket" for its requester,
/// "Ana Ruiz tomó el ticket" for the team, "usted tomó el ticket" for the reader who did it in another tab.
/// Lower-case start: it follows "Actualizado: " or "Mientras tanto, " (see <see cref="Sentence"/>).
/// </summary>
public static class TicketNews
{
    public static string Of(TicketChanged change, Actor reader) =>
        Of(change.Action, change.ActorName, change.ActorId == reader.UserId, change.Level, change.AssigneeName, reader);

    public static string Of(TicketHistoryEntry entry, SupportLevel level, Actor reader) =>
        Of(entry.Action, entry.ActorName, entry.ActorId == reader.UserId, entry.ToLevel ?? level, entry.ToAssignee, reader);

    public static string Of(TicketAction action, string actorName, bool byReader, SupportLevel level, string? assigneeName, Actor reader)
    {
        var requester = reader.Role == Role.Usuario;
        var who = byReader ? "usted" : actorName;
        var it = requester ? "su ticket" : "el ticket";
        return action switch
        {
            TicketAction.Registrar => $"{who} registró {it}",
            TicketAction.Tomar => $"{who} tomó {it}",
            TicketAction.Asumir => $"{who} asumió {it}",
            TicketAction.Reasignar when assigneeName is not null => $"{who} asignó {it} a {(assigneeName == reader.Name && !requester ? "usted" : assigneeName)}",
            TicketAction.Reasignar => $"{who} reasignó {it}",
            TicketAction.Escalar when requester => $"{who} escaló su ticket; ahora está «{level.RequesterLabel()}»",
            TicketAction.Escalar => $"{who} escaló el ticket a {level.Label()}",
            TicketAction.Devolver when requester => $"{who} cambió quién atiende su ticket; ahora está «{level.RequesterLabel()}»",
            TicketAction.Devolver => $"{who} bajó el ticket a {level.Label()}",
            TicketAction.Liberar when requester => "su ticket volvió a la cola de atención",
            TicketAction.Liberar => $"{who} devolvió el ticket a la cola de {level.Label()}",
            TicketAction.Resolver when requester && !byReader => $"{who} resolvió su ticket; revise la solución",
            TicketAction.Resolver => $"{who} resolvió {it}",
            TicketAction.Reabrir => $"{who} reabrió {it}",
            TicketAction.Finalizar => $"{who} finalizó {it}",
            TicketAction.Anular => $"{who} anuló {it}",
            TicketAction.Responder when requester && !byReader => $"{who} le respondió",
            TicketAction.Responder => $"{who} respondió en {it}",
            TicketAction.AnotarNota => $"{who} agregó una nota interna",
            TicketAction.VincularProblema => $"{who} vinculó {it} a un problema",
            TicketAction.DesvincularProblema => $"{who} desvinculó {it} del problema",
            _ => $"{who} actualizó {it}",
        };
    }

    /// <summary>What happened to the ticket after the reader lost sight of it, with where it is not any more.</summary>
    public static string Departure(TicketChanged? change, Actor reader)
    {
        var what = change is null ? "el ticket pasó a otro nivel o responsable" : Of(change, reader);
        return $"{what}; {(reader.Role == Role.Proveedor ? "ya no está con su empresa" : "ya no está en su cola")}";
    }

    public static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + ".";
}

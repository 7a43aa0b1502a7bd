using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Support;

/// <summary>Performs any action of the lifecycle with valid inputs, so only the state and the actor decide
/// whether it is allowed.</summary>
public static class TicketMoves
{
    public const string Note = "Cambio de turno.";
    public const string EscalationReason = "Requiere revisar el servidor de impresión.";
    public const string Solution = "Se reinstaló el controlador de la impresora.";
    public const string ReopenReason = "La impresora sigue sin imprimir.";
    public const string CancelReason = "Duplicado del ticket 2026-000010.";
    public const string ReleaseNote = "Sale de vacaciones; que lo tome otro.";
    public const string SendBackReason = "No requiere este nivel: es un cambio de tóner.";
    public static readonly ReopenRequest OnBehalf = new(Actors.Requester.Name, Siget.Core.Catalog.Channel.Telefono);

    public static void Do(Ticket ticket, TicketAction action, Actor actor, DateTime nowUtc)
    {
        switch (action)
        {
            case TicketAction.Tomar: ticket.Take(actor, nowUtc); break;
            case TicketAction.Reasignar: ticket.Reassign(actor, ReassignTarget(ticket), Note, nowUtc); break;
            case TicketAction.Liberar: ticket.Release(actor, ReleaseNote, nowUtc); break;
            // One level down; a return to level 3 names the vendor company.
            case TicketAction.Devolver: ticket.SendBack(actor, ticket.Level - 1, SendBackReason, Actors.VendorCompany, nowUtc); break;
            case TicketAction.Escalar: ticket.Escalate(actor, CriterionFor(ticket.Level), EscalationReason, Actors.VendorCompany, nowUtc); break;
            case TicketAction.Resolver: ticket.Resolve(actor, Solution, nowUtc); break;
            // Anyone but the requester reopens on the requester's behalf, saying who asked and how (6.6).
            case TicketAction.Reabrir: ticket.Reopen(actor, ReopenReason, nowUtc, OnBehalf); break;
            case TicketAction.Finalizar: ticket.Finalize(actor, nowUtc, new Satisfaction(5, null)); break;
            case TicketAction.Anular: ticket.Cancel(actor, CancelReason, nowUtc); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    /// <summary>What the history entry of each action keeps as its reason (the requester's closing keeps their rating).</summary>
    public static string? RecordedReason(TicketAction action, Actor actor) => action switch
    {
        TicketAction.Finalizar when actor.Role == Role.Usuario => "Calificación: 5 de 5",
        TicketAction.Reasignar => Note,
        TicketAction.Liberar => ReleaseNote,
        TicketAction.Escalar => EscalationReason,
        TicketAction.Devolver => SendBackReason,
        TicketAction.Resolver => Solution,
        TicketAction.Reabrir when actor.Role == Role.Usuario => ReopenReason,
        TicketAction.Reabrir => $"A pedido de {OnBehalf.RequestedBy} (por teléfono): {ReopenReason}",
        TicketAction.Anular => CancelReason,
        _ => null,
    };

    /// <summary>Someone who works at the ticket's level and does not hold it yet.</summary>
    public static Actor ReassignTarget(Ticket ticket) =>
        new[] { Actors.WorkerAt(ticket.Level), Actors.ColleagueAt(ticket.Level) }.First(a => a.UserId != ticket.AssigneeId);

    // One level up; Dirección Ejecutiva has no route: any code will do, the move is refused before it is read.
    private static string CriterionFor(SupportLevel level) =>
        EscalationMatrix.CriteriaFor(level, level + 1).FirstOrDefault()?.Code ?? "N4-DECISION";
}

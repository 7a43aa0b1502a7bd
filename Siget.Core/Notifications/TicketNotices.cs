using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Sla;
using Siget.Core.Tickets;

namespace Siget.Core.Notifications;

/// <summary>What happened to a ticket, as the notification rules need to know it: the ticket after the change,
/// and who held it before.</summary>
public sealed record TicketChange(Ticket Ticket, TicketAction Action, Actor Actor, string? PreviousAssigneeId, TicketState PreviousState);

/// <summary>
/// Who is told what. The assignee: on assignment, escalation, a requester's reply and an SLA warning or breach; a
/// person whose ticket a colleague took over while they were away, of that and why.
/// Supervisors: on an SLA warning or breach and on escalation to level 4 and beyond. The requester: on state changes
/// and public replies. Nobody is told of their own action. Each person gets at most one notification per change (the
/// first that applies: being handed the ticket says more than its escalation); an SLA review may tell one person a
/// warning on one clock and a breach on the other.
/// </summary>
public static class TicketNotices
{
    public static IReadOnlyList<Notification> ForChange(TicketChange change, IReadOnlyCollection<string> supervisorIds, DateTime nowUtc)
    {
        var (ticket, action, actor, previousAssigneeId, previousState) = change;
        var notices = new Notices(ticket, actor, nowUtc, onePerPerson: true);
        var number = ticket.Number;
        var assigned = ticket.AssigneeId is not null && ticket.AssigneeId != previousAssigneeId;

        switch (action)
        {
            case TicketAction.Escalar:
            case TicketAction.Devolver:
                var verb = action == TicketAction.Escalar ? "escalado" : "devuelto";
                if (assigned) notices.Add(ticket.AssigneeId, NotificationKind.Asignacion, $"Se le asignó el ticket {number} ({verb} a {ticket.Level.Label()}): {ticket.Subject}");
                notices.Add(previousAssigneeId, NotificationKind.Escalamiento, $"El ticket {number} fue {verb} a {ticket.Level.Label()} por {actor.Name}.");
                if (action == TicketAction.Escalar && ticket.Level >= SupportLevel.Nivel4)
                    foreach (var id in supervisorIds)
                        notices.Add(id, NotificationKind.Escalamiento, $"El ticket {number} fue escalado a {ticket.Level.Label()} y requiere su decisión: {ticket.Subject}");
                break;
            case TicketAction.Reasignar:
            case TicketAction.Tomar:
                if (assigned) notices.Add(ticket.AssigneeId, NotificationKind.Asignacion, $"Se le asignó el ticket {number}: {ticket.Subject}");
                notices.Add(previousAssigneeId, NotificationKind.Asignacion, $"El ticket {number} fue reasignado a {ticket.AssigneeName}.");
                break;
            case TicketAction.Asumir:
                notices.Add(previousAssigneeId, NotificationKind.Asignacion,
                    $"{actor.Name} asumió su ticket {number} mientras usted estaba ausente: {ticket.History[^1].Reason}");
                break;
            case TicketAction.Liberar:
                notices.Add(previousAssigneeId, NotificationKind.Asignacion, $"El ticket {number} volvió a la cola de {ticket.Level.Label()}.");
                break;
            case TicketAction.Reabrir:
            case TicketAction.Anular:
                notices.Add(ticket.AssigneeId ?? previousAssigneeId, NotificationKind.CambioDeEstado,
                    $"El ticket {number} fue {action.PastLabel().ToLowerInvariant()} por {actor.Name}.");
                break;
            case TicketAction.Registrar:
                if (assigned) notices.Add(ticket.AssigneeId, NotificationKind.Asignacion, $"Se le asignó el ticket {number}: {ticket.Subject}");
                break;
        }
        // A cancellation tells the requester why, in the words written for them (the reason itself is internal).
        if (ticket.State != previousState && action != TicketAction.Registrar)
            notices.Add(ticket.RequesterId, NotificationKind.CambioDeEstado, ticket.CancellationNoticeForRequester is { } why
                ? $"Su ticket {number} está ahora «{ticket.State.Label()}»: {why}"
                : $"Su ticket {number} está ahora «{ticket.State.Label()}».");
        return notices.All;
    }

    public static IReadOnlyList<Notification> ForReply(Ticket ticket, Actor author, bool isInternal, DateTime nowUtc)
    {
        var notices = new Notices(ticket, author, nowUtc, onePerPerson: true);
        if (isInternal) return notices.All; // notes are for the people working the ticket, who see them on its page
        if (author.UserId == ticket.RequesterId)
            notices.Add(ticket.AssigneeId, NotificationKind.RespuestaDelUsuario, $"{author.Name} respondió en el ticket {ticket.Number}.");
        else
            notices.Add(ticket.RequesterId, NotificationKind.RespuestaDeLaUti, $"Hay una nueva respuesta en su ticket {ticket.Number}.");
        return notices.All;
    }

    public static IReadOnlyList<Notification> ForSla(Ticket ticket, SlaReview review, string? previousAssigneeId,
        IReadOnlyCollection<string> supervisorIds, DateTime nowUtc)
    {
        var notices = new Notices(ticket, Actor.System, nowUtc, onePerPerson: false);
        // One notification per kind: a clock jump that breaches both clocks says so in one message.
        foreach (var group in review.Alerts.GroupBy(a => a.Kind))
        {
            var clocks = string.Join(" y de ", group.Select(a => a.Clock.Label()));
            var (kind, text) = group.Key == SlaAlertKind.Advertencia
                ? (NotificationKind.AdvertenciaSla, $"El ticket {ticket.Number} consumió el 75 % de su plazo de {clocks}.")
                : (NotificationKind.VencimientoSla, $"Venció el plazo de {clocks} del ticket {ticket.Number}.");
            notices.Add(previousAssigneeId, kind, text);
            foreach (var id in supervisorIds) notices.Add(id, kind, text);
        }
        if (review.Escalated)
        {
            var text = $"El ticket {ticket.Number} se escaló automáticamente a {ticket.Level.Label()}: se superó el tiempo estándar de resolución sin avance significativo.";
            notices.Add(previousAssigneeId, NotificationKind.Escalamiento, text);
            foreach (var id in supervisorIds) notices.Add(id, NotificationKind.Escalamiento, text);
            notices.Add(ticket.RequesterId, NotificationKind.CambioDeEstado, $"Su ticket {ticket.Number} pasó a {ticket.Level.Label()} para su atención.");
        }
        return notices.All;
    }

    /// <summary>Collects notifications, skipping the actor, empty recipients and repeats: of the same person, or with
    /// <paramref name="onePerPerson"/> false of the same (person, kind).</summary>
    private sealed class Notices(Ticket ticket, Actor actor, DateTime nowUtc, bool onePerPerson)
    {
        private readonly HashSet<string> _told = [];
        public List<Notification> All { get; } = [];

        public void Add(string? recipientId, NotificationKind kind, string text)
        {
            if (string.IsNullOrEmpty(recipientId) || recipientId == actor.UserId) return;
            if (!_told.Add(onePerPerson ? recipientId : $"{recipientId}|{(int)kind}")) return;
            All.Add(new Notification(recipientId, kind, ticket.Id, ticket.Number, text, nowUtc));
        }
    }
}

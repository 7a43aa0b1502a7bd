using Siget.Core.Escalation;

namespace Siget.Core.Tickets;

/// <summary>One immutable line of a ticket's history: who, when (UTC), what, from, to, why.</summary>
public sealed class TicketHistoryEntry
{
    private TicketHistoryEntry() { ActorId = ""; ActorName = ""; }

    internal TicketHistoryEntry(DateTime atUtc, Access.Actor actor, TicketAction action)
    {
        AtUtc = atUtc;
        ActorId = actor.UserId;
        ActorName = actor.Name;
        Action = action;
    }

    public long Id { get; private set; }
    public int TicketId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string ActorId { get; private set; }
    public string ActorName { get; private set; }
    public TicketAction Action { get; private set; }
    public TicketState? FromState { get; internal init; }
    public TicketState? ToState { get; internal init; }
    public SupportLevel? FromLevel { get; internal init; }
    public SupportLevel? ToLevel { get; internal init; }
    public string? FromAssignee { get; internal init; }
    public string? ToAssignee { get; internal init; }
    public string? CriterionCode { get; internal init; }
    /// <summary>Why: the reason, note or actions taken, as the person wrote it.</summary>
    public string? Reason { get; internal init; }
    /// <summary>What the requester is told about this change when its reason is internal (the message a supervisor
    /// writes for them when cancelling).</summary>
    public string? RequesterNote { get; internal init; }

    /// <summary>The entry without its criterion and reason (internal working details), for the requester's timeline;
    /// what was written for the requester stays.</summary>
    internal TicketHistoryEntry WithoutInternals() => new()
    {
        Id = Id, TicketId = TicketId, AtUtc = AtUtc, ActorId = ActorId, ActorName = ActorName, Action = Action,
        FromState = FromState, ToState = ToState, FromLevel = FromLevel, ToLevel = ToLevel,
        FromAssignee = FromAssignee, ToAssignee = ToAssignee, RequesterNote = RequesterNote,
    };
}

using Siget.Core.Access;

namespace Siget.Core.Problems;

/// <summary>One immutable line of a problem's history: who, when (UTC), what, from, to, which incident, why.</summary>
public sealed class ProblemHistoryEntry
{
    private ProblemHistoryEntry() { ActorId = ""; ActorName = ""; }

    internal ProblemHistoryEntry(DateTime atUtc, Actor actor, ProblemAction action)
    {
        AtUtc = atUtc;
        ActorId = actor.UserId;
        ActorName = actor.Name;
        Action = action;
    }

    public long Id { get; private set; }
    public int ProblemId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string ActorId { get; private set; }
    public string ActorName { get; private set; }
    public ProblemAction Action { get; private set; }
    public ProblemState? FromState { get; internal init; }
    public ProblemState? ToState { get; internal init; }
    /// <summary>The incident linked or unlinked.</summary>
    public string? TicketNumber { get; internal init; }
    public string? Reason { get; internal init; }

    /// <summary>The entry without the incident's number and subject, for a reader who may not see that incident.</summary>
    public ProblemHistoryEntry WithoutIncident() => new()
    {
        Id = Id, ProblemId = ProblemId, AtUtc = AtUtc, ActorId = ActorId, ActorName = ActorName, Action = Action,
        FromState = FromState, ToState = ToState, Reason = "Un incidente que usted no ve",
    };
}

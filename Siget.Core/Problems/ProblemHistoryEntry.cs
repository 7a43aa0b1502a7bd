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
}

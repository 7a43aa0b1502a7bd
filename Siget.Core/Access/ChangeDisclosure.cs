using Siget.Core.Tickets;

namespace Siget.Core.Access;

/// <summary>How much of a change to a ticket a person is told live (on their screens and on <c>/hubs/queue</c>).</summary>
public enum ChangeDisclosure
{
    /// <summary>Nothing: they do not follow the ticket, or the change is internal and they may not read internal notes.</summary>
    None,
    /// <summary>The ticket they were showing has just left their view: who moved it and to which level, nothing more.</summary>
    Departure,
    /// <summary>What happened, with the names their ticket page shows them, and no user id but their own.</summary>
    Outline,
    /// <summary>Everything the change carries: for whoever may read the ticket's internal notes.</summary>
    Full,
}

/// <summary>
/// The one rule of what a person hears of a change to a ticket. Whoever may read the ticket's internal notes (UTI
/// staff, the vendor user holding it) hears everything; anyone else who follows the ticket (its requester, a colleague
/// of the vendor user holding it) hears what the public history shows them, and nothing of internal changes.
/// </summary>
public static class TicketChangeAccess
{
    /// <summary>Changes whose content is the team's internal working: an internal note.</summary>
    public static bool IsInternal(TicketAction action) => action == TicketAction.AnotarNota;

    /// <param name="follows">Whether they follow the ticket as it is after the change (<see cref="TicketAccess.FollowedBy"/>).</param>
    /// <param name="showing">Whether a screen of theirs shows the ticket live, so that it is told when the ticket leaves.</param>
    public static ChangeDisclosure For(Actor actor, Ticket ticket, TicketAction action, bool follows, bool showing)
    {
        if (!follows && !showing) return ChangeDisclosure.None;
        var insider = ticket.MayReadInternalNotes(actor);
        if (IsInternal(action) && !insider) return ChangeDisclosure.None;
        if (!follows) return showing && !IsInternal(action) ? ChangeDisclosure.Departure : ChangeDisclosure.None;
        return insider ? ChangeDisclosure.Full : ChangeDisclosure.Outline;
    }
}

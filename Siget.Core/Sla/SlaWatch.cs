namespace Siget.Core.Sla;

/// <summary>
/// The few facts of an open ticket the SLA engine reads on every pass, to find which tickets have something new to
/// tell without loading them whole. <see cref="Tickets.Ticket.ReviewSla"/> applies the same rule to the full ticket.
/// </summary>
public readonly record struct SlaWatch(
    DateTime RegisteredAtUtc, DateTime FirstResponseDueUtc, DateTime ResolutionDueUtc,
    DateTime? FirstResponseAtUtc, DateTime? ResolvedAtUtc, SlaMarks Marks)
{
    /// <summary>The next instant a warning or a breach is due and not yet told; null when there is nothing left to tell.</summary>
    public DateTime? NextAlertAtUtc(SlaPolicy sla)
    {
        DateTime? next = null;
        if (FirstResponseAtUtc is null) next = Earliest(next, Pending(sla, FirstResponseDueUtc, SlaMarks.ResponseWarned, SlaMarks.ResponseBreached));
        if (ResolvedAtUtc is null) next = Earliest(next, Pending(sla, ResolutionDueUtc, SlaMarks.ResolutionWarned, SlaMarks.ResolutionBreached));
        return next;
    }

    private DateTime? Pending(SlaPolicy sla, DateTime dueUtc, SlaMarks warned, SlaMarks breached) =>
        Marks.HasFlag(breached) ? null : Marks.HasFlag(warned) ? dueUtc : sla.WarningAt(RegisteredAtUtc, dueUtc);

    private static DateTime? Earliest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;
}

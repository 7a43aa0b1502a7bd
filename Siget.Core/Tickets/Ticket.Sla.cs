using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Sla;

namespace Siget.Core.Tickets;

public sealed partial class Ticket
{
    public SlaMarks SlaMarks { get; private set; }

    /// <summary>
    /// Looks at both clocks at <paramref name="nowUtc"/> and returns what has not been told yet: a warning at 75 % of a
    /// target, a breach at its due time (a clock that jumped past both gives only the breach). At the resolution
    /// breach, a level-1 ticket with no significant progress since its first-response due time is escalated to
    /// level 2 by Sistema with criterion <see cref="EscalationMatrix.NoProgressCriterionCode"/> (Anexo 3).
    /// Each alert is marked on the ticket, so a second review, after a restart or in an overlapping pass, finds nothing new.
    /// </summary>
    public SlaReview ReviewSla(SlaPolicy sla, DateTime nowUtc)
    {
        if (!IsOpen) return SlaReview.Nothing;
        var alerts = new List<SlaAlert>();
        if (FirstResponseAtUtc is null)
            Check(SlaClock.PrimeraRespuesta, FirstResponseDueUtc, SlaMarks.ResponseWarned, SlaMarks.ResponseBreached);
        if (ResolvedAtUtc is null)
            Check(SlaClock.Resolucion, ResolutionDueUtc, SlaMarks.ResolutionWarned, SlaMarks.ResolutionBreached);

        var escalated = false;
        if (alerts.Any(a => a is { Clock: SlaClock.Resolucion, Kind: SlaAlertKind.Vencimiento })
            && Level == SupportLevel.Nivel1 && LastProgressAtUtc <= FirstResponseDueUtc)
        {
            var criterion = EscalationMatrix.Find(EscalationMatrix.NoProgressCriterionCode)!;
            Escalate(Actor.System, criterion.Code,
                $"{criterion.Text}: venció el plazo de resolución y no hubo avance desde el vencimiento de la primera respuesta.",
                null, nowUtc);
            escalated = true;
        }
        return alerts.Count == 0 ? SlaReview.Nothing : new SlaReview(alerts, escalated);

        void Check(SlaClock clock, DateTime dueUtc, SlaMarks warned, SlaMarks breached)
        {
            if (SlaMarks.HasFlag(breached)) return;
            if (nowUtc >= dueUtc)
            {
                SlaMarks |= warned | breached;
                alerts.Add(new SlaAlert(clock, SlaAlertKind.Vencimiento, dueUtc));
            }
            else if (!SlaMarks.HasFlag(warned) && nowUtc >= sla.WarningAt(RegisteredAtUtc, dueUtc))
            {
                SlaMarks |= warned;
                alerts.Add(new SlaAlert(clock, SlaAlertKind.Advertencia, dueUtc));
            }
        }
    }
}

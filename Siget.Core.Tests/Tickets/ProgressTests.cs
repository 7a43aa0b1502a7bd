using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Tickets;

/// <summary>Significant progress (what keeps the SLA engine from escalating): registration, a change of state or
/// level, or a public reply from someone other than the requester.</summary>
public class ProgressTests
{
    [Fact]
    public void Registration_is_the_first_progress()
    {
        var builder = new TicketBuilder();
        var registeredAt = builder.Now;

        builder.Registered().LastProgressAtUtc.Should().Be(registeredAt);
    }

    public enum Step { Take, ReassignInProcess, Release, Escalate, SendBack, Resolve, PublicStaffReply, RequesterReply, InternalNote }

    [Theory]
    [InlineData(Step.Take, true)]
    [InlineData(Step.Release, true)]
    [InlineData(Step.Escalate, true)]
    [InlineData(Step.SendBack, true)]
    [InlineData(Step.Resolve, true)]
    [InlineData(Step.PublicStaffReply, true)]
    [InlineData(Step.ReassignInProcess, false)] // same state, same level: only the person changes
    [InlineData(Step.RequesterReply, false)]
    [InlineData(Step.InternalNote, false)]
    public void What_counts_as_progress(Step step, bool counts)
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel2);
        var ticket = builder.InState(step == Step.Take ? TicketState.EnCola : TicketState.EnProceso);
        var before = ticket.LastProgressAtUtc;
        var now = builder.Tick();

        switch (step)
        {
            case Step.Take: ticket.Take(Actors.Specialist, now); break;
            case Step.ReassignInProcess: ticket.Reassign(Actors.Supervisor, Actors.OtherSpecialist, null, now); break;
            case Step.Release: ticket.Release(Actors.Specialist, null, now); break;
            case Step.Escalate: ticket.Escalate(Actors.Specialist, "N2-AREAS", "Varias áreas.", Actors.VendorCompany, now); break;
            case Step.SendBack: ticket.SendBack(Actors.Supervisor, SupportLevel.Nivel1, "Lo ve soporte.", null, now); break;
            case Step.Resolve: ticket.Resolve(Actors.Specialist, "Se reconfiguró la cola de impresión.", now); break;
            case Step.PublicStaffReply: ticket.Reply(Actors.Specialist, "Estamos en ello.", isInternal: false, now); break;
            case Step.RequesterReply: ticket.Reply(Actors.Requester, "¿Alguna novedad?", isInternal: false, now); break;
            case Step.InternalNote: ticket.Reply(Actors.Specialist, "Revisar el driver.", isInternal: true, now); break;
        }

        ticket.LastProgressAtUtc.Should().Be(counts ? now : before);
    }
}

using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Tickets;

public class HistoryTests
{
    [Fact]
    public void A_ticket_story_leaves_one_entry_per_change_in_order_with_a_new_version_each_time()
    {
        var builder = new TicketBuilder();
        var clock = builder.Clock;
        var times = new List<DateTime> { builder.Now };
        var ticket = builder.Registered();

        DateTime Next(TimeSpan after) { clock.Advance(after); times.Add(builder.Now); return builder.Now; }

        ticket.Take(Actors.Technician, Next(TimeSpan.FromMinutes(12)));
        ticket.Escalate(Actors.Technician, "N1-RECURSOS", "No hay repuesto.", null, Next(TimeSpan.FromMinutes(40)));
        ticket.Take(Actors.Specialist, Next(TimeSpan.FromHours(1)));
        ticket.Resolve(Actors.Specialist, "Se cambió la fuente de poder.", Next(TimeSpan.FromHours(2)));
        ticket.Reopen(Actors.Requester, "Vuelve a apagarse.", Next(TimeSpan.FromDays(1)));
        ticket.Resolve(Actors.Specialist, "Se cambió el tomacorriente.", Next(TimeSpan.FromHours(3)));
        ticket.Finalize(Actors.Requester, Next(TimeSpan.FromMinutes(30)), new Satisfaction(5, null));

        ticket.Version.Should().Be(8);
        ticket.History.Select(h => h.Action).Should().Equal(
            TicketAction.Registrar, TicketAction.Tomar, TicketAction.Escalar, TicketAction.Tomar,
            TicketAction.Resolver, TicketAction.Reabrir, TicketAction.Resolver, TicketAction.Finalizar);
        ticket.History.Select(h => h.AtUtc).Should().Equal(times);
        ticket.History.Should().OnlyContain(h => h.AtUtc.Kind == DateTimeKind.Utc);
        ticket.History.Select(h => h.ActorId).Should().Equal(
            Actors.Technician.UserId, Actors.Technician.UserId, Actors.Technician.UserId, Actors.Specialist.UserId,
            Actors.Specialist.UserId, Actors.Requester.UserId, Actors.Specialist.UserId, Actors.Requester.UserId);
        for (var i = 1; i < ticket.History.Count; i++)
            ticket.History[i].FromState.Should().Be(ticket.History[i - 1].ToState, "each entry starts where the previous one ended");
        ticket.UpdatedAtUtc.Should().Be(times[^1]);
    }

    [Fact]
    public void Taking_records_who_took_it_and_reassigning_records_from_whom_to_whom()
    {
        var builder = new TicketBuilder();
        var ticket = builder.Registered();

        ticket.Take(Actors.Technician, builder.Tick());
        ticket.Reassign(Actors.Supervisor, Actors.OtherTechnician, "Luis sale de comisión.", builder.Tick());

        var take = ticket.History[^2];
        (take.FromAssignee, take.ToAssignee).Should().Be((null, Actors.Technician.Name));
        var reassign = ticket.History[^1];
        (reassign.ActorId, reassign.FromAssignee, reassign.ToAssignee, reassign.Reason)
            .Should().Be((Actors.Supervisor.UserId, Actors.Technician.Name, Actors.OtherTechnician.Name, "Luis sale de comisión."));
        (reassign.FromLevel, reassign.ToLevel, reassign.CriterionCode).Should().Be(((SupportLevel?)null, (SupportLevel?)null, (string?)null));
    }

    [Fact]
    public void Taking_a_ticket_is_its_first_response_and_the_clock_moves_to_resolution()
    {
        var builder = new TicketBuilder();
        var ticket = builder.Registered();
        ticket.NextDueUtc.Should().Be(ticket.FirstResponseDueUtc);
        var now = builder.Tick();

        ticket.Take(Actors.Technician, now);

        ticket.FirstResponseAtUtc.Should().Be(now);
        ticket.NextDueUtc.Should().Be(ticket.ResolutionDueUtc);
    }

    [Fact]
    public void A_second_take_after_escalation_does_not_move_the_first_response()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var firstResponse = ticket.FirstResponseAtUtc;

        ticket.Escalate(Actors.Technician, "N1-IMPACTO", "Afecta a todo el Tambo.", null, builder.Tick());
        ticket.Take(Actors.Specialist, builder.Tick());

        ticket.FirstResponseAtUtc.Should().Be(firstResponse);
        ticket.NextDueUtc.Should().Be(ticket.ResolutionDueUtc);
    }
}

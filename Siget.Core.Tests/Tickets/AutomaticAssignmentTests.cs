using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Tickets;

/// <summary>Sistema hands queued tickets to available people; only a person's action answers the requester.</summary>
public class AutomaticAssignmentTests
{
    [Theory]
    [InlineData(SupportLevel.Nivel1)]
    [InlineData(SupportLevel.Nivel2)]
    [InlineData(SupportLevel.Nivel3)]
    public void The_system_assigns_a_queued_ticket_without_it_counting_as_the_first_response(SupportLevel level)
    {
        var builder = new TicketBuilder().AtLevel(level);
        var ticket = builder.Registered();
        var worker = Actors.WorkerAt(level);
        var now = builder.Tick();

        ticket.Reassign(Actor.System, worker, null, now);

        (ticket.State, ticket.AssigneeId).Should().Be((TicketState.EnProceso, worker.UserId));
        ticket.FirstResponseAtUtc.Should().BeNull();
        ticket.NextDueUtc.Should().Be(ticket.FirstResponseDueUtc, "the first-response clock is still the one that matters");
        var entry = ticket.History[^1];
        (entry.Action, entry.ActorName, entry.ToAssignee).Should().Be((TicketAction.Reasignar, "Sistema", worker.Name));
    }

    [Theory]
    [InlineData(Person.Supervisor)] // handing out a queued ticket is the supervisor's act (issue 16 item 29)
    public void A_person_assigning_a_queued_ticket_gives_the_first_response(Person person)
    {
        var builder = new TicketBuilder();
        var ticket = builder.Registered();
        var now = builder.Tick();

        ticket.Reassign(Actors.Of(person), Actors.OtherTechnician, null, now);

        ticket.FirstResponseAtUtc.Should().Be(now);
        ticket.NextDueUtc.Should().Be(ticket.ResolutionDueUtc);
    }

    [Fact]
    public void After_an_automatic_assignment_the_assignees_take_on_it_is_their_public_reply()
    {
        var builder = new TicketBuilder();
        var ticket = builder.Registered();
        ticket.Reassign(Actor.System, Actors.Technician, null, builder.Tick());
        var replied = builder.Tick();

        ticket.Reply(Actors.Technician, "Voy a su oficina en diez minutos.", isInternal: false, replied);

        ticket.FirstResponseAtUtc.Should().Be(replied);
        ticket.NextDueUtc.Should().Be(ticket.ResolutionDueUtc);
    }

    [Fact]
    public void The_system_cannot_assign_a_ticket_to_someone_of_another_level()
    {
        var builder = new TicketBuilder();
        var ticket = builder.Registered();
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.Reassign(Actor.System, Actors.Specialist, null, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage($"{Actors.Specialist.Name} no atiende tickets de {SupportLevel.Nivel1.Label()}; para cambiar de nivel use Escalar.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }
}

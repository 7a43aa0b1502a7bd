using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Tickets;

public class WrongStateTests
{
    /// <summary>Every action from every state it does not start from, by the person who could do it in the right state.</summary>
    public static TheoryData<TicketState, TicketAction, Person> MovesFromWrongStates()
    {
        var data = new TheoryData<TicketState, TicketAction, Person>();
        foreach (var (action, from) in LifecycleTable.FromStates)
            foreach (var state in Enum.GetValues<TicketState>().Except(from))
            {
                data.Add(state, action, Person.Supervisor);
                data.Add(state, action, action switch
                {
                    TicketAction.Reabrir or TicketAction.Finalizar => Person.Requester,
                    TicketAction.Anular or TicketAction.Devolver => Person.OtherSupervisor,
                    _ => Person.Technician,
                });
            }
        return data;
    }

    [Theory]
    [MemberData(nameof(MovesFromWrongStates))]
    public void A_move_from_a_state_it_does_not_start_from_is_refused_in_Spanish_naming_the_state(TicketState state, TicketAction action, Person person)
    {
        var ticket = LifecycleTable.Build(SupportLevel.Nivel1, state, out var builder);
        var before = TicketSnapshot.Of(ticket);

        var act = () => TicketMoves.Do(ticket, action, Actors.Of(person), builder.Tick());

        act.Should().Throw<DomainException>()
            .WithMessage($"No se puede {LifecycleTable.Verb[action]} un ticket en estado {state.Label()}.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Theory]
    [InlineData(TicketState.EnProceso, "No se puede tomar un ticket en estado En proceso.")]
    [InlineData(TicketState.Resuelto, "No se puede tomar un ticket en estado Resuelto.")]
    [InlineData(TicketState.Finalizado, "No se puede tomar un ticket en estado Finalizado.")]
    [InlineData(TicketState.Anulado, "No se puede tomar un ticket en estado Anulado.")]
    public void Taking_a_ticket_that_is_not_in_the_queue_tells_the_person_its_state(TicketState state, string message)
    {
        var ticket = new TicketBuilder().InState(state);
        var act = () => ticket.Take(Actors.OtherTechnician, TicketBuilder.Start.AddHours(1));
        act.Should().Throw<DomainException>().WithMessage(message);
    }

    [Fact]
    public void A_closed_ticket_offers_nobody_anything()
    {
        foreach (var state in new[] { TicketState.Finalizado, TicketState.Anulado })
        {
            var ticket = new TicketBuilder().InState(state);
            foreach (var person in Enum.GetValues<Person>())
                ticket.AllowedActions(Actors.Of(person)).Should().BeEmpty($"{person} on a {state} ticket");
            ticket.IsOpen.Should().BeFalse();
        }
    }
}

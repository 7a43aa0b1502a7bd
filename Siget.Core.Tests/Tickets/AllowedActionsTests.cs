using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Tickets;

public class AllowedActionsTests
{
    public static TheoryData<SupportLevel, TicketState, Person> Grid()
    {
        var data = new TheoryData<SupportLevel, TicketState, Person>();
        foreach (var (level, state) in LifecycleTable.Situations())
            foreach (var person in Enum.GetValues<Person>())
                data.Add(level, state, person);
        return data;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Allowed_actions_are_exactly_those_of_the_lifecycle_table(SupportLevel level, TicketState state, Person person)
    {
        var ticket = LifecycleTable.Build(level, state, out _);

        ticket.AllowedActions(Actors.Of(person)).Should().Equal(LifecycleTable.Expected(level, state, person));
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void An_action_succeeds_exactly_when_it_is_offered_and_a_refusal_changes_nothing(SupportLevel level, TicketState state, Person person)
    {
        var actor = Actors.Of(person);
        foreach (var action in LifecycleTable.Transitions)
        {
            var ticket = LifecycleTable.Build(level, state, out var builder);
            var offered = ticket.AllowedActions(actor).Contains(action);
            var before = TicketSnapshot.Of(ticket);

            var act = () => TicketMoves.Do(ticket, action, actor, builder.Tick());

            if (offered)
            {
                act.Should().NotThrow($"{person} is offered {action} on a {state} ticket at {level}");
                continue;
            }
            var refusal = !LifecycleTable.FromStates[action].Contains(state)
                ? $"No se puede {LifecycleTable.Verb[action]} un ticket en estado {state.Label()}."
                : action == TicketAction.Escalar && level == SupportLevel.DireccionEjecutiva
                    ? "El ticket ya está en el nivel más alto."
                    : $"No tiene permiso para {LifecycleTable.Verb[action]} este ticket.";
            act.Should().Throw<DomainException>($"{person} is not offered {action} on a {state} ticket at {level}").WithMessage(refusal);
            TicketSnapshot.Of(ticket).Should().Be(before, $"a refused {action} must leave the ticket as it was");
        }
    }
}

using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Escalation;

/// <summary>
/// A técnico, especialista or vendor user takes over a colleague's ticket only while that colleague is marked Ausente,
/// with a reason (issue 16 item 29). Otherwise handing out someone else's ticket is the supervisor's act.
/// </summary>
public class TakingOverTests
{
    private const string Reason = "Luis está de licencia y el usuario espera.";

    public static TheoryData<SupportLevel, Person, bool> EveryoneWithTheHolderAwayOrNot()
    {
        var data = new TheoryData<SupportLevel, Person, bool>();
        foreach (var level in Enum.GetValues<SupportLevel>())
            foreach (var person in Enum.GetValues<Person>())
                foreach (var absent in new[] { true, false })
                    data.Add(level, person, absent);
        return data;
    }

    /// <summary>A colleague of the level who does not hold it (not the supervisor, who reassigns instead), and only while
    /// the holder is away. Level 3: a user of the same vendor company.</summary>
    private static bool MayTakeOver(SupportLevel level, Person person, bool absent) => absent && (level, person) is
        (SupportLevel.Nivel1, Person.OtherTechnician) or (SupportLevel.Nivel2, Person.OtherSpecialist) or (SupportLevel.Nivel3, Person.VendorColleague);

    [Theory]
    [MemberData(nameof(EveryoneWithTheHolderAwayOrNot))]
    public void Taking_over_is_offered_and_succeeds_only_to_a_colleague_of_the_level_while_the_holder_is_away(SupportLevel level, Person person, bool absent)
    {
        var builder = new TicketBuilder().AtLevel(level);
        var ticket = builder.InState(TicketState.EnProceso);
        var actor = Actors.Of(person);
        var expected = MayTakeOver(level, person, absent);
        var before = TicketSnapshot.Of(ticket);

        ticket.AllowedActions(actor, absent).Contains(TicketAction.Asumir).Should().Be(expected);
        var act = () => ticket.TakeOver(actor, Reason, absent, builder.Tick());

        if (expected)
        {
            act.Should().NotThrow();
            (ticket.AssigneeId, ticket.State, ticket.Level).Should().Be((actor.UserId, TicketState.EnProceso, level));
            return;
        }
        act.Should().Throw<DomainException>();
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Theory]
    [InlineData(SupportLevel.Nivel1)]
    [InlineData(SupportLevel.Nivel2)]
    [InlineData(SupportLevel.Nivel3)]
    public void The_history_says_who_took_it_from_whom_and_why(SupportLevel level)
    {
        var builder = new TicketBuilder().AtLevel(level);
        var ticket = builder.InState(TicketState.EnProceso);
        var (holder, colleague) = (Actors.WorkerAt(level), Actors.ColleagueAt(level));
        var (version, entries) = (ticket.Version, ticket.History.Count);
        var now = builder.Tick();

        ticket.TakeOver(colleague, $"  {Reason}  ", assigneeAbsent: true, now);

        ticket.Version.Should().Be(version + 1);
        ticket.History.Should().HaveCount(entries + 1);
        var entry = ticket.History[^1];
        (entry.Action, entry.ActorId, entry.AtUtc).Should().Be((TicketAction.Asumir, colleague.UserId, now));
        (entry.FromAssignee, entry.ToAssignee, entry.Reason).Should().Be((holder.Name, colleague.Name, Reason));
        (entry.FromState, entry.ToState).Should().Be((TicketState.EnProceso, TicketState.EnProceso));
    }

    [Fact]
    public void A_colleague_who_is_available_keeps_the_ticket_and_the_refusal_says_what_to_do_instead()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.TakeOver(Actors.OtherTechnician, Reason, assigneeAbsent: false, builder.Tick());

        act.Should().Throw<DomainException>()
            .WithMessage($"{Actors.Technician.Name} está disponible: pídale que le pase el ticket, o al Ejecutivo de la UTI que lo reasigne.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Taking_over_without_a_reason_is_refused(string? reason)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.TakeOver(Actors.OtherTechnician, reason!, assigneeAbsent: true, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage("Complete el motivo para asumir el ticket.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }
}

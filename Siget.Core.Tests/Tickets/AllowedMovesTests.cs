using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Tickets;

public class AllowedMovesTests
{
    public static TheoryData<SupportLevel, TicketState, Person, TicketAction> EveryAllowedMove()
    {
        var data = new TheoryData<SupportLevel, TicketState, Person, TicketAction>();
        foreach (var row in LifecycleTable.Rows)
            foreach (var action in row.May)
                data.Add(row.Level, row.State, row.Who, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryAllowedMove))]
    public void An_allowed_move_reaches_its_state_bumps_the_version_and_appends_one_history_entry(
        SupportLevel level, TicketState from, Person person, TicketAction action)
    {
        var actor = Actors.Of(person);
        var ticket = LifecycleTable.Build(level, from, out var builder);
        var (version, entries) = (ticket.Version, ticket.History.Count);
        var now = builder.Tick();

        TicketMoves.Do(ticket, action, actor, now);

        ticket.State.Should().Be(LifecycleTable.ToState[action]);
        ticket.Version.Should().Be(version + 1);
        ticket.UpdatedAtUtc.Should().Be(now);
        ticket.History.Should().HaveCount(entries + 1);
        var entry = ticket.History[^1];
        entry.Action.Should().Be(action);
        (entry.ActorId, entry.ActorName).Should().Be((actor.UserId, actor.Name));
        entry.AtUtc.Should().Be(now);
        entry.AtUtc.Kind.Should().Be(DateTimeKind.Utc);
        entry.FromState.Should().Be(from);
        entry.ToState.Should().Be(LifecycleTable.ToState[action]);
        entry.Reason.Should().Be(TicketMoves.RecordedReason(action, actor));
    }

    [Theory]
    [MemberData(nameof(EveryAllowedMove))]
    public void Only_escalating_and_sending_back_change_the_level(SupportLevel level, TicketState from, Person person, TicketAction action)
    {
        var ticket = LifecycleTable.Build(level, from, out var builder);

        TicketMoves.Do(ticket, action, Actors.Of(person), builder.Tick());

        ticket.Level.Should().Be(action switch
        {
            TicketAction.Escalar => level + 1,
            TicketAction.Devolver => level - 1,
            _ => level,
        });
    }
}

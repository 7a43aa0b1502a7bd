using Microsoft.EntityFrameworkCore;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

/// <summary>Two people on the same ticket: the first change wins, the second is told and nothing of it is saved.</summary>
[Collection(HelpDeskCollection.Name)]
public class ConcurrentChangesTests(HelpDeskFixture f)
{
    [Fact]
    public async Task The_second_person_acting_on_a_stale_screen_is_told_and_only_the_first_change_is_kept()
    {
        var ticket = await f.RegisterAsync($"{HelpDeskFixture.NewTag()} dos técnicos");
        var versionBothScreensShow = ticket.Version;

        await f.Commands.TakeAsync(f.Technician, ticket.Id, versionBothScreensShow);
        var secondTake = () => f.Commands.TakeAsync(f.OtherTechnician, ticket.Id, versionBothScreensShow);

        (await secondTake.Should().ThrowAsync<TicketConflictException>())
            .Which.Message.Should().Contain("modificado por otra persona");
        var stored = await f.StoredAsync(ticket.Id);
        stored.AssigneeId.Should().Be(f.Technician.UserId);
        stored.Version.Should().Be(versionBothScreensShow + 1);
        var history = await f.HistoryAsync(ticket.Id);
        history.Select(h => h.Action).Should().Equal(TicketAction.Registrar, TicketAction.Tomar);
        history[1].ActorId.Should().Be(f.Technician.UserId);
    }

    [Fact]
    public async Task A_resolution_on_a_screen_that_missed_a_cancellation_is_refused()
    {
        var ticket = await f.TakenAsync($"{HelpDeskFixture.NewTag()} anulado mientras tanto");

        await f.Commands.CancelAsync(f.Supervisor, ticket.Id, ticket.Version, "Duplicado");
        var resolve = () => f.Commands.ResolveAsync(f.Technician, ticket.Id, ticket.Version, "Se reemplazó el tóner.");

        await resolve.Should().ThrowAsync<TicketConflictException>().WithMessage("*modificado por otra persona*");
        var stored = await f.StoredAsync(ticket.Id);
        stored.State.Should().Be(TicketState.Anulado);
        stored.Solution.Should().BeNull();
        (await f.HistoryAsync(ticket.Id)).Select(h => h.Action).Should().Equal(TicketAction.Registrar, TicketAction.Tomar, TicketAction.Anular);
    }

    [Fact]
    public async Task Two_technicians_taking_the_same_ticket_at_the_same_moment_end_with_one_assignee()
    {
        for (var round = 0; round < 5; round++)
        {
            var ticket = await f.RegisterAsync($"{HelpDeskFixture.NewTag()} carrera {round}");

            var attempts = new[] { f.Technician, f.OtherTechnician }
                .Select(async tech =>
                {
                    try { await f.Commands.TakeAsync(tech, ticket.Id, ticket.Version); return (tech.UserId, Won: true); }
                    catch (TicketConflictException) { return (tech.UserId, Won: false); }
                }).ToList();
            var outcomes = await Task.WhenAll(attempts);

            outcomes.Count(o => o.Won).Should().Be(1, "exactly one of two simultaneous takes succeeds (round {0})", round);
            var winner = outcomes.Single(o => o.Won).UserId;
            (await f.StoredAsync(ticket.Id)).AssigneeId.Should().Be(winner);
            (await f.HistoryAsync(ticket.Id)).Where(h => h.Action == TicketAction.Tomar)
                .Should().ContainSingle().Which.ActorId.Should().Be(winner);
        }
    }

    [Fact]
    public async Task Saving_the_same_loaded_ticket_from_two_contexts_fails_for_the_second_because_Version_is_a_concurrency_token()
    {
        var ticket = await f.RegisterAsync($"{HelpDeskFixture.NewTag()} dos contextos");
        await using var first = f.App.CreateDbContext();
        await using var second = f.App.CreateDbContext();
        var a = await first.Tickets.SingleAsync(t => t.Id == ticket.Id);
        var b = await second.Tickets.SingleAsync(t => t.Id == ticket.Id);
        var now = f.App.Clock.GetUtcNow().UtcDateTime;
        a.Take(f.Technician, now);
        b.Take(f.OtherTechnician, now);

        await first.SaveChangesAsync();
        var saveSecond = () => second.SaveChangesAsync();

        await saveSecond.Should().ThrowAsync<DbUpdateConcurrencyException>();
        (await f.StoredAsync(ticket.Id)).AssigneeId.Should().Be(f.Technician.UserId);
        var history = await f.HistoryAsync(ticket.Id);
        history.Select(h => (h.Action, h.ActorId)).Should().Equal((TicketAction.Registrar, f.Technician.UserId), (TicketAction.Tomar, f.Technician.UserId));
    }
}

using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

/// <summary>The order the queue shows (Anexo 4, MTPE 6.3.e): priority, then preferential requesters, then the SLA due time.</summary>
[Collection(HelpDeskCollection.Name)]
public class QueueOrderTests(HelpDeskFixture f)
{
    [Fact]
    public async Task Alta_comes_before_Media_before_Baja_and_preferential_requesters_first_within_each_priority()
    {
        var tag = HelpDeskFixture.NewTag();
        // Registered in an order the queue must not keep: ordinary requesters first, preferential ones later.
        var bajaOrdinary = await Register(tag, f.Requester, OperatingImpact.Leve, alternative: true);
        var mediaOrdinary = await Register(tag, f.Requester, OperatingImpact.Parcial, alternative: true);
        var altaOrdinary = await Register(tag, f.Requester, OperatingImpact.Total, alternative: false);
        var bajaDirector = await Register(tag, f.Director, OperatingImpact.Leve, alternative: true);
        var mediaTambo = await Register(tag, f.TamboWorker, OperatingImpact.Parcial, alternative: true);
        var altaExecutive = await Register(tag, f.Executive, OperatingImpact.Total, alternative: false);

        var queue = await f.Queries.QueueAsync(f.Supervisor, new QueueFilter { Search = tag }, 0, 50);

        queue.Rows.Select(r => r.Id).Should().Equal(
            altaExecutive.Id, altaOrdinary.Id, mediaTambo.Id, mediaOrdinary.Id, bajaDirector.Id, bajaOrdinary.Id);
        queue.Rows.Select(r => (r.Priority, r.Preferential)).Should().Equal(
            (Priority.Alta, true), (Priority.Alta, false), (Priority.Media, true), (Priority.Media, false), (Priority.Baja, true), (Priority.Baja, false));
        queue.Total.Should().Be(6);
    }

    [Fact]
    public async Task Within_a_priority_the_earliest_due_time_comes_first_not_the_oldest_ticket()
    {
        var tag = HelpDeskFixture.NewTag();
        var older = await Register(tag, f.Requester, OperatingImpact.Total, alternative: false);
        f.App.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await Register(tag, f.Requester, OperatingImpact.Total, alternative: false);

        (await Ids(tag)).Should().Equal(older.Id, newer.Id);

        // Once taken, the older one waits for its resolution (4 h), later than the newer one's first response (1 h).
        await f.Commands.TakeAsync(f.Technician, older.Id, older.Version);

        var queue = await f.Queries.QueueAsync(f.Supervisor, new QueueFilter { Search = tag }, 0, 50);
        queue.Rows.Select(r => r.Id).Should().Equal(newer.Id, older.Id);
        queue.Rows[0].NextDueUtc.Should().BeBefore(queue.Rows[1].NextDueUtc!.Value);
        queue.Rows[0].AwaitingFirstResponse.Should().BeTrue();
        queue.Rows[1].AwaitingFirstResponse.Should().BeFalse();
    }

    [Fact]
    public async Task A_window_of_the_queue_continues_the_same_order_and_reports_the_total()
    {
        var tag = HelpDeskFixture.NewTag();
        for (var i = 0; i < 5; i++)
            await Register(tag, i % 2 == 0 ? f.Requester : f.Director, i < 2 ? OperatingImpact.Leve : OperatingImpact.Total, alternative: i < 2);
        var whole = await Ids(tag);

        var window = await f.Queries.QueueAsync(f.Supervisor, new QueueFilter { Search = tag }, skip: 2, take: 2);

        window.Rows.Select(r => r.Id).Should().Equal(whole.Skip(2).Take(2));
        window.Total.Should().Be(5);
    }

    [Fact]
    public async Task Closed_tickets_leave_the_open_queue_but_are_found_by_their_state()
    {
        var tag = HelpDeskFixture.NewTag();
        var open = await Register(tag, f.Requester, OperatingImpact.Total, alternative: false);
        var resolved = await f.ResolvedAsync($"{tag} resuelto");

        (await Ids(tag)).Should().Equal(open.Id);
        var resolvedOnly = await f.Queries.QueueAsync(f.Supervisor, new QueueFilter { Search = tag, States = [TicketState.Resuelto] }, 0, 50);
        resolvedOnly.Rows.Select(r => r.Id).Should().Equal(resolved.Id);
    }

    private Task<Ticket> Register(string tag, Actor requester, OperatingImpact impact, bool alternative) =>
        f.RegisterAsync($"{tag} {requester.Name}", requester, impact, alternative);

    private async Task<List<int>> Ids(string tag) =>
        (await f.Queries.QueueAsync(f.Supervisor, new QueueFilter { Search = tag }, 0, 50)).Rows.Select(r => r.Id).ToList();
}

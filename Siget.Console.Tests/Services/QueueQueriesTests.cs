using Siget.Console.Services;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Services;

public class QueueQueriesTests(TicketServicesFixture f) : IClassFixture<TicketServicesFixture>
{
    [Fact]
    public async Task The_queue_is_in_priority_then_preferential_then_due_order()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var low = await f.RegisterAsync(impact: OperatingImpact.Leve, alternative: true, subject: $"{tag} baja");
        var medium = await f.RegisterAsync(impact: OperatingImpact.Parcial, alternative: true, subject: $"{tag} media");
        var high = await f.RegisterAsync(subject: $"{tag} alta");
        f.App.Clock.Advance(TimeSpan.FromMinutes(10));
        var highLaterPreferential = await f.RegisterAsync(f.Director, subject: $"{tag} alta director");
        var highLater = await f.RegisterAsync(subject: $"{tag} alta después");

        var page = await f.Queries.QueueAsync(f.Supervisor, new QueueFilter { Search = tag }, 0, 50);

        page.Rows.Select(r => r.Id).Should().Equal(highLaterPreferential.Id, high.Id, highLater.Id, medium.Id, low.Id);
        page.Total.Should().Be(5);
        page.Rows.Should().OnlyContain(r => r.WarnAtUtc < r.NextDueUtc);
    }

    [Fact]
    public async Task Views_and_filters_narrow_the_queue()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var mine = await f.RegisterAsync(subject: $"{tag} mío");
        mine = await f.Commands.TakeAsync(f.Technician, mine.Id, mine.Version);
        var waiting = await f.RegisterAsync(impact: OperatingImpact.Leve, alternative: true, subject: $"{tag} en cola");
        var escalated = await f.RegisterAsync(subject: $"{tag} escalado");
        await f.Commands.EscalateAsync(f.Technician, escalated.Id, escalated.Version, "N1-IMPACTO", "Afecta a toda la sede", null);

        async Task<IEnumerable<int>> Ids(Siget.Core.Access.Actor actor, QueueFilter filter) =>
            (await f.Queries.QueueAsync(actor, filter with { Search = tag }, 0, 50)).Rows.Select(r => r.Id);

        (await Ids(f.Technician, new QueueFilter { View = QueueView.MiTrabajo })).Should().Equal(mine.Id);
        (await Ids(f.Technician, new QueueFilter { View = QueueView.MiNivel })).Should().Equal(waiting.Id);
        (await Ids(f.Technician, new QueueFilter())).Should().BeEquivalentTo([mine.Id, waiting.Id]);
        (await Ids(f.Specialist, new QueueFilter { View = QueueView.MiNivel })).Should().Equal(escalated.Id);
        (await Ids(f.Supervisor, new QueueFilter { Level = SupportLevel.Nivel2 })).Should().Equal(escalated.Id);
        (await Ids(f.Supervisor, new QueueFilter { Priority = Priority.Baja })).Should().Equal(waiting.Id);
        (await Ids(f.Supervisor, new QueueFilter { States = [TicketState.EnProceso] })).Should().Equal(mine.Id);
        (await f.Queries.QueueAsync(f.Supervisor, new QueueFilter { Search = waiting.Number }, 0, 10)).Rows.Should().ContainSingle(r => r.Id == waiting.Id);
    }

    [Fact]
    public async Task A_requester_reaches_only_their_own_tickets()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var theirs = await f.RegisterAsync(f.Requester, subject: $"{tag} de María");
        var others = await f.RegisterAsync(f.OtherRequester, subject: $"{tag} de Pedro");

        var page = await f.Queries.QueueAsync(f.Requester, new QueueFilter { Search = tag }, 0, 50);

        page.Rows.Select(r => r.Id).Should().Equal(theirs.Id);
        (await f.Queries.GetAsync(f.Requester, others.Number)).Should().BeNull();
        (await f.Queries.GetAsync(f.Requester, theirs.Number))!.Ticket.Id.Should().Be(theirs.Id);
        (await f.Queries.QueueAsync(f.Vendor, new QueueFilter { Search = tag }, 0, 50)).Total.Should().Be(0);
    }
}

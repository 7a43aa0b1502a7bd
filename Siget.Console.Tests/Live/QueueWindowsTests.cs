using Siget.Console.Live;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;

namespace Siget.Console.Tests.Live;

/// <summary>
/// Open queues share one query per window, view and feed version, and each person still gets exactly what the
/// queries service gives them (the access rules decide who may share).
/// </summary>
[Collection(HelpDeskCollection.Name)]
public class QueueWindowsTests(HelpDeskFixture f)
{
    private QueueWindows Windows => f.App.Service<QueueWindows>();

    private static QueueFilter Tagged(string tag, QueueView view = QueueView.Todos) => new() { View = view, Search = tag };

    private static List<int> Ids(QueueResult result) => result.Rows.Select(r => r.Id).ToList();

    private async Task<List<int>> Direct(Actor actor, QueueFilter filter) => Ids(await f.Queries.QueueAsync(actor, filter, 0, 50));

    [Fact]
    public async Task Two_technicians_asking_for_the_same_window_share_one_query_and_each_gets_their_own_rows()
    {
        var tag = HelpDeskFixture.NewTag();
        await f.RegisterAsync($"{tag} en cola");
        await f.TakenAsync($"{tag} de Luis");
        await f.TakenAsync($"{tag} de Ana", technician: f.OtherTechnician);
        var before = Windows.QueriesIssued;

        var luis = await Windows.QueueAsync(f.Technician, Tagged(tag), 0, 50);
        var ana = await Windows.QueueAsync(f.OtherTechnician, Tagged(tag), 0, 50);

        (Windows.QueriesIssued - before).Should().Be(1, "both see level 1 and have nothing of their own elsewhere");
        Ids(luis).Should().Equal(await Direct(f.Technician, Tagged(tag)));
        Ids(ana).Should().Equal(await Direct(f.OtherTechnician, Tagged(tag)));
        luis.Total.Should().Be(3);
    }

    [Fact]
    public async Task Different_windows_of_the_same_tickets_hold_one_copy_of_each_row_until_the_ticket_changes()
    {
        var tag = HelpDeskFixture.NewTag();
        var waiting = await f.RegisterAsync($"{tag} por tomar");
        var other = await f.RegisterAsync($"{tag} otro");

        var wide = await Windows.QueueAsync(f.Technician, Tagged(tag), 0, 50);
        var narrow = await Windows.QueueAsync(f.Technician, Tagged(tag), 0, 10); // another window: its own query

        narrow.Rows.Should().HaveCount(2);
        foreach (var row in narrow.Rows)
            row.Should().BeSameAs(wide.Rows.Single(r => r.Id == row.Id), "open screens showing the same ticket share its row and its markup");

        await f.Commands.TakeAsync(f.Technician, waiting.Id, waiting.Version);
        var after = await Windows.QueueAsync(f.Technician, Tagged(tag), 0, 50);

        after.Rows.Single(r => r.Id == other.Id).Should().BeSameAs(wide.Rows.Single(r => r.Id == other.Id));
        var taken = after.Rows.Single(r => r.Id == waiting.Id);
        taken.Should().NotBeSameAs(wide.Rows.Single(r => r.Id == waiting.Id));
        taken.State.Should().Be(Siget.Core.Tickets.TicketState.EnProceso, "a changed ticket's row is the new one, not the kept copy");
    }

    [Fact]
    public async Task A_published_change_is_in_the_next_answer()
    {
        var tag = HelpDeskFixture.NewTag();
        await f.RegisterAsync($"{tag} primero");
        var first = await Windows.QueueAsync(f.Technician, Tagged(tag), 0, 50);

        var added = await f.RegisterAsync($"{tag} segundo");
        var next = await Windows.QueueAsync(f.Technician, Tagged(tag), 0, 50);

        first.Total.Should().Be(1);
        next.Total.Should().Be(2);
        Ids(next).Should().Contain(added.Id);
    }

    [Fact]
    public async Task Requesters_never_share_each_gets_only_their_own_tickets()
    {
        var tag = HelpDeskFixture.NewTag();
        var hers = await f.RegisterAsync($"{tag} de María", f.Requester);
        var his = await f.RegisterAsync($"{tag} de Pedro", f.OtherRequester);
        var before = Windows.QueriesIssued;

        var maria = await Windows.QueueAsync(f.Requester, Tagged(tag), 0, 50);
        var pedro = await Windows.QueueAsync(f.OtherRequester, Tagged(tag), 0, 50);

        Ids(maria).Should().Equal(hers.Id);
        Ids(pedro).Should().Equal(his.Id);
        (Windows.QueriesIssued - before).Should().Be(2);
    }

    [Fact]
    public async Task Mi_trabajo_is_each_person_s_own()
    {
        var tag = HelpDeskFixture.NewTag();
        var mine = await f.TakenAsync($"{tag} mío");
        var anas = await f.TakenAsync($"{tag} de Ana", technician: f.OtherTechnician);

        var luis = await Windows.QueueAsync(f.Technician, Tagged(tag, QueueView.MiTrabajo), 0, 50);
        var ana = await Windows.QueueAsync(f.OtherTechnician, Tagged(tag, QueueView.MiTrabajo), 0, 50);

        Ids(luis).Should().Equal(mine.Id);
        Ids(ana).Should().Equal(anas.Id);
    }

    [Fact]
    public async Task Specialists_and_technicians_do_not_share()
    {
        var tag = HelpDeskFixture.NewTag();
        var waiting = await f.RegisterAsync($"{tag} en nivel 1");
        var escalated = await f.RegisterAsync($"{tag} escalado");
        await f.Commands.EscalateAsync(f.Technician, escalated.Id, escalated.Version, "N1-IMPACTO", "Afecta a toda la sede", null);

        var technician = await Windows.QueueAsync(f.Technician, Tagged(tag), 0, 50);
        var specialist = await Windows.QueueAsync(f.Specialist, Tagged(tag), 0, 50);

        Ids(technician).Should().Equal(waiting.Id);
        Ids(specialist).Should().Equal(escalated.Id);
    }
}

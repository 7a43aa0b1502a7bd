using Bunit;
using Siget.Console.Components.Queue;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Priorities;

namespace Siget.Console.Tests.Screens;

/// <summary>The queue page (/cola) over the real queries: what each person sees, in queue order.</summary>
[Collection(ScreensCollection.Name)]
public class QueuePageTests(HelpDeskFixture desk) : ScreenContext(desk)
{
    private IRenderedComponent<QueuePage> Open(Actor actor, string path)
    {
        SignIn(actor);
        RenderPopoverProvider();
        GoTo(path);
        var view = path.Split('?')[0].Split('/').ElementAtOrDefault(1);
        return Bunit.Render<QueuePage>(p => p.Add(x => x.Vista, view));
    }

    private static List<string> Numbers(IRenderedComponent<QueuePage> page) =>
        page.FindAll("tr.queue-row a.queue-number").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task A_technician_sees_the_rows_in_queue_order_each_linking_to_its_ticket()
    {
        var tag = HelpDeskFixture.NewTag();
        var baja = await Desk.RegisterAsync($"{tag} baja", impact: OperatingImpact.Leve, alternative: true);
        var media = await Desk.RegisterAsync($"{tag} media", impact: OperatingImpact.Parcial, alternative: true);
        var alta = await Desk.RegisterAsync($"{tag} alta");
        var altaDirector = await Desk.RegisterAsync($"{tag} alta del director", Desk.Director);

        var page = Open(Desk.Technician, $"cola?q={tag}");

        page.WaitForAssertion(() => Numbers(page).Should().Equal(altaDirector.Number, alta.Number, media.Number, baja.Number));
        page.FindAll("tr.queue-row a.queue-number").Select(a => a.GetAttribute("href"))
            .Should().Equal($"tickets/{altaDirector.Number}", $"tickets/{alta.Number}", $"tickets/{media.Number}", $"tickets/{baja.Number}");
        page.Find("h1").TextContent.Trim().Should().Be("Cola de tickets");
        page.Find("#cola-total").TextContent.Trim().Should().Be("4 tickets");
        page.Find("tr.queue-row").TextContent.Should().Contain($"{tag} alta del director").And.Contain("Jorge Castillo Pérez").And.Contain("Sin asignar");
        page.FindAll("a, button").Should().Contain(e => e.TextContent.Contains("Registrar ticket"), "staff register tickets on behalf of others");
    }

    [Fact]
    public async Task The_Mi_trabajo_view_shows_only_the_tickets_assigned_to_me()
    {
        var tag = HelpDeskFixture.NewTag();
        var mine = await Desk.TakenAsync($"{tag} mío");
        await Desk.TakenAsync($"{tag} de Ana", technician: Desk.OtherTechnician);
        await Desk.RegisterAsync($"{tag} en cola");

        var page = Open(Desk.Technician, $"cola/mi-trabajo?q={tag}");

        page.WaitForAssertion(() => Numbers(page).Should().Equal(mine.Number));
        page.Find("tr.queue-row").TextContent.Should().Contain("Luis Mendoza Ríos");
    }

    [Fact]
    public async Task A_requester_sees_Mis_tickets_with_only_their_own()
    {
        var tag = HelpDeskFixture.NewTag();
        var hers = await Desk.RegisterAsync($"{tag} de María", Desk.Requester);
        await Desk.RegisterAsync($"{tag} de Pedro", Desk.OtherRequester);

        var page = Open(Desk.Requester, $"cola?q={tag}");

        page.WaitForAssertion(() => Numbers(page).Should().Equal(hers.Number));
        page.Find("h1").TextContent.Trim().Should().Be("Mis tickets");
        page.Find("#cola-total").TextContent.Trim().Should().Be("1 ticket");
        page.Markup.Should().NotContain("Cola de mi nivel", "a requester has no level to work");
        page.FindAll("a, button").Should().NotContain(e => e.TextContent.Contains("Registrar ticket"));
    }

    [Fact]
    public async Task A_requester_without_tickets_is_told_there_are_none()
    {
        var newcomer = await Desk.App.AddPersonAsync("recien.llegada", Role.Usuario, "Diana Espinoza Vega", Desk.AdministrationUnitId, Classification.DeApoyo);

        var page = Open(newcomer, "cola");

        page.WaitForAssertion(() => page.Markup.Should().Contain("No hay tickets que coincidan con esta vista y estos filtros."));
        page.Find("h1").TextContent.Trim().Should().Be("Mis tickets");
        page.Find("#cola-total").TextContent.Trim().Should().Be("0 tickets");
        page.FindAll("tr.queue-row").Should().BeEmpty();
    }

    [Fact]
    public async Task Assignee_and_unit_from_the_address_bar_show_by_name_in_their_search_fields_and_filter_the_rows()
    {
        var tag = HelpDeskFixture.NewTag();
        var mine = await Desk.TakenAsync($"{tag} de Luis", technician: Desk.OtherTechnician);
        await Desk.TakenAsync($"{tag} de otro", technician: Desk.Technician);

        var page = Open(Desk.Technician, $"cola/todos?q={tag}&asignado={Desk.OtherTechnician.UserId}&unidad={Desk.AdministrationUnitId}");

        page.WaitForAssertion(() => Numbers(page).Should().Equal(mine.Number));
        var values = page.FindAll("input").Select(i => i.GetAttribute("value")).ToList();
        values.Should().Contain(Desk.OtherTechnician.Name).And.Contain("Unidad de Administración");
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_shows_the_empty_message_instead_of_rows()
    {
        await Desk.RegisterAsync($"{HelpDeskFixture.NewTag()} existe");

        var page = Open(Desk.Technician, $"cola?q={HelpDeskFixture.NewTag()}");

        page.WaitForAssertion(() => page.Markup.Should().Contain("No hay tickets que coincidan con esta vista y estos filtros."));
        page.FindAll("tr.queue-row").Should().BeEmpty();
    }

    [Fact]
    public async Task Changes_that_arrive_while_the_queue_refreshes_are_all_shown()
    {
        var tag = HelpDeskFixture.NewTag();
        await Desk.RegisterAsync($"{tag} antes");
        var page = Open(Desk.Technician, $"cola?q={tag}");
        page.WaitForAssertion(() => page.Find("#cola-total").TextContent.Trim().Should().Be("1 ticket"));

        // A burst: each registration publishes while the refresh for the previous one may still be running. The total
        // is read by every refresh, so it shows the last change only if no change was left without its refresh.
        // (Without a browser Virtualize knows no viewport and renders only its first rows: the rows are not counted.)
        page.WaitForAssertion(() => Numbers(page).Should().HaveCount(1));
        var before = Numbers(page)[0];
        for (var i = 0; i < 5; i++) await Desk.RegisterAsync($"{tag} ráfaga {i}");

        page.WaitForAssertion(() => page.Find("#cola-total").TextContent.Trim().Should().Be("6 tickets"), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => page.FindAll("tr.queue-row").Should().HaveCountGreaterThan(1));
        page.FindAll("tr.queue-row").Where(r => !r.TextContent.Contains(before)).Should()
            .OnlyContain(r => r.ClassList.Contains("queue-row-new"), "the new arrivals are highlighted");
    }
}

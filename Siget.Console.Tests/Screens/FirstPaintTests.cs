using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Screens;

/// <summary>
/// The page's HTML as the server sends it, before any circuit: the queue, the requester's tickets and the board carry
/// their data in the first paint (rows, total, menu counts), and only what the person may see. The hidden hand-over of
/// those rows to the circuit is encrypted: nothing of another person's tickets may be readable anywhere in the page.
/// </summary>
[Collection(ScreensCollection.Name)]
public class FirstPaintTests(HelpDeskFixture desk)
{
    private static async Task<(IHtmlDocument Page, string Html)> GetAsync(HelpDeskFixture desk, string userName, string path)
    {
        var (client, _) = await desk.App.SignInAsync(userName);
        using (client)
        {
            var html = await client.GetStringAsync(path);
            return (new HtmlParser().ParseDocument(html), html);
        }
    }

    /// <summary>
    /// A ticket in progress with a technician of this test's own: the fixture is shared, and tickets left waiting in the
    /// level-1 queue would push other tests' tickets off the board's first cards.
    /// </summary>
    private async Task<Ticket> InProgressAsync(string subject, Actor? requester = null, OperatingImpact impact = OperatingImpact.Total, bool alternative = false)
    {
        worker ??= await desk.App.AddPersonAsync($"tec-{HelpDeskFixture.NewTag()}", Role.Tecnico, "Técnico de Primera Pintura");
        var ticket = await desk.RegisterAsync(subject, requester, impact, alternative);
        return await desk.Commands.TakeAsync(worker, ticket.Id, ticket.Version);
    }

    private Actor? worker;

    private static List<string> QueueNumbers(IHtmlDocument page) =>
        page.QuerySelectorAll("tr.queue-row a.queue-number").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task The_queue_HTML_holds_its_first_rows_in_queue_order_with_the_total_and_the_menu_counts()
    {
        var tag = HelpDeskFixture.NewTag();
        var baja = await InProgressAsync($"{tag} baja", impact: OperatingImpact.Leve, alternative: true);
        var alta = await InProgressAsync($"{tag} alta");
        var director = await InProgressAsync($"{tag} del director", desk.Director);

        var (page, _) = await GetAsync(desk, "tecnico1", $"/cola/todos?q={tag}");

        QueueNumbers(page).Should().Equal(director.Number, alta.Number, baja.Number);
        page.QuerySelector("#cola-total")!.TextContent.Trim().Should().Be("3 tickets");
        page.QuerySelectorAll(".nav-count").Should().NotBeEmpty("the menu shows its open counts in the first paint too");
        page.QuerySelectorAll("tr.queue-placeholder").Should().BeEmpty();
    }

    [Fact]
    public async Task The_first_window_is_fifty_rows_of_a_longer_queue_with_the_whole_total()
    {
        var tag = HelpDeskFixture.NewTag();
        for (var i = 0; i < 53; i++) await InProgressAsync($"{tag} fila {i}");

        var (page, _) = await GetAsync(desk, "tecnico1", $"/cola/todos?q={tag}");

        QueueNumbers(page).Should().HaveCount(50).And.OnlyHaveUniqueItems();
        page.QuerySelector("#cola-total")!.TextContent.Trim().Should().Be("53 tickets");
    }

    /// <summary>
    /// The rows go to the browser once, as HTML: the circuit gets them on the server. Carried as page state, a large
    /// board (about 1 MB of it) went back in the circuit's first message and the hub refused it: the board never came alive.
    /// </summary>
    [Fact]
    public async Task The_pages_carry_a_ticket_for_their_first_read_not_the_rows_again()
    {
        var tag = HelpDeskFixture.NewTag();
        for (var i = 0; i < 53; i++) await InProgressAsync($"{tag} estado {i}");
        await desk.TakenAsync($"{tag} de María", requester: desk.Requester);

        foreach (var (user, path) in new[] { ("tecnico1", $"/cola/todos?q={tag}"), ("supervisor", "/tablero"), ("usuario1", "/portal") })
        {
            var (page, html) = await GetAsync(desk, user, path);
            page.QuerySelectorAll("a.queue-number").Should().NotBeEmpty($"{path} shows tickets in its first paint");
            var state = PersistedState.Match(html);
            state.Success.Should().BeTrue($"{path} hands its first read to the circuit");
            state.Groups[1].Length.Should().BeLessThan(4_000, $"{path} carries a ticket for its rows, not the rows");
        }
    }

    private static readonly System.Text.RegularExpressions.Regex PersistedState = new("<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]*)-->");

    [Fact]
    public async Task A_requester_s_first_paint_holds_only_her_own_tickets_in_the_queue_and_the_portal()
    {
        var tag = HelpDeskFixture.NewTag();
        var hers = await desk.TakenAsync($"{tag} de María", requester: desk.Requester);
        var his = await desk.TakenAsync($"{tag} de Pedro", requester: desk.OtherRequester);

        var (queue, queueHtml) = await GetAsync(desk, "usuario1", $"/cola?q={tag}");
        QueueNumbers(queue).Should().Equal(hers.Number);
        queueHtml.Should().NotContain(his.Number).And.NotContain("de Pedro");

        var (portal, portalHtml) = await GetAsync(desk, "usuario1", "/portal");
        portal.QuerySelectorAll("li.portal-ticket a.queue-number").Select(a => a.TextContent.Trim()).Should().Contain(hers.Number);
        portalHtml.Should().NotContain(his.Number).And.NotContain("de Pedro");
    }

    [Fact]
    public async Task A_vendor_s_first_paint_holds_only_what_was_escalated_to_its_company()
    {
        var tag = HelpDeskFixture.NewTag();
        var escalated = await desk.TakenAsync($"{tag} al proveedor");
        escalated = await desk.Commands.EscalateAsync(desk.Technician, escalated.Id, escalated.Version, "N1-RECURSOS", "Excede lo disponible en Nivel 1.", null);
        escalated = await desk.Commands.TakeAsync(desk.Specialist, escalated.Id, escalated.Version);
        escalated = await desk.Commands.EscalateAsync(desk.Specialist, escalated.Id, escalated.Version, "N2-INFRAESTRUCTURA", "Equipo en garantía del proveedor.", desk.VendorCompanyId);
        var notEscalated = await InProgressAsync($"{tag} en la UTI");

        var (page, html) = await GetAsync(desk, "proveedor", $"/cola?q={tag}");
        QueueNumbers(page).Should().Equal(escalated.Number);
        html.Should().NotContain(notEscalated.Number);

        var (other, otherHtml) = await GetAsync(desk, "proveedor2", $"/cola?q={tag}");
        QueueNumbers(other).Should().BeEmpty();
        otherHtml.Should().NotContain(escalated.Number);
        other.QuerySelector("#cola-total")!.TextContent.Trim().Should().Be("0 tickets");
    }

    [Fact]
    public async Task The_board_HTML_holds_its_lanes_and_cards()
    {
        await InProgressAsync($"{HelpDeskFixture.NewTag()} tablero");

        var (page, _) = await GetAsync(desk, "supervisor", "/tablero");

        page.QuerySelector(".board-summary")!.TextContent.Should().MatchRegex(@"\d+ tickets? abiertos?");
        page.QuerySelectorAll(".board a.queue-number").Should().NotBeEmpty();
        page.QuerySelectorAll("[aria-label='Cargando el tablero']").Should().BeEmpty();
    }
}

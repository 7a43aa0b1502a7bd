using Bunit;
using Siget.Console.Components.Portal;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;

namespace Siget.Console.Tests.Screens;

/// <summary>
/// The requester's Mis tickets (issue 16 items 31 and 38): those waiting for their confirmation first, then the rest,
/// newest first within each group, so that a ticket just cancelled is found without paging; each row says where the
/// ticket is in the requester's words, and a closed one says nothing of where it is.
/// </summary>
[Collection(ScreensCollection.Name)]
public class MyTicketsPageTests(HelpDeskFixture desk) : ScreenContext(desk)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private IRenderedComponent<MyTicketsPage> Open(Actor requester)
    {
        SignIn(requester);
        return Bunit.Render<MyTicketsPage>();
    }

    private static List<string> Numbers(IRenderedComponent<MyTicketsPage> page) =>
        page.FindAll("li.portal-ticket a.queue-number").Select(a => a.TextContent.Trim()).ToList();

    private static string WhereOf(IRenderedComponent<MyTicketsPage> page, string number) =>
        page.FindAll("li.portal-ticket").Single(li => li.QuerySelector("a.queue-number")!.TextContent.Trim() == number)
            .QuerySelector(".portal-where")!.TextContent.Trim();

    [Fact]
    public async Task A_ticket_just_cancelled_is_on_the_first_page_right_after_those_waiting_for_confirmation()
    {
        var tag = HelpDeskFixture.NewTag();
        var requester = await Desk.App.AddPersonAsync($"u{tag}", Role.Usuario, $"Solicitante {tag}");
        // Taken by a technician of this test's own, so that the board's and the queue's shared columns stay as other tests expect.
        var technician = await Desk.App.AddPersonAsync($"t{tag}", Role.Tecnico, $"Técnico {tag}");
        var tickets = new List<Siget.Core.Tickets.Ticket>();
        for (var i = 0; i < 22; i++) tickets.Add(await Desk.TakenAsync($"{tag} pedido {i}", technician, requester));
        var numbers = tickets.Select(t => t.Number).ToList();
        // The oldest waits for the requester's confirmation; the newest is cancelled.
        await Desk.Commands.ResolveAsync(technician, tickets[0].Id, tickets[0].Version, "Se cambió el tóner.");
        await Desk.Commands.CancelAsync(Desk.Supervisor, tickets[^1].Id, tickets[^1].Version, "Duplicado.");

        var page = Open(requester);
        page.WaitForAssertion(() => Numbers(page).Should().HaveCount(20), Patience);
        page.FindAll(".mud-toggle-item").Single(b => b.TextContent.Trim() == "Todos").Click();

        page.WaitForAssertion(() => Numbers(page).Should().HaveCount(20), Patience);
        var shown = Numbers(page);
        shown[0].Should().Be(numbers[0], "waiting for confirmation comes first, however old");
        shown[1].Should().Be(numbers[^1], "then the newest: the ticket just cancelled, without paging");
        shown.Skip(2).Should().Equal(numbers.Skip(1).SkipLast(1).Reverse().Take(18), "newest first within the group");
        WhereOf(page, numbers[^1]).Should().NotContain("En atención", "a closed ticket says nothing of where it is");
        WhereOf(page, numbers[0]).Should().Contain($"Resuelto por {technician.Name}");
        WhereOf(page, numbers[^2]).Should().EndWith($"En atención por soporte · a cargo de {technician.Name}");
    }

    [Fact]
    public async Task A_ticket_waiting_at_level_2_says_it_waits_for_a_specialist_not_a_technician()
    {
        var tag = HelpDeskFixture.NewTag();
        var requester = await Desk.App.AddPersonAsync($"u{tag}", Role.Usuario, $"Solicitante {tag}");
        var ticket = await Desk.TakenAsync($"{tag} al especialista", requester: requester);
        await Desk.Commands.EscalateAsync(Desk.Technician, ticket.Id, ticket.Version, "N1-RECURSOS", "Requiere especialista.", null);

        var page = Open(requester);

        page.WaitForAssertion(() => WhereOf(page, ticket.Number).Should().EndWith("Escalado a especialista · esperando a un especialista"), Patience);
        page.Markup.Should().NotContain("esperando a un técnico");
    }
}

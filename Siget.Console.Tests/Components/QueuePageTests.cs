using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Siget.Console.Components.Queue;
using Siget.Console.Tests.Services;
using Siget.Core.Priorities;

namespace Siget.Console.Tests.Components;

public class QueuePageTests : ComponentTestContext, IClassFixture<TicketServicesFixture>
{
    private readonly TicketServicesFixture _f;

    public QueuePageTests(TicketServicesFixture f) : base(f)
    {
        _f = f;
    }

    private IRenderedComponent<QueuePage> Open(string query)
    {
        Render<MudBlazor.MudPopoverProvider>();
        Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo($"cola?{query}");
        return Render<QueuePage>();
    }

    [Fact]
    public async Task The_queue_lists_tickets_in_queue_order_with_links_to_each_ticket()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var low = await _f.RegisterAsync(impact: OperatingImpact.Leve, alternative: true, subject: $"{tag} baja");
        var high = await _f.RegisterAsync(subject: $"{tag} alta");
        SignIn(_f.Technician);

        var page = Open($"q={tag}");

        page.WaitForAssertion(() => page.FindAll("a.queue-number").Select(a => a.TextContent).Should().Equal(high.Number, low.Number));
        page.Find("a.queue-number").GetAttribute("href").Should().Be($"tickets/{high.Number}");
        page.Find("h1").TextContent.Should().Be("Cola de tickets");
        page.Markup.Should().Contain("2 tickets");
    }

    [Fact]
    public async Task A_requester_sees_Mis_tickets_with_only_their_own()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var theirs = await _f.RegisterAsync(_f.Requester, subject: $"{tag} de María");
        await _f.RegisterAsync(_f.OtherRequester, subject: $"{tag} de Pedro");
        SignIn(_f.Requester);

        var page = Open($"q={tag}");

        page.WaitForAssertion(() => page.FindAll("a.queue-number").Select(a => a.TextContent).Should().Equal(theirs.Number));
        page.Find("h1").TextContent.Should().Be("Mis tickets");
        page.Markup.Should().NotContain("Cola de mi nivel");
    }

    [Fact]
    public void An_empty_view_says_so()
    {
        SignIn(_f.Technician);
        var page = Open("q=no-existe-nada");
        page.WaitForAssertion(() => page.Markup.Should().Contain("No hay tickets que coincidan"));
    }
}

using Microsoft.Playwright;
using Siget.Console.Services.People;
using Siget.Console.Services.Tickets;
using Siget.Core.Catalog;
using Siget.Core.Priorities;
using static Microsoft.Playwright.Assertions;

namespace Siget.Console.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class LiveCollaborationTests(BrowserFixture browser)
{
    private async Task<(int Id, string Number)> RegisterAsync(string subject)
    {
        await using var db = browser.App.CreateDbContext();
        var technician = db.Users.Single(u => u.UserName == "tecnico1").ToActor();
        var requester = db.Users.Single(u => u.UserName == "usuario1").Id;
        var ticket = await browser.App.Service<TicketRegistration>().RegisterAsync(technician, new RegisterTicketRequest
        {
            RequesterId = requester, Channel = Channel.Telefono, Kind = TicketKind.Incidencia, SubcategoryCode = 21,
            Subject = subject, Description = "Sin internet en toda la oficina.", Impact = OperatingImpact.Total, AlternativeAvailable = false,
        });
        return (ticket.Id, ticket.Number);
    }

    [Fact]
    public async Task A_ticket_registered_elsewhere_appears_in_the_supervisors_queue_without_reloading()
    {
        var supervisor = await browser.SignedInPageAsync("supervisor");
        try
        {
            // The queue searched for this test's tag: the app is shared, and other tests' open Alta tickets, due sooner,
            // would rank above this one, possibly past the rows the list renders.
            var tag = Guid.NewGuid().ToString("N")[..6];
            await supervisor.GotoAsync($"{browser.BaseUrl}/cola/todos?q={tag}");
            await BrowserFixture.WaitForCircuitAsync(supervisor);

            var (_, number) = await RegisterAsync($"Caída de red {tag}");

            // It appears in the open queue that matches it, highlighted as new.
            var row = supervisor.Locator("tr.queue-row", new() { HasText = number });
            await Expect(row).ToBeVisibleAsync();
            await Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("queue-row-new"));
        }
        finally { await supervisor.Context.CloseAsync(); }
    }

    [Fact]
    public async Task Two_technicians_on_one_ticket_see_each_other_and_the_second_sees_who_took_it()
    {
        var (_, number) = await RegisterAsync($"Teléfono IP sin tono {Guid.NewGuid().ToString("N")[..6]}");
        var ana = await browser.SignedInPageAsync("tecnico2");
        var luis = await browser.SignedInPageAsync("tecnico1");
        try
        {
            await ana.GotoAsync($"{browser.BaseUrl}/tickets/{number}");
            await BrowserFixture.WaitForCircuitAsync(ana);
            await luis.GotoAsync($"{browser.BaseUrl}/tickets/{number}");
            await BrowserFixture.WaitForCircuitAsync(luis);

            await Expect(ana.Locator("#presencia")).ToContainTextAsync("Luis Mendoza Ríos está viendo este ticket");
            await luis.Locator("#respuesta-texto").PressSequentiallyAsync("Estamos revisando", new() { Delay = 20 });
            await Expect(ana.Locator("#presencia")).ToContainTextAsync("Luis Mendoza Ríos está respondiendo");

            await luis.Locator("#accion-tomar").ClickAsync();

            // News, not a warning: Ana had nothing of her own under way.
            await Expect(ana.Locator("#novedad-ticket")).ToContainTextAsync("Actualizado: Luis Mendoza Ríos tomó el ticket.");
            await Expect(ana.Locator("#aviso-ticket")).ToHaveCountAsync(0);
            await Expect(ana.Locator(".ticket-facts").First).ToContainTextAsync("Luis Mendoza Ríos");
            await Expect(ana.Locator("#accion-tomar")).ToHaveCountAsync(0);
        }
        finally
        {
            await ana.Context.CloseAsync();
            await luis.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Markup_and_script_in_a_reply_are_shown_as_text()
    {
        var (_, number) = await RegisterAsync($"Correo bloqueado {Guid.NewGuid().ToString("N")[..6]}");
        var page = await browser.SignedInPageAsync("tecnico1");
        try
        {
            var dialogs = 0;
            page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
            await page.GotoAsync($"{browser.BaseUrl}/tickets/{number}");
            await BrowserFixture.WaitForCircuitAsync(page);

            await page.Locator("#respuesta-texto").FillAsync("<script>alert('x')</script><img src=x onerror=alert(1)> [clic](javascript:alert(2))");
            await page.Locator("#respuesta-enviar").ClickAsync();

            var reply = page.Locator(".ticket-reply .ticket-markdown").First;
            await Expect(reply).ToContainTextAsync("<script>alert('x')</script>");
            (await reply.Locator("script, img").CountAsync()).Should().Be(0);
            (await reply.Locator("a").GetAttributeAsync("href")).Should().BeNull();
            dialogs.Should().Be(0);
        }
        finally { await page.Context.CloseAsync(); }
    }
}

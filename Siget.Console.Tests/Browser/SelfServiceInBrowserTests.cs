using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Siget.Core.Knowledge;
using static Microsoft.Playwright.Assertions;

namespace Siget.Console.Tests.Browser;

/// <summary>A requester describing a problem in the portal finds a public article that solves it and registers nothing.</summary>
[Collection(BrowserCollection.Name)]
public class SelfServiceInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Maria_types_her_VPN_problem_opens_the_suggested_article_and_marks_that_it_solved_it_without_a_ticket()
    {
        await using var db = browser.App.CreateDbContext();
        var ticketsBefore = await db.Tickets.CountAsync(t => t.RequesterName == "María Flores Condori");
        var vpn = await db.Articles.AsNoTracking().SingleAsync(a => a.Title == "Conectarse a la VPN institucional desde casa");
        var lastUseBefore = await db.ArticleDeflections.AsNoTracking().Select(d => (long?)d.Id).MaxAsync() ?? 0; // the app is shared
        var maria = await browser.SignedInPageAsync("usuario1");
        try
        {
            await maria.GotoAsync($"{browser.BaseUrl}/portal/nuevo");
            await BrowserFixture.WaitForCircuitAsync(maria);
            await maria.Locator("#asunto").FillAsync("No puedo conectarme a la VPN");
            await maria.Locator("#descripcion").FillAsync("Desde mi casa la VPN se queda conectando.");

            var suggestion = maria.Locator("#sugerencias-portal").GetByRole(AriaRole.Button, new() { Name = "Conectarse a la VPN institucional desde casa" });
            await Expect(suggestion).ToBeVisibleAsync();
            await Expect(maria.Locator("#sugerencias-portal")).Not.ToContainTextAsync("FortiGate"); // the internal VPN article is the UTI's
            await suggestion.ClickAsync();
            var dialog = maria.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync("FortiClient VPN");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Esto resolvió mi problema" }).ClickAsync();

            await maria.WaitForURLAsync(new Regex("/portal$"), new() { WaitUntil = WaitUntilState.Commit });
            await Expect(maria.Locator(".mud-snackbar")).ToContainTextAsync("No se registró ningún ticket");
        }
        finally
        {
            await maria.Context.CloseAsync();
        }

        var uses = await db.ArticleDeflections.AsNoTracking().Where(d => d.ArticleId == vpn.Id && d.Id > lastUseBefore).Select(d => d.Outcome).ToListAsync();
        uses.Should().BeEquivalentTo([SelfServiceOutcome.Consultado, SelfServiceOutcome.Resuelto]);
        (await db.Tickets.CountAsync(t => t.RequesterName == "María Flores Condori")).Should().Be(ticketsBefore);
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Siget.Console.Tests.Browser;

/// <summary>The supervisor turns recurring incidents into a problem, resolves it and its incidents in one step.</summary>
[Collection(BrowserCollection.Name)]
public class ProblemsInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_supervisor_opens_a_problem_from_a_recurrence_and_resolving_it_resolves_its_incidents()
    {
        var page = await browser.SignedInPageAsync("supervisor");
        try
        {
            await BrowserFixture.WaitForCircuitAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Problemas", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Problemas", Exact = true })).ToBeVisibleAsync();

            // The demo data has six "no internet" incidents at one Tambo in the last days.
            var suggestion = page.Locator(".problem-suggestion", new() { HasText = "Tambo Santa Rosa (Puno)" });
            await Expect(suggestion).ToContainTextAsync("6 incidentes");
            await suggestion.GetByRole(AriaRole.Button, new() { Name = "Abrir problema con estos incidentes" }).ClickAsync();

            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog.GetByLabel("Título del problema")).ToHaveValueAsync(new Regex("^Incidentes repetidos de .+ en Tambo Santa Rosa \\(Puno\\)$"));
            await Expect(dialog.Locator(".problem-incidents li")).ToHaveCountAsync(6);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Abrir problema" }).ClickAsync();
            await Expect(dialog.GetByText("Describa el problema.")).ToBeVisibleAsync(); // the form asks before anything is written
            await dialog.GetByLabel("Descripción", new() { Exact = true }).FillAsync("El Tambo se queda sin internet varias veces al día.");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Abrir problema" }).ClickAsync();

            await page.WaitForURLAsync(new Regex("/problemas/PRB-\\d{4}-\\d{4}$"));
            var incidents = page.Locator("#problema-incidentes tbody tr");
            await Expect(incidents).ToHaveCountAsync(6);
            var firstIncident = await incidents.First.Locator("a.queue-number").InnerTextAsync();
            await Expect(page.Locator("#problema-historial li")).ToHaveCountAsync(7, new() { Timeout = 10000 }); // registered, six linked

            await page.GetByRole(AriaRole.Button, new() { Name = "Resolver", Exact = true }).ClickAsync();
            dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Causa raíz").FillAsync("La antena del Tambo perdía alineación con el viento.");
            await dialog.GetByLabel("Solución definitiva").FillAsync("Se fijó la antena con un soporte nuevo y se realinea.");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Resolver el problema y 6 incidentes" }).ClickAsync();

            await Expect(page.Locator(".mud-chip", new() { HasText = "Resuelto" }).First).ToBeVisibleAsync();
            await Expect(page.Locator("#problema-solucion")).ToHaveTextAsync("Se fijó la antena con un soporte nuevo y se realinea.");
            await Expect(incidents.Locator(".mud-chip", new() { HasText = "Resuelto" })).ToHaveCountAsync(6);

            await incidents.First.Locator("a.queue-number").ClickAsync();
            await page.WaitForURLAsync($"**/tickets/{firstIncident}");
            await Expect(page.Locator("#ticket-problema")).ToContainTextAsync("Lo explica el problema PRB-");
            await Expect(page.GetByText("Resuelto con la solución del problema PRB-").First).ToBeVisibleAsync();
        }
        finally { await page.Context.CloseAsync(); }
    }
}

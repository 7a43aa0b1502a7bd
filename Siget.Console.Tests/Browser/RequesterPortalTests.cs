using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Siget.Core.Tickets;
using static Microsoft.Playwright.Assertions;

namespace Siget.Console.Tests.Browser;

/// <summary>A member of staff opens a ticket in the portal and follows it live until they close it with a rating.</summary>
[Collection(BrowserCollection.Name)]
public class RequesterPortalTests(BrowserFixture browser)
{
    [Fact]
    public async Task Maria_opens_a_ticket_Luis_sees_it_live_answers_and_resolves_it_Maria_closes_it_with_four_stars_and_Pedro_cannot_open_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var subject = $"La impresora del piso 3 no imprime {tag}";
        var maria = await browser.SignedInPageAsync("usuario1");
        var luis = await browser.SignedInPageAsync("tecnico1");
        var pedro = await browser.SignedInPageAsync("usuario2");
        try
        {
            // Searched for the tag: in the shared app, other tests' open tickets of his level may rank above María's.
            await luis.GotoAsync($"{browser.BaseUrl}/cola/mi-nivel?q={tag}");
            await BrowserFixture.WaitForCircuitAsync(luis);

            // María: Nuevo ticket, service chosen from the catalog by category, impact questions, send.
            await maria.Locator("nav").GetByRole(AriaRole.Link, new() { Name = "Nuevo ticket", Exact = true }).ClickAsync();
            await BrowserFixture.WaitForCircuitAsync(maria);
            await maria.GetByText("O busque en el catálogo por categoría").ClickAsync();
            await maria.Locator(".catalog-browser .mud-chip", new() { HasTextRegex = new Regex("^Impresora$") }).ClickAsync();
            await Expect(maria.Locator("#servicio")).ToHaveValueAsync(new Regex("Impresora$"));
            await maria.Locator("#asunto").FillAsync(subject);
            await maria.Locator("#descripcion").FillAsync("Sale una hoja en blanco y luego se detiene.");
            await maria.GetByText("Parcial (alrededor del 30 %)", new() { Exact = true }).ClickAsync();
            await maria.GetByText("No, ninguna", new() { Exact = true }).ClickAsync();
            await Expect(maria.Locator("#prioridad-resultante")).ToContainTextAsync("Alta");
            await maria.GetByRole(AriaRole.Button, new() { Name = "Enviar solicitud" }).ClickAsync();
            await maria.WaitForURLAsync(new Regex(@"/tickets/\d{4}-\d+$"), new() { WaitUntil = WaitUntilState.Commit }); // in-app navigation: no load event to wait for
            var number = maria.Url[(maria.Url.LastIndexOf('/') + 1)..];
            await Expect(maria.Locator(".mud-snackbar")).ToContainTextAsync($"Su ticket {number} fue registrado");
            await Expect(maria.GetByText("En atención por soporte")).ToBeVisibleAsync();

            // Luis sees it appear in his level's queue without reloading, takes it, answers and resolves it.
            var row = luis.Locator("tr.queue-row", new() { HasText = number });
            await Expect(row).ToBeVisibleAsync();
            await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
            await BrowserFixture.WaitForCircuitAsync(luis);
            await luis.Locator("#accion-tomar").ClickAsync();
            await Expect(luis.Locator("#accion-resolver")).ToBeVisibleAsync();
            await luis.Locator("#respuesta-texto").FillAsync("Cambié el rodillo de arrastre; por favor pruebe.");
            await luis.Locator("#respuesta-enviar").ClickAsync();
            await Expect(maria.Locator(".ticket-history, .ticket-timeline").First).ToContainTextAsync("Cambié el rodillo de arrastre");
            await luis.Locator("#accion-resolver").ClickAsync();
            await luis.Locator("#dialogo-texto").FillAsync("Se reemplazó el rodillo de arrastre y se imprimió una página de prueba.");
            await luis.Locator("#dialogo-confirmar").ClickAsync();

            // María sees Resuelto live and closes it, rating four stars.
            await Expect(maria.Locator(".mud-chip", new() { HasText = "Resuelto" }).First).ToBeVisibleAsync();
            await maria.Locator("#accion-finalizar").ClickAsync();
            await maria.Locator("#finalizar-confirmar").ClickAsync(); // no stars yet: asked for them
            await Expect(maria.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Elija de 1 a 5 estrellas.");
            await maria.GetByRole(AriaRole.Dialog).Locator(".mud-rating-item").Nth(3).ClickAsync();
            await maria.Locator("#calificacion-comentario").FillAsync("Rápido y amable.");
            await maria.Locator("#finalizar-confirmar").ClickAsync();
            await Expect(maria.Locator(".mud-chip", new() { HasText = "Finalizado" }).First).ToBeVisibleAsync();

            await using (var db = browser.App.CreateDbContext())
            {
                var stored = await db.Tickets.AsNoTracking().SingleAsync(t => t.Number == number);
                (stored.State, stored.SatisfactionRating, stored.SatisfactionComment, stored.Channel).Should()
                    .Be((TicketState.Finalizado, 4, "Rápido y amable.", Siget.Core.Catalog.Channel.Intranet));
            }

            // Pedro, another requester, gets a plain 404 for María's ticket.
            var response = await pedro.GotoAsync($"{browser.BaseUrl}/tickets/{number}");
            response!.Status.Should().Be(404);
            await Expect(pedro.Locator("body")).Not.ToContainTextAsync(subject);
        }
        finally
        {
            await maria.Context.CloseAsync();
            await luis.Context.CloseAsync();
            await pedro.Context.CloseAsync();
        }
    }
}

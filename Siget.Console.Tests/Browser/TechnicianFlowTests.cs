using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Siget.Console.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class TechnicianFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task Technician_registers_a_phoned_in_ticket_finds_it_in_the_queue_takes_and_resolves_it()
    {
        Directory.CreateDirectory(Shots);
        var page = await browser.SignedInPageAsync("tecnico1");
        try
        {
            var subject = $"Impresora sin conexión {Guid.NewGuid().ToString("N")[..6]}";
            await page.GotoAsync($"{browser.BaseUrl}/tickets/nuevo");
            await BrowserFixture.WaitForCircuitAsync(page);

            await page.Locator("#solicitante").PressSequentiallyAsync("María", new() { Delay = 50 }); // real keystrokes open the list
            await page.GetByText("María Flores Condori").First.ClickAsync();
            await page.Locator("#servicio").PressSequentiallyAsync("impresora", new() { Delay = 30 });
            await page.GetByText("15 · EQUIPOS INFORMÁTICOS › Impresora").ClickAsync();
            await page.Locator("#asunto").FillAsync(subject);
            await page.Locator("#descripcion").FillAsync("Llamó por teléfono: la impresora de la unidad no responde desde la mañana.");
            await page.GetByText("Total (100 %)").ClickAsync();
            await page.GetByText("No, ninguna").ClickAsync();
            await Expect(page.Locator("#prioridad-resultante")).ToContainTextAsync("Alta");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "1-registro.png"), FullPage = true });

            await page.GetByRole(AriaRole.Button, new() { Name = "Registrar ticket" }).ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/tickets/\d{4}-\d{6}$"));
            var number = page.Url[(page.Url.LastIndexOf('/') + 1)..];
            await Expect(page.Locator("h1")).ToContainTextAsync(subject);

            await page.GotoAsync($"{browser.BaseUrl}/cola?q={number}");
            await BrowserFixture.WaitForCircuitAsync(page);
            var row = page.Locator("a.queue-number", new() { HasText = number });
            await Expect(row).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "2-cola.png"), FullPage = true });

            await row.ClickAsync();
            await page.WaitForURLAsync($"**/tickets/{number}");
            await BrowserFixture.WaitForCircuitAsync(page);
            await page.Locator("#accion-tomar").ClickAsync();
            await Expect(page.GetByText("En proceso").First).ToBeVisibleAsync();
            await Expect(page.Locator(".ticket-facts").First).ToContainTextAsync("Luis Mendoza Ríos");

            await page.Locator("#accion-resolver").ClickAsync();
            await page.Locator("#dialogo-texto").FillAsync("Se reinició la cola de impresión y se probó con una página de prueba.");
            await page.Locator("#dialogo-confirmar").ClickAsync();
            await Expect(page.Locator(".mud-chip", new() { HasText = "Resuelto" }).First).ToBeVisibleAsync();
            var timeline = page.Locator(".ticket-history");
            await Expect(timeline).ToContainTextAsync("Registrado");
            await Expect(timeline).ToContainTextAsync("Tomado");
            await Expect(timeline).ToContainTextAsync("Se reinició la cola de impresión");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "3-resuelto.png"), FullPage = true });
        }
        catch
        {
            var failure = Path.Combine(Shots, "failure.png");
            await page.ScreenshotAsync(new() { Path = failure, FullPage = true });
            System.Console.Error.WriteLine($"Browser test failed; screenshot at {failure}");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}

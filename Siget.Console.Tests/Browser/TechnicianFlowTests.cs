using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Siget.Console.Tests.Browser;

/// <summary>The technician's day in one flow, in a real browser against the real app on Kestrel:
/// a phoned-in ticket is registered, found in the queue, taken and resolved.</summary>
[Collection(BrowserCollection.Name)]
public class TechnicianFlowTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>Step screenshots for the reviewer (not assertions).</summary>
    private const string Shots = "/tmp/siget-shots";

    private static readonly string FailureShot = Path.Combine(TestResultsFolder(), "browser-failure.png");

    [Fact]
    public async Task Technician_registers_a_phoned_in_ticket_finds_it_in_the_queue_takes_and_resolves_it()
    {
        Directory.CreateDirectory(Shots);
        var clock = Stopwatch.StartNew();
        var step = "sign in as tecnico1";
        void Step(string next)
        {
            output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s  {step} ✓");
            step = next;
        }
        var page = await browser.NewPageAsync();
        try
        {
            await browser.SignInAsync(page, "tecnico1");
            var tag = Guid.NewGuid().ToString("N")[..6];
            var subject = $"Impresora sin conexión {tag}";
            var description = $"Llamó por teléfono ({tag}): la impresora de la unidad no imprime desde la mañana.";
            var solution = $"Se reinició la cola de impresión y se imprimió una página de prueba ({tag}).";
            await BrowserFixture.WaitForCircuitAsync(page);
            await Expect(page.Locator(".appbar-user-name")).ToHaveTextAsync("Luis Mendoza Ríos");

            Step("open Registrar ticket from the menu");
            await page.GetByRole(AriaRole.Link, new() { Name = "Registrar ticket", Exact = true }).First.ClickAsync();
            await page.WaitForURLAsync("**/tickets/nuevo");
            await BrowserFixture.WaitForCircuitAsync(page);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Registrar ticket");

            Step("choose the requester by typing part of her name");
            var requester = page.Locator("#solicitante");
            await PickAsync(page, requester, "María", "María Flores Condori");
            await Expect(requester).ToHaveValueAsync("María Flores Condori · Unidad de Administración");

            Step("keep the channel Teléfono");
            await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Teléfono", Exact = true })).ToBeCheckedAsync();

            Step("choose the service by typing impresora");
            var service = page.Locator("#servicio");
            await PickAsync(page, service, "impresora", "15 · EQUIPOS INFORMÁTICOS › Impresora");
            await Expect(service).ToHaveValueAsync("15 · EQUIPOS INFORMÁTICOS › Impresora");

            Step("write subject and description");
            await page.Locator("#asunto").FillAsync(subject);
            await page.Locator("#descripcion").FillAsync(description);

            Step("answer impact Total and no alternative: priority Alta");
            await page.GetByText("Total (100 %)", new() { Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Total (100 %)" })).ToBeCheckedAsync();
            await page.GetByText("No, ninguna", new() { Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "No, ninguna" })).ToBeCheckedAsync();
            await Expect(page.Locator("#prioridad-resultante")).ToContainTextAsync("Prioridad resultante:");
            await Expect(page.Locator("#prioridad-resultante")).ToContainTextAsync("Alta");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "1-registro.png") });

            Step("register");
            var register = page.GetByRole(AriaRole.Button, new() { Name = "Registrar ticket" });
            await Expect(register).ToBeEnabledAsync();
            await register.ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/tickets/\d{4}-\d+$"), new() { WaitUntil = WaitUntilState.Commit }); // in-app navigation: no load event to wait for
            var number = page.Url[(page.Url.LastIndexOf('/') + 1)..];
            await Expect(page.Locator("h1 .ticket-number")).ToHaveTextAsync(number);
            await Expect(page.Locator("h1")).ToContainTextAsync(subject);

            Step($"find {number} in the queue with the search box");
            await page.GotoAsync($"{browser.BaseUrl}/cola");
            await BrowserFixture.WaitForCircuitAsync(page);
            var search = page.GetByRole(AriaRole.Textbox, new() { Name = "Buscar" });
            await Expect(search).ToBeEditableAsync();
            await search.FillAsync(number);
            await page.WaitForURLAsync(new Regex($@"/cola\?.*q={Regex.Escape(number)}"));
            var rows = page.Locator("tr.queue-row");
            await Expect(rows).ToHaveCountAsync(1);
            await Expect(rows).ToContainTextAsync(subject);
            await Expect(rows).ToContainTextAsync("Alta");
            await Expect(rows).ToContainTextAsync("Sin asignar");
            await Expect(page.Locator("#cola-total")).ToHaveTextAsync("1 ticket");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "2-cola.png") });

            Step($"open {number} from the queue");
            await rows.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
            await page.WaitForURLAsync($"**/tickets/{number}");
            await BrowserFixture.WaitForCircuitAsync(page);
            await Expect(page.Locator("h1")).ToContainTextAsync(subject);

            Step("take the ticket");
            var take = page.Locator("#accion-tomar");
            await Expect(take).ToBeEnabledAsync();
            await take.ClickAsync();
            var stateChip = page.Locator(".mud-main-content .mud-chip").First; // the state chip leads the chips under the title
            await Expect(stateChip).ToHaveTextAsync("En proceso");
            await Expect(Fact(page, "Asignado a")).ToHaveTextAsync("Luis Mendoza Ríos");
            await Expect(take).ToHaveCountAsync(0);

            Step("resolve the ticket");
            var resolve = page.Locator("#accion-resolver");
            await Expect(resolve).ToBeEnabledAsync();
            await resolve.ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync("Resolver el ticket");
            await page.Locator("#dialogo-texto").FillAsync(solution);
            await page.Locator("#dialogo-confirmar").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(stateChip).ToHaveTextAsync("Resuelto");
            await Expect(page.GetByText(solution).First).ToBeVisibleAsync(); // "Acciones realizadas"

            Step("read the history");
            var entries = page.Locator(".ticket-history .ticket-history-entry .ticket-history-head strong");
            await Expect(entries).ToHaveTextAsync(new[] { "Resuelto", "Tomado", "Registrado" }); // newest first
            await Expect(HistoryEntry(page, "Resuelto")).ToContainTextAsync(solution);
            await Expect(HistoryEntry(page, "Tomado")).ToContainTextAsync("Luis Mendoza Ríos");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "3-resuelto.png") });
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "3-resuelto-pagina-completa.png"), FullPage = true });
            Step("done");
        }
        catch (Exception ex)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FailureShot)!);
            await page.ScreenshotAsync(new() { Path = FailureShot, FullPage = true });
            await File.WriteAllTextAsync(Path.ChangeExtension(FailureShot, ".html"), await page.ContentAsync());
            throw new Xunit.Sdk.XunitException(
                $"Browser flow failed at step \"{step}\" (page {page.Url}). Screenshot: {FailureShot}{Environment.NewLine}{ex.Message}", ex);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Types into a MudAutocomplete with real keystrokes and picks an option from its list.</summary>
    /// <remarks>The field is clicked first and the typing starts only once its list is open. Focusing the field makes
    /// the server select the input's text (MudAutocomplete's SelectOnActivation, one round trip later); typing straight
    /// away lets that selection land on the first typed letter, which the next keystroke then replaces ("María" → "aría").
    /// The option is clicked only once the list shows the results for the whole text (the search is debounced).</remarks>
    private static async Task PickAsync(IPage page, ILocator input, string typed, string option)
    {
        await Expect(input).ToBeEditableAsync();
        await input.ClickAsync();
        await Expect(input).ToHaveAttributeAsync("aria-expanded", "true");
        var list = page.Locator($"#{await input.GetAttributeAsync("aria-controls")}"); // set while open
        await Expect(list).ToBeVisibleAsync();
        await input.PressSequentiallyAsync(typed, new() { Delay = 40 });
        await Expect(input).ToHaveValueAsync(typed);
        await page.WaitForFunctionAsync(
            """
            ([listId, typed]) => {
                const fold = s => s.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
                const options = [...document.querySelectorAll(`#${listId} [role=option]`)];
                return options.length > 0 && options.every(o => fold(o.textContent).includes(fold(typed)));
            }
            """, new object[] { (await list.GetAttributeAsync("id"))!, typed });
        await list.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
        await Expect(list).ToBeHiddenAsync();
    }

    /// <summary>The value next to a label in the ticket's "Datos" list.</summary>
    private static ILocator Fact(IPage page, string label) =>
        page.Locator(".ticket-facts dt", new() { HasTextRegex = new Regex($"^{Regex.Escape(label)}$") }).Locator("xpath=following-sibling::dd[1]");

    /// <summary>One entry of the ticket's history by its heading (Registrado, Tomado, Resuelto…).</summary>
    private static ILocator HistoryEntry(IPage page, string heading) =>
        page.Locator(".ticket-history-entry").Filter(new() { Has = page.Locator(".ticket-history-head strong", new() { HasTextRegex = new Regex($"^{heading}$") }) });

    /// <summary>Siget.Console.Tests/TestResults (where <c>dotnet test</c> puts its results), found from the build output.</summary>
    private static string TestResultsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Siget.Console.Tests.csproj")))
                return Path.Combine(dir.FullName, "TestResults");
        return Path.Combine(AppContext.BaseDirectory, "TestResults");
    }
}

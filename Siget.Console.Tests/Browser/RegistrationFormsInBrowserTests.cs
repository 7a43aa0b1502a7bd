using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Siget.Console.Tests.Browser;

/// <summary>
/// The registration forms in a real browser: what the server registers is what the field shows, even when a script
/// pushes text past the field's limit; and a half-written request survives a reload, for its author only, until sent.
/// </summary>
[Collection(BrowserCollection.Name)]
public class RegistrationFormsInBrowserTests(BrowserFixture browser)
{
    // A script can set a field's value past its maxlength; "ñ" weighs two bytes, so 20,000 of them (40 KB) were more
    // than a circuit message could carry, and the server kept the previous text.
    private const string SetDescription = """
        ([id, count, keepLimit]) => {
            const el = document.getElementById(id);
            if (!keepLimit) el.removeAttribute('maxlength');
            el.value = 'ñ'.repeat(count);
            el.dispatchEvent(new Event('input', { bubbles: true }));
            el.dispatchEvent(new Event('change', { bubbles: true }));
        }
        """;

    [Fact]
    public async Task Text_pushed_past_the_field_s_limit_is_cut_on_screen_and_registered_exactly_as_shown()
    {
        var subject = $"Texto largo {Guid.NewGuid().ToString("N")[..6]}";
        var page = await browser.SignedInPageAsync("usuario1");
        try
        {
            await OpenPortalFormAsync(page, subject, "Descripción corta.");
            await page.EvaluateAsync(SetDescription, new object[] { "descripcion", 20_000, true });

            var shown = await page.Locator("#descripcion").InputValueAsync();
            (shown.Length, shown.Trim('ñ')).Should().Be((4000, ""), "the field keeps what it accepts");
            await Expect(page.Locator(".text-limit-notice")).ToContainTextAsync("«Descripción» admite hasta");
            await SendAsync(page);

            await page.WaitForURLAsync(new Regex(@"/tickets/\d{4}-\d+$"), new() { WaitUntil = WaitUntilState.Commit });
            await using var db = browser.App.CreateDbContext();
            var stored = (await db.Tickets.AsNoTracking().SingleAsync(t => t.Subject == subject)).Description;
            (stored.Length, stored == shown).Should().Be((shown.Length, true), "what is registered is what the person saw");
        }
        finally { await page.Context.CloseAsync(); }
    }

    [Fact]
    public async Task Text_over_the_limit_that_reaches_the_server_is_refused_in_Spanish_and_nothing_is_registered()
    {
        var subject = $"Texto enorme {Guid.NewGuid().ToString("N")[..6]}";
        var page = await browser.SignedInPageAsync("usuario1");
        try
        {
            await OpenPortalFormAsync(page, subject, "Descripción corta.");
            // Without its maxlength the field only keeps the longest text SIGET has anywhere (an article's 20,000).
            await page.EvaluateAsync(SetDescription, new object[] { "descripcion", 100_000, false });
            (await page.Locator("#descripcion").InputValueAsync()).Should().HaveLength(20_000);

            await SendAsync(page);

            await Expect(page.Locator("#registro-error")).ToContainTextAsync("Escriba como máximo 4000 caracteres en la descripción.");
            (await page.Locator("#descripcion").InputValueAsync()).Should().HaveLength(20_000, "the text stays on screen to be shortened");
            await using var db = browser.App.CreateDbContext();
            (await db.Tickets.AnyAsync(t => t.Subject == subject)).Should().BeFalse();
        }
        finally { await page.Context.CloseAsync(); }
    }

    [Fact]
    public async Task A_half_written_request_survives_a_reload_is_gone_once_sent_and_is_never_shown_to_someone_else()
    {
        var subject = $"Borrador del portal {Guid.NewGuid().ToString("N")[..6]}";
        var page = await browser.SignedInPageAsync("usuario1");
        try
        {
            await OpenPortalFormAsync(page, subject, "La impresora hace ruido y no saca hojas.");
            await DraftSavedAsync(page);

            await page.ReloadAsync();
            await BrowserFixture.WaitForCircuitAsync(page);

            await Expect(page.Locator("#registro-borrador")).ToContainTextAsync("Se recuperó su borrador");
            await Expect(page.Locator("#asunto")).ToHaveValueAsync(subject);
            await Expect(page.Locator("#descripcion")).ToHaveValueAsync("La impresora hace ruido y no saca hojas.");
            await Expect(page.Locator("#servicio")).ToHaveValueAsync(new Regex("Impresora$"));
            await Expect(page.Locator("#prioridad-resultante")).ToContainTextAsync("Media");

            await SendAsync(page);
            await page.WaitForURLAsync(new Regex(@"/tickets/\d{4}-\d+$"), new() { WaitUntil = WaitUntilState.Commit });
            await page.GotoAsync($"{browser.BaseUrl}/portal/nuevo");
            await BrowserFixture.WaitForCircuitAsync(page);
            await Expect(page.Locator("#registro-borrador-aviso")).ToBeVisibleAsync(); // storage read, nothing to restore
            await Expect(page.Locator("#asunto")).ToHaveValueAsync("");

            // A new draft, then someone else signs in on the same browser: they see an empty form.
            await OpenPortalFormAsync(page, $"{subject} segundo", "Otro borrador.");
            await DraftSavedAsync(page);
            await page.Context.ClearCookiesAsync();
            await browser.SignInAsync(page, "usuario2");
            await page.GotoAsync($"{browser.BaseUrl}/portal/nuevo");
            await BrowserFixture.WaitForCircuitAsync(page);
            await Expect(page.Locator("#registro-borrador-aviso")).ToBeVisibleAsync();
            await Expect(page.Locator("#asunto")).ToHaveValueAsync("");
        }
        finally { await page.Context.CloseAsync(); }
    }

    [Fact]
    public async Task A_half_written_phone_registration_survives_a_reload()
    {
        var subject = $"Borrador telefónico {Guid.NewGuid().ToString("N")[..6]}";
        var page = await browser.SignedInPageAsync("tecnico1");
        try
        {
            await page.GotoAsync($"{browser.BaseUrl}/tickets/nuevo");
            await BrowserFixture.WaitForCircuitAsync(page);
            await page.Locator("#solicitante").FillAsync("Flores Condori");
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "María Flores Condori" }).ClickAsync();
            await Expect(page.Locator("#solicitante")).ToHaveValueAsync(new Regex("^María Flores Condori"));
            var requester = await page.Locator("#solicitante").InputValueAsync();
            await page.GetByText("Presencial", new() { Exact = true }).ClickAsync();
            await page.Locator("#asunto").FillAsync(subject);
            await page.Locator("#descripcion").FillAsync("Llamó desde la unidad: la VPN no conecta.");
            await page.GetByText("Total (100 %)", new() { Exact = true }).ClickAsync();
            await page.GetByText("No, ninguna", new() { Exact = true }).ClickAsync();
            await Expect(page.Locator("#prioridad-resultante")).ToContainTextAsync("Alta");
            await DraftSavedAsync(page);

            await page.ReloadAsync();
            await BrowserFixture.WaitForCircuitAsync(page);

            await Expect(page.Locator("#asunto")).ToHaveValueAsync(subject);
            await Expect(page.Locator("#descripcion")).ToHaveValueAsync("Llamó desde la unidad: la VPN no conecta.");
            await Expect(page.Locator("#solicitante")).ToHaveValueAsync(requester);
            await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Presencial" })).ToBeCheckedAsync();
            await Expect(page.Locator("#prioridad-resultante")).ToContainTextAsync("Alta");
        }
        finally { await page.Context.CloseAsync(); }
    }

    /// <summary>María's new request: service from the catalog, subject, description, impact (Media).</summary>
    private async Task OpenPortalFormAsync(IPage page, string subject, string description)
    {
        if (!page.Url.EndsWith("/portal/nuevo"))
        {
            await page.GotoAsync($"{browser.BaseUrl}/portal/nuevo");
            await BrowserFixture.WaitForCircuitAsync(page);
        }
        await Expect(page.Locator("#registro-borrador-aviso, #registro-borrador")).ToBeVisibleAsync(); // the stored draft was read
        await page.GetByText("O busque en el catálogo por categoría").ClickAsync();
        await page.Locator(".catalog-browser .mud-chip", new() { HasTextRegex = new Regex("^Impresora$") }).ClickAsync();
        await Expect(page.Locator("#servicio")).ToHaveValueAsync(new Regex("Impresora$"));
        await page.Locator("#asunto").FillAsync(subject);
        await page.Locator("#descripcion").FillAsync(description);
        await page.GetByText("Parcial (alrededor del 30 %)", new() { Exact = true }).ClickAsync();
        await page.GetByText("Sí, hay alternativa", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator("#prioridad-resultante")).ToContainTextAsync("Media");
    }

    private static Task SendAsync(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Enviar solicitud|Registrar ticket)$") }).ClickAsync();

    /// <summary>
    /// The draft of the last change is in the browser's storage. The form saves it after the change is drawn; opening
    /// the "Tipo" list afterwards is a later round trip on the same connection (and draws only the list, saving nothing),
    /// so once the list shows, the save before it was done.
    /// </summary>
    private static async Task DraftSavedAsync(IPage page)
    {
        await page.Locator(".mud-select", new() { Has = page.GetByText("Tipo", new() { Exact = true }) }).First.ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}

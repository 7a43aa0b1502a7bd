using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Siget.Console.Tests.Browser;

/// <summary>
/// Dates are read and typed as dd/mm/aaaa (es-PE) whatever language the browser speaks: no field takes its format from
/// the browser (an &lt;input type="date"&gt; shows mm/dd/yyyy in an English browser).
/// </summary>
[Collection(BrowserCollection.Name)]
public class DatesInBrowserTests(BrowserFixture browser)
{
    private async Task<IPage> EnglishBrowserAsync(string userName)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "en-US", TimezoneId = "America/New_York",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await browser.SignInAsync(page, userName);
        return page;
    }

    [Fact]
    public async Task The_report_period_reads_and_takes_day_month_year_in_an_English_browser()
    {
        var page = await EnglishBrowserAsync("supervisor");
        try
        {
            await page.GotoAsync($"{browser.BaseUrl}/reportes?desde=2026-11-01&hasta=2026-11-30");
            await BrowserFixture.WaitForCircuitAsync(page);
            await Expect(page.Locator("#reporte-desde")).ToHaveValueAsync("01/11/2026");
            await Expect(page.Locator("#reporte-hasta")).ToHaveValueAsync("30/11/2026");

            await page.Locator("#reporte-desde").FillAsync("15/11/2026");
            await page.Locator("#reporte-desde").PressAsync("Tab");
            await page.Locator("#reporte-aplicar").ClickAsync();

            await page.WaitForURLAsync("**/reportes?desde=2026-11-15&hasta=2026-11-30**");
            await Expect(page.Locator(".report-note")).ToContainTextAsync("Del 15/11/2026 al 30/11/2026");
        }
        finally { await page.Context.CloseAsync(); }
    }

    [Fact]
    public async Task No_date_field_anywhere_takes_its_format_from_the_browser()
    {
        var found = new List<string>();
        foreach (var (user, path) in new[]
        {
            ("supervisor", "/reportes"), ("supervisor", "/reportes/informe-mensual"), ("supervisor", "/reportes/tickets"), ("supervisor", "/cola/todos"),
            ("supervisor", "/problemas"), ("supervisor", "/tickets/nuevo"), ("supervisor", "/conocimiento"), ("usuario1", "/portal/nuevo"),
            ("admin", "/admin/auditoria"), ("admin", "/admin/configuracion"), ("admin", "/admin/integraciones"), ("admin", "/admin/usuarios"), ("admin", "/admin/organizacion"),
        })
        {
            var page = await EnglishBrowserAsync(user);
            try
            {
                await page.GotoAsync(browser.BaseUrl + path);
                await BrowserFixture.WaitForCircuitAsync(page);
                var native = await page.Locator("input[type=date], input[type=datetime-local], input[type=month], input[type=week]").CountAsync();
                if (native > 0) found.Add($"{path}: {native} campos de fecha del navegador");
                // MudBlazor's date fields: what they show is dd/mm/aaaa (or nothing yet).
                foreach (var shown in await page.Locator(".mud-picker input").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)"))
                    if (shown.Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(shown, @"^\d{2}/\d{2}/\d{4}$")) found.Add($"{path}: «{shown}»");
            }
            finally { await page.Context.CloseAsync(); }
        }
        found.Should().BeEmpty();
    }
}

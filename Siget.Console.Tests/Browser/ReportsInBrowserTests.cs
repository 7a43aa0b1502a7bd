using System.Globalization;
using ClosedXML.Excel;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Siget.Console.Tests.Browser;

/// <summary>The supervisor reads the dashboard, opens the tickets behind a number and takes them to Excel.</summary>
[Collection(BrowserCollection.Name)]
public class ReportsInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_supervisor_drills_down_from_a_number_to_its_tickets_and_exports_them_to_Excel()
    {
        var page = await browser.SignedInPageAsync("supervisor");
        try
        {
            await BrowserFixture.WaitForCircuitAsync(page); // the menu's links navigate inside the circuit once it is up
            await page.GetByRole(AriaRole.Link, new() { Name = "Reportes", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reportes del servicio" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Últimos 90 días" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Últimos 90 días" })).ToHaveAttributeAsync("aria-current", "true");

            var card = page.Locator(".report-card", new() { HasText = "Recibidos" }).Locator("a.report-card-value");
            var received = int.Parse(await card.InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("es-PE"));
            received.Should().BeGreaterThan(0, "the demo data has tickets in the last 90 days");
            await card.ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recibidos" })).ToBeVisibleAsync();
            await Expect(page.Locator("#reporte-total")).ToContainTextAsync($"{received.ToString("N0", CultureInfo.GetCultureInfo("es-PE"))} tickets");
            await Expect(page.Locator("table.report-tickets tbody tr")).ToHaveCountAsync(Math.Min(received, 50)); // fifty to a page

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Exportar Excel" }).ClickAsync());
            download.SuggestedFilename.Should().StartWith("tickets-recibidos-").And.EndWith(".xlsx");
            await using var file = await download.CreateReadStreamAsync();
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            using var workbook = new XLWorkbook(copy);
            var sheet = workbook.Worksheets.Single();
            sheet.Cell(1, 1).GetString().Should().Be("Número");
            (sheet.RowsUsed().Count() - 1).Should().Be(received, "the file holds every ticket of the number, not only the page shown");
        }
        finally { await page.Context.CloseAsync(); }
    }
}

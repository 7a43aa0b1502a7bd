using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Siget.Console.Tests.Browser;

/// <summary>
/// The queue's first paint already shows its tickets (prerendered), and the circuit takes over without the rows
/// leaving the screen: every change the browser applies to the page is watched from the first byte.
/// </summary>
[Collection(BrowserCollection.Name)]
public class QueueFirstPaintInBrowserTests(BrowserFixture browser)
{
    // Records, after each batch of DOM changes, how many queue rows there are and what the total says.
    private const string WatchRows = """
        window.__queue = [];
        new MutationObserver(() => {
            const total = document.querySelector('#cola-total');
            window.__queue.push({ rows: document.querySelectorAll('tr.queue-row').length, total: total ? total.textContent.trim() : null });
        }).observe(document, { childList: true, subtree: true, characterData: true });
        """;

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task The_rows_are_on_screen_from_the_first_paint_and_stay_while_the_circuit_takes_over(int width)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++) numbers.Add(await browser.RegisterOpenTicketAsync("usuario1", $"Primera pintura {tag} {i}"));
        var page = await browser.SignedInPageAsync("tecnico1", width);
        try
        {
            await page.AddInitScriptAsync(WatchRows);
            await page.GotoAsync($"{browser.BaseUrl}/cola/todos?q={tag}", new() { WaitUntil = WaitUntilState.Commit });
            await BrowserFixture.WaitForCircuitAsync(page);
            await Expect(page.Locator("table.queue-table")).ToHaveAttributeAsync("data-list", "virtual");

            // Same priority and impact: queue order is registration order.
            var shown = await page.Locator("tr.queue-row a.queue-number").AllInnerTextsAsync();
            shown.Should().Equal(numbers, "after the hand-over each ticket is shown once, in queue order");
            await Expect(page.Locator("#cola-total")).ToHaveTextAsync("3 tickets");

            var seen = await page.EvaluateAsync<Frame[]>("() => window.__queue");
            var fromFirstRows = seen.SkipWhile(f => f.Rows == 0).ToList();
            fromFirstRows.Should().NotBeEmpty("the rows arrive with the page");
            fromFirstRows.Should().OnlyContain(f => f.Rows >= 3, "no moment after the first paint shows fewer rows (no flicker)");
            fromFirstRows.Should().OnlyContain(f => f.Total == "3 tickets", "the total never goes back to «Cargando…»");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// The page's data is read before the circuit exists and the screen follows the feed only once the circuit is up: a
    /// ticket registered in between (here: while the circuit's connection is held back) must still show.
    /// </summary>
    [Theory]
    [InlineData("tecnico1", "/cola/todos?q={tag}", "tr.queue-row a.queue-number")]
    [InlineData("usuario1", "/portal", "li.portal-ticket a.queue-number")]
    public async Task A_ticket_registered_between_the_first_paint_and_the_circuit_still_shows(string user, string path, string numbers)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var before = await browser.RegisterOpenTicketAsync("usuario1", $"Antes del circuito {tag}");
        var page = await browser.SignedInPageAsync(user);
        var held = new TaskCompletionSource();
        try
        {
            await page.RouteAsync("**/_blazor/negotiate**", async route =>
            {
                await held.Task;
                await route.ContinueAsync();
            });
            await page.GotoAsync(browser.BaseUrl + path.Replace("{tag}", tag), new() { WaitUntil = WaitUntilState.Commit });
            await Expect(page.Locator(numbers, new() { HasText = before })).ToBeVisibleAsync();

            var between = await browser.RegisterOpenTicketAsync("usuario1", $"Entre la página y el circuito {tag}");
            held.SetResult();
            await BrowserFixture.WaitForCircuitAsync(page);

            await Expect(page.Locator(numbers, new() { HasText = between })).ToBeVisibleAsync();
        }
        finally
        {
            held.TrySetResult();
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_ticket_registered_between_the_first_paint_and_the_circuit_is_counted_on_the_board()
    {
        var page = await browser.SignedInPageAsync("supervisor");
        var held = new TaskCompletionSource();
        try
        {
            await page.RouteAsync("**/_blazor/negotiate**", async route =>
            {
                await held.Task;
                await route.ContinueAsync();
            });
            await page.GotoAsync(browser.BaseUrl + "/tablero", new() { WaitUntil = WaitUntilState.Commit });
            var summary = page.Locator(".board-summary");
            var open = int.Parse(new string((await summary.InnerTextAsync()).TakeWhile(c => c != ' ').Where(char.IsDigit).ToArray()));

            await browser.RegisterOpenTicketAsync("usuario1", $"Entre el tablero y el circuito {Guid.NewGuid().ToString("N")[..6]}");
            held.SetResult();
            await BrowserFixture.WaitForCircuitAsync(page);

            await Expect(summary).ToContainTextAsync($"{(open + 1).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("es-PE"))} tickets abiertos");
        }
        finally
        {
            held.TrySetResult();
            await page.Context.CloseAsync();
        }
    }

    private sealed class Frame
    {
        public int Rows { get; set; }
        public string? Total { get; set; }
    }
}

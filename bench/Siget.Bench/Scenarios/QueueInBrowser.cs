using Microsoft.Playwright;
using Siget.Bench.Data;
using Siget.Bench.Running;

namespace Siget.Bench.Scenarios;

/// <summary>
/// A technician opening the queue in Debian's Chromium, timed in the page itself: from the navigation's start (the
/// document's time origin) to the frame that first paints a ticket row. A script installed before any of the page's
/// own watches the document as it is parsed, so neither Playwright nor the circuit adds to the figure. The same window
/// timing a small static page (after the same kind of page, as the queue comes after it) gives the browser's own share.
/// </summary>
public static class QueueInBrowser
{
    public sealed record FirstRows(Latencies Rows, Latencies Blank);

    // performance.now() counts from the navigation's start; the row is painted in the frame after it is in the DOM.
    private const string WatchFirstRow = """
        (() => {
          const seen = () => {
            const row = document.querySelector('.queue-table a.queue-number');
            if (!row || row.getBoundingClientRect().height === 0) return false;
            requestAnimationFrame(() => { window.__benchFirstRow = performance.now(); });
            return true;
          };
          const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
          observer.observe(document, { subtree: true, childList: true });
        })();
        """;

    public static async Task<FirstRows> FirstRowsAsync(Uri baseUri, int navigations, CancellationToken ct)
    {
        await using var browsers = await BenchBrowsers.LaunchAsync(baseUri);
        var page = await browsers.OpenAsync(BenchPeople.TechnicianName(0), "cola/todos");
        await page.Context.AddInitScriptAsync(WatchFirstRow);
        var queue = new Uri(baseUri, "cola/todos").AbsoluteUri;
        var blank = new Uri(baseUri, "favicon.png").AbsoluteUri;

        var result = new FirstRows(new Latencies(), new Latencies());
        for (var i = 0; i < navigations + 3; i++)
        {
            ct.ThrowIfCancellationRequested();
            await page.GotoAsync(queue, new() { WaitUntil = WaitUntilState.Commit });
            var handle = await page.WaitForFunctionAsync("() => window.__benchFirstRow", null, new() { Timeout = 15_000 });
            var rows = await handle.JsonValueAsync<double>();
            var count = await page.Locator(".queue-table a.queue-number").CountAsync();
            if (count == 0) throw new InvalidOperationException("The queue painted no ticket row in Chromium.");
            await BenchBrowsers.WaitForCircuitAsync(page); // the next navigation leaves a page at rest, not one starting up

            await page.GotoAsync(blank, new() { WaitUntil = WaitUntilState.Load }); // leaving the queue (circuit) is not timed
            await page.GotoAsync(blank, new() { WaitUntil = WaitUntilState.Load });
            var painted = await page.EvaluateAsync<double>("() => new Promise(r => requestAnimationFrame(() => r(performance.now())))");
            if (i < 3) continue; // warm-up: JIT, caches, the browser's own
            result.Rows.Add(rows);
            result.Blank.Add(painted);
        }
        await page.Context.CloseAsync();
        return result;
    }
}

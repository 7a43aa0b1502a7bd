using Microsoft.Playwright;
using Siget.Bench.Data;
using Siget.Bench.Running;

namespace Siget.Bench.Scenarios;

/// <summary>
/// A supervisor at the board in Debian's Chromium (headless, loopback): reassigns cards back and forth between the
/// first two technicians' columns, alternately by dragging and through the card's "Mover" button and its destination dialog. Each move is timed in
/// the page itself, from the click on the dialog's confirm button to the card settled (no longer pending) in its new
/// column, with a MutationObserver, so Playwright's polling adds nothing to the figure.
/// </summary>
public static class BoardInBrowser
{
    public sealed record Moves(Latencies Dragged, Latencies Chosen, Latencies All);

    private const string TimedConfirm = """
        ([lane, number]) => new Promise((resolve, reject) => {
          const settled = `.board-column[data-lane="${lane}"] .board-card[data-ticket="${number}"]:not(.board-card-pending)`;
          const started = performance.now();
          const check = () => {
            if (!document.querySelector(settled)) return;
            observer.disconnect(); clearTimeout(timer); resolve(performance.now() - started);
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
          const timer = setTimeout(() => {
            observer.disconnect();
            const where = document.querySelector(`.board-card[data-ticket="${number}"]`)?.closest('.board-column')?.dataset.lane ?? 'nowhere';
            const said = [...document.querySelectorAll('.mud-snackbar')].map(e => e.textContent.trim()).join(' | ');
            reject(new Error(`${number} not settled in ${lane} after 15 s: it is in ${where}; the board said: ${said}`));
          }, 15000);
          document.querySelector('#dialogo-confirmar').click();
        })
        """;

    public static async Task<Moves> MoveAsync(Uri baseUri, int movesEachWay, CancellationToken ct)
    {
        await using var browsers = await BenchBrowsers.LaunchAsync(baseUri);
        var page = await browsers.OpenAsync(BenchPeople.SupervisorName(0), "tablero");

        // The first two technicians' columns (level 1), both in view without scrolling sideways.
        var lanes = await page.EvaluateAsync<string[][]>("""
            () => [...document.querySelectorAll('.board-column[data-lane^="1:p:"]')].slice(0, 2).map(c => [c.dataset.lane, c.dataset.title])
            """);
        if (lanes.Length < 2) throw new InvalidOperationException("The board shows fewer than two technicians' columns.");
        var (a, b) = ((Lane: lanes[0][0], Title: lanes[0][1]), (Lane: lanes[1][0], Title: lanes[1][1]));

        var moves = new Moves(new Latencies(), new Latencies(), new Latencies());
        for (var i = 0; i < movesEachWay * 2 + 2; i++)
        {
            ct.ThrowIfCancellationRequested();
            var (from, to) = i % 2 == 0 ? (a, b) : (b, a);
            var number = await page.EvaluateAsync<string?>(
                "lane => document.querySelector(`.board-column[data-lane=\"${lane}\"] .board-card`)?.dataset.ticket ?? null", from.Lane)
                ?? throw new InvalidOperationException($"No card left in {from.Title}'s column.");
            var card = page.Locator($".board-card[data-ticket='{number}']");
            var byMenu = i / 2 % 2 == 1;
            if (byMenu)
            {
                await card.GetByRole(AriaRole.Button, new() { Name = $"Mover {number}" }).ClickAsync();
                await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Radiogroup, new() { Name = "Reasignar a" })
                    .Locator("label", new() { HasText = $"{to.Title} (" }).First.ClickAsync();
                await page.Locator("#destino-continuar").ClickAsync();
            }
            else
            {
                await card.DragToAsync(page.Locator($".board-column[data-lane='{to.Lane}']"));
            }
            await page.Locator("#dialogo-confirmar").WaitForAsync();
            var ms = await page.EvaluateAsync<double>(TimedConfirm, new[] { to.Lane, number });
            await page.Locator("#dialogo-confirmar").WaitForAsync(new() { State = WaitForSelectorState.Detached });
            if (i < 2) continue; // warm-up: one move each way
            (byMenu ? moves.Chosen : moves.Dragged).Add(ms);
            moves.All.Add(ms);
        }
        await page.Context.CloseAsync();
        return moves;
    }
}

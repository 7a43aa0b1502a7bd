using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Siget.Bench.Data;

namespace Siget.Bench.Scenarios;

/// <summary>
/// Real Chromium windows (Debian's /usr/bin/chromium driven by Playwright), each in its own browser context (own
/// cookies), signed in through the sign-in page as the tests do. Closed with the object.
/// </summary>
public sealed class BenchBrowsers : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _baseUrl;

    private BenchBrowsers(IPlaywright playwright, IBrowser browser, Uri baseUri)
    {
        _playwright = playwright;
        _browser = browser;
        _baseUrl = baseUri.AbsoluteUri.TrimEnd('/');
    }

    public static async Task<BenchBrowsers> LaunchAsync(Uri baseUri)
    {
        if (!File.Exists(ChromiumPath)) throw new InvalidOperationException($"{ChromiumPath} is missing (bench/run.sh installs it).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new BenchBrowsers(playwright, browser, baseUri);
    }

    /// <summary>A signed-in window on <paramref name="path"/>, once its circuit is up.</summary>
    public async Task<IPage> OpenAsync(string userName, string path)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "es-PE" });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{_baseUrl}/cuenta/ingresar");
        await page.FillAsync("#usuario", userName);
        await page.FillAsync("#clave", BenchPeople.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Regex($"^{Regex.Escape(_baseUrl)}/(cola|portal|tablero)"));
        await page.GotoAsync($"{_baseUrl}/{path}");
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>As the browser tests: blazor.web.js loaded and the layout re-rendered interactively.</summary>
    public static async Task WaitForCircuitAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.Locator("[data-interactive=true]").WaitForAsync();
    }

    /// <summary>
    /// Starts watching the queue table of <paramref name="page"/> for <paramref name="text"/>: a MutationObserver
    /// notes <c>Date.now()</c> when the text first appears in the DOM. <see cref="SeenAtAsync"/> reads that time.
    /// </summary>
    public static Task WatchForAsync(IPage page, string text) => page.EvaluateAsync("""
        text => {
            window.__benchSeen = window.__benchSeen || {};
            const check = () => {
                const table = document.querySelector('.queue-table');
                if (!window.__benchSeen[text] && table && table.textContent.includes(text)) window.__benchSeen[text] = Date.now();
            };
            const observer = new MutationObserver(() => { check(); if (window.__benchSeen[text]) observer.disconnect(); });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            check();
        }
        """, text);

    /// <summary>When the watched text appeared (Unix ms), waiting up to <paramref name="timeout"/>; null if it did not.</summary>
    public static async Task<double?> SeenAtAsync(IPage page, string text, TimeSpan timeout)
    {
        try
        {
            var handle = await page.WaitForFunctionAsync("text => window.__benchSeen && window.__benchSeen[text]", text,
                new PageWaitForFunctionOptions { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 50 });
            return await handle.JsonValueAsync<double>();
        }
        catch (TimeoutException) { return null; }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _browser.Contexts.ToList()) await context.CloseAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

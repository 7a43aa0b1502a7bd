using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Siget.Console.Services.People;
using Siget.Console.Services.Tickets;
using Siget.Core.Catalog;
using Siget.Core.Priorities;
using Siget.Console.Tests.Infrastructure;

namespace Siget.Console.Tests.Browser;

/// <summary>The app with demo data on real Kestrel (loopback, free port) and Debian's Chromium driven by Playwright,
/// started once for the whole <see cref="BrowserCollection"/>. A derived fixture may pass more <paramref name="settings"/>
/// (configuration keys) to the app.</summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Live sessions are checked this often (30 s in production) so that DeactivationTests sees the periodic
    /// check soon; for every other test it is only a cheap query per open screen every few seconds.</summary>
    public const int RevalidationSeconds = 5;

    public BrowserFixture() : this(null) { }

    protected BrowserFixture(IReadOnlyDictionary<string, string>? settings) => App = new(demoData: true, realClock: true,
        settings: new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["Sesiones:RevalidationSeconds"] = $"{RevalidationSeconds}" });

    public SigetAppFactory App { get; }
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    private IPlaywright _playwright = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium.");
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::1]", "localhost").Replace("127.0.0.1", "localhost").TrimEnd('/');
        Assertions.SetDefaultExpectTimeout(10_000); // Blazor Server round trips on a busy two-core machine
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> SignedInPageAsync(string userName, int width = 1366)
    {
        var page = await NewPageAsync(width);
        await SignInAsync(page, userName);
        return page;
    }

    /// <summary>A page in its own browser context (own cookies), 1366×900 unless told otherwise; close it with <c>page.Context.CloseAsync()</c>.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, Locale = "es-PE" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in with a demo account on the (static) sign-in page; lands on the queue (a requester, on the portal).</summary>
    public async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync($"{BaseUrl}/cuenta/ingresar");
        await page.FillAsync("#usuario", userName);
        await page.FillAsync("#clave", Siget.Console.Data.Demo.DemoData.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(BaseUrl)}/(cola|portal)"));
    }

    /// <summary>
    /// An open ticket of <paramref name="requesterUserName"/>, phoned in to tecnico1; returns its number. Whether a demo
    /// requester has a ticket in progress depends on the hour the demo was seeded, so a test that needs one makes its own.
    /// </summary>
    public async Task<string> RegisterOpenTicketAsync(string requesterUserName, string subject)
    {
        await using var db = App.CreateDbContext();
        var technician = db.Users.Single(u => u.UserName == "tecnico1").ToActor();
        var requester = db.Users.Single(u => u.UserName == requesterUserName).Id;
        var ticket = await App.Service<TicketRegistration>().RegisterAsync(technician, new RegisterTicketRequest
        {
            RequesterId = requester, Channel = Channel.Telefono, Kind = TicketKind.Incidencia, SubcategoryCode = 15,
            Subject = subject, Description = "La impresora no responde.", Impact = OperatingImpact.Parcial, AlternativeAvailable = true,
        });
        return ticket.Number;
    }

    /// <summary>Blazor Server handles clicks only once the circuit is up: blazor.web.js loaded (<c>window.Blazor</c>)
    /// and the layout re-rendered interactively (MainLayout's <c>data-interactive</c> turns "true").</summary>
    public static async Task WaitForCircuitAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.Locator("[data-interactive=true]").WaitForAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Siget.Console.Scale;
using Siget.Console.Tests.Browser;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;

namespace Siget.Console.Tests.Scale;

/// <summary>Two instances (Kestrel on loopback) over one PostgreSQL and one Redis, trusting nginx as their proxy, behind
/// the shipped docs/nginx-siget.conf, and Debian's Chromium.</summary>
public sealed class NginxInstances : IAsyncLifetime
{
    public SigetAppFactory A { get; private set; } = default!;
    public SigetAppFactory B { get; private set; } = default!;
    public NginxFront Front { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public Actor Technician { get; private set; } = default!;
    public Actor Requester { get; private set; } = default!;
    private IPlaywright _playwright = default!;
    private string _database = default!;

    public async Task InitializeAsync()
    {
        var redis = await RedisServer.ConnectionAsync();
        _database = await PostgreSqlCluster.CreateDatabaseAsync("nginx");
        var settings = new Dictionary<string, string>
        {
            ["Redis:Connection"] = redis,
            ["Redis:Prefix"] = "nginx-" + Guid.NewGuid().ToString("N")[..8],
            // nginx reaches the instances from loopback; what it forwards is believed from there only.
            ["Proxy:KnownProxies"] = "127.0.0.1,::1",
            ["SignIn:PermitLimit"] = "3",
        };
        A = Start(settings);
        B = Start(settings);
        await A.Service<RedisFeedRelay>().Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        await B.Service<RedisFeedRelay>().Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        Front = await NginxFront.StartAsync(Address(A), Address(B));
        Technician = await A.AddPersonAsync("tecnico", Role.Tecnico, "Luis Mendoza");
        Requester = await A.AddPersonAsync("usuario", Role.Usuario, "María Flores");
        await A.AddPersonAsync("supervisor", Role.Supervisor, "Carmen Rojas");
        if (!File.Exists(BrowserFixture.ChromiumPath))
            throw new InvalidOperationException($"{BrowserFixture.ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    private SigetAppFactory Start(Dictionary<string, string> settings)
    {
        var app = new SigetAppFactory(settings: settings, postgreSql: _database, staticFiles: true);
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    public static Uri Address(SigetAppFactory app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>The instance behind this port, and the other one.</summary>
    public (SigetAppFactory On, SigetAppFactory Other) ByPort(int port) =>
        Address(A).Port == port ? (A, B) : Address(B).Port == port ? (B, A) : throw new InvalidOperationException($"No instance on port {port}.");

    /// <summary>A page in a browser context of its own that trusts the test certificate.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            IgnoreHTTPSErrors = true, Locale = "es-PE", ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Front is not null) await Front.DisposeAsync();
        await A.DisposeAsync();
        await B.DisposeAsync();
        await PostgreSqlCluster.DropDatabaseAsync(_database);
    }
}

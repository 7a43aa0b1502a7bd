using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Browser;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using static Microsoft.Playwright.Assertions;

namespace Siget.Console.Tests.Scale;

/// <summary>
/// The shipped nginx configuration in front of two instances (docs/escalar.md): a person behind it works live over the
/// WebSocket upgrade, each client stays on one instance, and SIGET sees the client's address and scheme.
/// </summary>
public sealed class ThroughNginxTests(NginxInstances instances) : IClassFixture<NginxInstances>
{
    private NginxFront Front => instances.Front;

    [Fact]
    public async Task A_person_behind_nginx_works_over_a_WebSocket_and_sees_live_what_the_other_instance_commits()
    {
        var page = await instances.NewPageAsync();
        try
        {
            var sockets = new List<IWebSocket>();
            page.WebSocket += (_, socket) => { lock (sockets) sockets.Add(socket); };
            var token = "nginx" + Guid.NewGuid().ToString("N")[..6];
            await SignInAsync(Front, page, "supervisor");
            await page.GotoAsync(new Uri(Front.Address, $"/cola/todos?q={token}").ToString());
            await WaitForCircuitAsync(page);
            lock (sockets) sockets.Should().Contain(s => s.Url.Contains("/_blazor") && !s.IsClosed, "the circuit runs over the WebSocket upgrade, not a fallback");

            var on = await InstanceOfAsync(Front, page);
            var (_, other) = instances.ByPort(on);
            var ticket = await other.Service<TicketRegistration>().RegisterAsync(instances.Technician,
                HelpDeskFixture.Phoned(instances.Requester, subject: $"Sin red en el piso 3 {token}"));

            await Expect(page.Locator("tr.queue-row", new() { HasText = ticket.Number })).ToBeVisibleAsync();
        }
        finally { await page.Context.CloseAsync(); }
    }

    [Fact]
    public async Task Each_client_stays_on_one_instance_across_signing_in_and_clients_are_spread_over_both()
    {
        var keys = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var cookies = new CookieContainer();
            using var client = Front.Client(cookies);
            for (var r = 0; r < 3; r++) (await client.GetAsync("/cuenta/ingresar")).StatusCode.Should().Be(HttpStatusCode.OK);
            keys.Add(cookies.GetCookies(Front.Address)["siget_afinidad"]?.Value ?? throw new InvalidOperationException("nginx set no affinity cookie"));
        }
        var signing = new CookieContainer();
        using (var client = Front.Client(signing))
        {
            await SignInAsync(client, "tecnico");
            (await client.GetAsync("/cola")).StatusCode.Should().Be(HttpStatusCode.OK, "signed in through nginx");
        }
        var signedKey = signing.GetCookies(Front.Address)["siget_afinidad"]!.Value;

        var log = Front.Log();
        foreach (var key in keys)
            log.Where(s => s.Affinity == key).Select(s => s.Upstream).Should().HaveCount(3).And.OnlyContain(u => u == log.First(s => s.Affinity == key).Upstream,
                "all requests of one client go to one instance");
        var signedIn = log.Where(s => s.Affinity == signedKey).ToList();
        signedIn.Select(s => s.Method).Should().Contain("POST", "the sign-in itself went through nginx");
        signedIn.Select(s => s.Upstream).Distinct().Should().ContainSingle("signing in does not move a person to another instance");
        keys.Select(k => log.First(s => s.Affinity == k).Upstream).Distinct().Should().HaveCount(2, "twelve clients are spread over both instances");
    }

    [Fact]
    public async Task SIGET_sees_the_client_address_and_scheme_that_nginx_forwards()
    {
        // Two machines behind the one nginx (127.0.0.2 and 127.0.0.3 as nginx sees them); the limit is 3 per client.
        using var first = Front.Client(new CookieContainer(), IPAddress.Parse("127.0.0.2"));
        for (var i = 0; i < 3; i++) (await WrongPasswordAsync(first)).Should().NotBe(HttpStatusCode.TooManyRequests, $"attempt {i + 1} of 3");
        (await WrongPasswordAsync(first)).Should().Be(HttpStatusCode.TooManyRequests, "the fourth attempt from that machine, on either instance");

        using var second = Front.Client(new CookieContainer(), IPAddress.Parse("127.0.0.3"));
        (await WrongPasswordAsync(second, spoofed: "127.0.0.2")).Should().NotBe(HttpStatusCode.TooManyRequests,
            "another machine has its own count; its own X-Forwarded-For is replaced by nginx");

        var cookies = new CookieContainer();
        using var signing = Front.Client(cookies, IPAddress.Parse("127.0.0.4"));
        await SignInAsync(signing, "tecnico");
        cookies.GetCookies(Front.Address)["siget.auth"]!.Secure.Should().BeTrue("SIGET, reached over plain HTTP, knows from X-Forwarded-Proto that the person is on HTTPS");
    }

    [Fact]
    public async Task A_kill_9_of_the_instance_a_browser_is_on_and_nginx_reloads_it_on_the_other_with_the_same_view_and_filters()
    {
        var database = await PostgreSqlCluster.CreateDatabaseAsync("failover");
        var folder = Path.Combine(Path.GetTempPath(), "siget-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var redis = await RedisServer.ConnectionAsync();
        var prefix = "failover-" + Guid.NewGuid().ToString("N")[..8];
        var token = "caida" + Guid.NewGuid().ToString("N")[..6];
        try
        {
            var environment = new Dictionary<string, string>
            {
                // Development: a process of its own serves the build's scripts and styles only there; the first
                // process also adds the demo people (the second finds them).
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Database__Provider"] = "PostgreSql", ["ConnectionStrings__Siget"] = database,
                ["Redis__Connection"] = redis, ["Redis__Prefix"] = prefix, ["Proxy__KnownProxies"] = "127.0.0.1",
            };
            await using var first = SigetProcess.Start(folder, environment);
            var firstPort = await ListeningPortAsync(first);
            await using var second = SigetProcess.Start(folder, environment);
            var processes = new Dictionary<int, SigetProcess> { [firstPort] = first, [await ListeningPortAsync(second)] = second };
            string number;
            await using (var other = new SigetAppFactory(settings: new Dictionary<string, string> { ["Redis:Connection"] = redis, ["Redis:Prefix"] = prefix }, postgreSql: database))
            {
                await using var db = other.CreateDbContext();
                var technician = db.Users.Single(u => u.UserName == "tecnico1").ToActor();
                var requester = db.Users.Single(u => u.UserName == "usuario1").ToActor();
                number = (await other.Service<TicketRegistration>().RegisterAsync(technician, HelpDeskFixture.Phoned(requester, subject: $"Servidor caído {token}"))).Number;
            }
            await using var front = await NginxFront.StartAsync([.. processes.Keys.Select(p => new Uri($"http://127.0.0.1:{p}"))]);
            var page = await instances.NewPageAsync();
            try
            {
                await SignInAsync(front, page, "supervisor");
                await page.GotoAsync(new Uri(front.Address, $"/cola/todos?estado=todos&q={token}").ToString());
                await WaitForCircuitAsync(page);
                var view = page.Url;
                view.Should().Contain("/cola/todos").And.Contain("estado=todos").And.Contain($"q={token}");
                await Expect(page.Locator("tr.queue-row", new() { HasText = number })).ToBeVisibleAsync();
                var on = await InstanceOfAsync(front, page);
                var reloaded = page.WaitForResponseAsync(r => r.Url == view && r.Status == 200, new() { Timeout = 60_000 });

                await processes[on].KillAsync();

                await reloaded;
                await WaitForCircuitAsync(page);
                page.Url.Should().Be(view, "the same view with the same filters");
                await Expect(page.Locator("#cola-buscar")).ToHaveValueAsync(token);
                await Expect(page.Locator("tr.queue-row", new() { HasText = number })).ToBeVisibleAsync();
                var survivor = processes.Keys.Single(p => p != on);
                front.Log().Should().Contain(s => s.Method == "GET" && view.EndsWith(s.Uri) && s.UpstreamPort == survivor && s.Status == 200,
                    "nginx sent the reload to the instance that is still up");
            }
            finally { await page.Context.CloseAsync(); }
        }
        finally
        {
            await PostgreSqlCluster.DropDatabaseAsync(database);
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private static async Task<int> ListeningPortAsync(SigetProcess process)
    {
        var line = await process.WaitForLineAsync(l => l.Contains("Now listening on"), TimeSpan.FromSeconds(120));
        return int.Parse(Regex.Match(line, @"http://[^\s]+:(\d+)").Groups[1].Value);
    }

    private static async Task<HttpStatusCode> WrongPasswordAsync(HttpClient client, string? spoofed = null)
    {
        var token = HtmlForms.Token(await client.GetStringAsync("/cuenta/ingresar"));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/cuenta/ingresar")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = "nadie", ["Input.Password"] = "equivocada",
            }),
        };
        if (spoofed is not null) post.Headers.Add("X-Forwarded-For", spoofed);
        return (await client.SendAsync(post)).StatusCode;
    }

    private static async Task SignInAsync(HttpClient client, string userName)
    {
        var token = HtmlForms.Token(await client.GetStringAsync("/cuenta/ingresar"));
        var response = await client.PostAsync("/cuenta/ingresar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = userName, ["Input.Password"] = Siget.Console.Data.Demo.DemoData.Password,
        }));
        ((int)response.StatusCode).Should().BeInRange(300, 399, $"{userName} signs in through nginx");
    }

    private static async Task SignInAsync(NginxFront front, IPage page, string userName)
    {
        await page.GotoAsync(new Uri(front.Address, "/cuenta/ingresar").ToString());
        await page.FillAsync("#usuario", userName);
        await page.FillAsync("#clave", Siget.Console.Data.Demo.DemoData.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Regex("/(cola|portal)"));
    }

    private static Task WaitForCircuitAsync(IPage page) => BrowserFixture.WaitForCircuitAsync(page);

    /// <summary>The instance (its port) that served this browser's page, from nginx's log by the browser's affinity cookie.</summary>
    private static async Task<int> InstanceOfAsync(NginxFront front, IPage page)
    {
        var key = (await page.Context.CookiesAsync()).Single(c => c.Name == "siget_afinidad").Value;
        var served = front.Log().Where(s => s.Affinity == key).Select(s => s.UpstreamPort).Distinct().ToList();
        served.Should().ContainSingle("one browser stays on one instance");
        return served[0];
    }
}

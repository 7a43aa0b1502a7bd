using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;

namespace Siget.Console.Tests.Security;

/// <summary>
/// The request limits of what anyone can do without an account (look up a ticket, try to sign in), over real Kestrel
/// and real sockets: the address is sent exactly as written, so every spelling the server and router accept is tried,
/// and clients are told apart by their real address (and, behind a trusted proxy, by the forwarded one).
/// </summary>
public sealed class RequestLimitTests
{
    /// <summary>The same route written the ways a person or a script could write it; some do not reach the page at all.</summary>
    private static readonly string[] Spellings =
    [
        "{0}", "{0}/", "{0}//", "/{1}", "/{2}", "//{1}", "/./{1}", "/x/../{1}", "{0}/.", "{0}?x=1", "{0}/?x=1", "{0};x",
        "/%2e/{1}", "{0}%2F", "/%2F{1}", "{0}%20", "{0}.", "{0}%00", "/%7e/../{1}",
    ];

    /// <summary>Each spelling of <paramref name="path"/> ("/consulta") with one letter percent-encoded and one in capitals.</summary>
    private static IEnumerable<string> SpellingsOf(string path)
    {
        var bare = path.TrimStart('/');
        var encoded = $"%{(int)bare[0]:X2}{bare[1..]}";
        var capitals = bare.ToUpperInvariant();
        return Spellings.Select(s => string.Format(s, path, bare, encoded)).Concat([$"/{capitals}", $"/{capitals}/", $"/{bare[0]}{bare[1..].ToUpperInvariant()}"]);
    }

    private sealed class Site : IAsyncDisposable
    {
        public SigetAppFactory App { get; }
        public Uri Base { get; }

        public Site(Dictionary<string, string>? settings = null)
        {
            App = new SigetAppFactory(settings: settings);
            App.UseKestrel(0);
            App.StartServer();
            Base = new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }

        /// <summary>A browser-like client: keeps cookies, shows redirects, sends each address exactly as written.</summary>
        public HttpClient Client() => new(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false });

        public Uri At(string pathAndQuery) => new($"{Base.GetLeftPart(UriPartial.Authority)}{pathAndQuery}",
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    /// <summary>Posts a form of a static page (token from the page at <paramref name="page"/>) to <paramref name="postTo"/> as written.</summary>
    private static async Task<(HttpStatusCode Status, string Body, string? Location)> PostFormAsync(Site site, HttpClient client, string page, string postTo,
        Dictionary<string, string> fields, string? forwardedFor = null)
    {
        var form = new HttpRequestMessage(HttpMethod.Get, site.At(page));
        if (forwardedFor is not null) form.Headers.Add("X-Forwarded-For", forwardedFor);
        var token = HtmlForms.Token(await (await client.SendAsync(form)).Content.ReadAsStringAsync());
        var post = new HttpRequestMessage(HttpMethod.Post, site.At(postTo))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }),
        };
        if (forwardedFor is not null) post.Headers.Add("X-Forwarded-For", forwardedFor);
        var response = await client.SendAsync(post);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), response.Headers.Location?.OriginalString);
    }

    private static Task<(HttpStatusCode Status, string Body, string? Location)> LookUpAsync(Site site, HttpClient client, string postTo, string? forwardedFor = null) =>
        PostFormAsync(site, client, "/consulta", postTo, new() { ["_handler"] = "consulta", ["Input.Number"] = "2026-000001", ["Input.Code"] = "AAAA-BBBB-CCCC" }, forwardedFor);

    private static int guesses;

    private static Task<(HttpStatusCode Status, string Body, string? Location)> SignInAsync(Site site, HttpClient client, string postTo,
        string? userName = null, string password = "incorrecta", string? forwardedFor = null) =>
        PostFormAsync(site, client, "/cuenta/ingresar", postTo,
            new() { ["_handler"] = "login", ["Input.UserName"] = userName ?? $"nadie{Interlocked.Increment(ref guesses)}", ["Input.Password"] = password }, forwardedFor);

    private static bool LookupAnswered((HttpStatusCode Status, string Body, string? Location) r) =>
        r.Status == HttpStatusCode.OK && r.Body.Contains("No encontramos un ticket con ese número y código.");

    private static bool SignInAnswered((HttpStatusCode Status, string Body, string? Location) r) =>
        r.Status == HttpStatusCode.OK && r.Body.Contains("Usuario o contraseña incorrectos.")
        || r.Status == HttpStatusCode.Redirect && r.Location!.EndsWith("cuenta/bloqueada");

    /// <summary>
    /// Every spelling is tried while the client still has permits (to learn which ones reach the form), the remaining
    /// permits are spent, and every spelling is tried again: the number of answered attempts is exactly the limit.
    /// </summary>
    private static async Task<(List<string> Reached, int Answered, List<string> AnsweredAfterLimit)> WalkSpellingsAsync(
        IEnumerable<string> spellings, Func<string, Task<(HttpStatusCode Status, string Body, string? Location)>> attempt,
        Func<(HttpStatusCode, string, string?), bool> answered, string canonical, int limit)
    {
        var reached = new List<string>();
        foreach (var spelling in spellings)
            if (answered(await attempt(spelling))) reached.Add(spelling);
        var total = reached.Count;
        for (var i = 0; i < limit + 2; i++)
            if (answered(await attempt(canonical))) total++;
        var after = new List<string>();
        foreach (var spelling in spellings)
        {
            var response = await attempt(spelling);
            if (answered(response)) after.Add(spelling);
            else if (reached.Contains(spelling)) response.Status.Should().Be(HttpStatusCode.TooManyRequests, $"{spelling} reaches the form, so it is refused as too many");
        }
        return (reached, total, after);
    }

    [Fact]
    public async Task The_lookup_limit_holds_under_every_spelling_of_its_address()
    {
        await using var site = new Site(new() { ["ConsultaCiudadana:PermitLimit"] = "25" });
        var client = site.Client();
        var spellings = SpellingsOf("/consulta").ToList();

        var (reached, answered, afterLimit) = await WalkSpellingsAsync(spellings, s => LookUpAsync(site, client, s), LookupAnswered, "/consulta", 25);

        reached.Should().Contain(["/consulta", "/consulta/", "/CONSULTA", "/%63onsulta", "/./consulta"], "these reach the lookup form");
        answered.Should().Be(25, "one client gets the limit, whatever the spellings");
        afterLimit.Should().BeEmpty();
    }

    [Fact]
    public async Task The_sign_in_limit_holds_under_every_spelling_of_its_address_whatever_the_names_tried()
    {
        await using var site = new Site(new() { ["Ingreso:PermitLimit"] = "25" });
        var client = site.Client();
        var spellings = SpellingsOf("/cuenta/ingresar").ToList();

        var (reached, answered, afterLimit) = await WalkSpellingsAsync(spellings, s => SignInAsync(site, client, s), SignInAnswered, "/cuenta/ingresar", 25);

        reached.Should().Contain(["/cuenta/ingresar", "/cuenta/ingresar/", "/CUENTA/INGRESAR", "/%63uenta/ingresar"], "these reach the sign-in form");
        answered.Should().Be(25, "one client gets the limit, whatever the spellings and the names");
        afterLimit.Should().BeEmpty();
        var (status, body, _) = await SignInAsync(site, client, "/cuenta/ingresar");
        status.Should().Be(HttpStatusCode.TooManyRequests);
        body.Should().Contain("Hubo muchos intentos de ingreso desde este equipo.").And.Contain("espere unos minutos");
        (await client.GetAsync(site.At("/cuenta/ingresar"))).StatusCode.Should().Be(HttpStatusCode.OK, "opening the page does not count");
    }

    [Fact]
    public async Task Without_a_trusted_proxy_a_forwarded_address_is_ignored_and_the_client_keeps_one_bucket()
    {
        // Off by default, and on for another proxy: this client's own X-Forwarded-For changes nothing either way.
        foreach (var settings in new[] { new Dictionary<string, string>(), new() { ["Proxy:KnownProxies:0"] = "10.20.30.40" } })
        {
            await using var site = new Site(new(settings) { ["ConsultaCiudadana:PermitLimit"] = "3" });
            var client = site.Client();
            for (var i = 0; i < 3; i++)
                LookupAnswered(await LookUpAsync(site, client, "/consulta", forwardedFor: $"203.0.113.{i + 1}")).Should().BeTrue();

            var (status, _, _) = await LookUpAsync(site, client, "/consulta", forwardedFor: "203.0.113.99");

            status.Should().Be(HttpStatusCode.TooManyRequests, "a spoofed forwarded address does not open a new bucket");
        }
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_bucket()
    {
        await using var site = new Site(new() { ["ConsultaCiudadana:PermitLimit"] = "3", ["Proxy:KnownProxies"] = "127.0.0.1, ::1" });
        var client = site.Client();
        for (var i = 0; i < 3; i++) LookupAnswered(await LookUpAsync(site, client, "/consulta", forwardedFor: "203.0.113.7")).Should().BeTrue();

        (await LookUpAsync(site, client, "/consulta", forwardedFor: "203.0.113.7")).Status.Should().Be(HttpStatusCode.TooManyRequests);
        LookupAnswered(await LookUpAsync(site, client, "/consulta", forwardedFor: "198.51.100.20")).Should().BeTrue("another citizen behind the proxy");
        (await LookUpAsync(site, client, "/consulta", forwardedFor: "198.51.100.20, 203.0.113.7")).Status.Should()
            .Be(HttpStatusCode.TooManyRequests, "the proxy's entry is the client; what the client wrote before it is not believed");
    }

    [Theory]
    [InlineData("Proxy:KnownProxies:0", "10.0.0.300", "Proxy:KnownProxies:0")]
    [InlineData("Proxy:KnownProxies", "10.0.0.5, proxy.local", "Proxy:KnownProxies")]
    [InlineData("Proxy:KnownProxies:1", "10", "Proxy:KnownProxies:1")]
    [InlineData("Proxy:KnownNetworks:0", "10.0.0.0", "Proxy:KnownNetworks:0")]
    public async Task A_bad_proxy_setting_stops_start_up_naming_the_key(string key, string value, string named)
    {
        var settings = new Dictionary<string, string> { [key] = value };
        if (key.EndsWith(":1")) settings["Proxy:KnownProxies:0"] = "10.0.0.5";
        await using var app = new SigetAppFactory(settings: settings);

        var start = () => app.Services;

        start.Should().Throw<InvalidOperationException>().Which.Message.Should().Contain(named).And.Contain("no es");
    }

    [Fact]
    public async Task A_stranger_s_failed_guesses_lock_out_only_the_stranger_and_an_administrator_can_release_them()
    {
        await using var site = new Site(new() { ["Proxy:KnownProxies"] = "127.0.0.1, ::1" });
        var admin = await site.App.AddPersonAsync("admin", Role.Administrador, "Administradora");
        var julio = await site.App.AddPersonAsync("bloqueable", Role.Tecnico, "Julio Apaza Ticona");
        var client = site.Client();
        const string stranger = "203.0.113.66", julioPc = "198.51.100.10";
        for (var i = 0; i < 4; i++)
            (await SignInAsync(site, client, "/cuenta/ingresar", "bloqueable", forwardedFor: stranger)).Body.Should().Contain("Usuario o contraseña incorrectos.");

        (await SignInAsync(site, client, "/cuenta/ingresar", "bloqueable", forwardedFor: stranger)).Location.Should().EndWith("cuenta/bloqueada");
        (await SignInAsync(site, client, "/cuenta/ingresar", "bloqueable", Siget.Console.Data.Demo.DemoData.Password, forwardedFor: stranger))
            .Location.Should().EndWith("cuenta/bloqueada", "even the right password, from the locked client");
        var rows = (await site.App.Service<Siget.Console.Services.People.UserAdministration>().ListAsync(admin, new(), 0, 10)).Rows;
        rows.Single(r => r.UserName == "bloqueable").LockedOut.Should().BeTrue("the administrator sees the lock");

        var own = await SignInAsync(site, site.Client(), "/cuenta/ingresar?ReturnUrl=cola", "bloqueable", Siget.Console.Data.Demo.DemoData.Password, forwardedFor: julioPc);
        own.Location.Should().EndWith("/cola", "Julio signs in from his own computer");

        await site.App.Service<Siget.Console.Services.People.UserAdministration>().UnlockAsync(admin, julio.UserId);
        (await SignInAsync(site, client, "/cuenta/ingresar", "bloqueable", forwardedFor: stranger)).Body.Should()
            .Contain("Usuario o contraseña incorrectos.", "Desbloquear releases the name on every client");
    }
}

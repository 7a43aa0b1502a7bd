using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Siget.Console.Data;
using Siget.Console.Data.Demo;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;

namespace Siget.Console.Tests.Security;

/// <summary>Sign-in, sign-out and the headers and origin rules every response follows, over HTTP against the real app.</summary>
public sealed class AccountSecurityTests : IAsyncLifetime
{
    private readonly SigetAppFactory _app = new();

    public async Task InitializeAsync()
    {
        _ = _app.Services;
        await _app.AddPersonAsync("tecnico1", Role.Tecnico, "Luis Mendoza Ríos");
        await _app.AddPersonAsync("bloqueable", Role.Tecnico, "Julio Apaza Ticona");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>A browser-like client that keeps cookies but shows each redirect instead of following it.</summary>
    private HttpClient Browser() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts the sign-in form as a browser would and returns the response.</summary>
    private async Task<(HttpResponseMessage Response, string Body)> PostSignInAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("/cuenta/ingresar");
        var token = HtmlForms.Token(form);
        var response = await client.PostAsync("/cuenta/ingresar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = userName, ["Input.Password"] = password,
        }));
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/cola")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("http:evil.example")]
    [InlineData("HTTPS://evil.example")]
    [InlineData(" //evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/.//evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("///evil.example")]
    public async Task A_sign_in_never_sends_the_person_to_another_site(string returnUrl)
    {
        var client = Browser();
        var address = $"/cuenta/ingresar?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var token = HtmlForms.Token(await client.GetStringAsync(address));

        var response = await client.PostAsync(address, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = "tecnico1", ["Input.Password"] = DemoData.Password,
        }));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the person is signed in and sent on");
        var target = new Uri(client.BaseAddress!, response.Headers.Location!);
        target.Authority.Should().Be(client.BaseAddress!.Authority, "the sign-in stays on this site");
        target.AbsolutePath.Should().NotStartWith("//").And.NotContain("\\");
    }

    [Fact]
    public async Task A_sign_in_sends_the_person_back_to_the_page_of_this_site_they_asked_for()
    {
        var client = Browser();
        const string address = "/cuenta/ingresar?ReturnUrl=cola%2Ftodos%3Fprioridad%3DAlta";
        var token = HtmlForms.Token(await client.GetStringAsync(address));

        var response = await client.PostAsync(address, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = "tecnico1", ["Input.Password"] = DemoData.Password,
        }));

        new Uri(client.BaseAddress!, response.Headers.Location!).PathAndQuery.Should().Be("/cola/todos?prioridad=Alta");
    }

    [Fact]
    public async Task Every_page_carries_the_security_headers()
    {
        var response = await _app.CreateClient().GetAsync("/cuenta/ingresar");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.Should().Contain("default-src 'self'").And.Contain("frame-ancestors 'none'").And.Contain("object-src 'none'")
            .And.MatchRegex("script-src 'self' 'nonce-[0-9A-F]{32}'");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("strict-origin-when-cross-origin");
        var page = await response.Content.ReadAsStringAsync();
        var nonce = Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        page.Should().Contain($"nonce=\"{nonce}\"", "the one inline script (the import map) carries this response's nonce");
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site()
    {
        var (response, _) = await PostSignInAsync(Browser(), "tecnico1", DemoData.Password);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("siget.auth="));
        cookie.Should().ContainEquivalentOf("httponly").And.ContainEquivalentOf("samesite=lax");
    }

    [Theory]
    [InlineData("/_blazor/negotiate?negotiateVersion=1")]
    [InlineData("/hubs/queue/negotiate?negotiateVersion=1")]
    public async Task Live_connections_from_another_site_are_refused(string path)
    {
        var (client, _) = await _app.SignInAsync("tecnico1");

        var foreign = new HttpRequestMessage(HttpMethod.Post, path) { Headers = { { "Origin", "https://evil.example" } } };
        var same = new HttpRequestMessage(HttpMethod.Post, path) { Headers = { { "Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority) } } };

        (await client.SendAsync(foreign)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.SendAsync(same)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_user_and_a_wrong_password_get_the_same_answer_and_both_are_audited_without_the_password()
    {
        var client = Browser();

        var (unknownResponse, unknown) = await PostSignInAsync(client, "nadie", "Clave-Secreta-1");
        var (wrongResponse, wrong) = await PostSignInAsync(client, "tecnico1", "Clave-Secreta-2");

        (unknownResponse.StatusCode, wrongResponse.StatusCode).Should().Be((HttpStatusCode.OK, HttpStatusCode.OK));
        WebUtility.HtmlDecode(unknown).Should().Contain("Usuario o contraseña incorrectos.");
        HtmlForms.Comparable(unknown, "nadie").Should().Be(HtmlForms.Comparable(wrong, "tecnico1"), "nothing on the page tells whether the user exists");
        var audit = await AuditAsync();
        audit.Where(a => a.Action == "Ingreso fallido").Select(a => a.Subject).Should().Equal("nadie", "tecnico1");
        audit.Should().NotContain(a => (a.Subject + a.ActorName + a.Before + a.After).Contains("Clave-Secreta"));
        unknown.Should().NotContain("Clave-Secreta", "the typed password is never sent back");
        wrong.Should().NotContain("Clave-Secreta");
    }

    [Fact]
    public async Task Sign_in_and_sign_out_are_audited_with_who_and_when()
    {
        var (client, _) = await _app.SignInAsync("tecnico1");
        var page = await client.GetStringAsync("/cola/mi-trabajo");
        var token = HtmlForms.Token(page);

        await client.PostAsync("/cuenta/salir", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        var audit = await AuditAsync();
        audit.Select(a => a.Action).Should().Equal("Ingreso", "Salida");
        audit.Should().OnlyContain(a => a.ActorName == "Luis Mendoza Ríos" && a.ActorId != null && a.AtUtc == _app.Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task A_deactivated_person_s_cookie_stops_working_within_a_minute_and_they_cannot_sign_in_again()
    {
        var admin = await _app.AddPersonAsync("admin", Role.Administrador, "Administrador del Sistema");
        var (client, _) = await _app.SignInAsync("tecnico1");
        var luis = (await AuditAsync()).Single(a => a.Action == "Ingreso").ActorId!;
        var noRedirect = Browser();
        (await client.GetAsync("/cola/mi-trabajo")).StatusCode.Should().Be(HttpStatusCode.OK, "the cookie works before");

        await _app.Service<Siget.Console.Services.People.UserAdministration>().DeactivateAsync(admin, luis);
        _app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        var response = await client.GetAsync("/cola/mi-trabajo"); // this client shows redirects without following them

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the old cookie no longer opens pages");
        response.Headers.Location!.OriginalString.Should().Contain("cuenta/ingresar");
        var again = await PostSignInAsync(noRedirect, "tecnico1", DemoData.Password);
        WebUtility.HtmlDecode(again.Body).Should().Contain("Usuario o contraseña incorrectos.");
        (await AuditAsync()).Should().Contain(a => a.Action == "Usuario desactivado" && a.Subject == "tecnico1" && a.ActorName == "Administrador del Sistema"
            && a.Before == "Activo" && a.After == "Inactivo");
    }

    [Fact]
    public async Task Five_failures_lock_the_name_on_that_client_with_a_clear_message_and_the_lockout_is_audited()
    {
        var client = Browser();
        for (var i = 0; i < 4; i++) await PostSignInAsync(client, "bloqueable", "incorrecta");

        var (response, _) = await PostSignInAsync(client, "bloqueable", "incorrecta");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().EndWith("cuenta/bloqueada");
        WebUtility.HtmlDecode(await client.GetStringAsync("/cuenta/bloqueada")).Should().Contain("Ingreso bloqueado temporalmente")
            .And.Contain("Vuelva a intentarlo en 15 minutos o pida a la Mesa de Ayuda de la UTI que lo desbloquee.");
        (await AuditAsync()).Select(a => a.Action).Should().EndWith("Cuenta bloqueada");
        var right = await PostSignInAsync(client, "bloqueable", DemoData.Password);
        right.Response.Headers.Location!.OriginalString.Should().EndWith("cuenta/bloqueada", "the right password does not open a locked name until the lockout ends");
        _app.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        (await PostSignInAsync(client, "bloqueable", DemoData.Password)).Response.Headers.Location!.OriginalString.Should()
            .NotContain("bloqueada", "the lock ends by itself");
    }

    [Fact]
    public async Task A_name_that_exists_and_one_that_does_not_get_the_same_answer_and_the_same_work_at_every_attempt()
    {
        var hasher = new CountingHasher();
        await using var app = new SigetAppFactory(testServices: s => s.AddSingleton<IPasswordHasher<ApplicationUser>>(hasher));
        await app.AddPersonAsync("bloqueable", Role.Tecnico, "Julio Apaza Ticona");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        for (var attempt = 1; attempt <= 7; attempt++)
        {
            var answers = new List<(HttpStatusCode Status, string? Location, string Page, int Hashes)>();
            foreach (var name in new[] { "bloqueable", "nadie-con-ese-nombre" })
            {
                var before = hasher.Verified;
                var (response, body) = await PostSignInAsync(client, name, "incorrecta");
                answers.Add((response.StatusCode, response.Headers.Location?.OriginalString, HtmlForms.Comparable(body, name), hasher.Verified - before));
            }

            answers[0].Should().Be(answers[1], $"attempt {attempt} must not tell which name exists");
            answers[0].Hashes.Should().Be(1, "one password check each, locked or not");
            (answers[0].Location?.EndsWith("cuenta/bloqueada") ?? false).Should().Be(attempt >= 5, "the fifth failure locks, for both");
        }
    }

    /// <summary>Counts password checks: the work a sign-in attempt costs, whatever the clock says.</summary>
    private sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _real = new();
        private int _verified;
        public int Verified => _verified;

        public string HashPassword(ApplicationUser user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

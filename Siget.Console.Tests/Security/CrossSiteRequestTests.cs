using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;

namespace Siget.Console.Tests.Security;

/// <summary>Another site can make a browser send a POST to SIGET, with its cookies, but not SIGET's antiforgery token.</summary>
public sealed class CrossSiteRequestTests : IAsyncLifetime
{
    // Every optional endpoint switched on, so the list below is all the app can map.
    private readonly SigetAppFactory _app = new(settings: new Dictionary<string, string>
    {
        ["EntraId:Enabled"] = "true", ["EntraId:TenantId"] = "00000000-0000-0000-0000-000000000001",
        ["EntraId:ClientId"] = "00000000-0000-0000-0000-000000000002", ["EntraId:ClientSecret"] = "secreto-de-prueba",
    });

    public async Task InitializeAsync()
    {
        _ = _app.Services;
        await _app.AddPersonAsync("tecnico1", Role.Tecnico, "Luis Mendoza Ríos");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly string[] Safe = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Options, HttpMethods.Trace];

    [Fact]
    public void Every_endpoint_that_can_change_something_outside_the_live_connection_requires_the_antiforgery_token()
    {
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        // The Blazor circuit and the hubs are connections, not forms: they refuse another site's Origin (AccountSecurityTests).
        static bool LiveConnection(RouteEndpoint e) => e.RoutePattern.RawText!.StartsWith("/_blazor") || e.Metadata.GetMetadata<HubMetadata>() is not null;
        // No method metadata means every method, POST included.
        static IEnumerable<string> Methods(RouteEndpoint e) => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Post];

        // The public API (/api/v1) accepts only a key in the Authorization header, never a cookie: another site's page cannot
        // make a browser send it, so there is no token to forge (docs/api.md).
        static bool KeyOnly(RouteEndpoint e) => e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.AuthorizationPolicy>()
            .Any(p => p.AuthenticationSchemes.SequenceEqual([Siget.Console.Services.Integrations.ApiKeyAuthenticationHandler.SchemeName]));

        endpoints.Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1")).Select(KeyOnly).Should().OnlyContain(keyOnly => keyOnly);
        var changing = endpoints.Where(e => !LiveConnection(e) && !KeyOnly(e) && Methods(e).Any(m => !Safe.Contains(m, StringComparer.OrdinalIgnoreCase))).ToList();
        var unprotected = changing.Where(e => e.Metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: true })
            .Select(e => $"{string.Join(",", Methods(e))} {e.RoutePattern.RawText} ({e.DisplayName})");

        changing.Select(e => e.RoutePattern.RawText).Should().Contain(["/cuenta/salir", "/cuenta/ingresar", "/consulta"], "the list is not empty by mistake");
        endpoints.Should().Contain(e => e.RoutePattern.RawText == "/cuenta/entra/vuelta", "the optional endpoints are in the list");
        unprotected.Should().BeEmpty();
    }

    [Fact]
    public async Task Signing_out_without_the_token_is_refused_and_the_session_stays()
    {
        var (client, _) = await _app.SignInAsync("tecnico1");
        var fromAnotherSite = new HttpRequestMessage(HttpMethod.Post, "/cuenta/salir")
        {
            Headers = { { "Origin", "https://evil.example" } },
            Content = new FormUrlEncodedContent(new Dictionary<string, string>()),
        };

        var response = await client.SendAsync(fromAnotherSite);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("La solicitud no vino de una página vigente de SIGET.");
        (await client.GetAsync("/cola/mi-trabajo")).StatusCode.Should().Be(HttpStatusCode.OK, "the person is still signed in");
    }
}

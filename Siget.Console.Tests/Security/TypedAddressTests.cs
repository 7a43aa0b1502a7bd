using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Siget.Console.Tests.Infrastructure;

namespace Siget.Console.Tests.Security;

/// <summary>
/// Every address a person can type: each page the router knows (taken from the app's endpoints, not a hand-kept list),
/// with real and malformed route values, and with malformed values for every query parameter any component reads
/// (found by reflection) plus unknown ones, as anonymous and as each role. None may answer with a server error.
/// </summary>
public sealed class TypedAddressTests(TypedAddressTests.DemoSite site) : IClassFixture<TypedAddressTests.DemoSite>
{
    /// <summary>The app with the demo data (real tickets, problems, articles and one account per role), shared by the tests.</summary>
    public sealed class DemoSite : IAsyncLifetime
    {
        public SigetAppFactory App { get; } = new(demoData: true);
        public Task InitializeAsync() => Task.FromResult(App.Services);
        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private readonly SigetAppFactory _app = site.App;

    private static readonly string[] MalformedRouteValues =
        ["abc", "0", "-1", "99999999999", "2026-999999", "PRB-0000-0000", "%00", "x'\"<>", "%C0%AF", new string('9', 400)];

    /// <summary>As typed in the address bar (already percent-encoded where needed; "%C0" is a broken encoding).</summary>
    private static readonly string[] MalformedQueryValues =
        ["abc", "-1", "0", "99999999999999999999", "1.5", "", "%C0", "0001-01-01", "9999-12-31", "Alta%2CMedia", "%3Cscript%3E", new string('x', 2000)];

    /// <summary>Every query parameter name any component of the app binds, plus names nobody reads.</summary>
    private static IReadOnlyList<string> QueryNames() =>
    [
        .. typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            .Select(p => (Property: p, Query: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(x => x.Query is not null)
            .Select(x => x.Query!.Name ?? x.Property.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase),
        "zz", "pagina[]",
    ];

    /// <summary>The routes of the app's pages, as the router has them.</summary>
    private IReadOnlyList<RoutePattern> PageRoutes() =>
    [
        .. _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => e.RoutePattern)
            .DistinctBy(p => p.RawText),
    ];

    /// <summary>Real values for each route parameter: an existing ticket, problem and article, the queue's views.</summary>
    private async Task<Func<RoutePattern, RoutePatternParameterPart, string[]>> RealRouteValuesAsync()
    {
        await using var db = _app.CreateDbContext();
        var ticket = await db.Tickets.OrderBy(t => t.Id).Select(t => t.Number).FirstAsync();
        var problem = await db.Problems.OrderBy(p => p.Id).Select(p => p.Number).FirstAsync();
        var article = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        return (route, parameter) => (route.RawText, parameter.Name) switch
        {
            (var raw, "Number") when raw!.StartsWith("/tickets/") => [ticket],
            (var raw, "Number") when raw!.StartsWith("/problemas/") => [problem],
            (_, "Id") => [article.ToString()],
            (_, "Vista") => ["mi-trabajo", "mi-nivel", "todos"],
            _ => throw new InvalidOperationException($"Give this test a real value for {{{parameter.Name}}} in {route.RawText}."),
        };
    }

    private static IEnumerable<string> Fill(RoutePattern route, Func<RoutePatternParameterPart, IEnumerable<string>> values)
    {
        IEnumerable<string> paths = [""];
        foreach (var segment in route.PathSegments)
        {
            var options = segment.Parts switch
            {
                [RoutePatternLiteralPart literal] => [literal.Content],
                [RoutePatternParameterPart parameter] => values(parameter).Select(Uri.EscapeDataString).ToList(),
                _ => throw new InvalidOperationException($"Route {route.RawText} has a segment this test does not fill."),
            };
            paths = paths.SelectMany(p => options.Select(o => $"{p}/{o}")).ToList();
        }
        return paths.Select(p => p.Length == 0 ? "/" : p);
    }

    [Fact]
    public async Task No_page_answers_a_typed_address_with_a_server_error_for_anyone()
    {
        var real = await RealRouteValuesAsync();
        var routes = PageRoutes();
        routes.Should().Contain(r => r.RawText == "/tablero").And.Contain(r => r.RawText == "/conocimiento/{Id:int}");
        var names = QueryNames();
        names.Should().Contain(["categoria", "servicio", "unidad", "pagina", "version", "ReturnUrl"]);

        // Real values: the pages as they should work; malformed values: the route itself typed wrong.
        var withRealValues = routes.SelectMany(r => Fill(r, p => real(r, p))).ToList();
        var withMalformedValues = routes.Where(r => r.Parameters.Count > 0).SelectMany(r => Fill(r, _ => MalformedRouteValues)).ToList();
        // Each address with what it tries, so a failure says which value broke which page.
        var addresses = withMalformedValues.Select(path => (Path: path, Tried: "ruta"))
            .Concat(withRealValues.Select(path => (Path: path, Tried: "")))
            .Concat(withRealValues.SelectMany(path => MalformedQueryValues.Select(value =>
                (Path: path + "?" + string.Join("&", names.Select(n => $"{Uri.EscapeDataString(n)}={value}")), Tried: $"todas={Shorten(value)}"))))
            .Concat(withRealValues.Select(path => (Path: path + "?" + string.Join("&", names.Select(n => $"{Uri.EscapeDataString(n)}=1&{Uri.EscapeDataString(n)}=abc")), Tried: "repetidas")))
            .ToList();

        var people = new List<(string Who, HttpClient Client)> { ("anónimo", _app.CreateDefaultClient()) };
        foreach (var userName in new[] { "admin", "supervisor", "tecnico1", "especialista", "proveedor", "usuario1" })
            people.Add((userName, (await _app.SignInAsync(userName)).Client));

        var failures = new List<string>();
        foreach (var (who, client) in people)
            foreach (var (path, tried) in addresses)
            {
                var response = await client.GetAsync(path);
                if ((int)response.StatusCode >= 500) failures.Add($"{who} {Shorten(path.Split('?')[0])} {tried} → {(int)response.StatusCode}");
            }

        string.Join(Environment.NewLine, failures).Should().BeEmpty("no typed address may break a page");
    }

    [Theory]
    [InlineData("tecnico1", "/cola/todos?categoria=abc&servicio=99999999999&unidad=-1&prioridad=Urgente&estado=EnCola", "valores no válidos, que se ignoraron: prioridad, categoria, servicio, unidad")]
    [InlineData("supervisor", "/reportes/tickets?pagina=abc", "un valor no válido, que se ignoró: pagina")]
    [InlineData("supervisor", "/conocimiento/1?version=abc", "un valor no válido, que se ignoró: version")]
    public async Task A_value_typed_wrong_in_the_address_is_ignored_and_the_page_says_which(string userName, string address, string note)
    {
        var (client, _) = await _app.SignInAsync(userName);

        var response = await client.GetAsync(address);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain($"La dirección traía {note}.");
    }

    [Fact]
    public void Every_query_parameter_is_bound_as_text_so_a_bad_value_cannot_break_a_page_or_its_live_session()
    {
        // Blazor throws while binding "?pagina=abc" to an int: before the page's own code runs, in prerendering (500) and
        // in a live circuit alike. Text always binds; the page reads it with QueryValues.
        var typed = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(p => p.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is not null && p.PropertyType != typeof(string))
                .Select(p => $"{t.Name}.{p.Name}: {p.PropertyType.Name}"));

        typed.Should().BeEmpty();
    }

    [Fact]
    public void Every_page_says_whether_it_needs_a_signed_in_person()
    {
        // A page with neither attribute renders for anonymous visitors and fails when it asks who they are.
        var undecided = PageRoutes().Select(RouteComponent).Distinct()
            .Where(t => t.GetCustomAttributes<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>().Any()
                == t.GetCustomAttributes<Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute>().Any())
            .Select(t => t.Name);

        undecided.Should().BeEmpty();
    }

    private Type RouteComponent(RoutePattern route) =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .First(e => e.RoutePattern.RawText == route.RawText && e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Metadata.GetMetadata<ComponentTypeMetadata>()!.Type;

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}

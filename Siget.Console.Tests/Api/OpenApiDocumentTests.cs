using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Siget.Console.Tests.Api;

public class OpenApiDocumentTests(ApiDesk f) : IClassFixture<ApiDesk>
{
    [Fact]
    public async Task Every_api_v1_endpoint_is_in_a_valid_openapi_document_with_the_key_scheme()
    {
        var client = f.Client(null);
        var response = await client.GetAsync("/openapi/v1.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();

        var settings = new OpenApiReaderSettings();
        settings.AddJsonReader();
        var read = OpenApiDocument.Parse(text, "json", settings);
        read.Diagnostic!.Errors.Should().BeEmpty();
        var document = read.Document!;
        document.Components!.SecuritySchemes!.Should().ContainKey("ClaveApi");

        var routes = f.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Path: Normalize(e.RoutePattern.RawText!), Method: m)))
            .ToList();
        routes.Should().HaveCountGreaterThanOrEqualTo(8);
        foreach (var (path, method) in routes)
        {
            document.Paths.Should().ContainKey(path, $"{method} {path} must be documented");
            document.Paths[path].Operations!.Keys.Select(k => k.Method).Should().Contain(method);
            document.Paths[path].Operations!.Values.Should().OnlyContain(o => o.Security!.Count > 0);
        }
        var register = document.Paths["/api/v1/tickets"].Operations![HttpMethod.Post];
        register.RequestBody!.Content!["application/json"].Example.Should().NotBeNull();
        register.Parameters!.Select(p => p.Name).Should().Contain("Idempotency-Key");
        JsonDocument.Parse(text).RootElement.GetProperty("openapi").GetString().Should().StartWith("3.");
    }

    [Fact]
    public async Task The_interactive_reference_is_served_by_siget()
    {
        var response = await f.Client(null).GetAsync("/api/docs/");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("openapi/v1.json").And.Contain("scalar.js");
    }

    private static string Normalize(string route) => System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)(:[^}]*)?\}", "{$1}");
}

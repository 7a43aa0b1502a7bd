using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using Siget.Console.Services.Integrations;

namespace Siget.Console.Api;

/// <summary>The body an endpoint of <c>/api/v1</c> reads itself (strictly), for the OpenAPI document only: unlike
/// <c>Accepts</c>, it does not take part in routing (which would answer a wrong content type with a bare 415).</summary>
public sealed record ApiBody(Type Type, string Example, params string[] ContentTypes);

/// <summary>
/// The OpenAPI document of <c>/api/v1</c> at <c>/openapi/v1.json</c> (with the key's security scheme, the headers and
/// examples) and the interactive reference at <c>/api/docs</c> (Scalar, served by SIGET itself).
/// </summary>
public static class ApiDocs
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/api/docs";
    private const string SecurityScheme = "ClaveApi";

    public static IServiceCollection AddApiDocs(this IServiceCollection services)
    {
        // Enums are written and read by name in the API (and so in the document's schemas).
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "SIGET API", Version = "v1",
                    Description = "API pública de SIGET, la mesa de ayuda de la UTI: registrar y seguir tickets desde otros sistemas "
                        + "(SISMONITOR, canal 02 del Anexo 2). Autenticación: «Authorization: Bearer <clave>» (claves en Configuración → Integraciones). "
                        + "Errores: RFC 9457 (application/problem+json) con «title» y «detail» en castellano y «errors» por campo. "
                        + "Guía completa: docs/api.md.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [SecurityScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "sgt_<id>_<secreto>", In = ParameterLocation.Header,
                        Description = "Clave de API: se muestra una sola vez al crearla. En Development existe la clave de demostración de SISMONITOR.",
                    },
                };
                foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, document)] = [] });
                }
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(async (operation, context, ct) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<ApiBody>().FirstOrDefault() is { } body)
                {
                    var schema = await context.GetOrCreateSchemaAsync(body.Type, null, ct);
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = body.ContentTypes.ToDictionary(c => c, c => new OpenApiMediaType
                        {
                            Schema = schema, Example = c == "application/json" ? JsonNode.Parse(body.Example) : null,
                        }),
                    };
                }
                if (context.Description.HttpMethod == "POST")
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = ApiRequests.IdempotencyHeader, In = ParameterLocation.Header, Required = false,
                        Description = "Opcional: la misma clave con el mismo cuerpo devuelve el primer resultado (24 h); con otro cuerpo, 409.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
                    });
                    if (context.Description.RelativePath?.Contains('{') == true)
                        operation.Parameters.Add(new OpenApiParameter
                        {
                            Name = "If-Match", In = ParameterLocation.Header, Required = false,
                            Description = "Opcional: la ETag (versión) que leyó; si el ticket cambió, 412.",
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                        });
                }
            });
        });
    }

    public static void MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference(ReferencePath, o => o
            .WithTitle("SIGET API v1")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddDocument("v1"));
    }

    /// <summary>
    /// Under <c>/api/v1</c> every answer without a body (an unknown address, a wrong method) is a problem too, never an HTML
    /// page; and the interactive reference gets the inline scripts it needs (only that page).
    /// </summary>
    public static IApplicationBuilder UseApiAnswers(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(ApiV1.Prefix))
        {
            if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            await next();
            var response = context.Response;
            if (!response.HasStarted && response.StatusCode >= 400 && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
                await ApiProblems.Write(context, response.StatusCode, response.StatusCode switch
                {
                    404 => "No encontrado",
                    405 => "Método no admitido",
                    415 => "Tipo de contenido no admitido",
                    _ => "Solicitud no atendida",
                }, response.StatusCode == 404 ? "No existe esa dirección en la API v1 (vea /openapi/v1.json)." : "La API no atiende esta solicitud así.");
            return;
        }
        if (path.StartsWithSegments(ReferencePath))
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ContentSecurityPolicy =
                    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
                return Task.CompletedTask;
            });
        await next();
    });
}

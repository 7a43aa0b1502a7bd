using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Siget.Console.Live;

namespace Siget.Console.Telemetry;

/// <summary>
/// OpenTelemetry for SIGET (docs/operacion.md#telemetría): metrics of HTTP, the "Siget" meter and .NET's own; traces of
/// HTTP, EF Core and the "Siget" activity source. Registered only when an exporter is configured (OTLP, a Prometheus
/// scrape endpoint or both): without one nothing is collected and <c>/metrics</c> does not exist.
/// </summary>
public static class TelemetrySetup
{
    public static IServiceCollection AddSigetTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedOptions<TelemetryOptions>(TelemetryOptions.Section);
        // Read once here to decide what to register; an invalid value registers nothing and stops start-up with its
        // message (the checked options above).
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = options.OtlpUri;
        if (otlp is null && !options.Prometheus) return services;

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("siget", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter(SigetMetrics.MeterName, "System.Runtime");
                if (options.Prometheus) metrics.AddPrometheusExporter();
            });
        if (otlp is not null)
        {
            var protocol = options.OtlpProtocol == "HttpProtobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            telemetry.WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddSource(SigetTracing.SourceName))
                .UseOtlpExporter(protocol, otlp);
        }
        return services;
    }

    /// <summary>The Prometheus scrape endpoint, when configured. Left anonymous, like the health probes: keep it off the
    /// public side of the proxy (docs/nginx-siget.conf refuses it).</summary>
    public static void MapSigetTelemetry(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (options.Prometheus) app.MapPrometheusScrapingEndpoint(options.PrometheusPath);
    }

    // Health probes every few seconds would bury the traces that matter.
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health");
}

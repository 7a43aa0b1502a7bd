using System.ComponentModel.DataAnnotations;

namespace Siget.Console.Telemetry;

/// <summary>The <c>Telemetry</c> section: every exporter is off unless configured here.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    /// <summary>OpenTelemetry collector that receives metrics and traces by OTLP (<c>http://otel-collector:4317</c>); empty: none.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>Grpc</c> (port 4317, the default) or <c>HttpProtobuf</c> (port 4318).</summary>
    public string OtlpProtocol { get; set; } = "Grpc";

    /// <summary>Serve the metrics for Prometheus to scrape at <see cref="PrometheusPath"/>.</summary>
    public bool Prometheus { get; set; }

    public string PrometheusPath { get; set; } = "/metrics";

    public bool OtlpEnabled => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public bool Enabled => OtlpEnabled || Prometheus;

    public Uri? OtlpUri => Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OtlpEnabled && OtlpUri is null)
            yield return new ValidationResult("debe ser una dirección http:// o https:// completa (por ejemplo http://otel-collector:4317).", [nameof(OtlpEndpoint)]);
        if (OtlpProtocol is not ("Grpc" or "HttpProtobuf"))
            yield return new ValidationResult("debe ser Grpc o HttpProtobuf.", [nameof(OtlpProtocol)]);
        if (Prometheus && (string.IsNullOrWhiteSpace(PrometheusPath) || !PrometheusPath.StartsWith('/') || PrometheusPath.Contains('?')))
            yield return new ValidationResult("debe ser una ruta que empiece con / (por ejemplo /metrics).", [nameof(PrometheusPath)]);
    }
}

using System.Diagnostics;

namespace Siget.Console.Telemetry;

/// <summary>
/// SIGET's own spans, under the activity source "Siget": one per background pass (SLA engine, auto-finalise inside it,
/// recurrence detection, mail reader and sender, webhook sender) and per live event handed to this instance's screens.
/// Nothing is recorded unless a listener is there (OpenTelemetry with an exporter, see <see cref="TelemetrySetup"/>).
/// </summary>
public static class SigetTracing
{
    public const string SourceName = "Siget";
    public const string PassTag = "siget.pass";
    public const string ResultTag = "siget.pass.result";

    public static readonly ActivitySource Source = new(SourceName, typeof(SigetTracing).Assembly.GetName().Version?.ToString());

    /// <summary>Runs one pass of a background service inside its span "siget.pass NAME"; what it returns (how much it did)
    /// goes in <see cref="ResultTag"/>, a failure marks the span as failed.</summary>
    public static async Task<T> PassAsync<T>(string pass, Func<Task<T>> run)
    {
        using var activity = Source.StartActivity($"{PassTag} {pass}");
        activity?.SetTag(PassTag, pass);
        try
        {
            var result = await run();
            activity?.SetTag(ResultTag, result?.ToString());
            return result;
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity.AddException(ex);
            throw;
        }
    }
}

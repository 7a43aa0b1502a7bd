using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Siget.Console.Live;

/// <summary>
/// SIGET's own measurements, under the meter "Siget" (read them live with
/// <c>dotnet-counters monitor -n Siget.Console --counters Siget</c>): open screens, live events delivered and how
/// long each took from its commit to the screen having handled it (rendered it), how long commands take and how
/// long each SLA engine pass takes.
/// </summary>
public sealed class SigetMetrics : IDisposable
{
    public const string MeterName = "Siget";

    private readonly Meter _meter;
    private readonly UpDownCounter<int> _sessions;
    private readonly Counter<long> _eventsDelivered;
    private readonly Histogram<double> _pushLatency;
    private readonly Histogram<double> _commandDuration;
    private readonly Histogram<double> _slaPassDuration;

    public SigetMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _sessions = _meter.CreateUpDownCounter<int>("siget.sessions.active", "{circuit}", "Pantallas de Blazor conectadas");
        _eventsDelivered = _meter.CreateCounter<long>("siget.live.events_delivered", "{event}", "Eventos en vivo entregados a pantallas y hubs");
        _pushLatency = _meter.CreateHistogram<double>("siget.live.push.latency", "ms", "Desde la publicación de un cambio hasta que cada pantalla lo procesó");
        _commandDuration = _meter.CreateHistogram<double>("siget.commands.duration", "ms", "Duración de cada comando sobre un ticket");
        _slaPassDuration = _meter.CreateHistogram<double>("siget.sla.pass.duration", "ms", "Duración de cada pasada del motor de SLA");
    }

    public void SessionOpened() => _sessions.Add(1);
    public void SessionClosed() => _sessions.Add(-1);
    public void EventDelivered(TimeSpan sincePublished)
    {
        _eventsDelivered.Add(1);
        _pushLatency.Record(sincePublished.TotalMilliseconds);
    }
    public void CommandCompleted(string action, TimeSpan duration) =>
        _commandDuration.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("action", action));
    public void SlaPassCompleted(TimeSpan duration) => _slaPassDuration.Record(duration.TotalMilliseconds);

    public void Dispose() => _meter.Dispose();
}

/// <summary>Counts open Blazor circuits for <see cref="SigetMetrics"/>.</summary>
public sealed class SessionCounter(SigetMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken ct)
    {
        metrics.SessionOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken ct)
    {
        metrics.SessionClosed();
        return Task.CompletedTask;
    }
}

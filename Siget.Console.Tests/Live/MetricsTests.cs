using System.Diagnostics.Metrics;
using Siget.Console.Live;
using Siget.Console.Services.Sla;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;

namespace Siget.Console.Tests.Live;

/// <summary>SIGET publishes its own measurements under the meter "Siget" (what dotnet-counters reads).</summary>
public sealed class MetricsTests : IAsyncLifetime, IDisposable
{
    private readonly SigetAppFactory _app = new();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, string? Action)> _measured = [];
    // The push latency is the last measurement of a delivered event.
    private readonly TaskCompletionSource _pushMeasured = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task InitializeAsync()
    {
        _ = _app.Services;
        var factory = _app.Service<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this app's meter: other test apps in the process have their own "Siget" meters.
            if (instrument.Meter.Name == SigetMetrics.MeterName && instrument.Meter.Scope == factory) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
        await Task.CompletedTask;
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? action = null;
        foreach (var tag in tags) if (tag.Key == "action") action = tag.Value as string;
        lock (_measured) _measured.Add((instrument.Name, value, action));
        if (instrument.Name == "siget.live.push.latency") _pushMeasured.TrySetResult();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Commands_live_events_and_SLA_passes_are_measured()
    {
        var technician = await _app.AddPersonAsync("tecnico1", Role.Tecnico, "Luis Mendoza Ríos");
        var requester = await _app.AddPersonAsync("usuario1", Role.Usuario, "María Flores Condori");
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = _app.Service<TicketFeed>().Subscribe(technician, _ => { delivered.TrySetResult(); return Task.CompletedTask; });
        var ticket = await _app.Service<TicketRegistration>().RegisterAsync(technician, HelpDeskFixture.Phoned(requester));

        await _app.Service<TicketCommands>().TakeAsync(technician, ticket.Id, ticket.Version);
        await _app.Service<SlaEngine>().RunOnceAsync();
        await delivered.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await _pushMeasured.Task.WaitAsync(TimeSpan.FromSeconds(5));

        lock (_measured)
        {
            _measured.Should().Contain(m => m.Instrument == "siget.commands.duration" && m.Action == "Registrar" && m.Value >= 0);
            _measured.Should().Contain(m => m.Instrument == "siget.commands.duration" && m.Action == "Tomar" && m.Value >= 0);
            _measured.Should().Contain(m => m.Instrument == "siget.sla.pass.duration" && m.Value >= 0);
            _measured.Should().Contain(m => m.Instrument == "siget.live.events_delivered" && m.Value == 1);
            _measured.Should().Contain(m => m.Instrument == "siget.live.push.latency" && m.Value >= 0);
        }
    }
}

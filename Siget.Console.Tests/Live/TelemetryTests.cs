using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Siget.Console.Live;
using Siget.Console.Services.Sla;
using Siget.Console.Services.Tickets;
using Siget.Console.Telemetry;
using Siget.Console.Tests.Infrastructure;
using Siget.Console.Tests.Operations;
using Siget.Core.Access;

namespace Siget.Console.Tests.Live;

/// <summary>
/// OpenTelemetry (docs/operacion.md#telemetría): off by default; with <c>Telemetry:Prometheus</c> the scrape endpoint
/// serves the "Siget" meter and the HTTP metrics; the background passes and the live feed are spans of the "Siget"
/// activity source.
/// </summary>
public sealed partial class TelemetryTests
{
    [Fact]
    public async Task With_Prometheus_enabled_metrics_serves_the_Siget_meter_and_the_http_metrics()
    {
        // A process of its own: every app in the test process has a meter named "Siget", and an exporter hears them all.
        using var folder = new ScratchFolder();
        await using var app = SigetProcess.Start(folder, new Dictionary<string, string>
        {
            ["Telemetry__Prometheus"] = "true",
            ["Sla__Motor__IntervalSeconds"] = "1", // a pass at start, then every second: siget.sla.pass.duration
        });
        var listening = await app.WaitForLineAsync(l => l.Contains("Now listening on"), TimeSpan.FromSeconds(120));
        using var client = new HttpClient { BaseAddress = new Uri(Address().Match(listening).Value) };
        (await client.GetAsync("/health/live")).EnsureSuccessStatusCode();

        var metrics = "";
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var response = await client.GetAsync("/metrics");
            response.EnsureSuccessStatusCode();
            metrics = await response.Content.ReadAsStringAsync();
            if (metrics.Contains("siget_sla_pass_duration") && metrics.Contains("http_route=\"/health/live\"")) break;
            await Task.Delay(100); // the exporter caches a scrape for a moment
        }

        metrics.Should().Contain("siget_sla_pass_duration", "the Siget meter is exported");
        metrics.Should().MatchRegex("http_server_request_duration_seconds_count\\{[^}]*http_route=\"/health/live\"",
            "the request made above is measured");
    }

    [Fact]
    public async Task With_nothing_configured_there_is_no_metrics_endpoint()
    {
        await using var app = new SigetAppFactory();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/metrics");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_SLA_pass_is_a_span_with_auto_finalise_inside_it()
    {
        await using var app = new SigetAppFactory();
        var engine = app.Service<SlaEngine>();
        using var spans = new Spans();

        SlaPassResult result;
        ActivityTraceId trace;
        using (var test = Spans.Test.StartActivity("prueba")!)
        {
            trace = test.TraceId;
            result = await engine.RunOnceAsync();
        }

        var mine = spans.Stopped.Where(a => a.TraceId == trace).ToList();
        var pass = mine.Should().ContainSingle(a => a.OperationName == "siget.pass sla").Subject;
        pass.GetTagItem(SigetTracing.PassTag).Should().Be("sla");
        pass.GetTagItem(SigetTracing.ResultTag).Should().Be(result.ToString());
        pass.Status.Should().Be(ActivityStatusCode.Unset);
        mine.Should().ContainSingle(a => a.OperationName == "siget.pass autofinalizar").Which.ParentSpanId.Should().Be(pass.SpanId);
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_the_queries_of_a_pass_are_traced_inside_its_span()
    {
        // Nobody listens there: the exporter's failures are its own and never reach the app.
        await using var app = new SigetAppFactory(settings: new Dictionary<string, string> { ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:9" });
        var engine = app.Service<SlaEngine>();
        using var spans = new Spans(everySource: true);

        ActivityTraceId trace;
        using (var test = Spans.Test.StartActivity("prueba")!)
        {
            trace = test.TraceId;
            await engine.RunOnceAsync();
        }

        var pass = spans.Stopped.Should().ContainSingle(a => a.TraceId == trace && a.OperationName == "siget.pass sla").Subject;
        spans.Stopped.Where(a => a.TraceId == trace && a.Source.Name.Contains("EntityFrameworkCore") && a.ParentSpanId == pass.SpanId)
            .Should().NotBeEmpty("EF Core's commands of the pass are spans inside it");
    }

    [Fact]
    public async Task A_live_change_is_a_publish_span_with_one_delivery_span_per_screen_that_gets_it()
    {
        await using var app = new SigetAppFactory();
        var technician = await app.AddPersonAsync("tecnico1", Role.Tecnico, "Luis Mendoza Ríos");
        var requester = await app.AddPersonAsync("usuario1", Role.Usuario, "María Flores Condori");
        var ticket = await app.Service<TicketRegistration>().RegisterAsync(technician, HelpDeskFixture.Phoned(requester));
        using var screen = app.Service<TicketFeed>().Subscribe(technician, _ => Task.CompletedTask);
        using var spans = new Spans();

        ActivityTraceId trace;
        using (var test = Spans.Test.StartActivity("prueba")!)
        {
            trace = test.TraceId;
            await app.Service<TicketCommands>().TakeAsync(technician, ticket.Id, ticket.Version);
        }

        // Delivered on a lane of its own, after the command returned.
        var delivery = await spans.StoppedAsync(a => a.TraceId == trace && a.OperationName == "siget.feed.deliver");
        var publish = spans.Stopped.Should().ContainSingle(a => a.TraceId == trace && a.OperationName == "siget.feed.publish").Subject;
        publish.GetTagItem("siget.ticket.id").Should().Be(ticket.Id);
        publish.GetTagItem("siget.feed.recipients").Should().Be(1);
        delivery.ParentSpanId.Should().Be(publish.SpanId, "the subscribed screen got the change");
    }

    [Fact]
    public async Task A_registration_written_by_the_group_writer_stays_in_the_trace_of_its_request()
    {
        await using var app = new SigetAppFactory();
        var technician = await app.AddPersonAsync("tecnico1", Role.Tecnico, "Luis Mendoza Ríos");
        var requester = await app.AddPersonAsync("usuario1", Role.Usuario, "María Flores Condori");
        var registration = app.Service<TicketRegistration>();
        await registration.RegisterAsync(technician, HelpDeskFixture.Phoned(requester)); // the writer starts outside any trace
        using var spans = new Spans();

        ActivityTraceId trace;
        ActivitySpanId request;
        using (var test = Spans.Test.StartActivity("prueba")!)
        {
            (trace, request) = (test.TraceId, test.SpanId);
            await registration.RegisterAsync(technician, HelpDeskFixture.Phoned(requester));
        }

        // The writer's span ends just after it answered the registration.
        var write = await spans.StoppedAsync(a => a.TraceId == trace && a.OperationName == "siget.tickets.register");
        write.ParentSpanId.Should().Be(request);
        spans.Stopped.Should().ContainSingle(a => a.TraceId == trace && a.OperationName == "siget.feed.publish")
            .Which.ParentSpanId.Should().Be(write.SpanId);
    }

    [GeneratedRegex(@"http://[^\s]+")]
    private static partial Regex Address();

    /// <summary>Records the spans of the "Siget" source, and of a test source to parent them, while it lives.</summary>
    private sealed class Spans : IDisposable
    {
        public static readonly ActivitySource Test = new("Siget.Tests");
        private readonly ActivityListener _listener;

        public ConcurrentQueue<Activity> Stopped { get; } = new();

        public Spans(bool everySource = false)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => everySource || source.Name is SigetTracing.SourceName or "Siget.Tests",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = Stopped.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        /// <summary>The first stopped span that matches, waiting for it a little (spans of other tasks end a moment later).</summary>
        public async Task<Activity> StoppedAsync(Func<Activity, bool> matches)
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                if (Stopped.FirstOrDefault(matches) is { } found) return found;
                await Task.Delay(20);
            }
            throw new InvalidOperationException("No such span ended.");
        }

        public void Dispose() => _listener.Dispose();
    }
}

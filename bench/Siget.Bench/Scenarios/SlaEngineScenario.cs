using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Siget.Bench.Running;
using Siget.Console.Services.People;
using Siget.Console.Services.Sla;
using Siget.Console.Services.Tickets;
using Siget.Core.Access;

namespace Siget.Bench.Scenarios;

/// <summary>
/// The SLA engine's pass over every open ticket (<see cref="SlaEngine.RunOnceAsync"/>, what its timer runs each minute),
/// in-process over a working copy; meanwhile technicians keep reading their queue through the service layer, to show
/// that a pass does not hold requests up. The limit is a raw SQLite read of the same projection of the open tickets.
/// </summary>
public sealed class SlaEngineScenario : Scenario
{
    public override string Name => "sla";
    public override string Title => "SLA engine pass over the open tickets";

    public override async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchRun run, CancellationToken ct)
    {
        var database = run.WorkingCopy(Name);
        var raw = RawOpenProjection(database, run.Scaled(20, 5));
        await using var app = new BenchApp(database);
        var engine = app.Service<SlaEngine>();
        var queries = app.Service<TicketQueries>();
        Actor technician;
        await using (var db = app.CreateDbContext())
            technician = (await db.Users.AsNoTracking().FirstAsync(u => u.Role == Role.Tecnico && u.IsActive, ct)).ToActor();

        // The first pass tells what became due since the data set was generated (alerts, escalations for no progress).
        var first = Stopwatch.StartNew();
        var firstResult = await engine.RunOnceAsync(ct);
        first.Stop();

        var idle = new Latencies();
        for (var i = 0; i < run.Scaled(100, 20); i++)
            await idle.TimeAsync(() => queries.QueueAsync(technician, new QueueFilter(), 0, 50, ct));

        var passes = new Latencies();
        var during = new Latencies();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
                await during.TimeAsync(() => queries.QueueAsync(technician, new QueueFilter(), 0, 50, ct));
        }, ct)).ToList();
        SlaPassResult last = firstResult;
        for (var i = 0; i < run.Scaled(15, 3); i++) last = await passes.TimeAsync(() => engine.RunOnceAsync(ct));
        stop.Cancel();
        await Task.WhenAll(readers);

        return
        [
            new(Title, $"pass over {last.OpenTickets:N0} open tickets (p95)", passes.P95, Target.AtMostOf(500, "ms"),
                new PhysicalLimit(raw.P95, "ms", "raw SQLite read of the open tickets' SLA columns (p95)"),
                $"{passes}; first pass {first.Elapsed.TotalMilliseconds:N0} ms reviewed {firstResult.Reviewed:N0} tickets ({firstResult.Alerts:N0} alerts, {firstResult.Escalated:N0} escalated, {firstResult.AutoFinalized:N0} auto-finalised)"),
            new(Title, "queue read while passes run (p95)", during.P95, Target.AtMostOf(Math.Max(30, idle.P95 * 2), "ms"),
                new PhysicalLimit(idle.P95, "ms", "the same read with no pass running (p95)"),
                $"during passes {during}; idle {idle}; target: at most twice the idle figure (30 ms floor)"),
        ];
    }

    private static Latencies RawOpenProjection(string databasePath, int count)
    {
        using var connection = BenchRun.Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Id, RegisteredAtUtc, FirstResponseDueUtc, ResolutionDueUtc, FirstResponseAtUtc, ResolvedAtUtc, SlaMarks
            FROM Tickets WHERE State IN (1, 2)
            """;
        var latencies = new Latencies();
        for (var i = 0; i < count + 2; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using (var reader = command.ExecuteReader()) while (reader.Read()) { for (var c = 0; c < reader.FieldCount; c++) reader.GetValue(c); }
            if (i >= 2) latencies.Add(Stopwatch.GetElapsedTime(started));
        }
        return latencies;
    }
}

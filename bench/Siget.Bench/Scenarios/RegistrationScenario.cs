using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Siget.Bench.Running;
using Siget.Console.Services.People;
using Siget.Console.Services.Tickets;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Bench.Scenarios;

/// <summary>
/// Registering tickets through the service layer (<see cref="TicketRegistration"/>, the same call the forms make) on
/// SQLite with durable commits (WAL, synchronous=FULL): technicians registering phoned-in tickets and staff using the
/// portal, all at once, for a fixed time. The product has no HTTP API for registration, so only the service layer is
/// measured. The limit is the raw rate of durable single-row transactions on the same file.
/// </summary>
public sealed class RegistrationScenario : Scenario
{
    public override string Name => "registration";
    public override string Title => "Registering tickets (service layer, SQLite, durable commit)";

    public override async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchRun run, CancellationToken ct)
    {
        var database = run.WorkingCopy(Name);
        var limit = RawDurableCommits(database, run.Scaled(2_000, 300));

        await using var app = new BenchApp(database);
        var registration = app.Service<TicketRegistration>();
        List<Actor> technicians;
        List<string> requesters;
        await using (var db = app.CreateDbContext())
        {
            technicians = (await db.Users.AsNoTracking().Where(u => u.Role == Role.Tecnico && u.IsActive).OrderBy(u => u.UserName).Take(4).ToListAsync(ct)).Select(u => u.ToActor()).ToList();
            requesters = await db.Users.AsNoTracking().Where(u => u.Role == Role.Usuario && u.IsActive).OrderBy(u => u.UserName).Select(u => u.Id).Take(500).ToListAsync(ct);
        }
        var requesterActors = new List<Actor>();
        await using (var db = app.CreateDbContext())
            requesterActors = (await db.Users.AsNoTracking().Where(u => requesters.Take(4).Contains(u.Id)).ToListAsync(ct)).Select(u => u.ToActor()).ToList();

        var codes = SeedCatalog.Subcategories.Select(s => s.Code).ToArray();
        // Warm-up (JIT, connection pool, compiled model), not counted.
        for (var i = 0; i < 20; i++) await registration.RegisterAsync(technicians[0], Request(requesters[i], codes[i % codes.Length], i, Channel.Telefono), ct);

        var latencies = new Latencies();
        var registered = 0;
        var duration = TimeSpan.FromSeconds(run.Quick ? 3 : 20);
        var clock = Stopwatch.StartNew();
        var writers = technicians.Select((t, i) => (Actor: t, Channel: Channel.Telefono, Seed: i))
            .Concat(requesterActors.Select((r, i) => (Actor: r, Channel: Channel.Intranet, Seed: 100 + i))).ToList();
        await Task.WhenAll(writers.Select(w => Task.Run(async () =>
        {
            var random = new Random(w.Seed);
            while (clock.Elapsed < duration && !ct.IsCancellationRequested)
            {
                var request = Request(requesters[random.Next(requesters.Count)], codes[random.Next(codes.Length)], random.Next(), w.Channel);
                await latencies.TimeAsync(() => registration.RegisterAsync(w.Actor, request, ct));
                Interlocked.Increment(ref registered);
            }
        }, ct)));
        var rate = registered / clock.Elapsed.TotalSeconds;

        var rawLimit = new PhysicalLimit(limit, "tx/s", "raw durable single-row INSERT transactions, one connection, same file");
        return
        [
            new(Title, $"sustained rate, {writers.Count} concurrent registrants for {duration.TotalSeconds:0} s", rate, Target.AtLeastOf(500, "tickets/s"), rawLimit,
                $"{registered:N0} tickets; {latencies}"),
            new(Title, "registration latency (p95)", latencies.P95, Target.AtMostOf(20, "ms"),
                new PhysicalLimit(1000 / limit, "ms", "one raw durable commit"), latencies.ToString()),
        ];
    }

    private static RegisterTicketRequest Request(string requesterId, int code, int seed, Channel channel) => new()
    {
        RequesterId = requesterId,
        Channel = channel,
        Kind = seed % 3 == 0 ? TicketKind.Peticion : TicketKind.Incidencia,
        SubcategoryCode = code,
        Subject = $"Benchmark: no funciona el servicio ({seed})",
        Description = "Registrado por el benchmark de SIGET.",
        Impact = (OperatingImpact)(1 + seed % 3),
        AlternativeAvailable = seed % 2 == 0,
    };

    /// <summary>Transactions per second of a bare INSERT + COMMIT with the product's durability settings.</summary>
    internal static double RawDurableCommits(string databasePath, int count)
    {
        using var connection = BenchRun.Open(databasePath, readOnly: false);
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE BenchCommits (Id INTEGER PRIMARY KEY, Body TEXT);";
            setup.ExecuteNonQuery();
        }
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO BenchCommits (Body) VALUES ($body)";
            insert.Parameters.AddWithValue("$body", new string('x', 600));
            insert.ExecuteNonQuery();
            transaction.Commit();
        }
        var rate = count / clock.Elapsed.TotalSeconds;
        using (var drop = connection.CreateCommand())
        {
            drop.CommandText = "DROP TABLE BenchCommits;";
            drop.ExecuteNonQuery();
        }
        return rate;
    }
}

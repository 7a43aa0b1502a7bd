using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Sla;
using Siget.Core.Tickets;

namespace Siget.Bench.Data;

/// <summary>What the scenarios need to know about a generated database.</summary>
public sealed record BenchManifest(BenchSizes Sizes, DateTime GeneratedAtUtc, string TimelineTicket, int TimelineEntries,
    int Tickets, long HistoryRows, long MessageRows, long AttachmentRows, double Seconds, string? Schema = null)
{
    public static string PathFor(string databasePath) => Path.ChangeExtension(databasePath, ".json");

    /// <summary>What the generator writes (raise it when that changes: data sets of an older one are built again).</summary>
    private const int GeneratorVersion = 2;

    /// <summary>The product's newest SQLite migration and the generator's version: a data set built on an older schema, or
    /// by an older generator, is built again.</summary>
    public static string CurrentSchema { get; } = $"generator {GeneratorVersion}, " + typeof(Siget.Console.Data.SigetDbContext).Assembly.GetTypes()
        .Where(t => t.Namespace?.EndsWith("Migrations.Sqlite", StringComparison.Ordinal) == true)
        .Select(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false)
            .Cast<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>().FirstOrDefault()?.Id)
        .Where(id => id is not null).Max()!;

    public static BenchManifest? Read(string databasePath) =>
        File.Exists(PathFor(databasePath)) && File.Exists(databasePath)
            ? JsonSerializer.Deserialize<BenchManifest>(File.ReadAllText(PathFor(databasePath))) : null;
}

/// <summary>
/// Builds a help desk of the given size into a new SQLite file: schema by the product's migrations, people through EF,
/// tickets lived through the domain and written in bulk (secondary indexes are built once at the end).
/// </summary>
public static class DataGenerator
{
    public const int TimelineEntries = 200;

    /// <summary>Level-2 tickets that sort first once sent back to level 1 (the live-push scenario's changes and its warm-ups, with room).</summary>
    public const int SendBackCandidates = 80;
    private const int BatchSize = 5_000;

    public static async Task<BenchManifest> GenerateAsync(string databasePath, BenchSizes sizes, DateTime nowUtc, int seed = 2026)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(databasePath + suffix);
        System.Console.WriteLine($"Generating {sizes} into {databasePath}");

        BenchPeople people;
        SlaOptions sla;
        await using (var app = new BenchApp(databasePath))
        {
            sla = app.Service<SettingsStore>().Current.Sla; // starting the app applies the migrations
            await using var db = app.CreateDbContext();
            people = await BenchPeople.CreateAsync(db, sizes, new Random(seed));
        }
        SqliteConnection.ClearAllPools();
        System.Console.WriteLine($"  people and units: {clock.Elapsed.TotalSeconds:N1} s");

        var policies = new Dictionary<int, Siget.Core.Sla.SlaPolicy>();
        Siget.Core.Sla.SlaPolicy PolicyFor(int year)
        {
            lock (policies) return policies.TryGetValue(year, out var p) ? p : policies[year] = sla.ToPolicy(year);
        }
        var lifecycles = new TicketLifecycles(people, PolicyFor, nowUtc, seed);

        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-400000; PRAGMA temp_store=MEMORY;");
        var indexes = DropIndexes(connection, "Tickets", "TicketHistory", "TicketMessages", "TicketAttachments");

        // Tickets arrive evenly over the years, in order; the open ones are a random half of the most recent 2×open.
        var total = sizes.TotalTickets;
        var start = nowUtc.AddYears(-sizes.Years);
        var spacing = (nowUtc.AddDays(-1) - start) / total;
        var openWindow = Math.Min(total, sizes.OpenTickets * 2);
        var open = new bool[openWindow];
        for (var i = 0; i < sizes.OpenTickets; i++) open[i] = true;
        new Random(seed).Shuffle(open);
        var sequences = new Dictionary<int, int>();

        var channel = Channel.CreateBounded<List<GeneratedTicket>>(4);
        var producer = Task.Run(async () =>
        {
          try
          {
            var random = new Random(seed + 1);
            var batch = new List<GeneratedTicket>(BatchSize);
            for (var i = 0; i < total; i++)
            {
                var at = start + spacing * i + spacing * random.NextDouble() * 0.9;
                var number = new TicketNumber(at.Year, sequences[at.Year] = sequences.GetValueOrDefault(at.Year) + 1);
                var isOpen = i >= total - openWindow && open[i - (total - openWindow)];
                batch.Add(lifecycles.Create(i + 1, number, at, isOpen));
                if (batch.Count == BatchSize) { await channel.Writer.WriteAsync(batch); batch = new List<GeneratedTicket>(BatchSize); }
            }
            // A month before the oldest other open ticket: their clocks fall due before any other open ticket's, whatever
            // the date of the run (weekends and holidays move due times by days, not by a month).
            var candidatesAt = start + spacing * (total - openWindow) - TimeSpan.FromDays(30);
            for (var k = 0; k < SendBackCandidates; k++)
            {
                var at = candidatesAt.AddMinutes(7 * k);
                var candidateNumber = new TicketNumber(at.Year, sequences[at.Year] = sequences.GetValueOrDefault(at.Year) + 1);
                batch.Add(lifecycles.CreateSendBackCandidate(total + 1 + k, candidateNumber, at));
            }
            var timelineAt = nowUtc.AddDays(-20);
            var timelineNumber = new TicketNumber(timelineAt.Year, sequences[timelineAt.Year] = sequences.GetValueOrDefault(timelineAt.Year) + 1);
            batch.Add(lifecycles.CreateLongTimeline(total + 1 + SendBackCandidates, timelineNumber, timelineAt, TimelineEntries));
            await channel.Writer.WriteAsync(batch);
            channel.Writer.Complete();
          }
          catch (Exception ex)
          {
            // The writer must not wait forever for batches that will never come.
            channel.Writer.Complete(ex);
            throw;
          }
        });

        using var writer = new TicketWriter(connection, lifecycles.CitizenAccessCodeHash);
        var written = 0;
        var lastReport = Stopwatch.StartNew();
        string timeline = "";
        await foreach (var batch in channel.Reader.ReadAllAsync())
        {
            writer.Write(batch);
            written += batch.Count;
            timeline = batch[^1].Ticket.Number;
            if (lastReport.Elapsed.TotalSeconds >= 5 || written >= total)
            {
                System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  tickets {written:N0} / {total + 1:N0} ({written / clock.Elapsed.TotalSeconds:N0}/s), history {writer.HistoryRows:N0}, messages {writer.MessageRows:N0}"));
                lastReport.Restart();
            }
        }
        await producer;

        foreach (var (year, last) in sequences)
            Execute(connection, $"INSERT INTO \"TicketSequences\" (\"Year\", \"Last\") VALUES ({year}, {last})");
        System.Console.WriteLine($"  building {indexes.Count} indexes...");
        foreach (var sql in indexes) Execute(connection, sql);
        Execute(connection, "PRAGMA journal_mode=WAL;");

        var manifest = new BenchManifest(sizes, nowUtc, timeline, TimelineEntries, total + 1 + SendBackCandidates, writer.HistoryRows, writer.MessageRows,
            writer.AttachmentRows, Math.Round(clock.Elapsed.TotalSeconds, 1), BenchManifest.CurrentSchema);
        await File.WriteAllTextAsync(BenchManifest.PathFor(databasePath), JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }));
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  done in {clock.Elapsed.TotalSeconds:N0} s: {manifest.Tickets:N0} tickets, {manifest.HistoryRows:N0} history entries, {manifest.MessageRows:N0} messages, {manifest.AttachmentRows:N0} attachments ({new FileInfo(databasePath).Length / 1e6:N0} MB)"));
        return manifest;
    }

    private static List<string> DropIndexes(SqliteConnection connection, params string[] tables)
    {
        var sql = new List<string>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", tables.Select(t => $"'{t}'"))})";
            using var reader = read.ExecuteReader();
            while (reader.Read()) sql.Add($"DROP INDEX \"{reader.GetString(0)}\";\u0000{reader.GetString(1)}");
        }
        foreach (var pair in sql) Execute(connection, pair.Split('\u0000')[0]);
        return sql.Select(pair => pair.Split('\u0000')[1]).ToList();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

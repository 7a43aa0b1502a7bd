using System.Diagnostics;
using System.Net;
using Siget.Bench.Data;
using Siget.Bench.Running;

namespace Siget.Bench.Scenarios;

/// <summary>
/// The queue as a signed-in technician opens it: the full HTTP request of the prerendered page (Blazor renders the
/// queue's first window of rows on the server), the default view and a filtered one; then four clients at once.
/// The limit is a raw SQLite query of the same rows (count plus first window, in queue order).
/// </summary>
public sealed class QueuePageScenario : Scenario
{
    public override string Name => "queue-page";
    public override string Title => "Queue page (prerendered HTTP request)";

    public override async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchRun run, CancellationToken ct)
    {
        await using var server = await BenchServer.StartAsync(run.DatabasePath);
        var cookies = await server.SignInAsync(BenchPeople.TechnicianName(0));
        using var http = server.NewClient(cookies);
        var requests = run.Scaled(200, 20);

        var all = await TimeAsync(http, "cola/todos", requests, ct);
        var filtered = await TimeAsync(http, "cola/todos?prioridad=Alta&canal=Telefono", requests, ct);
        var rate = await ThroughputAsync(server, run, ct);
        var firstRows = await QueueInBrowser.FirstRowsAsync(server.BaseUri, run.Scaled(40, 5), ct);
        var raw = RawQueueQuery(run.DatabasePath, requests);

        return
        [
            new(Title, "navigation → first rows visible in Chromium (p95)", firstRows.Rows.P95, Target.AtMostOf(150, "ms"),
                new PhysicalLimit(firstRows.Blank.P95, "ms", "navigation → a blank page painted in the same window (p95)"),
                $"{firstRows.Rows}; blank page {firstRows.Blank}; the rows of the HTML, not yet the circuit"),
            new(Title, "queue HTML with its first 50 rows, all open (p95)", all.P95, Target.AtMostOf(30, "ms"), new PhysicalLimit(raw.P95, "ms", "raw SQLite count + first 50 rows in queue order (p95)"), all.ToString()),
            new(Title, "filtered view (p95)", filtered.P95, Target.AtMostOf(40, "ms"), new PhysicalLimit(raw.P95, "ms", "raw SQLite count + first 50 rows in queue order (p95)"), filtered.ToString()),
            new(Title, "4 concurrent clients, full queue pages", rate, Target.AtLeastOf(300, "pages/s")),
        ];
    }

    private static async Task<Latencies> TimeAsync(HttpClient http, string path, int count, CancellationToken ct)
    {
        for (var i = 0; i < 5; i++) await GetAsync(http, path, ct); // warm-up: JIT, caches, connection pool
        var latencies = new Latencies();
        for (var i = 0; i < count; i++) await latencies.TimeAsync(() => GetAsync(http, path, ct));
        return latencies;
    }

    private static async Task GetAsync(HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains("Cola de tickets", StringComparison.Ordinal))
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} without the queue.");
        AssertRows(path, body);
    }

    /// <summary>
    /// The page counts only if it holds the queue: its total, and its first rows (fifty, or all of a shorter queue), each
    /// with a ticket number. An empty frame ("Cargando…") is a failure, not a fast sample.
    /// </summary>
    private static void AssertRows(string path, string body)
    {
        var total = TotalPattern.Match(body);
        if (!total.Success)
            throw new InvalidOperationException($"GET {path}: the page has no ticket total (the queue was not prerendered).");
        var count = PageContent.Number(total.Groups[1].Value);
        var rows = PageContent.Occurrences(body, RowNumber);
        if (count == 0 || rows != Math.Min(50, count))
            throw new InvalidOperationException($"GET {path}: {rows} ticket rows for a total of {count} (expected {Math.Min(50, count)}, and tickets).");
    }

    private static readonly System.Text.RegularExpressions.Regex TotalPattern =
        new("id=\"cola-total\"[^>]*>([\\d.,\u00a0]+) tickets?<", System.Text.RegularExpressions.RegexOptions.Compiled);
    private const string RowNumber = "<a class=\"queue-number row-link\" href=\"tickets/";

    /// <summary>Four technicians each loading the queue in a loop for a fixed time.</summary>
    private static async Task<double> ThroughputAsync(BenchServer server, BenchRun run, CancellationToken ct)
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < 4; i++) clients.Add(server.NewClient(await server.SignInAsync(BenchPeople.TechnicianName(i + 1))));
        var duration = TimeSpan.FromSeconds(run.Quick ? 3 : 15);
        var pages = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async c =>
        {
            while (clock.Elapsed < duration)
            {
                await GetAsync(c, "cola/todos", ct);
                Interlocked.Increment(ref pages);
            }
        }));
        foreach (var c in clients) c.Dispose();
        return pages / clock.Elapsed.TotalSeconds;
    }

    private static Latencies RawQueueQuery(string databasePath, int count)
    {
        using var connection = BenchRun.Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM Tickets WHERE State IN (1, 2) AND (Level = 1 OR AssigneeId = 'x');
            SELECT t.Id, t.Number, t.Subject, t.Priority, t.State, t.Level, s.Name, t.RequesterName, t.UnitName, t.AssigneeName, t.NextDueUtc
            FROM Tickets t JOIN ServiceSubcategories s ON s.Code = t.SubcategoryCode
            WHERE t.State IN (1, 2) AND (t.Level = 1 OR t.AssigneeId = 'x')
            ORDER BY t.Priority DESC, t.Preferential DESC, t.NextDueUtc IS NULL, t.NextDueUtc, t.Id LIMIT 50;
            """;
        var latencies = new Latencies();
        for (var i = 0; i < count + 5; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using (var reader = command.ExecuteReader())
                do { while (reader.Read()) { } } while (reader.NextResult());
            if (i >= 5) latencies.Add(Stopwatch.GetElapsedTime(started));
        }
        return latencies;
    }
}

using System.Diagnostics;
using System.Net;
using Siget.Bench.Data;
using Siget.Bench.Running;

namespace Siget.Bench.Scenarios;

/// <summary>
/// The page of the ticket with the 200-entry timeline, as the technician who holds it opens it: the full HTTP request of
/// the prerendered page (facts, SLA clocks and the whole timeline with its Markdown replies rendered on the server).
/// The limit is a raw SQLite read of the same rows: the ticket, its history, its messages and their attachments.
/// </summary>
public sealed class TicketPageScenario : Scenario
{
    public override string Name => "ticket-page";
    public override string Title => "Ticket page, 200-entry timeline (prerendered HTTP request)";

    public override async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchRun run, CancellationToken ct)
    {
        var number = run.Manifest.TimelineTicket;
        var holder = HolderOf(run.DatabasePath, number);
        await using var server = await BenchServer.StartAsync(run.DatabasePath);
        using var http = server.NewClient(await server.SignInAsync(holder));
        var requests = run.Scaled(200, 20);

        var page = await TimeAsync(http, $"tickets/{number}", number, requests, ct);
        var raw = RawTicketQuery(run.DatabasePath, number, requests);
        return
        [
            new(Title, $"ticket {number} as {holder} (p95)", page.P95, Target.AtMostOf(50, "ms"),
                new PhysicalLimit(raw.P95, "ms", "raw SQLite ticket + history + messages + attachments (p95)"), $"{page}; limit {raw}"),
        ];
    }

    /// <summary>The person the ticket is assigned to (a technician, who may see it), or a supervisor if nobody holds it.</summary>
    private static string HolderOf(string databasePath, string number)
    {
        using var connection = BenchRun.Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT u.UserName FROM Tickets t JOIN AspNetUsers u ON u.Id = t.AssigneeId WHERE t.Number = $n";
        command.Parameters.AddWithValue("$n", number);
        return command.ExecuteScalar() as string ?? BenchPeople.SupervisorName(0);
    }

    private static async Task<Latencies> TimeAsync(HttpClient http, string path, string number, int count, CancellationToken ct)
    {
        for (var i = 0; i < 5; i++) await GetAsync(http, path, number, ct); // warm-up: JIT, caches, connection pool
        var latencies = new Latencies();
        for (var i = 0; i < count; i++) await latencies.TimeAsync(() => GetAsync(http, path, number, ct));
        return latencies;
    }

    private static async Task GetAsync(HttpClient http, string path, string number, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains(number, StringComparison.Ordinal))
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} without the ticket.");
        // Its whole timeline: every history entry and message of the long-timeline ticket.
        var entries = PageContent.Occurrences(body, "<li class=\"ticket-history-entry");
        if (entries < Data.DataGenerator.TimelineEntries)
            throw new InvalidOperationException($"GET {path} shows {entries} timeline entries of {Data.DataGenerator.TimelineEntries}.");
    }

    private static Latencies RawTicketQuery(string databasePath, string number, int count)
    {
        using var connection = BenchRun.Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT * FROM Tickets WHERE Number = $n;
            SELECT h.* FROM TicketHistory h WHERE h.TicketId = (SELECT Id FROM Tickets WHERE Number = $n) ORDER BY h.AtUtc, h.Id;
            SELECT m.* FROM TicketMessages m WHERE m.TicketId = (SELECT Id FROM Tickets WHERE Number = $n) ORDER BY m.AtUtc, m.Id;
            SELECT a.* FROM TicketAttachments a WHERE a.TicketId = (SELECT Id FROM Tickets WHERE Number = $n);
            """;
        command.Parameters.AddWithValue("$n", number);
        var latencies = new Latencies();
        for (var i = 0; i < count + 5; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using (var reader = command.ExecuteReader())
                do { while (reader.Read()) for (var c = 0; c < reader.FieldCount; c++) reader.GetValue(c); } while (reader.NextResult());
            if (i >= 5) latencies.Add(Stopwatch.GetElapsedTime(started));
        }
        return latencies;
    }
}

using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Siget.Bench.Data;
using Siget.Bench.Running;

namespace Siget.Bench.Scenarios;

/// <summary>
/// The supervisor board with every active technician and specialist: the full HTTP request of the prerendered page as
/// sup01, then moves as a supervisor makes them, in Debian's Chromium over a working copy. A move is timed in the
/// browser from the confirming click of its dialog to the card shown settled in its new column (command, board reload,
/// render diff over the circuit), by dragging and by the card's "Mover" menu. Limits: a raw SQLite read of the board's
/// rows (counts per lane, first cards per lane) and a durable single-row UPDATE + INSERT in one transaction.
/// </summary>
public sealed class BoardScenario : Scenario
{
    public override string Name => "board";
    public override string Title => "Supervisor board (prerendered HTTP request, moves in a browser)";
    public override TimeSpan TimeLimit => TimeSpan.FromMinutes(12);

    public override async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchRun run, CancellationToken ct)
    {
        var copy = run.WorkingCopy("board");
        var requests = run.Scaled(100, 10);
        Latencies page;
        BoardInBrowser.Moves moves;
        await using (var server = await BenchServer.StartAsync(copy))
        {
            using (var http = server.NewClient(await server.SignInAsync(BenchPeople.SupervisorName(0))))
                page = await TimeAsync(http, requests, ct);
            moves = await BoardInBrowser.MoveAsync(server.BaseUri, run.Scaled(15, 3), ct);
        }
        var rawRead = RawBoardQuery(run.DatabasePath, requests);
        var rawWrite = RawDurableWrite(copy, run.Scaled(100, 10));

        return
        [
            new(Title, "board page as sup01 (p95)", page.P95, Target.AtMostOf(150, "ms"),
                new PhysicalLimit(rawRead.P95, "ms", $"raw SQLite counts by lane + first {Siget.Console.Services.Board.SupervisorBoard.CardsPerColumn} cards per lane (p95)"), $"{page}; limit {rawRead}"),
            new(Title, "move round trip in the browser, confirm → card in new column (p95)", moves.All.P95, Target.AtMostOf(50, "ms"),
                new PhysicalLimit(rawWrite.P95, "ms", "raw SQLite UPDATE + INSERT, one transaction, WAL, synchronous=FULL (p95)"),
                $"all {moves.All}; dragged {moves.Dragged}; from the Mover menu {moves.Chosen}; limit {rawWrite}"),
        ];
    }

    private static async Task<Latencies> TimeAsync(HttpClient http, int count, CancellationToken ct)
    {
        for (var i = 0; i < 5; i++) await GetAsync(http, ct); // warm-up: JIT, caches, connection pool
        var latencies = new Latencies();
        for (var i = 0; i < count; i++) await latencies.TimeAsync(() => GetAsync(http, ct));
        return latencies;
    }

    private static async Task GetAsync(HttpClient http, CancellationToken ct)
    {
        using var response = await http.GetAsync("tablero", ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains("Tablero del equipo", StringComparison.Ordinal))
            throw new InvalidOperationException($"GET tablero answered {(int)response.StatusCode} without the board.");
        PageContent.AssertBoard(body, Siget.Console.Services.Board.SupervisorBoard.CardsPerColumn);
    }

    private static Latencies RawBoardQuery(string databasePath, int count)
    {
        using var connection = BenchRun.Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = $$"""
            SELECT Level, CASE WHEN Level = 3 THEN VendorCompanyId ELSE AssigneeId END, COUNT(*) FROM Tickets WHERE State IN (1, 2) GROUP BY 1, 2;
            SELECT * FROM (
                SELECT t.Id, t.Number, t.Subject, t.Priority, t.Preferential, t.State, t.Level, s.Name, t.UnitName, t.AssigneeId,
                       t.AssigneeName, t.VendorCompanyId, t.RegisteredAtUtc, t.NextDueUtc, t.Version,
                       ROW_NUMBER() OVER (PARTITION BY t.Level, CASE WHEN t.Level = 3 THEN t.VendorCompanyId ELSE t.AssigneeId END
                                          ORDER BY t.Priority DESC, t.Preferential DESC, t.NextDueUtc IS NULL, t.NextDueUtc, t.Id) AS Rank
                FROM Tickets t JOIN ServiceSubcategories s ON s.Code = t.SubcategoryCode
                WHERE t.State IN (1, 2))
            WHERE Rank <= {{Siget.Console.Services.Board.SupervisorBoard.CardsPerColumn}};
            """;
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

    /// <summary>What a move writes at the least: the ticket's row and one history row, durably.</summary>
    private static Latencies RawDurableWrite(string databasePath, int count)
    {
        using var connection = BenchRun.Open(databasePath, readOnly: false);
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
        var ticketId = Convert.ToInt64(Scalar(connection, "SELECT Id FROM Tickets WHERE State = 2 AND Level = 1 AND AssigneeId IS NOT NULL LIMIT 1"));
        var latencies = new Latencies();
        for (var i = 0; i < count + 5; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using (var transaction = connection.BeginTransaction())
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    UPDATE Tickets SET Version = Version + 1, UpdatedAtUtc = $now WHERE Id = $id;
                    INSERT INTO TicketHistory (TicketId, AtUtc, ActorId, ActorName, Action, Reason) VALUES ($id, $now, 'bench', 'Bench', 3, 'raw write');
                    """;
                command.Parameters.AddWithValue("$id", ticketId);
                command.Parameters.AddWithValue("$now", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF"));
                command.ExecuteNonQuery();
                transaction.Commit();
            }
            if (i >= 5) latencies.Add(Stopwatch.GetElapsedTime(started));
        }
        return latencies;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

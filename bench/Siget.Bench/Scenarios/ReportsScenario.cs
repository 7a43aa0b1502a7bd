using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Siget.Bench.Data;
using Siget.Bench.Running;
using Siget.Core.Reports;

namespace Siget.Bench.Scenarios;

/// <summary>
/// The service dashboard (/reportes) as a supervisor opens it: the full HTTP request of the prerendered page with every
/// figure, breakdown and trend, over 30-day periods ending on each of the last days of the data set. Each request asks
/// for a period not read before, so every one reads the database (the product keeps a period's data for a minute).
/// Also: the same dashboard again (its data kept), and a whole year exported as a breakdown (CSV), which is what a
/// long period costs. Limit: a raw SQLite read of the same rows (tickets of the period plus the open ones, and their
/// escalations and reopenings).
/// </summary>
public sealed partial class ReportsScenario : Scenario
{
    public override string Name => "reports";
    public override string Title => "Reports dashboard (prerendered HTTP request)";
    public override TimeSpan TimeLimit => TimeSpan.FromMinutes(10);

    public override async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchRun run, CancellationToken ct)
    {
        await using var server = await BenchServer.StartAsync(run.DatabasePath);
        using var http = server.NewClient(await server.SignInAsync(BenchPeople.SupervisorName(0)));
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(run.Manifest.GeneratedAtUtc, Siget.Core.Sla.BusinessCalendar.Lima)).AddDays(-1);
        var requests = run.Scaled(20, 4);
        ReportPeriod Window(int i) => new(lastDay.AddDays(-i - 29), lastDay.AddDays(-i));

        for (var i = 0; i < 3; i++) await GetAsync(http, Dashboard(Window(requests + i + 1)), ct); // warm-up: JIT, caches
        var cold = new Latencies();
        for (var i = 0; i < requests; i++) await cold.TimeAsync(() => GetAsync(http, Dashboard(Window(i)), ct));
        var kept = new Latencies();
        await GetAsync(http, Dashboard(Window(0)), ct); // read once more: the twenty reads above left only the newest kept
        for (var i = 0; i < requests; i++) await kept.TimeAsync(() => GetAsync(http, Dashboard(Window(0)), ct));
        var year = new Latencies();
        var yearPeriod = new ReportPeriod(lastDay.AddDays(-364), lastDay);
        for (var i = 0; i < run.Scaled(3, 1); i++)
        {
            var period = new ReportPeriod(yearPeriod.From.AddDays(-i), yearPeriod.To.AddDays(-i));
            await year.TimeAsync(() => GetAsync(http, $"reportes/exportar/desglose?{Query(period)}&dimension=Categoria&formato=csv", ct, "Recibidos"));
        }
        var raw = RawReportRead(run.DatabasePath, Window(0), requests);

        return
        [
            new(Title, "dashboard of a 30-day period, read from the database (p95)", cold.P95, Target.AtMostOf(1000, "ms"),
                new PhysicalLimit(raw.P95, "ms", "raw SQLite read of the period's tickets, the open ones and their level moves and reopenings (p95)"),
                $"{cold}; limit {raw}"),
            new(Title, "the same dashboard again, its data kept (p95)", kept.P95, Target.AtMostOf(1000, "ms"),
                new PhysicalLimit(raw.P95, "ms", "the raw read above"), $"{kept}"),
            new(Title, "a year (365 days) as a CSV breakdown, read from the database (p95, context)", year.P95, Target.AtMostOf(1000, "ms"),
                new PhysicalLimit(raw.P95, "ms", "the raw read of 30 days above"), $"{year}; the dashboard shows long periods once read, with progress"),
        ];
    }

    private static string Query(ReportPeriod period) =>
        $"desde={period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&hasta={period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static string Dashboard(ReportPeriod period) => $"reportes?{Query(period)}";

    private static async Task GetAsync(HttpClient http, string path, CancellationToken ct, string? expected = null)
    {
        using var response = await http.GetAsync(path, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        // A breakdown (CSV) is its header and a row per category, not the header alone.
        if (response.StatusCode != HttpStatusCode.OK
            || expected is not null && (!body.Contains(expected, StringComparison.Ordinal) || PageContent.Occurrences(body, "\n") < 3))
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} without the report.");
        if (expected is null) AssertFigures(path, body);
    }

    /// <summary>The dashboard's figures: its cards, with tickets received in the period (a month of a busy help desk).</summary>
    private static void AssertFigures(string path, string body)
    {
        var cards = PageContent.Occurrences(body, "class=\"report-card-value\"");
        var received = ReceivedFigure().Match(body);
        if (cards < 8 || !received.Success || PageContent.Number(received.Groups[1].Value) == 0)
            throw new InvalidOperationException($"GET {path}: {cards} figures, received {(received.Success ? received.Groups[1].Value : "missing")}: not the dashboard.");
    }

    [System.Text.RegularExpressions.GeneratedRegex("aria-label=\"([0-9.,\u00a0 ]+): ver los tickets \\(recibidos\\)\"")]
    private static partial System.Text.RegularExpressions.Regex ReceivedFigure();

    private static Latencies RawReportRead(string databasePath, ReportPeriod period, int count)
    {
        using var connection = BenchRun.Open(databasePath);
        var latencies = new Latencies();
        for (var i = 0; i < count + 3; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var ids = new List<long>();
            using (var tickets = connection.CreateCommand())
            {
                tickets.CommandText = """
                    SELECT t.Id, t.Number, t.Subject, t.Kind, t.Channel, t.SubcategoryCode, s.CategoryId, t.UnitId, t.Priority, t.State, t.Level,
                           t.AssigneeId, t.AssigneeName, t.VendorCompanyId, t.RegisteredAtUtc, t.FirstResponseDueUtc, t.FirstResponseAtUtc,
                           t.ResolutionDueUtc, t.ResolvedAtUtc, t.ClosedAtUtc, t.SatisfactionRating
                    FROM Tickets t JOIN ServiceSubcategories s ON s.Code = t.SubcategoryCode
                    WHERE (t.RegisteredAtUtc >= $from AND t.RegisteredAtUtc < $to) OR (t.ResolvedAtUtc >= $from AND t.ResolvedAtUtc < $to)
                       OR (t.ClosedAtUtc >= $from AND t.ClosedAtUtc < $to) OR t.State IN (1, 2)
                    """;
                tickets.Parameters.AddWithValue("$from", period.FromUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                tickets.Parameters.AddWithValue("$to", period.ToUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                using var reader = tickets.ExecuteReader();
                while (reader.Read())
                {
                    ids.Add(reader.GetInt64(0));
                    for (var c = 1; c < reader.FieldCount; c++) reader.GetValue(c);
                }
            }
            using (var history = connection.CreateCommand())
            {
                history.CommandText = """
                    SELECT TicketId, AtUtc, Action, FromLevel, ToLevel, Reason FROM TicketHistory
                    WHERE Action IN (3, 5, 11) AND TicketId IN (SELECT value FROM json_each($ids)) ORDER BY TicketId, AtUtc, Id
                    """;
                history.Parameters.AddWithValue("$ids", "[" + string.Join(',', ids) + "]");
                using var reader = history.ExecuteReader();
                while (reader.Read()) for (var c = 0; c < reader.FieldCount; c++) reader.GetValue(c);
            }
            if (i >= 3) latencies.Add(Stopwatch.GetElapsedTime(started));
        }
        return latencies;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Siget.Bench.Data;
using Siget.Bench.Running;
using Siget.Core.Catalog;

namespace Siget.Bench.Scenarios;

/// <summary>
/// The public API as SISMONITOR uses it (issue 18), with a key issued by <c>crear-clave-api</c>: registrations from four
/// clients at once (each answer must be a 201 with the new ticket's number), reads of the channel's tickets of the
/// 1,000,000-ticket data set (each a 200 with that ticket), and a registration reaching 200 open queues (each screen
/// must render the new ticket's subject). Limits: raw durable single-row transactions on the same file; a raw read of
/// the ticket and its public messages; a bare WebSocket echo is the live push's own scenario.
/// </summary>
public sealed class ApiScenario : Scenario
{
    public override string Name => "api";
    public override string Title => "Public API (SISMONITOR key, HTTP)";
    public override TimeSpan TimeLimit => TimeSpan.FromMinutes(10);

    private static readonly TimeSpan ArrivalLimit = TimeSpan.FromSeconds(30);
    private static readonly int[] Codes = [.. SeedCatalog.Subcategories.Select(s => s.Code)];

    public override async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchRun run, CancellationToken ct)
    {
        var database = run.WorkingCopy(Name);
        var commits = RegistrationScenario.RawDurableCommits(database, run.Scaled(2_000, 300));
        var numbers = ChannelTickets(database, run.Scaled(200, 20));
        var key = await BenchServer.IssueApiKeyAsync(database, "BENCH SISMONITOR", "tickets:crear tickets:leer");
        await using var server = await BenchServer.StartAsync(database, new Dictionary<string, string> { ["Api:PermitLimit"] = "1000000" });
        var clients = Enumerable.Range(0, 4).Select(_ => Client(server, key)).ToList();
        try
        {
            for (var i = 0; i < 20; i++) await RegisterAsync(clients[0], Body($"Calentamiento {i}", i), ct); // JIT, pools

            var posts = new Latencies();
            var registered = 0;
            var failures = 0;
            var duration = TimeSpan.FromSeconds(run.Quick ? 3 : 20);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(clients.Select((client, c) => Task.Run(async () =>
            {
                for (var i = 0; clock.Elapsed < duration && !ct.IsCancellationRequested; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    if (await RegisterAsync(client, Body($"Cliente {c}, registro {i}", c * 100_000 + i), ct) is null) { Interlocked.Increment(ref failures); continue; }
                    posts.Add(Stopwatch.GetElapsedTime(started));
                    Interlocked.Increment(ref registered);
                }
            }, ct)));
            var rate = registered / clock.Elapsed.TotalSeconds;

            foreach (var number in numbers.Take(5)) await ReadAsync(clients[0], number, ct); // warm-up
            var reads = new Latencies();
            foreach (var number in numbers)
            {
                var started = Stopwatch.GetTimestamp();
                await ReadAsync(clients[0], number, ct);
                reads.Add(Stopwatch.GetElapsedTime(started));
            }
            var rawReads = RawTicketReads(database, numbers);

            var (arrivals, missing, sessions) = await PushAsync(server, run, clients[0], ct);

            return
            [
                new(Title, $"POST /api/v1/tickets, 4 clients for {duration.TotalSeconds:0} s: durable tickets/s", failures > 0 ? 0 : rate, Target.AtLeastOf(400, "tickets/s"),
                    new PhysicalLimit(commits, "tx/s", "raw durable single-row INSERT transactions, one connection, same file"),
                    $"{registered:N0} tickets, {failures} answers without a new ticket; {posts}"),
                new(Title, "POST /api/v1/tickets latency (p95)", failures > 0 ? double.PositiveInfinity : posts.P95, Target.AtMostOf(30, "ms"),
                    new PhysicalLimit(1000 / commits, "ms", "one raw durable commit"), posts.ToString()),
                new(Title, "GET /api/v1/tickets/{numero}, the channel's tickets of the data set (p95)", reads.P95, Target.AtMostOf(10, "ms"),
                    new PhysicalLimit(rawReads.P95, "ms", "raw SQLite read of the ticket and its public messages (p95)"), $"{reads}; limit {rawReads}"),
                new(Title, $"API registration → rendered in each of {sessions} open queues (p95)", missing > 0 ? double.PositiveInfinity : arrivals.P95,
                    Target.AtMostOf(150, "ms"), null,
                    $"{arrivals}; {missing} arrivals missing; from sending the POST to the render batch with the new ticket in each screen"),
            ];
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    /// <summary>
    /// Screens searching for one tag (so the new ticket is in their first rows); each registration through the API
    /// carries the tag and a subject of its own, which must arrive in every screen's render batch.
    /// </summary>
    private static async Task<(Latencies Arrivals, int Missing, int Sessions)> PushAsync(BenchServer server, BenchRun run, HttpClient client, CancellationToken ct)
    {
        var tag = $"apiempuje{Guid.NewGuid():N}"[..16];
        if (await RegisterAsync(client, Body($"{tag} primero", 1), ct) is null) throw new InvalidOperationException("The API refused the first tagged registration.");
        await using var pool = await SessionPool.OpenAsync(server, $"cola/todos?q={tag}", run.Scaled(200, 10), run.Manifest.Sizes.Technicians, ct);
        var arrivals = new Latencies();
        var missing = 0;
        var pushes = run.Scaled(10, 3);
        for (var i = 0; i < pushes + 2; i++)
        {
            var subject = $"{tag} empuje {i}";
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(ArrivalLimit);
            var waits = pool.Sessions.Select(s => s.WaitForTextAsync(subject, limit.Token)).ToList();
            var sent = DateTime.UtcNow;
            if (await RegisterAsync(client, Body(subject, i), ct) is null) throw new InvalidOperationException("The API refused a tagged registration.");
            foreach (var wait in waits)
            {
                try
                {
                    var at = await wait;
                    if (i >= 2) arrivals.Add((at - sent).TotalMilliseconds); // two warm-ups
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    if (i >= 2) missing++;
                }
            }
        }
        return (arrivals, missing, pool.Sessions.Count);
    }

    private static HttpClient Client(BenchServer server, string key)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(60),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static string Body(string subject, int seed) => JsonSerializer.Serialize(new
    {
        solicitante = BenchPeople.RequesterName(seed % 500),
        tipo = seed % 3 == 0 ? "Peticion" : "Incidencia",
        servicio = Codes[Math.Abs(seed) % Codes.Length],
        asunto = subject,
        descripcion = "Registrado por el benchmark de SIGET a través de la API.",
        impacto = "Total",
        hayAlternativa = false,
    });

    /// <summary>The new ticket's number, or null when the answer is not a 201 with one.</summary>
    private static async Task<string?> RegisterAsync(HttpClient client, string body, CancellationToken ct)
    {
        using var response = await client.PostAsync("api/v1/tickets", new StringContent(body, Encoding.UTF8, "application/json"), ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.Created) return null;
        using var json = JsonDocument.Parse(text);
        return json.RootElement.TryGetProperty("numero", out var number) && number.GetString() is { Length: > 0 } n ? n : null;
    }

    private static async Task ReadAsync(HttpClient client, string number, CancellationToken ct)
    {
        using var response = await client.GetAsync($"api/v1/tickets/{number}", ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK || !text.Contains($"\"numero\":\"{number}\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"GET /api/v1/tickets/{number} answered {(int)response.StatusCode} without the ticket.");
    }

    /// <summary>Tickets of the SISMONITOR channel (02) spread evenly over the data set: what the key may read.</summary>
    public static List<string> ChannelTickets(string database, int count)
    {
        using var connection = BenchRun.Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Number FROM (SELECT Number, ROW_NUMBER() OVER (ORDER BY Id) AS Place, COUNT(*) OVER () AS Total FROM Tickets WHERE Channel = 2)
            WHERE Place % MAX(1, Total / $count) = 0 ORDER BY Place LIMIT $count
            """;
        command.Parameters.AddWithValue("$count", count);
        using var reader = command.ExecuteReader();
        var numbers = new List<string>();
        while (reader.Read()) numbers.Add(reader.GetString(0));
        if (numbers.Count < count) throw new InvalidOperationException($"The data set has {numbers.Count} SISMONITOR tickets to read; {count} are needed.");
        return numbers;
    }

    private static Latencies RawTicketReads(string database, IReadOnlyList<string> numbers)
    {
        using var connection = BenchRun.Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT * FROM Tickets WHERE Number = $n;
            SELECT m.* FROM TicketMessages m JOIN Tickets t ON t.Id = m.TicketId WHERE t.Number = $n AND m.Internal = 0 ORDER BY m.AtUtc;
            """;
        var number = command.Parameters.Add("$n", Microsoft.Data.Sqlite.SqliteType.Text);
        var latencies = new Latencies();
        for (var i = 0; i < numbers.Count + 5; i++)
        {
            number.Value = numbers[i % numbers.Count];
            var started = Stopwatch.GetTimestamp();
            using (var reader = command.ExecuteReader())
                do { while (reader.Read()) for (var c = 0; c < reader.FieldCount; c++) reader.GetValue(c); } while (reader.NextResult());
            if (i >= 5) latencies.Add(Stopwatch.GetElapsedTime(started));
        }
        return latencies;
    }
}

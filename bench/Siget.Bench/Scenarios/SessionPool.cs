using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Siget.Bench.Data;
using Siget.Bench.Headless;
using Siget.Bench.Running;

namespace Siget.Bench.Scenarios;

/// <summary>
/// Many headless Blazor circuits on one page, as signed-in technicians. Signing in hashes a password on the server,
/// so each technician signs in once and their cookies serve all their sessions (one person, several tabs).
/// Sessions open a few at a time, like people arriving, and all of them are disposed with the pool.
/// </summary>
public sealed class SessionPool : IAsyncDisposable
{
    private const int OpenAtOnce = 8;
    private readonly ConcurrentBag<BlazorSession> _sessions = [];

    private readonly BenchServer _server;
    private readonly string _path;
    private readonly int _people;
    private readonly Func<int, string> _userName;
    private readonly Dictionary<string, CookieContainer> _cookies = [];

    private SessionPool(BenchServer server, string path, int people, Func<int, string> userName)
    {
        _server = server;
        _path = path;
        _people = people;
        _userName = userName;
    }

    public IReadOnlyList<BlazorSession> Sessions => [.. _sessions];

    /// <summary>How long opening the last batch of sessions took.</summary>
    public TimeSpan OpenedIn { get; private set; }

    /// <param name="people">How many distinct people (their user names from <paramref name="userName"/>, technicians by default).</param>
    public static async Task<SessionPool> OpenAsync(BenchServer server, string path, int count, int people, CancellationToken ct,
        Func<int, string>? userName = null)
    {
        var pool = new SessionPool(server, path, people, userName ?? BenchPeople.TechnicianName);
        try
        {
            await pool.AddAsync(count, ct);
        }
        catch
        {
            await pool.DisposeAsync();
            throw;
        }
        return pool;
    }

    /// <summary>Opens <paramref name="count"/> more sessions, continuing the round of people.</summary>
    public async Task AddAsync(int count, CancellationToken ct)
    {
        var first = _sessions.Count;
        var people = Enumerable.Range(first, count).Select(i => _userName(i % _people)).ToList();
        foreach (var person in people.Distinct().Where(p => !_cookies.ContainsKey(p))) _cookies[person] = await _server.SignInAsync(person);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = OpenAtOnce, CancellationToken = ct }, async (person, token) =>
        {
            var session = await BlazorSession.StartAsync(_server.BaseUri, _path, _cookies[person], token);
            _sessions.Add(session);
            // The circuit is usable once Virtualize has fetched its first window (a render batch after the first).
            await WaitUntilAsync(() => session.RenderBatchCount >= 2, TimeSpan.FromSeconds(60), token);
        });
        OpenedIn = clock.Elapsed;
    }

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit) throw new TimeoutException($"Condition not met in {limit.TotalSeconds:0} s.");
            await Task.Delay(20, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_sessions, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (s, _) => await s.DisposeAsync());
        _sessions.Clear();
    }
}

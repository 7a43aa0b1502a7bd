using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Live;
using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Tickets;

/// <summary>
/// One queue query for all the screens that ask for the same window of the same view at the same feed version.
/// A change reaches every open queue at once, and each one asks again for the rows it shows: without sharing, a
/// thousand screens meant a thousand identical queries one after another, and the last screen waited for all of them.
/// <para>The access rules still decide what each person gets: who may share an answer is stated beside them
/// (<see cref="TicketAccess.SharedAnswerFor"/>). Whether a technician or specialist has a ticket of their own outside
/// their levels is checked once per version. "Mi trabajo" is always each person's own.</para>
/// <para>A result is reused only at the version it was read at, and for at most <see cref="MaxAge"/>: changes that
/// do not pass through the feed (a renamed service, new SLA targets) show within that time.</para>
/// </summary>
public sealed class QueueWindows(TicketQueries queries, TicketFeed feed, IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    private sealed record Key(string Viewer, QueueFilter Filter, string States, int Skip, int Take, long Version);

    private sealed record Entry(Task<QueueResult> Result, long StartedAt);

    private sealed record ExtrasKey(string Role, string States, long Version);

    private readonly Lock _gate = new();
    private readonly Dictionary<Key, Entry> _windows = [];
    private readonly Dictionary<ExtrasKey, (Task<HashSet<string>> People, long StartedAt)> _extras = [];
    private long _prunedVersion = -1;
    private long _prunedAt;

    /// <summary>Queries issued (not shared) since start, for tests and diagnostics.</summary>
    public long QueriesIssued => Interlocked.Read(ref _queriesIssued);
    private long _queriesIssued;

    /// <summary>Like <see cref="TicketQueries.QueueAsync"/>, shared with the screens asking the same at the same version.</summary>
    public async Task<QueueResult> QueueAsync(Actor actor, QueueFilter filter, int skip, int take, CancellationToken ct = default)
    {
        // The version is read before the query starts: whatever was published up to it is in the result.
        var version = feed.Version;
        var states = string.Join(',', (filter.States.Count > 0 ? filter.States : TicketStateNames.Open).Select(s => (int)s).Order());
        var (viewer, asActor) = await ViewerAsync(actor, filter, states, version, ct);
        var key = new Key(viewer, filter with { States = [] }, states, skip, take, version);
        Task<QueueResult> result;
        lock (_gate)
        {
            Prune(version);
            if (!_windows.TryGetValue(key, out var entry) || clock.GetElapsedTime(entry.StartedAt) > MaxAge || entry.Result.IsFaulted || entry.Result.IsCanceled)
            {
                // Not cancelled by the screen that started it: other screens may be waiting for the same result.
                Interlocked.Increment(ref _queriesIssued);
                entry = new Entry(SharedRowsAsync(queries.QueueAsync(asActor, filter, skip, take, CancellationToken.None)), clock.GetTimestamp());
                _windows[key] = entry;
            }
            result = entry.Result;
        }
        return await result.WaitAsync(ct);
    }

    private static async Task<QueueResult> SharedRowsAsync(Task<QueueResult> read)
    {
        var result = await read;
        return result with { Rows = QueueRowPool.Shared(result.Rows) };
    }

    /// <summary>Whose rows these are: a key shared by everyone who gets the same rows, and the actor to query as.</summary>
    private async Task<(string Key, Actor AsActor)> ViewerAsync(Actor actor, QueueFilter filter, string states, long version, CancellationToken ct)
    {
        var own = ($"user:{actor.UserId}:{actor.Role}:{actor.VendorCompanyId}", actor);
        if (filter.View == QueueView.MiTrabajo) return own;
        if (TicketAccess.SharedAnswerFor(actor) is not { } shared) return own;
        if (shared.Levels is null) return (shared.Key, actor);
        if (filter.View == QueueView.MiNivel) return (shared.Key, shared.AskAs); // unassigned at my level: nobody's own
        return await HasTicketsOutsideLevelsAsync(actor, shared.Levels, states, version, ct) ? own : (shared.Key, shared.AskAs);
    }

    private async Task<bool> HasTicketsOutsideLevelsAsync(Actor actor, IReadOnlySet<SupportLevel> levels, string states, long version, CancellationToken ct)
    {
        // One query per role, states and version lists everyone with such tickets (few people, if any): asking per
        // person would be one more query per technician on every change.
        var key = new ExtrasKey(actor.Role.ToString(), states, version);
        Task<HashSet<string>> people;
        lock (_gate)
        {
            if (!_extras.TryGetValue(key, out var entry) || clock.GetElapsedTime(entry.StartedAt) > MaxAge || entry.People.IsFaulted || entry.People.IsCanceled)
            {
                var stateList = states.Split(',').Select(s => (TicketState)int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                entry = (AssigneesOutsideAsync(Outside(TicketAccess.AtLevels(levels)), stateList), clock.GetTimestamp());
                _extras[key] = entry;
            }
            people = entry.People;
        }
        return (await people.WaitAsync(ct)).Contains(actor.UserId);
    }

    private async Task<HashSet<string>> AssigneesOutsideAsync(Expression<Func<Ticket, bool>> outsideLevels, List<TicketState> states)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var ids = await db.Tickets.AsNoTracking().Where(t => t.AssigneeId != null && states.Contains(t.State)).Where(outsideLevels)
            .Select(t => t.AssigneeId!).Distinct().ToListAsync();
        return [.. ids];
    }

    private static Expression<Func<Ticket, bool>> Outside(Expression<Func<Ticket, bool>> visible) =>
        Expression.Lambda<Func<Ticket, bool>>(Expression.Not(visible.Body), visible.Parameters);

    /// <summary>Results of older versions are never asked for again (screens read the current version); old ones expire.</summary>
    private void Prune(long version)
    {
        if (version == _prunedVersion && clock.GetElapsedTime(_prunedAt) < MaxAge) return;
        (_prunedVersion, _prunedAt) = (version, clock.GetTimestamp());
        foreach (var key in _windows.Where(w => w.Key.Version < version || clock.GetElapsedTime(w.Value.StartedAt) > MaxAge).Select(w => w.Key).ToList())
            _windows.Remove(key);
        foreach (var key in _extras.Where(e => e.Key.Version < version || clock.GetElapsedTime(e.Value.StartedAt) > MaxAge).Select(e => e.Key).ToList())
            _extras.Remove(key);
    }
}

using System.Diagnostics;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Live;
using Siget.Core.Access;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Tickets;

/// <summary>
/// One queue query for all the screens that ask for the same window of the same view at the same feed version.
/// A change reaches every open queue at once, and each one asks again for the rows it shows: without sharing, a
/// thousand screens meant a thousand identical queries one after another, and the last screen waited for all of them.
/// <para>The access rules still decide what each person gets. A result is shared only among people whose rows are
/// provably the same: supervisors and administrators (they see everything); for a technician (level 1 and the
/// tickets assigned to them) or a specialist (levels 2 and 3 and theirs), the rows of the role's levels, when
/// they have no ticket of their own outside those levels in the states asked for (checked, also once per version).
/// Everyone else, and "Mi trabajo", gets a result of their own.</para>
/// <para>A result is reused only at the version it was read at, and for at most <see cref="MaxAge"/>: changes that
/// do not pass through the feed (a renamed service, new SLA targets) show within that time.</para>
/// </summary>
public sealed class QueueWindows(TicketQueries queries, TicketFeed feed, IDbContextFactory<SigetDbContext> dbFactory)
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
            if (!_windows.TryGetValue(key, out var entry) || Stopwatch.GetElapsedTime(entry.StartedAt) > MaxAge || entry.Result.IsFaulted || entry.Result.IsCanceled)
            {
                // Not cancelled by the screen that started it: other screens may be waiting for the same result.
                Interlocked.Increment(ref _queriesIssued);
                entry = new Entry(queries.QueueAsync(asActor, filter, skip, take, CancellationToken.None), Stopwatch.GetTimestamp());
                _windows[key] = entry;
            }
            result = entry.Result;
        }
        return await result.WaitAsync(ct);
    }

    /// <summary>Whose rows these are: a key shared by everyone who gets the same rows, and the actor to query as.</summary>
    private async Task<(string Key, Actor AsActor)> ViewerAsync(Actor actor, QueueFilter filter, string states, long version, CancellationToken ct)
    {
        var own = ($"user:{actor.UserId}:{actor.Role}:{actor.VendorCompanyId}", actor);
        if (filter.View == QueueView.MiTrabajo) return own;
        if (actor.SeesEverything) return ($"all:{actor.Role}", actor);
        if (actor.Role is not (Role.Tecnico or Role.Especialista)) return own;

        // "Level N or assigned to me": the level part is what an actor of the same role assigned to nothing sees.
        var levels = new Actor("", "", actor.Role);
        if (filter.View == QueueView.MiNivel) return ($"role:{actor.Role}", levels); // unassigned at my level: nobody's own
        return await HasTicketsOutsideLevelsAsync(actor, levels, states, version, ct) ? own : ($"role:{actor.Role}", levels);
    }

    private async Task<bool> HasTicketsOutsideLevelsAsync(Actor actor, Actor levels, string states, long version, CancellationToken ct)
    {
        // One query per role, states and version lists everyone with such tickets (few people, if any): asking per
        // person would be one more query per technician on every change.
        var key = new ExtrasKey(actor.Role.ToString(), states, version);
        Task<HashSet<string>> people;
        lock (_gate)
        {
            if (!_extras.TryGetValue(key, out var entry) || Stopwatch.GetElapsedTime(entry.StartedAt) > MaxAge || entry.People.IsFaulted || entry.People.IsCanceled)
            {
                var stateList = states.Split(',').Select(s => (TicketState)int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                entry = (AssigneesOutsideAsync(Outside(TicketAccess.FollowedBy(levels)), stateList), Stopwatch.GetTimestamp());
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
        if (version == _prunedVersion && Stopwatch.GetElapsedTime(_prunedAt) < MaxAge) return;
        (_prunedVersion, _prunedAt) = (version, Stopwatch.GetTimestamp());
        foreach (var key in _windows.Where(w => w.Key.Version < version || Stopwatch.GetElapsedTime(w.Value.StartedAt) > MaxAge).Select(w => w.Key).ToList())
            _windows.Remove(key);
        foreach (var key in _extras.Where(e => e.Key.Version < version || Stopwatch.GetElapsedTime(e.Value.StartedAt) > MaxAge).Select(e => e.Key).ToList())
            _extras.Remove(key);
    }
}

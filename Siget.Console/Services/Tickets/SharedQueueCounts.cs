using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Live;
using Siget.Console.Services.People;
using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Tickets;

/// <summary>
/// The menu's counts (mine, my level, all open) for every open screen from one grouped read per feed version.
/// Each change made every open menu count again a moment later: one count query per open screen per change
/// (bench/FINDINGS.md).
/// <para>The open tickets are read once as lanes (level, assignee, how many). A person's counts are summed from
/// the lanes the access rule gives people who may share an answer (<see cref="TicketAccess.SharedAnswerFor"/>): all of
/// them, or their levels plus their own. Everyone else (a requester, a vendor) is counted by their own query.</para>
/// </summary>
public sealed class SharedQueueCounts(TicketQueries queries, TicketFeed feed, IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock)
{
    private sealed record Lane(SupportLevel Level, string? AssigneeId, int Count);

    private readonly Lock _gate = new();
    private (long Version, Task<List<Lane>> Lanes, long StartedAt)? _current;
    public async Task<QueueCounts> CountsAsync(Actor actor, CancellationToken ct = default)
    {
        if (TicketAccess.SharedAnswerFor(actor) is not { } shared) return await queries.CountsAsync(actor, ct);
        var lanes = await LanesAsync().WaitAsync(ct);
        int mine = 0, myLevel = 0, all = 0;
        foreach (var lane in lanes)
        {
            if (shared.Levels is { } levels && !levels.Contains(lane.Level) && lane.AssigneeId != actor.UserId) continue;
            all += lane.Count;
            if (lane.AssigneeId == actor.UserId) mine += lane.Count;
            if (lane.AssigneeId is null && lane.Level == actor.Level) myLevel += lane.Count;
        }
        return new QueueCounts(mine, myLevel, all);
    }

    private Task<List<Lane>> LanesAsync()
    {
        // The version is read before the query starts: whatever was published up to it is counted.
        var version = feed.Version;
        lock (_gate)
        {
            // Like QueueWindows: reused at its version only, and for at most QueueWindows.MaxAge (a change that did not
            // pass through the feed shows within that time).
            if (_current is { } current && current.Version == version && !current.Lanes.IsFaulted
                && clock.GetElapsedTime(current.StartedAt) <= QueueWindows.MaxAge) return current.Lanes;
            var lanes = ReadLanesAsync();
            _current = (version, lanes, clock.GetTimestamp());
            return lanes;
        }
    }

    private async Task<List<Lane>> ReadLanesAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Tickets.AsNoTracking()
            .Where(t => t.State == TicketState.EnCola || t.State == TicketState.EnProceso)
            .GroupBy(t => new { t.Level, t.AssigneeId })
            .Select(g => new Lane(g.Key.Level, g.Key.AssigneeId, g.Count()))
            .ToListAsync();
    }
}

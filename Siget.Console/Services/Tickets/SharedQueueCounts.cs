using System.Collections.Concurrent;
using System.Linq.Expressions;
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
/// Each change made every open menu count again a moment later: a thousand screens meant a thousand count queries
/// per change, as much work as pushing the change itself (dotnet-trace of the live-push benchmark).
/// <para>The open tickets are read once as lanes (level, assignee, how many). A person's counts are summed from
/// the lanes their access rule selects: the rule itself (<see cref="TicketAccess.FollowedBy"/>), rewritten over a
/// lane, so that there is still one statement of who follows what. A rule that reads anything else of a ticket
/// (a vendor's company, a requester) cannot be answered from lanes: those people are counted by their own query.</para>
/// </summary>
public sealed class SharedQueueCounts(TicketQueries queries, TicketFeed feed, IDbContextFactory<SigetDbContext> dbFactory)
{
    private sealed record Lane(SupportLevel Level, string? AssigneeId, int Count);

    private readonly Lock _gate = new();
    private (long Version, Task<List<Lane>> Lanes, long StartedAt)? _current;
    private readonly ConcurrentDictionary<(string UserId, Role Role, int? Vendor), Func<SupportLevel, string?, bool>?> _rules = new();

    public async Task<QueueCounts> CountsAsync(Actor actor, CancellationToken ct = default)
    {
        var follows = _rules.GetOrAdd((actor.UserId, actor.Role, actor.VendorCompanyId), _ => LaneRule.From(TicketAccess.FollowedBy(actor)));
        if (follows is null) return await queries.CountsAsync(actor, ct);
        var lanes = await LanesAsync().WaitAsync(ct);
        int mine = 0, myLevel = 0, all = 0;
        foreach (var lane in lanes)
        {
            if (!follows(lane.Level, lane.AssigneeId)) continue;
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
                && System.Diagnostics.Stopwatch.GetElapsedTime(current.StartedAt) <= QueueWindows.MaxAge) return current.Lanes;
            var lanes = ReadLanesAsync();
            _current = (version, lanes, System.Diagnostics.Stopwatch.GetTimestamp());
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

    /// <summary>An access rule over a ticket, rewritten over a lane; null when it reads more than level and assignee.</summary>
    private sealed class LaneRule(ParameterExpression ticket) : ExpressionVisitor
    {
        private readonly ParameterExpression _level = Expression.Parameter(typeof(SupportLevel), "level");
        private readonly ParameterExpression _assignee = Expression.Parameter(typeof(string), "assignee");
        private bool _readsMore;

        public static Func<SupportLevel, string?, bool>? From(Expression<Func<Ticket, bool>> rule)
        {
            var rewriter = new LaneRule(rule.Parameters[0]);
            var body = rewriter.Visit(rule.Body);
            return rewriter._readsMore ? null
                : Expression.Lambda<Func<SupportLevel, string?, bool>>(body, rewriter._level, rewriter._assignee).Compile();
        }

        protected override Expression VisitMember(MemberExpression node) => node.Expression == ticket
            ? node.Member.Name switch
            {
                nameof(Ticket.Level) => _level,
                nameof(Ticket.AssigneeId) => _assignee,
                _ => ReadsMore(node),
            }
            : base.VisitMember(node);

        protected override Expression VisitParameter(ParameterExpression node) => node == ticket ? ReadsMore(node) : node;

        private Expression ReadsMore(Expression node)
        {
            _readsMore = true;
            return node;
        }
    }
}

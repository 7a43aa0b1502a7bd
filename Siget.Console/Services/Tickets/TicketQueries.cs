using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Services.Administration;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Sla;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Tickets;

public enum QueueView
{
    /// <summary>Everything the person may see.</summary>
    Todos,
    /// <summary>Assigned to me.</summary>
    MiTrabajo,
    /// <summary>Unassigned at my level.</summary>
    MiNivel,
}

/// <summary>The order of a list of tickets.</summary>
public enum QueueSort
{
    /// <summary>The queue's order of attention (<see cref="QueueOrder.Apply"/>).</summary>
    Atencion,
    /// <summary>A requester's own list (<see cref="QueueOrder.ForRequester"/>).</summary>
    Solicitante,
}

public sealed record QueueFilter
{
    public QueueView View { get; init; } = QueueView.Todos;
    public QueueSort Sort { get; init; } = QueueSort.Atencion;
    /// <summary>Empty means the open states (En cola, En proceso).</summary>
    public IReadOnlyCollection<TicketState> States { get; init; } = [];
    public Priority? Priority { get; init; }
    public SupportLevel? Level { get; init; }
    public int? CategoryId { get; init; }
    public int? SubcategoryCode { get; init; }
    public Channel? Channel { get; init; }
    public string? AssigneeId { get; init; }
    public int? UnitId { get; init; }
    public string? Search { get; init; }
}

/// <summary>Open tickets per view, for the navigation.</summary>
public sealed record QueueCounts(int Mine, int MyLevel, int AllOpen);

/// <param name="VendorCompanyName">The vendor company holding the ticket: only at level 3 (<see cref="Ticket.HoldingVendorName"/>).</param>
public sealed record QueueRow(
    int Id, string Number, string Subject, TicketKind Kind, Priority Priority, bool Preferential, TicketState State,
    SupportLevel Level, string Subcategory, string RequesterName, string? UnitName, string? AssigneeName,
    string? VendorCompanyName, DateTime RegisteredAtUtc, DateTime? NextDueUtc, bool AwaitingFirstResponse)
{
    /// <summary>When the running SLA clock turns amber (75 % of its target).</summary>
    public DateTime? WarnAtUtc { get; init; }
}

public sealed record QueueResult(IReadOnlyList<QueueRow> Rows, int Total);

/// <summary>A ticket as its page shows it: the domain object (which knows the allowed actions) plus catalog names,
/// and the history and messages the person may read. <see cref="AssigneeAbsent"/>: the person holding it is marked
/// Ausente (or no longer active), which lets a colleague take it over.</summary>
public sealed record TicketDetail(Ticket Ticket, string Subcategory, string Category, IReadOnlyList<TicketMessage> Messages,
    IReadOnlyList<TicketHistoryEntry> History, DateTime? FrozenAtUtc = null, bool AssigneeAbsent = false)
{
    /// <summary>The actions the domain allows <paramref name="actor"/> on this ticket now.</summary>
    public IReadOnlyList<TicketAction> AllowedActions(Actor actor) => Frozen ? [] : Ticket.AllowedActions(actor, AssigneeAbsent);

    /// <summary>A vendor's read-only view of a ticket that left its company: nothing after <see cref="FrozenAtUtc"/>.</summary>
    public bool Frozen => FrozenAtUtc is not null;
}

/// <summary>Read side of tickets. Every query goes through the access rules: lists and counts through
/// <see cref="TicketAccess.FollowedBy"/>, a ticket's page through <see cref="TicketAccess.VisibleTo"/> (a vendor's page
/// of a ticket that left its company shows it as it was then).</summary>
public sealed class TicketQueries(IDbContextFactory<SigetDbContext> dbFactory, SettingsStore settings)
{
    public const int MaxTake = 200;

    /// <summary>A window of the queue (<paramref name="skip"/>, <paramref name="take"/>) and the total, for a virtualised list.</summary>
    public async Task<QueueResult> QueueAsync(Actor actor, QueueFilter filter, int skip, int take, CancellationToken ct = default)
    {
        take = Math.Clamp(take, 1, MaxTake);
        skip = Math.Max(skip, 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tickets = Filter(db.Tickets.AsNoTracking().Where(TicketAccess.FollowedBy(actor)), actor, filter, db);

        var total = await tickets.CountAsync(ct);
        var ordered = filter.Sort == QueueSort.Solicitante ? QueueOrder.ForRequester(tickets) : QueueOrder.Apply(tickets);
        var rows = await ordered
            .Skip(skip).Take(take)
            .Join(db.Subcategories, t => t.SubcategoryCode, s => s.Code, (t, s) => new QueueRow(
                t.Id, t.Number, t.Subject, t.Kind, t.Priority, t.Preferential, t.State, t.Level, s.Name,
                t.RequesterName, t.UnitName, t.AssigneeName, Ticket.HoldingVendor(t.Level, t.VendorCompanyName), t.RegisteredAtUtc, t.NextDueUtc,
                t.FirstResponseAtUtc == null))
            .ToListAsync(ct);
        var sla = settings.Policy;
        return new QueueResult(rows.Select(r => r with { WarnAtUtc = r.NextDueUtc is { } due ? sla.WarningAt(r.RegisteredAtUtc, due) : null }).ToList(), total);
    }

    public async Task<QueueCounts> CountsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = db.Tickets.AsNoTracking().Where(TicketAccess.FollowedBy(actor))
            .Where(t => t.State == TicketState.EnCola || t.State == TicketState.EnProceso);
        var level = actor.Level;
        var counts = await open.GroupBy(_ => 1).Select(g => new
        {
            Mine = g.Count(t => t.AssigneeId == actor.UserId),
            MyLevel = g.Count(t => level != null && t.Level == level && t.AssigneeId == null),
            All = g.Count(),
        }).SingleOrDefaultAsync(ct);
        return counts is null ? new QueueCounts(0, 0, 0) : new QueueCounts(counts.Mine, counts.MyLevel, counts.All);
    }

    public async Task<TicketDetail?> GetAsync(Actor actor, string number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.Tickets.AsNoTracking().Where(TicketAccess.VisibleTo(actor))
            .Include(t => t.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id))
            .SingleOrDefaultAsync(t => t.Number == number, ct);
        if (ticket is null) return null;
        var names = await db.Subcategories.Where(s => s.Code == ticket.SubcategoryCode)
            .Join(db.Categories, s => s.CategoryId, c => c.Id, (s, c) => new { Sub = s.Name, Cat = c.Name })
            .SingleAsync(ct);
        var internalNotes = ticket.MayReadInternalNotes(actor);
        var frozenAt = ticket.VisibleUntilUtc(actor);
        var until = frozenAt ?? DateTime.MaxValue;
        var messages = await db.TicketMessages.AsNoTracking().Include(m => m.Attachments)
            .Where(m => m.TicketId == ticket.Id && (internalNotes || !m.Internal) && m.AtUtc <= until)
            .OrderBy(m => m.AtUtc).ThenBy(m => m.Id).ToListAsync(ct);
        var absent = ticket.State == TicketState.EnProceso && await TicketCommands.IsAbsentAsync(db, ticket.AssigneeId, ct);
        return new TicketDetail(ticket, names.Sub, names.Cat, messages, ticket.HistoryVisibleTo(actor).Where(h => h.AtUtc <= until).ToList(),
            frozenAt, absent);
    }

    private static IQueryable<Ticket> Filter(IQueryable<Ticket> tickets, Actor actor, QueueFilter filter, SigetDbContext db)
    {
        var states = filter.States.Count > 0 ? filter.States.ToList() : TicketStateNames.Open.ToList();
        tickets = tickets.Where(t => states.Contains(t.State));
        tickets = filter.View switch
        {
            QueueView.MiTrabajo => tickets.Where(t => t.AssigneeId == actor.UserId),
            QueueView.MiNivel when actor.Level is { } level => tickets.Where(t => t.Level == level && t.AssigneeId == null),
            _ => tickets,
        };
        if (filter.Priority is { } priority) tickets = tickets.Where(t => t.Priority == priority);
        if (filter.Level is { } lvl) tickets = tickets.Where(t => t.Level == lvl);
        if (filter.Channel is { } channel) tickets = tickets.Where(t => t.Channel == channel);
        if (filter.SubcategoryCode is { } code) tickets = tickets.Where(t => t.SubcategoryCode == code);
        if (filter.AssigneeId is { Length: > 0 } assignee) tickets = tickets.Where(t => t.AssigneeId == assignee);
        if (filter.UnitId is { } unit) tickets = tickets.Where(t => t.UnitId == unit);
        if (filter.CategoryId is { } category)
            tickets = tickets.Where(t => db.Subcategories.Any(s => s.Code == t.SubcategoryCode && s.CategoryId == category));
        if (Text.Search(filter.Search) is { } search)
        {
            // Every word must appear, whatever its case or accents ("loayza", "ancash", "2026-0001").
            foreach (var word in CatalogSearch.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                tickets = tickets.Where(t => t.SearchText.Contains(word));
        }
        return tickets;
    }
}

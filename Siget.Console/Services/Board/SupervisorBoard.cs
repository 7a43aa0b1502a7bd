using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Services.Administration;
using Siget.Console.Services.People;
using Siget.Console.Services.Tickets;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Board;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Sla;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Board;

/// <summary>A ticket as a board card.</summary>
public sealed record BoardCard(
    int Id, string Number, string Subject, Priority Priority, bool Preferential, TicketState State, SupportLevel Level,
    string Subcategory, string? UnitName, string? AssigneeId, string? AssigneeName, int? VendorCompanyId,
    DateTime RegisteredAtUtc, DateTime? NextDueUtc, DateTime? WarnAtUtc, long Version)
{
    [JsonIgnore] public BoardLane Lane => BoardLane.Of(Level, AssigneeId, VendorCompanyId);
}

/// <summary>One column: who (or which queue or company), whether the person is available, its load and its first cards.</summary>
public sealed record BoardColumn(BoardLane Lane, string Title, bool? Available, int Count, int AtRisk, int Breached, IReadOnlyList<BoardCard> Cards)
{
    /// <summary>Cards not shown (beyond <see cref="SupervisorBoard.CardsPerColumn"/>); the queue lists them all.</summary>
    [JsonIgnore] public int Hidden => Count - Cards.Count;
}

public sealed record BoardLevel(SupportLevel Level, IReadOnlyList<BoardColumn> Columns);

public sealed record BoardSnapshot(IReadOnlyList<BoardLevel> Levels, DateTime AtUtc)
{
    // Computed properties are not handed over with a prerendered board (see BoardPage.FirstBoard).
    [JsonIgnore] public IEnumerable<BoardCard> Cards => Levels.SelectMany(l => l.Columns).SelectMany(c => c.Cards);
    public BoardColumn? Column(BoardLane lane) => Levels.SelectMany(l => l.Columns).FirstOrDefault(c => c.Lane == lane);
}

/// <summary>
/// The supervisor board ("Tablero"): open tickets in columns per person, grouped by level, with a queue column per
/// level and, at level 3, a column per vendor company. Only supervisors see it; moves go through <see cref="TicketCommands"/>.
/// </summary>
public sealed class SupervisorBoard(IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock, SettingsStore settings)
{
    /// <summary>Cards rendered per column, in queue order; the column's count covers all of them and the queue lists the rest.
    /// Enough to balance the team by dragging; every card made a page too heavy to read (bench/FINDINGS.md).</summary>
    public const int CardsPerColumn = 15;

    /// <summary>The queue's order (<see cref="QueueOrder"/>) for cards already read: a card placed by a move goes where the next reload will put it.</summary>
    public static IComparer<BoardCard> InQueueOrder { get; } = Comparer<BoardCard>.Create((a, b) =>
        (b.Priority, b.Preferential, a.NextDueUtc is null, a.NextDueUtc ?? default, a.Id)
            .CompareTo((a.Priority, a.Preferential, b.NextDueUtc is null, b.NextDueUtc ?? default, b.Id)));

    public static bool MayUse(Actor actor) => actor.Role == Role.Supervisor;

    public async Task<BoardSnapshot> LoadAsync(Actor actor, CancellationToken ct = default)
    {
        if (!MayUse(actor)) throw new DomainException("Solo el Ejecutivo de la UTI usa el tablero.");
        var now = clock.GetUtcNow().UtcDateTime;
        var sla = settings.Policy;
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var people = await PeopleDirectory.ListedTo(db.Users.AsNoTracking(), actor)
            .Where(u => u.IsActive && (u.Role == Role.Tecnico || u.Role == Role.Especialista || u.Role == Role.Supervisor))
            .OrderBy(u => u.FullName)
            .Select(u => new { u.Id, u.FullName, u.Role, u.IsAvailable })
            .ToListAsync(ct);
        var vendors = await db.VendorCompanies.AsNoTracking().OrderBy(v => v.Name).Select(v => new { v.Id, v.Name, v.Active }).ToListAsync(ct);

        // Every open ticket as the few columns its lane, load and SLA state need, in queue order: the counts cover all
        // of them, while only the first cards of each column are read in full (10,000 open tickets, about 1,700 shown).
        var open = (await QueueOrder.Apply(db.Tickets.AsNoTracking().Where(t => t.State == TicketState.EnCola || t.State == TicketState.EnProceso))
            .Select(t => new OpenTicket(t.Id, t.Level, t.AssigneeId, t.VendorCompanyId, t.RegisteredAtUtc, t.NextDueUtc))
            .ToListAsync(ct))
            .ToLookup(t => t.Lane);
        var cards = await CardsAsync(db, open.SelectMany(lane => lane.Take(CardsPerColumn)).ToList(), sla, ct);

        var levels = new List<BoardLevel>();
        foreach (var level in Enum.GetValues<SupportLevel>())
        {
            var lanes = new List<(BoardLane Lane, string Title, bool? Available)>();
            if (level != SupportLevel.Nivel3) lanes.Add((new BoardLane(level), "Sin asignar", null));
            if (level == SupportLevel.Nivel3)
                lanes.AddRange(vendors.Where(v => v.Active || open.Contains(new BoardLane(level, null, v.Id)))
                    .Select(v => (new BoardLane(level, null, v.Id), v.Name, (bool?)null)));
            else if (level != SupportLevel.DireccionEjecutiva)
                lanes.AddRange(people.Where(p => p.Role == EscalationMatrix.WorkedBy(level))
                    .Select(p => (new BoardLane(level, p.Id), p.FullName, (bool?)p.IsAvailable)));
            // Someone holding a ticket of a level they do not belong to (a supervisor who took a level-1 ticket,
            // a person since deactivated) still gets a column, so no ticket is ever missing from the board.
            foreach (var orphan in open.Where(g => g.Key.Level == level && !lanes.Any(l => l.Lane == g.Key)))
                lanes.Add((orphan.Key, cards[orphan.Key].FirstOrDefault()?.AssigneeName ?? "Sin asignar", people.FirstOrDefault(p => p.Id == orphan.Key.PersonId)?.IsAvailable));

            levels.Add(new BoardLevel(level, lanes.Select(l => Column(l.Lane, l.Title, l.Available, open[l.Lane], cards[l.Lane], now, sla)).ToList()));
        }
        return new BoardSnapshot(levels, now);
    }

    /// <summary>
    /// These columns as they are now (count, SLA load, first cards), with their titles and availability as shown: after
    /// a move of its own, the board reads the two columns it touched instead of the whole board.
    /// </summary>
    public async Task<IReadOnlyList<BoardColumn>> ColumnsAsync(Actor actor, IReadOnlyList<BoardColumn> columns, CancellationToken ct = default)
    {
        if (!MayUse(actor)) throw new DomainException("Solo el Ejecutivo de la UTI usa el tablero.");
        var now = clock.GetUtcNow().UtcDateTime;
        var sla = settings.Policy;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var fresh = new List<BoardColumn>();
        foreach (var column in columns)
        {
            var lane = column.Lane;
            var tickets = db.Tickets.AsNoTracking().Where(t => (t.State == TicketState.EnCola || t.State == TicketState.EnProceso) && t.Level == lane.Level);
            tickets = lane.Level == SupportLevel.Nivel3
                ? tickets.Where(t => t.VendorCompanyId == lane.VendorCompanyId)
                : tickets.Where(t => t.AssigneeId == lane.PersonId);
            var open = await QueueOrder.Apply(tickets)
                .Select(t => new OpenTicket(t.Id, t.Level, t.AssigneeId, t.VendorCompanyId, t.RegisteredAtUtc, t.NextDueUtc))
                .ToListAsync(ct);
            var cards = await CardsAsync(db, open.Take(CardsPerColumn).ToList(), sla, ct);
            fresh.Add(Column(lane, column.Title, column.Available, open, cards[lane], now, sla));
        }
        return fresh;
    }

    /// <summary>The cards of these open tickets, read in full, by lane in the given order.</summary>
    private static async Task<ILookup<BoardLane, BoardCard>> CardsAsync(SigetDbContext db, IReadOnlyList<OpenTicket> first, SlaPolicy sla, CancellationToken ct)
    {
        var shownIds = first.Select(t => t.Id).ToList();
        var shown = (await db.Tickets.AsNoTracking()
            .Where(t => EF.Parameter(shownIds).Contains(t.Id)) // one JSON parameter, not 1,700 SQL parameters
            .Join(db.Subcategories, t => t.SubcategoryCode, s => s.Code, (t, s) => new BoardCard(
                t.Id, t.Number, t.Subject, t.Priority, t.Preferential, t.State, t.Level, s.Name, t.UnitName, t.AssigneeId,
                t.AssigneeName, t.VendorCompanyId, t.RegisteredAtUtc, t.NextDueUtc, null, t.Version))
            .ToListAsync(ct))
            .ToDictionary(c => c.Id);
        // A ticket closed between the two reads is left out; the board reloads on that change anyway.
        return first.Where(t => shown.ContainsKey(t.Id))
            .Select(t => shown[t.Id] with { WarnAtUtc = t.WarnAtUtc(sla) })
            .ToLookup(c => c.Lane);
    }

    /// <summary>A card as a command left its ticket, without reading the board again (the board's next reload confirms it).</summary>
    public BoardCard CardAfter(BoardCard card, Ticket ticket) => card with
    {
        Priority = ticket.Priority, Preferential = ticket.Preferential, State = ticket.State, Level = ticket.Level,
        AssigneeId = ticket.AssigneeId, AssigneeName = ticket.AssigneeName, VendorCompanyId = ticket.VendorCompanyId,
        NextDueUtc = ticket.NextDueUtc, WarnAtUtc = ticket.NextDueUtc is { } due ? settings.Policy.WarningAt(ticket.RegisteredAtUtc, due) : null,
        Version = ticket.Version,
    };

    private static BoardColumn Column(BoardLane lane, string title, bool? available, IEnumerable<OpenTicket> open, IEnumerable<BoardCard> cards,
        DateTime now, SlaPolicy sla)
    {
        var load = open.ToList();
        return new(lane, title, available, load.Count,
            // The amber moment is only worked out for clocks still running.
            AtRisk: load.Count(t => t.NextDueUtc > now && t.WarnAtUtc(sla) <= now),
            Breached: load.Count(t => t.NextDueUtc <= now),
            cards.ToList());
    }

    /// <summary>An open ticket as the board counts it: its lane and its SLA clock.</summary>
    private sealed record OpenTicket(int Id, SupportLevel Level, string? AssigneeId, int? VendorCompanyId, DateTime RegisteredAtUtc, DateTime? NextDueUtc)
    {
        [JsonIgnore] public BoardLane Lane => BoardLane.Of(Level, AssigneeId, VendorCompanyId);

        public DateTime? WarnAtUtc(SlaPolicy sla) => NextDueUtc is { } due ? sla.WarningAt(RegisteredAtUtc, due) : null;
    }
}

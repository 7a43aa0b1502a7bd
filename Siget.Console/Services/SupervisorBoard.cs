using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Board;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Sla;
using Siget.Core.Tickets;

namespace Siget.Console.Services;

/// <summary>A ticket as a board card.</summary>
public sealed record BoardCard(
    int Id, string Number, string Subject, Priority Priority, bool Preferential, TicketState State, SupportLevel Level,
    string Subcategory, string? UnitName, string? AssigneeId, string? AssigneeName, int? VendorCompanyId,
    DateTime RegisteredAtUtc, DateTime? NextDueUtc, DateTime? WarnAtUtc, long Version)
{
    public BoardLane Lane => BoardLane.Of(Level, AssigneeId, VendorCompanyId);
}

/// <summary>One column: who (or which queue or company), whether the person is available, its load and its first cards.</summary>
public sealed record BoardColumn(BoardLane Lane, string Title, bool? Available, int Count, int AtRisk, int Breached, IReadOnlyList<BoardCard> Cards)
{
    /// <summary>Cards not shown (beyond <see cref="SupervisorBoard.CardsPerColumn"/>); the queue lists them all.</summary>
    public int Hidden => Count - Cards.Count;
}

public sealed record BoardLevel(SupportLevel Level, IReadOnlyList<BoardColumn> Columns);

public sealed record BoardSnapshot(IReadOnlyList<BoardLevel> Levels, DateTime AtUtc)
{
    public IEnumerable<BoardCard> Cards => Levels.SelectMany(l => l.Columns).SelectMany(c => c.Cards);
    public BoardColumn? Column(BoardLane lane) => Levels.SelectMany(l => l.Columns).FirstOrDefault(c => c.Lane == lane);
}

/// <summary>
/// The supervisor board ("Tablero"): open tickets in columns per person, grouped by level, with a queue column per
/// level and, at level 3, a column per vendor company. Only supervisors see it; moves go through <see cref="TicketCommands"/>.
/// </summary>
public sealed class SupervisorBoard(IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock, SettingsStore settings)
{
    /// <summary>Cards rendered per column, in queue order; the column's count covers all of them.</summary>
    public const int CardsPerColumn = 40;

    public static bool MayUse(Actor actor) => actor.Role == Role.Supervisor;

    public async Task<BoardSnapshot> LoadAsync(Actor actor, CancellationToken ct = default)
    {
        if (!MayUse(actor)) throw new DomainException("Solo el Ejecutivo de la UTI usa el tablero.");
        var now = clock.GetUtcNow().UtcDateTime;
        var sla = settings.Policy;
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var people = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && (u.Role == Role.Tecnico || u.Role == Role.Especialista || u.Role == Role.Supervisor))
            .OrderBy(u => u.FullName)
            .Select(u => new { u.Id, u.FullName, u.Role, u.IsAvailable })
            .ToListAsync(ct);
        var vendors = await db.VendorCompanies.AsNoTracking().OrderBy(v => v.Name).Select(v => new { v.Id, v.Name, v.Active }).ToListAsync(ct);

        var open = db.Tickets.AsNoTracking().Where(t => t.State == TicketState.EnCola || t.State == TicketState.EnProceso);
        var cards = (await QueueOrder.Apply(open)
            .Join(db.Subcategories, t => t.SubcategoryCode, s => s.Code, (t, s) => new BoardCard(
                t.Id, t.Number, t.Subject, t.Priority, t.Preferential, t.State, t.Level, s.Name, t.UnitName, t.AssigneeId,
                t.AssigneeName, t.VendorCompanyId, t.RegisteredAtUtc, t.NextDueUtc, null, t.Version))
            .ToListAsync(ct))
            .Select(c => c with { WarnAtUtc = c.NextDueUtc is { } due ? sla.WarningAt(c.RegisteredAtUtc, due) : null })
            .ToLookup(c => c.Lane);

        var levels = new List<BoardLevel>();
        foreach (var level in Enum.GetValues<SupportLevel>())
        {
            var lanes = new List<(BoardLane Lane, string Title, bool? Available)>();
            if (level != SupportLevel.Nivel3) lanes.Add((new BoardLane(level), "Sin asignar", null));
            if (level == SupportLevel.Nivel3)
                lanes.AddRange(vendors.Where(v => v.Active || cards.Contains(new BoardLane(level, null, v.Id)))
                    .Select(v => (new BoardLane(level, null, v.Id), v.Name, (bool?)null)));
            else if (level != SupportLevel.DireccionEjecutiva)
                lanes.AddRange(people.Where(p => p.Role == EscalationMatrix.WorkedBy(level))
                    .Select(p => (new BoardLane(level, p.Id), p.FullName, (bool?)p.IsAvailable)));
            // Someone holding a ticket of a level they do not belong to (a supervisor who took a level-1 ticket,
            // a person since deactivated) still gets a column, so no ticket is ever missing from the board.
            foreach (var orphan in cards.Where(g => g.Key.Level == level && !lanes.Any(l => l.Lane == g.Key)))
                lanes.Add((orphan.Key, orphan.First().AssigneeName ?? "Sin asignar", people.FirstOrDefault(p => p.Id == orphan.Key.PersonId)?.IsAvailable));

            levels.Add(new BoardLevel(level, lanes.Select(l => Column(l.Lane, l.Title, l.Available, cards[l.Lane].ToList(), now)).ToList()));
        }
        return new BoardSnapshot(levels, now);
    }

    private static BoardColumn Column(BoardLane lane, string title, bool? available, List<BoardCard> cards, DateTime now) => new(
        lane, title, available, cards.Count,
        AtRisk: cards.Count(c => c.NextDueUtc > now && c.WarnAtUtc <= now),
        Breached: cards.Count(c => c.NextDueUtc <= now),
        cards.Take(CardsPerColumn).ToList());
}

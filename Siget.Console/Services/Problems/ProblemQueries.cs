using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Services.People;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Problems;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Problems;

public sealed record ProblemRow(int Id, string Number, string Title, string Subcategory, string? UnitName, ProblemState State,
    string? OwnerName, int Linked, int OpenLinked, DateTime RegisteredAtUtc, DateTime? ResolvedAtUtc);

/// <summary>A problem in the monthly report: what was found and done about incidents of the month.</summary>
public sealed record PeriodProblem(string Number, string Title, ProblemState State, int Linked, DateTime RegisteredAtUtc, DateTime? ResolvedAtUtc,
    string? RootCause, string? Solution);

public sealed record ProblemList(IReadOnlyList<ProblemRow> Rows, int Total);

/// <summary>An incident on its problem's page, with what resolving the problem may do with it for the reader.</summary>
public sealed record LinkedIncident(int Id, string Number, string Subject, TicketState State, SupportLevel Level, string? AssigneeName,
    string? UnitName, DateTime RegisteredAtUtc, LinkedIncidentStep Step, string? WhyNot);

/// <param name="Incidents">Those the reader may see.</param>
/// <param name="LinkedTotal">All its incidents, seen or not (the page says how many it does not show).</param>
/// <param name="History">The problem's history, oldest first; entries about incidents the reader may not see say so without naming them.</param>
public sealed record ProblemDetail(Problem Problem, string Subcategory, IReadOnlyList<LinkedIncident> Incidents, int LinkedTotal,
    IReadOnlyList<ProblemHistoryEntry> History)
{
    public int Hidden => LinkedTotal - Incidents.Count;
}

/// <summary>A problem an incident could be linked to, for the ticket page's choice.</summary>
public sealed record ProblemOption(int Id, string Number, string Title, ProblemState State, bool SameSubcategory)
{
    public string Display => $"{Number} · {Title} ({State.Label()})";
}

/// <summary>Read side of problems, for UTI staff only (<see cref="ProblemAccess.MayView"/>). A problem's incidents are
/// listed as the reader may see them (a technician does not see level-2 incidents it does not hold); its counts are of all.</summary>
public sealed class ProblemQueries(IDbContextFactory<SigetDbContext> dbFactory)
{
    public const int PageSize = 50;

    /// <param name="states">Empty: the open ones.</param>
    public async Task<ProblemList> ListAsync(Actor actor, IReadOnlyCollection<ProblemState> states, string? search, int page, CancellationToken ct = default)
    {
        ProblemAccess.EnsureView(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var wanted = states.Count > 0 ? states.ToList() : [ProblemState.Abierto, ProblemState.EnAnalisis, ProblemState.ErrorConocido];
        var query = db.Problems.AsNoTracking().Where(p => wanted.Contains(p.State));
        if (Text.Search(search) is { } text)
        {
            query = query.Where(p => p.Number.Contains(text) || p.Title.Contains(text));
        }
        var total = await query.CountAsync(ct);
        var open = TicketStateNames.Open.ToList();
        var rows = await query.OrderByDescending(p => p.RegisteredAtUtc).ThenByDescending(p => p.Id)
            .Skip(Math.Max(0, page) * PageSize).Take(PageSize)
            .Select(p => new
            {
                p.Id, p.Number, p.Title, p.SubcategoryCode, p.UnitName, p.State, p.OwnerName, p.RegisteredAtUtc, p.ResolvedAtUtc,
                Linked = db.Tickets.Count(t => t.ProblemId == p.Id),
                OpenLinked = db.Tickets.Count(t => t.ProblemId == p.Id && open.Contains(t.State)),
            })
            .ToListAsync(ct);
        var names = await ServiceNamesAsync(db, ct);
        return new ProblemList(rows.Select(p => new ProblemRow(p.Id, p.Number, p.Title, names.GetValueOrDefault(p.SubcategoryCode, ""), p.UnitName, p.State,
            p.OwnerName, p.Linked, p.OpenLinked, p.RegisteredAtUtc, p.ResolvedAtUtc)).ToList(), total);
    }

    public async Task<ProblemDetail?> GetAsync(Actor actor, string number, CancellationToken ct = default)
    {
        ProblemAccess.EnsureView(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var problem = await db.Problems.AsNoTracking().Include(p => p.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id))
            .SingleOrDefaultAsync(p => p.Number == number, ct);
        if (problem is null) return null;
        var subcategory = (await ServiceNamesAsync(db, ct))[problem.SubcategoryCode];
        var incidents = await db.Tickets.AsNoTracking().Where(t => t.ProblemId == problem.Id).Where(TicketAccess.VisibleTo(actor))
            .OrderByDescending(t => t.RegisteredAtUtc).ToListAsync(ct);
        var named = problem.History.Where(h => h.TicketNumber is not null).Select(h => h.TicketNumber!).Distinct().ToList();
        var seen = (await db.Tickets.Where(TicketAccess.VisibleTo(actor)).Where(t => named.Contains(t.Number)).Select(t => t.Number).ToListAsync(ct)).ToHashSet();
        var history = problem.History.Select(h => h.TicketNumber is { } n && !seen.Contains(n) ? h.WithoutIncident() : h).ToList();
        return new ProblemDetail(problem, subcategory, incidents.Select(t =>
        {
            var step = LinkedIncidents.StepFor(actor, t);
            return new LinkedIncident(t.Id, t.Number, t.Subject, t.State, t.Level, t.AssigneeName, t.UnitName, t.RegisteredAtUtc, step,
                t.IsOpen && step == LinkedIncidentStep.Cannot ? LinkedIncidents.WhyNot(t) : null);
        }).ToList(), await db.Tickets.CountAsync(t => t.ProblemId == problem.Id, ct), history);
    }

    /// <summary>Every subcategory's name as people read it, "Internet › Lento" (the catalog has 43).</summary>
    internal static async Task<Dictionary<int, string>> ServiceNamesAsync(SigetDbContext db, CancellationToken ct) =>
        await db.Subcategories.AsNoTracking().Join(db.Categories, s => s.CategoryId, c => c.Id, (s, c) => new { s.Code, Name = c.Name + " › " + s.Name })
            .ToDictionaryAsync(x => x.Code, x => x.Name, ct);

    /// <summary>Problems registered or resolved in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), oldest first.</summary>
    public async Task<IReadOnlyList<PeriodProblem>> InPeriodAsync(Actor actor, DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        ProblemAccess.EnsureView(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Problems.AsNoTracking()
            .Where(p => (p.RegisteredAtUtc >= fromUtc && p.RegisteredAtUtc < toUtc) || (p.ResolvedAtUtc >= fromUtc && p.ResolvedAtUtc < toUtc))
            .OrderBy(p => p.RegisteredAtUtc)
            .Select(p => new PeriodProblem(p.Number, p.Title, p.State, db.Tickets.Count(t => t.ProblemId == p.Id), p.RegisteredAtUtc, p.ResolvedAtUtc,
                p.RootCause, p.Solution))
            .ToListAsync(ct);
    }

    /// <summary>Who may take a problem's analysis: active specialists and supervisors.</summary>
    public async Task<IReadOnlyList<PersonOption>> OwnerCandidatesAsync(Actor actor, CancellationToken ct = default)
    {
        ProblemAccess.EnsureView(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PeopleDirectory.ListedTo(db.Users.AsNoTracking(), actor).Where(u => u.IsActive && (u.Role == Role.Especialista || u.Role == Role.Supervisor))
            .OrderBy(u => u.FullName).Select(u => new PersonOption(u.Id, u.FullName, u.UserName ?? "", null, null, false)).ToListAsync(ct);
    }

    /// <summary>Problems an incident may be linked to: open or resolved ones, its subcategory's first.</summary>
    public async Task<IReadOnlyList<ProblemOption>> LinkOptionsAsync(Actor actor, int subcategoryCode, CancellationToken ct = default)
    {
        ProblemAccess.EnsureView(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Problems.AsNoTracking().Where(p => p.State != ProblemState.Descartado)
            .OrderByDescending(p => p.SubcategoryCode == subcategoryCode).ThenBy(p => p.State == ProblemState.Resuelto).ThenByDescending(p => p.RegisteredAtUtc)
            .Take(50)
            .Select(p => new ProblemOption(p.Id, p.Number, p.Title, p.State, p.SubcategoryCode == subcategoryCode))
            .ToListAsync(ct);
        return rows;
    }

}

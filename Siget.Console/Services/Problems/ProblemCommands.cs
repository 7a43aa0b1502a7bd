using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Live;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Notifications;
using Siget.Console.Services.People;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Notifications;
using Siget.Core.Problems;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Problems;

public sealed record NewProblem(string Title, string Description, int SubcategoryCode, int? UnitId);

/// <summary>
/// The commands on problems. Each one is one transaction: the problem's change and history, the changes and history
/// entries of the incidents it touches (linking, unlinking, resolving them with its solution) and the notifications
/// those cause; then the problem and each incident are published live.
/// </summary>
public sealed class ProblemCommands(IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock, SettingsStore settings,
    ProblemFeed problems, TicketFeed tickets, NotificationFeed notifications)
{
    /// <param name="incidentIds">Incidents it explains, linked in the same transaction (for example a recurrence suggestion's).</param>
    public async Task<Problem> RegisterAsync(Actor actor, NewProblem data, IReadOnlyCollection<int> incidentIds, CancellationToken ct = default)
    {
        ProblemAccess.EnsureManage(actor);
        // The number is the year's highest plus one: two registrations at the same instant meet at the unique index,
        // and the second takes the next number.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryRegisterAsync(actor, data, incidentIds, ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
            }
            catch (DbUpdateException)
            {
                throw new DomainException("No se pudo numerar el problema porque se registraban otros a la vez; vuelva a intentarlo.");
            }
        }
    }

    private async Task<Problem> TryRegisterAsync(Actor actor, NewProblem data, IReadOnlyCollection<int> incidentIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.EnsureStillActingAsync(actor, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var subcategory = await db.Subcategories.AsNoTracking().SingleOrDefaultAsync(s => s.Code == data.SubcategoryCode, ct)
            ?? throw new DomainException("Elija la subcategoría del catálogo a la que pertenece el problema.");
        string? unitName = null;
        if (data.UnitId is int unitId)
            unitName = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("La unidad o Tambo elegida no existe.");
        var year = settings.Policy.Calendar.ToLocal(now).Year;
        var sequence = 1 + (await db.Problems.Where(p => p.Year == year).MaxAsync(p => (int?)p.Sequence, ct) ?? 0);
        var problem = Problem.Register(year, sequence, data.Title, data.Description, subcategory.Code, data.UnitId, unitName, actor, now);
        db.Problems.Add(problem);
        await db.SaveChangesAsync(ct); // the incidents need the problem's id

        var touched = await LinkAllAsync(db, actor, problem, incidentIds, now, ct);
        var notices = await SaveAsync(db, touched, actor, now, ct);
        await transaction.CommitAsync(ct);
        Publish(problem, ProblemAction.Registrar, touched, actor, notices);
        return problem;
    }

    public Task<Problem> AssignAsync(Actor actor, int problemId, long version, string ownerId, CancellationToken ct = default) =>
        ExecuteAsync(actor, problemId, version, ProblemAction.Asignar, async (db, p, now) =>
        {
            var owner = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == ownerId && u.IsActive, ct)
                ?? throw new DomainException("La persona elegida no existe o está inactiva.");
            p.Assign(actor, owner.ToActor(), now);
            return [];
        }, ct);

    public Task<Problem> RecordKnownErrorAsync(Actor actor, int problemId, long version, string rootCause, string workaround, CancellationToken ct = default) =>
        ExecuteAsync(actor, problemId, version, ProblemAction.RegistrarErrorConocido, (_, p, now) =>
        {
            p.RecordKnownError(actor, rootCause, workaround, now);
            return Task.FromResult<IReadOnlyList<Touched>>([]);
        }, ct);

    /// <summary>Resolves the problem and, in the same transaction, the linked open incidents chosen by the person
    /// (the offer lists which they may resolve: <see cref="LinkedIncidents.StepFor"/>).</summary>
    public Task<Problem> ResolveAsync(Actor actor, int problemId, long version, string rootCause, string solution,
        IReadOnlyCollection<int> resolveIncidentIds, CancellationToken ct = default) =>
        ExecuteAsync(actor, problemId, version, ProblemAction.Resolver, async (db, p, now) =>
        {
            p.Resolve(actor, rootCause, solution, now);
            if (resolveIncidentIds.Count == 0) return [];
            var incidents = await db.Tickets.Where(TicketAccess.VisibleTo(actor)).Where(t => t.ProblemId == p.Id && resolveIncidentIds.Contains(t.Id)).ToListAsync(ct);
            if (incidents.Count != resolveIncidentIds.Distinct().Count())
                throw new DomainException("Alguno de los incidentes elegidos ya no está vinculado a este problema; vuelva a abrir la resolución.");
            var touched = new List<Touched>();
            foreach (var incident in incidents.OrderBy(t => t.Id))
            {
                var before = Touched.Before(incident, TicketAction.Resolver)
                    with { TakenFirst = LinkedIncidents.StepFor(actor, incident) == LinkedIncidentStep.TakeThenResolve };
                LinkedIncidents.Resolve(actor, p, incident, now);
                touched.Add(before);
            }
            return touched;
        }, ct);

    public Task<Problem> ReopenAsync(Actor actor, int problemId, long version, string reason, CancellationToken ct = default) =>
        ExecuteAsync(actor, problemId, version, ProblemAction.Reabrir, (_, p, now) =>
        {
            p.Reopen(actor, reason, now);
            return Task.FromResult<IReadOnlyList<Touched>>([]);
        }, ct);

    /// <summary>Discards the problem and frees its incidents (each unlinked, with its entry), so that another problem
    /// may explain them and they count again for recurrences.</summary>
    public Task<Problem> DiscardAsync(Actor actor, int problemId, long version, string reason, CancellationToken ct = default) =>
        ExecuteAsync(actor, problemId, version, ProblemAction.Descartar, async (db, p, now) =>
        {
            p.Discard(actor, reason, now);
            var touched = new List<Touched>();
            foreach (var incident in await db.Tickets.Where(t => t.ProblemId == p.Id).OrderBy(t => t.Id).ToListAsync(ct))
            {
                touched.Add(Touched.Before(incident, TicketAction.DesvincularProblema));
                p.Unlink(actor, incident, "El problema fue descartado.", now);
            }
            return touched;
        }, ct);

    /// <summary>Links an incident the person may see. No version: linking adds to the problem and changes nothing its
    /// page was showing; the save still refuses a write that crossed another.</summary>
    public Task<Problem> LinkAsync(Actor actor, int problemId, int ticketId, CancellationToken ct = default) =>
        ExecuteAsync(actor, problemId, null, ProblemAction.VincularIncidente,
            async (db, p, now) => await LinkAllAsync(db, actor, p, [ticketId], now, ct), ct);

    /// <summary>Links the incident with <paramref name="ticketNumber"/> (as typed on the problem's page).</summary>
    public Task<Problem> LinkByNumberAsync(Actor actor, int problemId, string ticketNumber, CancellationToken ct = default)
    {
        if (!TicketNumber.TryParse(ticketNumber, out var number))
            throw new DomainException("Escriba el número del ticket como aparece en él, por ejemplo 2026-000123.");
        var text = number.ToString();
        return ExecuteAsync(actor, problemId, null, ProblemAction.VincularIncidente, async (db, p, now) =>
        {
            var id = await db.Tickets.Where(TicketAccess.VisibleTo(actor)).Where(t => t.Number == text).Select(t => (int?)t.Id).SingleOrDefaultAsync(ct)
                ?? throw new DomainException($"No se encontró el ticket {text}.");
            return await LinkAllAsync(db, actor, p, [id], now, ct);
        }, ct);
    }

    public Task<Problem> UnlinkAsync(Actor actor, int problemId, int ticketId, string? reason, CancellationToken ct = default) =>
        ExecuteAsync(actor, problemId, null, ProblemAction.DesvincularIncidente, async (db, p, now) =>
        {
            var incident = await IncidentAsync(db, actor, ticketId, ct);
            var before = Touched.Before(incident, TicketAction.DesvincularProblema);
            p.Unlink(actor, incident, reason, now);
            return [before];
        }, ct);

    private static async Task<IReadOnlyList<Touched>> LinkAllAsync(SigetDbContext db, Actor actor, Problem problem,
        IReadOnlyCollection<int> incidentIds, DateTime now, CancellationToken ct)
    {
        var touched = new List<Touched>();
        foreach (var id in incidentIds.Distinct())
        {
            var incident = await IncidentAsync(db, actor, id, ct);
            touched.Add(Touched.Before(incident, TicketAction.VincularProblema));
            problem.Link(actor, incident, now);
        }
        return touched;
    }

    private static async Task<Ticket> IncidentAsync(SigetDbContext db, Actor actor, int ticketId, CancellationToken ct) =>
        await db.Tickets.Where(TicketAccess.VisibleTo(actor)).SingleOrDefaultAsync(t => t.Id == ticketId, ct)
        ?? throw new DomainException("No se encontró el ticket.");

    private async Task<Problem> ExecuteAsync(Actor actor, int problemId, long? version, ProblemAction action,
        Func<SigetDbContext, Problem, DateTime, Task<IReadOnlyList<Touched>>> change, CancellationToken ct)
    {
        ProblemAccess.EnsureView(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.EnsureStillActingAsync(actor, ct);
        var problem = await db.Problems.SingleOrDefaultAsync(p => p.Id == problemId, ct)
            ?? throw new DomainException("No se encontró el problema.");
        if (version is long seen && problem.Version != seen) throw new ProblemConflictException();
        var now = clock.GetUtcNow().UtcDateTime;
        var touched = await change(db, problem, now);
        var notices = await SaveAsync(db, touched, actor, now, ct);
        await transaction.CommitAsync(ct);
        Publish(problem, action, touched, actor, notices);
        return problem;
    }

    /// <summary>Saves, with the notifications the incidents' changes cause (a resolved incident tells its requester).</summary>
    private static async Task<IReadOnlyList<Notification>> SaveAsync(SigetDbContext db, IReadOnlyList<Touched> touched, Actor actor,
        DateTime now, CancellationToken ct)
    {
        var supervisors = touched.Count == 0 ? [] : await NotificationCenter.SupervisorIdsAsync(db, ct);
        var notices = touched.SelectMany(t => TicketNotices.ForChange(
            new TicketChange(t.Ticket, t.Action, actor, t.PreviousAssigneeId, t.PreviousState), supervisors, now)).ToList();
        db.Notifications.AddRange(notices);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ProblemConflictException();
        }
        return notices;
    }

    private void Publish(Problem problem, ProblemAction action, IReadOnlyList<Touched> touched, Actor actor, IReadOnlyList<Notification> notices)
    {
        foreach (var t in touched)
        {
            if (t.TakenFirst) tickets.Publish(t.Ticket, TicketAction.Tomar, actor); // its own history entry, its own event
            tickets.Publish(t.Ticket, t.Action, actor);
        }
        notifications.Publish(notices);
        problems.Publish(problem, action, actor.UserId);
    }

    /// <summary>An incident a command changes, with what the notification rules need from before the change.</summary>
    /// <param name="TakenFirst">It waited in a queue and was taken before <see cref="Action"/> (two entries in its history).</param>
    private sealed record Touched(Ticket Ticket, TicketAction Action, string? PreviousAssigneeId, TicketState PreviousState, bool TakenFirst = false)
    {
        public static Touched Before(Ticket ticket, TicketAction action) => new(ticket, action, ticket.AssigneeId, ticket.State);
    }
}

/// <summary>Someone changed the problem, or one of the incidents the command touched, since the screen read it.</summary>
public sealed class ProblemConflictException()
    : Exception("Otra persona modificó el problema o uno de sus incidentes mientras usted trabajaba. Revise su estado actual y vuelva a intentarlo.");

using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Live;
using Siget.Console.Services.Notifications;
using Siget.Console.Services.People;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Notifications;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Tickets;

/// <summary>
/// The commands on an existing ticket. Each one: load it through the access rules, check the version the screen
/// saw, let the domain make the change (and its history entry), store it with the notifications it causes in one
/// transaction, then publish both live.
/// </summary>
public sealed class TicketCommands(IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock, TicketFeed feed, NotificationFeed notifications,
    SigetMetrics metrics)
{
    public Task<Ticket> TakeAsync(Actor actor, int ticketId, long version, CancellationToken ct = default) =>
        ExecuteAsync(actor, ticketId, version, TicketAction.Tomar, (_, t, now) => { t.Take(actor, now); return Task.CompletedTask; }, ct);

    public Task<Ticket> ReassignAsync(Actor actor, int ticketId, long version, string assigneeId, string? note, CancellationToken ct = default) =>
        ExecuteAsync(actor, ticketId, version, TicketAction.Reasignar, async (db, t, now) =>
            t.Reassign(actor, await AssigneeAsync(db, assigneeId, ct), note, now), ct);

    /// <summary>Takes over a colleague's ticket while the colleague is marked Ausente (read in the same transaction), with a reason.</summary>
    public Task<Ticket> TakeOverAsync(Actor actor, int ticketId, long version, string reason, CancellationToken ct = default) =>
        ExecuteAsync(actor, ticketId, version, TicketAction.Asumir, async (db, t, now) =>
            t.TakeOver(actor, reason, await IsAbsentAsync(db, t.AssigneeId, ct), now), ct);

    /// <summary>Back to the level's queue, nobody assigned.</summary>
    public Task<Ticket> ReleaseAsync(Actor actor, int ticketId, long version, string? note, CancellationToken ct = default) =>
        ExecuteAsync(actor, ticketId, version, TicketAction.Liberar, (_, t, now) => { t.Release(actor, note, now); return Task.CompletedTask; }, ct);

    /// <param name="assigneeId">Someone of the next level to hand it to directly; null leaves it in that level's queue.</param>
    public Task<Ticket> EscalateAsync(Actor actor, int ticketId, long version, string criterionCode, string reason, int? vendorCompanyId,
        string? assigneeId = null, CancellationToken ct = default) =>
        ExecuteAsync(actor, ticketId, version, TicketAction.Escalar, async (db, t, now) =>
        {
            var vendor = await VendorAsync(db, vendorCompanyId, ct);
            var assignee = assigneeId is null ? null : await AssigneeAsync(db, assigneeId, ct);
            t.Escalate(actor, criterionCode, reason, vendor, now, assignee);
        }, ct);

    /// <summary>Down to a lower level (supervisors only), with a reason.</summary>
    public Task<Ticket> SendBackAsync(Actor actor, int ticketId, long version, SupportLevel toLevel, string reason, int? vendorCompanyId,
        string? assigneeId = null, CancellationToken ct = default) =>
        ExecuteAsync(actor, ticketId, version, TicketAction.Devolver, async (db, t, now) =>
        {
            var vendor = await VendorAsync(db, vendorCompanyId, ct);
            var assignee = assigneeId is null ? null : await AssigneeAsync(db, assigneeId, ct);
            t.SendBack(actor, toLevel, reason, vendor, now, assignee);
        }, ct);

    public Task<Ticket> ResolveAsync(Actor actor, int ticketId, long version, string actionsTaken, CancellationToken ct = default) =>
        ExecuteAsync(actor, ticketId, version, TicketAction.Resolver, (_, t, now) => { t.Resolve(actor, actionsTaken, now); return Task.CompletedTask; }, ct);

    /// <param name="onBehalf">For a supervisor reopening at the requester's request: who asked and how (required for them).</param>
    public Task<Ticket> ReopenAsync(Actor actor, int ticketId, long version, string reason, ReopenRequest? onBehalf = null, CancellationToken ct = default) =>
        ExecuteAsync(actor, ticketId, version, TicketAction.Reabrir, (_, t, now) => { t.Reopen(actor, reason, now, onBehalf); return Task.CompletedTask; }, ct);

    /// <summary>The requester closes a resolved ticket, rating the service (required for them).</summary>
    public Task<Ticket> FinalizeAsync(Actor actor, int ticketId, long version, Satisfaction? satisfaction, CancellationToken ct = default) =>
        ExecuteAsync(actor, ticketId, version, TicketAction.Finalizar, (_, t, now) => { t.Finalize(actor, now, satisfaction); return Task.CompletedTask; }, ct);

    /// <param name="requesterNote">What the requester reads about it (the reason is internal); optional.</param>
    public Task<Ticket> CancelAsync(Actor actor, int ticketId, long version, string reason, string? requesterNote = null, CancellationToken ct = default) =>
        ExecuteAsync(actor, ticketId, version, TicketAction.Anular, (_, t, now) => { t.Cancel(actor, reason, now, requesterNote); return Task.CompletedTask; }, ct);

    /// <summary>The person a ticket is handed to: active, and not marked Ausente.</summary>
    internal static async Task<Actor> AssigneeAsync(SigetDbContext db, string assigneeId, CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == assigneeId && u.IsActive, ct)
            ?? throw new DomainException("La persona elegida no existe o está inactiva.");
        if (!person.IsAvailable) throw new DomainException($"{person.FullName} está ausente; elija a otra persona o márquela como disponible.");
        return person.ToActor();
    }

    /// <summary>Whether the person holding a ticket is away: marked Ausente, or no longer active.</summary>
    internal static async Task<bool> IsAbsentAsync(SigetDbContext db, string? assigneeId, CancellationToken ct) =>
        assigneeId is not null && !await db.Users.AnyAsync(u => u.Id == assigneeId && u.IsActive && u.IsAvailable, ct);

    private static async Task<VendorRef?> VendorAsync(SigetDbContext db, int? vendorCompanyId, CancellationToken ct)
    {
        if (vendorCompanyId is not int id) return null;
        var company = await db.VendorCompanies.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id && v.Active, ct)
            ?? throw new DomainException("La empresa proveedora elegida no existe o no tiene contrato vigente.");
        return new VendorRef(company.Id, company.Name);
    }

    private async Task<Ticket> ExecuteAsync(Actor actor, int ticketId, long version, TicketAction action,
        Func<SigetDbContext, Ticket, DateTime, Task> change, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var ticket = await db.Tickets.Where(TicketAccess.VisibleTo(actor)).SingleOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw new DomainException("No se encontró el ticket.");
        if (ticket.Version != version) throw new TicketConflictException();

        var (previousAssignee, previousState) = (ticket.AssigneeId, ticket.State);
        var now = clock.GetUtcNow().UtcDateTime;
        await change(db, ticket, now);
        var notices = TicketNotices.ForChange(new TicketChange(ticket, action, actor, previousAssignee, previousState),
            await NotificationCenter.SupervisorIdsAsync(db, ct), now);
        db.Notifications.AddRange(notices);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new TicketConflictException();
        }
        feed.Publish(ticket, action, actor);
        notifications.Publish(notices);
        metrics.CommandCompleted(action.ToString(), System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return ticket;
    }
}

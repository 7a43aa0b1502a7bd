using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Live;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Console.Services;

/// <summary>
/// The commands on an existing ticket. Each one: load it through the access rules, check the version the screen
/// saw, let the domain make the change (and its history entry), save in one transaction, then publish it live.
/// </summary>
public sealed class TicketCommands(IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock, TicketFeed feed)
{
    public Task<Ticket> TakeAsync(Actor actor, int ticketId, long version, CancellationToken ct = default) =>
        ExecuteAsync(actor, ticketId, version, TicketAction.Tomar, (_, t, now) => { t.Take(actor, now); return Task.CompletedTask; }, ct);

    public Task<Ticket> ReassignAsync(Actor actor, int ticketId, long version, string assigneeId, string? note, CancellationToken ct = default) =>
        ExecuteAsync(actor, ticketId, version, TicketAction.Reasignar, async (db, t, now) =>
        {
            var assignee = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == assigneeId && u.IsActive, ct)
                ?? throw new DomainException("La persona elegida no existe o está inactiva.");
            t.Reassign(actor, assignee.ToActor(), note, now);
        }, ct);

    public Task<Ticket> EscalateAsync(Actor actor, int ticketId, long version, string criterionCode, string reason, int? vendorCompanyId, CancellationToken ct = default) =>
        ExecuteAsync(actor, ticketId, version, TicketAction.Escalar, async (db, t, now) =>
        {
            VendorRef? vendor = null;
            if (vendorCompanyId is int id)
            {
                var company = await db.VendorCompanies.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id && v.Active, ct)
                    ?? throw new DomainException("La empresa proveedora elegida no existe o no tiene contrato vigente.");
                vendor = new VendorRef(company.Id, company.Name);
            }
            t.Escalate(actor, criterionCode, reason, vendor, now);
        }, ct);

    public Task<Ticket> ResolveAsync(Actor actor, int ticketId, long version, string actionsTaken, CancellationToken ct = default) =>
        ExecuteAsync(actor, ticketId, version, TicketAction.Resolver, (_, t, now) => { t.Resolve(actor, actionsTaken, now); return Task.CompletedTask; }, ct);

    public Task<Ticket> ReopenAsync(Actor actor, int ticketId, long version, string reason, CancellationToken ct = default) =>
        ExecuteAsync(actor, ticketId, version, TicketAction.Reabrir, (_, t, now) => { t.Reopen(actor, reason, now); return Task.CompletedTask; }, ct);

    public Task<Ticket> FinalizeAsync(Actor actor, int ticketId, long version, CancellationToken ct = default) =>
        ExecuteAsync(actor, ticketId, version, TicketAction.Finalizar, (_, t, now) => { t.Finalize(actor, now); return Task.CompletedTask; }, ct);

    public Task<Ticket> CancelAsync(Actor actor, int ticketId, long version, string reason, CancellationToken ct = default) =>
        ExecuteAsync(actor, ticketId, version, TicketAction.Anular, (_, t, now) => { t.Cancel(actor, reason, now); return Task.CompletedTask; }, ct);

    private async Task<Ticket> ExecuteAsync(Actor actor, int ticketId, long version, TicketAction action,
        Func<SigetDbContext, Ticket, DateTime, Task> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.Tickets.Where(TicketAccess.VisibleTo(actor)).SingleOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw new DomainException("No se encontró el ticket.");
        if (ticket.Version != version) throw new TicketConflictException();

        await change(db, ticket, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new TicketConflictException();
        }
        feed.Publish(ticket, action, actor);
        return ticket;
    }
}

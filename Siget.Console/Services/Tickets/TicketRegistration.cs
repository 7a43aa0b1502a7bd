using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Live;
using Siget.Console.Services.Administration;
using Siget.Console.Services.People;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Notifications;
using Siget.Core.Priorities;
using Siget.Core.Sla;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Tickets;

/// <summary>What the "Registrar ticket" form (or the portal) sends.</summary>
public sealed class RegisterTicketRequest
{
    public string? RequesterId { get; set; }
    public Channel Channel { get; set; } = Channel.Telefono;
    public TicketKind Kind { get; set; } = TicketKind.Incidencia;
    public int? SubcategoryCode { get; set; }
    public string Subject { get; set; } = "";
    public string Description { get; set; } = "";
    public OperatingImpact? Impact { get; set; }
    public bool? AlternativeAvailable { get; set; }
    /// <summary>Where a staff requester's case is, when not at their own unit (a Tambo named by an integration).</summary>
    public int? UnitId { get; set; }
    /// <summary>Set when the requester is a citizen without an account (phone or walk-in); then RequesterId is ignored.</summary>
    public CitizenRequest? Citizen { get; set; }
    /// <summary>Called when the ticket is added, before it is saved: whatever it adds to the context commits with the ticket
    /// (the public API's idempotency record). Called again if the registration has to be written again.</summary>
    public Action<SigetDbContext, Ticket>? AlsoSave { get; set; }
}

/// <summary>A citizen attended by phone or in person: who they are and where they were attended.</summary>
public sealed class CitizenRequest
{
    public string FullName { get; set; } = "";
    public string Document { get; set; } = "";
    public int? UnitId { get; set; }
}

/// <summary>A ticket just registered, with the citizen's access code when there is one (shown once, never stored).</summary>
public sealed record RegisteredTicket(Ticket Ticket, string? AccessCode);

/// <summary>
/// Registers a ticket: number, priority and SLA due times, first history entry and, when automatic assignment is on,
/// the hand-over to the least-loaded available technician, in one transaction. Registrations without files that arrive
/// together share one durable commit (see TicketRegistration.GroupCommit.cs); each is still all or nothing.
/// </summary>
public sealed partial class TicketRegistration(IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock, SettingsStore settings, TicketFeed feed,
    NotificationFeed notifications, AttachmentStore store, SigetMetrics metrics)
{
    public async Task<Ticket> RegisterAsync(Actor actor, RegisterTicketRequest request, CancellationToken ct = default) =>
        (await RegisterWithCodeAsync(actor, request, ct: ct)).Ticket;

    /// <summary>Registers, with the files sent along (same limits as replies), and, for a citizen, returns the access
    /// code to hand over (only its hash is stored). Ticket, files and notifications commit together or not at all.</summary>
    public async Task<RegisteredTicket> RegisterWithCodeAsync(Actor actor, RegisterTicketRequest request,
        IReadOnlyList<UploadedFile>? files = null, CancellationToken ct = default)
    {
        files ??= [];
        if (files.Count > AttachmentRules.MaxPerMessage)
            throw new DomainException($"Se admiten hasta {AttachmentRules.MaxPerMessage} archivos por ticket.");
        var kinds = files.Select(f => AttachmentRules.Check(f.FileName, f.Content, f.Length)).ToList(); // all checked before anything is written
        if (request.Impact is null) throw new DomainException("Indique cuánto afecta a la capacidad operativa de la unidad o Tambo.");
        if (request.AlternativeAvailable is null) throw new DomainException("Indique si se dispone de equipos o sistemas alternativos.");
        if (request.SubcategoryCode is null) throw new DomainException("Elija el servicio del catálogo.");
        var citizen = actor.Role == Role.Usuario ? null : request.Citizen;
        var requesterId = actor.Role == Role.Usuario ? actor.UserId : request.RequesterId;
        if (citizen is null && string.IsNullOrWhiteSpace(requesterId)) throw new DomainException("Elija a la persona que solicita la atención.");
        var accessCode = citizen is null ? null : AccessCode.New();

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var pending = new PendingRegistration(actor, request, citizen, requesterId, accessCode, ct);
        var registered = files.Count == 0 ? await RegisterInGroupAsync(pending) : await RegisterAloneAsync(pending, files, kinds);
        metrics.CommandCompleted(nameof(TicketAction.Registrar), System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return registered;
    }

    /// <summary>One registration in its own transaction: with files, or when its group could not commit.</summary>
    private async Task<RegisteredTicket> RegisterAloneAsync(PendingRegistration pending, IReadOnlyList<UploadedFile> files,
        IReadOnlyList<AttachmentKind> kinds)
    {
        var (actor, _, _, _, accessCode, ct) = pending;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var data = await NewTicketAsync(db, pending, ct);

        // What is only read (catalog, requester) is read before the transaction, so locks are held for the write alone.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var sla = settings.Policy;
        var year = sla.Calendar.ToLocal(now).Year;
        var number = await ReserveNumbersAsync(db, year, 1, ct);
        var ticket = Ticket.Register(new TicketNumber(year, number), data, actor, now, sla, accessCode);
        db.Tickets.Add(ticket);
        if (settings.AutomaticAssignment) await AssignAutomaticallyAsync(db, ticket, now, ct);
        pending.Request.AlsoSave?.Invoke(db, ticket);
        await db.SaveChangesAsync(ct);
        // The notifications and files need the ticket's id, so they are saved second, in the same transaction.
        var notices = RegistrationNotices(ticket, actor, now);
        db.Notifications.AddRange(notices);
        var stored = new List<string>();
        try
        {
            if (files.Count > 0)
            {
                var message = ticket.RegistrationFiles(actor, now);
                for (var i = 0; i < files.Count; i++)
                {
                    var name = await store.SaveAsync(files[i].Content, ct);
                    stored.Add(name);
                    message.Attach(new TicketAttachment(ticket.Id, files[i].FileName, kinds[i], files[i].Length, name, actor, now));
                }
                db.TicketMessages.Add(message);
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch
        {
            foreach (var name in stored) store.Delete(name); // no files without their ticket
            throw;
        }
        feed.Publish(ticket, TicketAction.Registrar, actor);
        notifications.Publish(notices);
        return new RegisteredTicket(ticket, accessCode);
    }

    /// <summary>The ticket's data as the catalog and the directory say it now; refuses a retired service, an inactive
    /// requester, or a registering person no longer active in the role they act in.</summary>
    private static async Task<NewTicket> NewTicketAsync(SigetDbContext db, PendingRegistration pending, CancellationToken ct)
    {
        await db.EnsureStillActingAsync(pending.Actor, ct);
        var request = pending.Request;
        var subcategory = await db.Subcategories.AsNoTracking().SingleOrDefaultAsync(s => s.Code == request.SubcategoryCode, ct);
        if (subcategory is null) throw new DomainException($"El servicio {request.SubcategoryCode} no existe en el catálogo.");
        if (subcategory.Retired) throw new DomainException($"El servicio «{subcategory.Name}» fue retirado del catálogo; elija otro.");
        var requester = pending.Citizen is null
            ? await StaffRequesterAsync(db, pending.RequesterId!, request.UnitId, ct) : await CitizenRequesterAsync(db, pending.Citizen, ct);
        return new NewTicket(request.Kind, request.Channel, subcategory.Code, request.Subject, request.Description,
            request.Impact!.Value, request.AlternativeAvailable!.Value, requester);
    }

    /// <summary>
    /// Reserves the year's next <paramref name="count"/> numbers inside the registering transaction and returns the first.
    /// The increment is one UPDATE of the year's row, which keeps that row locked until the transaction ends: a concurrent
    /// registration, on this server or another, waits and then counts on from the new value. (Reading the row and writing
    /// it back let two transactions read the same value; on PostgreSQL they then clashed on the ticket number.) A rolled
    /// back registration gives its numbers back, so numbers stay consecutive.
    /// </summary>
    private static async Task<int> ReserveNumbersAsync(SigetDbContext db, int year, int count, CancellationToken ct)
    {
        if (await IncrementAsync(db, year, count, ct) == 0)
        {
            // The year's first registration: create its row. Another server may be creating it at the same moment; then
            // this insert fails once that one commits, is undone alone (the savepoint), and the increment finds its row.
            var transaction = db.Database.CurrentTransaction!;
            await transaction.CreateSavepointAsync("TicketYear", ct);
            var row = db.TicketSequences.Add(new TicketSequence { Year = year, Last = count });
            try
            {
                await db.SaveChangesAsync(ct);
                return 1;
            }
            catch (DbUpdateException)
            {
                await transaction.RollbackToSavepointAsync("TicketYear", ct);
                row.State = EntityState.Detached;
                if (await IncrementAsync(db, year, count, ct) == 0) throw;
            }
        }
        var last = await db.TicketSequences.Where(s => s.Year == year).Select(s => s.Last).SingleAsync(ct);
        return last - count + 1;
    }

    private static Task<int> IncrementAsync(SigetDbContext db, int year, int count, CancellationToken ct) =>
        db.TicketSequences.Where(s => s.Year == year).ExecuteUpdateAsync(s => s.SetProperty(q => q.Last, q => q.Last + count), ct);

    private static async Task<TicketRequester> StaffRequesterAsync(SigetDbContext db, string requesterId, int? atUnitId, CancellationToken ct)
    {
        var requester = await db.Users.AsNoTracking().Include(u => u.Unit)
            .SingleOrDefaultAsync(u => u.Id == requesterId && u.IsActive && u.Role != Role.Proveedor, ct)
            ?? throw new DomainException("La persona solicitante no existe o está inactiva.");
        var unit = atUnitId is int unitId ? await ActiveUnitAsync(db, unitId, ct) : requester.Unit;
        return new TicketRequester(requester.Id, requester.FullName, unit?.Id, unit?.Name,
            QueueOrder.IsPreferential(requester.Classification, unit?.ServesCitizens == true));
    }

    private static async Task<TicketRequester> CitizenRequesterAsync(SigetDbContext db, CitizenRequest citizen, CancellationToken ct)
    {
        var unitName = citizen.UnitId is int unitId ? (await ActiveUnitAsync(db, unitId, ct)).Name : null;
        return TicketRequester.Citizen(citizen.FullName, citizen.Document, citizen.UnitId, unitName);
    }

    /// <summary>Where the case is, when the person registering names it: an active unit or Tambo.</summary>
    private static async Task<Unit> ActiveUnitAsync(SigetDbContext db, int unitId, CancellationToken ct) =>
        await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId && u.Active, ct)
        ?? throw new DomainException("La unidad o Tambo elegido no existe.");

    /// <summary>Hands a new ticket to the available technician with the fewest open tickets, if there is one.</summary>
    private static async Task AssignAutomaticallyAsync(SigetDbContext db, Ticket ticket, DateTime now, CancellationToken ct)
    {
        if (await LeastLoadedTechnicianAsync(db, ct) is { } technician)
            ticket.Reassign(Actor.System, technician, "Asignación automática: técnico disponible con menos tickets abiertos.", now);
    }

    private static IReadOnlyList<Notification> RegistrationNotices(Ticket ticket, Actor actor, DateTime now) =>
        TicketNotices.ForChange(new TicketChange(ticket, TicketAction.Registrar, actor, null, TicketState.EnCola), [], now);

    private static async Task<Actor?> LeastLoadedTechnicianAsync(SigetDbContext db, CancellationToken ct)
    {
        var open = db.Tickets.Where(t => t.State == TicketState.EnCola || t.State == TicketState.EnProceso);
        var pick = await db.Users.AsNoTracking()
            .Where(u => u.Role == Role.Tecnico && u.IsActive && u.IsAvailable)
            .Select(u => new { User = u, Load = open.Count(t => t.AssigneeId == u.Id) })
            .OrderBy(x => x.Load).ThenBy(x => x.User.FullName)
            .FirstOrDefaultAsync(ct);
        return pick?.User.ToActor();
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Api;
using Siget.Console.Data;
using Siget.Console.Services.Administration;
using Siget.Console.Services.People;
using Siget.Console.Services.Tickets;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Integrations;

/// <summary>Filters of <c>GET /api/v1/tickets</c>.</summary>
public sealed record ApiTicketFilter(string? Requester, TicketState? State, DateTime? FromUtc, DateTime? ToUtc, long? AfterId, int Limit);

/// <summary>
/// What the public API does with tickets, for a key (<see cref="ApiCaller"/>). Registration goes through
/// <see cref="TicketRegistration"/> and changes through <see cref="TicketCommands"/> and <see cref="TicketConversation"/>, so
/// number, priority, SLA, history, notifications and live events are exactly those of the portal. A key reads and acts
/// only on the tickets of its channel (Core's <see cref="TicketAccess"/> for an integration actor); anything else is
/// "not found". Replies, closing and reopening are the requester's acts, done in their name "vía" the key.
/// </summary>
public sealed class IntegrationTickets(IDbContextFactory<SigetDbContext> dbFactory, TicketRegistration registration, TicketCommands commands,
    TicketConversation conversation, AuditLog audit, TimeProvider clock)
{
    public const int MaxPage = 100;

    public async Task<IReadOnlyList<ApiCategoria>> CatalogAsync(ApiCaller caller, CancellationToken ct = default)
    {
        caller.Require(ApiScopes.LeerCatalogo);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        var services = await db.Subcategories.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct);
        return categories.Select(c => new ApiCategoria(c.Id, c.Name, c.Retired,
            services.Where(s => s.CategoryId == c.Id).Select(s => new ApiServicio(s.Code, s.CodeText, s.Name, s.Retired || c.Retired)).ToList())).ToList();
    }

    /// <summary>Registers on behalf of the requester named by user name or e-mail; 422 when there is no such active person.</summary>
    public async Task<(ApiTicket Ticket, bool Replayed)> RegisterAsync(ApiCaller caller, ApiNuevoTicket body, IdempotentRequest? idempotency,
        CancellationToken ct = default)
    {
        caller.Require(ApiScopes.CrearTickets);
        var requester = await FindRequesterAsync(body.Solicitante!, ct)
            ?? throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Solicitante desconocido",
                $"No hay una persona activa en SIGET con el usuario, DNI o correo «{body.Solicitante}». SIGET no crea cuentas desde la API: pida a la UTI que la registre.",
                new Dictionary<string, string[]> { ["solicitante"] = ["No existe una persona activa con ese usuario, DNI o correo."] });
        var unitId = body.Unidad is { } unit ? await FindUnitAsync(unit, ct)
            ?? throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Unidad desconocida",
                $"No hay una unidad o Tambo activo llamado «{unit}». Los nombres están en GET /api/v1/unidades.",
                new Dictionary<string, string[]> { ["unidad"] = ["No existe una unidad o Tambo activo con ese nombre."] }) : (int?)null;
        string? serviceName = null;
        var request = new RegisterTicketRequest
        {
            RequesterId = requester.Id, Channel = caller.Channel, Kind = body.Tipo!.Value, SubcategoryCode = body.Servicio,
            Subject = body.Asunto ?? "", Description = body.Descripcion ?? "", Impact = body.Impacto, AlternativeAvailable = body.HayAlternativa,
            UnitId = unitId,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            serviceName = await db.Subcategories.Where(s => s.Code == body.Servicio).Select(s => s.Name).SingleOrDefaultAsync(ct);
        // The audit entry and the idempotency record commit with the ticket: one transaction, one durable write.
        request.AlsoSave = (db, ticket) =>
        {
            audit.Add(db, caller.Actor.UserId, caller.Name, "Ticket registrado por API", ticket.Number,
                after: $"Para {requester.FullName} ({requester.UserName})");
            if (idempotency is null) return;
            var answer = ToApi(ticket, serviceName ?? "", []);
            db.ApiIdempotencyRecords.Add(ApiIdempotency.Record(idempotency,
                new StoredAnswer(StatusCodes.Status201Created, JsonSerializer.Serialize(answer, ApiProblems.Json), Location(ticket.Number), ETag(ticket.Version)),
                clock.GetUtcNow().UtcDateTime));
        };
        var ticket = await registration.RegisterAsync(caller.Actor, request, ct);
        return (ToApi(ticket, serviceName ?? "", []), false);
    }

    public async Task<ApiTicket?> FindAsync(ApiCaller caller, string number, CancellationToken ct = default)
    {
        caller.Require(ApiScopes.LeerTickets);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await VisibleAsync(db, caller, number, ct);
        if (ticket is null) return null;
        var service = await db.Subcategories.AsNoTracking().Where(s => s.Code == ticket.SubcategoryCode).Select(s => s.Name).SingleOrDefaultAsync(ct);
        var messages = await db.TicketMessages.AsNoTracking().Include(m => m.Attachments)
            .Where(m => m.TicketId == ticket.Id && !m.Internal).OrderBy(m => m.AtUtc).ThenBy(m => m.Id).ToListAsync(ct);
        return ToApi(ticket, service ?? "", messages);
    }

    public async Task<ApiPaginaTickets> ListAsync(ApiCaller caller, ApiTicketFilter filter, CancellationToken ct = default)
    {
        caller.Require(ApiScopes.LeerTickets);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Tickets.AsNoTracking().Where(TicketAccess.VisibleTo(caller.Actor));
        if (!string.IsNullOrWhiteSpace(filter.Requester))
        {
            var requester = await FindRequesterAsync(filter.Requester, ct);
            var requesterId = requester?.Id ?? "";
            rows = rows.Where(t => t.RequesterId == requesterId);
        }
        if (filter.State is { } state) rows = rows.Where(t => t.State == state);
        if (filter.FromUtc is { } from) rows = rows.Where(t => t.RegisteredAtUtc >= from);
        if (filter.ToUtc is { } to) rows = rows.Where(t => t.RegisteredAtUtc < to);
        // Newest first by id: ids only grow, so tickets registered while a client pages never shift its pages.
        if (filter.AfterId is { } after) rows = rows.Where(t => t.Id < after);
        var limit = Math.Clamp(filter.Limit, 1, MaxPage);
        var page = await rows.OrderByDescending(t => t.Id).Take(limit + 1)
            .Select(t => new { t.Id, t.Number, t.Subject, t.State, t.Priority, t.Level, t.RequesterName, t.RegisteredAtUtc, t.Version })
            .ToListAsync(ct);
        var more = page.Count > limit;
        var shown = page.Take(limit).ToList();
        return new ApiPaginaTickets(
            shown.Select(t => new ApiTicketResumen(t.Number, t.Subject, t.State.Label(), t.State.ToString(), t.Priority.Label(), t.Level.Label(),
                t.RequesterName, t.RegisteredAtUtc, t.Version)).ToList(),
            more ? ApiCursor.Encode(shown[^1].Id) : null);
    }

    public Task<ApiTicketResumen> ReplyAsync(ApiCaller caller, string number, string? message, IReadOnlyList<UploadedFile> files,
        long? expectedVersion, IdempotentRequest? idempotency, CancellationToken ct = default) =>
        ActAsRequesterAsync(caller, number, expectedVersion, idempotency, "Respuesta por API", async (actor, ticket) =>
        {
            await conversation.ReplyAsync(actor, ticket.Id, message ?? "", isInternal: false, files, ct);
        }, ct);

    public Task<ApiTicketResumen> FinalizeAsync(ApiCaller caller, string number, int rating, string? comment, long? expectedVersion,
        IdempotentRequest? idempotency, CancellationToken ct = default) =>
        ActAsRequesterAsync(caller, number, expectedVersion, idempotency, "Ticket finalizado por API", (actor, ticket) =>
            commands.FinalizeAsync(actor, ticket.Id, ticket.Version, new Satisfaction(rating, comment), ct), ct);

    public Task<ApiTicketResumen> ReopenAsync(ApiCaller caller, string number, string reason, long? expectedVersion,
        IdempotentRequest? idempotency, CancellationToken ct = default) =>
        ActAsRequesterAsync(caller, number, expectedVersion, idempotency, "Ticket reabierto por API", (actor, ticket) =>
            commands.ReopenAsync(actor, ticket.Id, ticket.Version, reason, ct: ct), ct);

    /// <summary>A file of a ticket the key reads, from a public message (never an internal note's); null otherwise.</summary>
    public async Task<(TicketAttachment Attachment, Stream Content)?> OpenAttachmentAsync(ApiCaller caller, string number, long attachmentId,
        CancellationToken ct = default)
    {
        caller.Require(ApiScopes.LeerTickets);
        var found = await conversation.OpenAttachmentAsync(caller.Actor, attachmentId, ct);
        if (found is not { } file) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Tickets.AnyAsync(t => t.Id == file.Attachment.TicketId && t.Number == number, ct))
        {
            await file.Content.DisposeAsync();
            return null;
        }
        return file;
    }

    /// <summary>
    /// A change the requester makes, made in their name "vía" the key after checking that the key reads the ticket. The
    /// version is the one the client saw (<c>If-Match</c>) or, without it, the current one.
    /// </summary>
    private async Task<ApiTicketResumen> ActAsRequesterAsync(ApiCaller caller, string number, long? expectedVersion, IdempotentRequest? idempotency,
        string auditAction, Func<Actor, Ticket, Task> change, CancellationToken ct)
    {
        caller.Require(ApiScopes.ResponderTickets);
        Ticket ticket;
        ApplicationUser? requester;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            ticket = await VisibleAsync(db, caller, number, ct) ?? throw ApiProblemException.NotFound();
            requester = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == ticket.RequesterId && u.IsActive, ct);
        }
        if (requester is null)
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Solicitante inactivo",
                "La persona solicitante ya no tiene una cuenta activa en SIGET.");
        if (expectedVersion is { } version && version != ticket.Version) throw new TicketConflictException();
        var actor = requester.ToActor() with { Name = $"{requester.FullName} (vía {caller.Name})" };
        // The audit entry (and the idempotency answer) commit with the change: one transaction.
        using (ApiIdempotency.ForCommand(idempotency, ticket.Id, t => Answer(t, StatusCodes.Status200OK),
                   db => audit.Add(db, caller.Actor.UserId, caller.Name, auditAction, number, after: $"En nombre de {requester.FullName}")))
            await change(actor, ticket);
        await using var after = await dbFactory.CreateDbContextAsync(ct);
        var now = await after.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticket.Id, ct);
        return Summary(now);
    }

    private static StoredAnswer Answer(Ticket ticket, int status) =>
        new(status, JsonSerializer.Serialize(Summary(ticket), ApiProblems.Json), null, ETag(ticket.Version));

    public static ApiTicketResumen Summary(Ticket t) => new(t.Number, t.Subject, t.State.Label(), t.State.ToString(), t.Priority.Label(),
        t.Level.Label(), t.RequesterName, t.RegisteredAtUtc, t.Version);

    public static string Location(string number) => $"/api/v1/tickets/{number}";

    public static string ETag(long version) => $"\"{version}\"";

    private static Task<Ticket?> VisibleAsync(SigetDbContext db, ApiCaller caller, string number, CancellationToken ct) =>
        db.Tickets.AsNoTracking().Where(TicketAccess.VisibleTo(caller.Actor)).SingleOrDefaultAsync(t => t.Number == number, ct);

    /// <summary>An active person who may request (not a vendor user), by user name, DNI or e-mail.</summary>
    private async Task<ApplicationUser?> FindRequesterAsync(string who, CancellationToken ct)
    {
        var normalized = who.Trim().ToUpperInvariant();
        if (normalized.Length is 0 or > 256) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Role != Role.Proveedor
                && (u.NormalizedUserName == normalized || u.NormalizedEmail == normalized || u.Dni == normalized))
            .Take(2).ToListAsync(ct);
        return found.Count == 1 ? found[0] : null; // an e-mail shared by two accounts names nobody
    }

    /// <summary>An active unit or Tambo by its name, case and accents aside.</summary>
    private async Task<int?> FindUnitAsync(string name, CancellationToken ct)
    {
        var wanted = Siget.Core.Catalog.CatalogSearch.Fold(name.Trim());
        if (wanted.Length is 0 or > 200) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.Active).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        return units.SingleOrDefault(u => Siget.Core.Catalog.CatalogSearch.Fold(u.Name) == wanted)?.Id;
    }

    /// <summary>The active units and Tambos, for <c>POST /tickets</c>'s «unidad».</summary>
    public async Task<IReadOnlyList<ApiUnidad>> UnitsAsync(ApiCaller caller, CancellationToken ct = default)
    {
        caller.Require(ApiScopes.LeerCatalogo);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Units.AsNoTracking().Where(u => u.Active).OrderBy(u => u.Name)
            .Select(u => new ApiUnidad(u.Name, u.Kind.ToString(), u.ServesCitizens)).ToListAsync(ct);
    }

    private static ApiTicket ToApi(Ticket t, string serviceName, IReadOnlyList<TicketMessage> messages) => new(
        t.Number, t.Subject, t.Description, t.Kind.Label(), t.Channel.Label(),
        new ApiServicio(t.SubcategoryCode, t.SubcategoryCode.ToString("00", System.Globalization.CultureInfo.InvariantCulture), serviceName, false),
        t.Priority.Label(), t.State.Label(), t.State.ToString(),
        RequesterWording.WhereItIs(t.Level, t.State, t.AssigneeName) ?? (t.State == TicketState.Anulado ? t.CancellationNoticeForRequester ?? t.State.Label() : t.State.Label()),
        t.Level.Label(), t.AssigneeName, t.RequesterName, t.UnitName,
        t.RegisteredAtUtc, t.FirstResponseDueUtc, t.ResolutionDueUtc, t.FirstResponseAtUtc, t.ResolvedAtUtc, t.ClosedAtUtc,
        t.State is TicketState.Resuelto or TicketState.Finalizado ? t.Solution : null,
        t.SatisfactionRating, t.Version,
        messages.Select(m => new ApiMensaje(m.AtUtc, m.AuthorName, m.Body,
            m.Attachments.Select(a => new ApiAdjunto(a.Id, a.FileName, a.Size, $"{Location(t.Number)}/adjuntos/{a.Id}")).ToList())).ToList());
}

/// <summary>The opaque cursor of <c>GET /api/v1/tickets</c>: the id of the last ticket of the page.</summary>
public static class ApiCursor
{
    public static string Encode(long id) => Convert.ToBase64String(BitConverter.GetBytes(id)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? text, out long id)
    {
        id = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 20) return false;
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        var bytes = new byte[8];
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != 8) return false;
        id = BitConverter.ToInt64(bytes);
        return id > 0;
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Siget.Console.Data;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Integrations;

/// <summary>
/// Whatever the public API needs written in the same transaction as a ticket change, added to the context just before it
/// saves: the idempotency answer and audit entry of an API command (<see cref="ApiIdempotency.ForCommand"/>), and one webhook delivery
/// (the outbox) per subscription that asked for the event. It sees every change, from any screen, command, the SLA
/// engine or the API, because every change adds a history entry or a message.
/// </summary>
public sealed class IntegrationSaveInterceptor : SaveChangesInterceptor
{
    public static IntegrationSaveInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is SigetDbContext db) AddPending(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SigetDbContext db) AddPending(db);
        return ValueTask.FromResult(result);
    }

    private static void AddPending(SigetDbContext db)
    {
        var tracker = db.ChangeTracker;
        if (!tracker.Entries<Ticket>().Any()) return;
        tracker.DetectChanges();

        if (ApiIdempotency.Active is { Written: false } scope
            && tracker.Entries<Ticket>().FirstOrDefault(e => e.Entity.Id == scope.TicketId) is { } changed)
        {
            if (scope.Request is { } request)
                db.ApiIdempotencyRecords.Add(ApiIdempotency.Record(request, scope.Answer(changed.Entity), changed.Entity.UpdatedAtUtc));
            scope.AlsoSave?.Invoke(db);
            scope.Written = true;
        }

        var events = new List<(Ticket Ticket, string Event, WebhookEvents Kind, DateTime At)>();
        foreach (var entry in tracker.Entries<TicketHistoryEntry>().Where(e => e.State == EntityState.Added))
        {
            var history = entry.Entity;
            var ticket = tracker.Entries<Ticket>().Select(t => t.Entity).FirstOrDefault(t => t.History.Contains(history));
            if (ticket is null || WebhookEventFor(history) is not { } kind) continue;
            events.Add((ticket, WebhookPayloads.Name(kind), kind, history.AtUtc));
        }
        foreach (var entry in tracker.Entries<TicketMessage>().Where(e => e.State == EntityState.Added && !e.Entity.Internal))
        {
            var message = entry.Entity;
            var ticket = tracker.Entries<Ticket>().Select(t => t.Entity).FirstOrDefault(t => t.Id == message.TicketId && t.Id != 0);
            if (ticket is null || message.Body == "Archivos adjuntos al registrar el ticket.") continue;
            events.Add((ticket, WebhookPayloads.Name(WebhookEvents.RespuestaPublica), WebhookEvents.RespuestaPublica, message.AtUtc));
        }
        if (events.Count == 0) return;

        var subscriptions = WebhookSubscriptionCache.Get(db);
        foreach (var (ticket, name, kind, at) in events)
            foreach (var subscription in subscriptions.Where(s => s.Channel == ticket.Channel && (s.Events & kind) != 0))
            {
                var deliveryId = Guid.NewGuid();
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    DeliveryId = deliveryId, SubscriptionId = subscription.Id, Event = name, TicketNumber = ticket.Number,
                    Payload = WebhookPayloads.Serialize(deliveryId, name, at, ticket),
                    CreatedAtUtc = at, NextAttemptAtUtc = at, Status = WebhookDeliveryStatus.Pendiente,
                });
            }
    }

    /// <summary>Which event a history entry is: registered, escalated, resolved, or else a change of state.</summary>
    private static WebhookEvents? WebhookEventFor(TicketHistoryEntry entry) => entry.Action switch
    {
        TicketAction.Registrar => WebhookEvents.Registrado,
        TicketAction.Escalar => WebhookEvents.Escalado,
        TicketAction.Resolver => WebhookEvents.Resuelto,
        _ when entry.FromState is { } from && entry.ToState is { } to && from != to => WebhookEvents.Estado,
        _ => null,
    };
}

/// <summary>The active subscriptions with their key's channel, read again at most every few seconds and at once after a change.</summary>
public static class WebhookSubscriptionCache
{
    public sealed record Entry(int Id, Channel Channel, WebhookEvents Events);

    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private static (IReadOnlyList<Entry> Entries, long At, string Database)? _current;

    public static void Invalidate() => _current = null;

    public static IReadOnlyList<Entry> Get(SigetDbContext db)
    {
        var database = db.Database.GetConnectionString() ?? "";
        if (_current is { } cached && cached.Database == database && System.Diagnostics.Stopwatch.GetElapsedTime(cached.At) < MaxAge)
            return cached.Entries;
        var entries = db.WebhookSubscriptions.AsNoTracking()
            .Where(s => s.Active && s.ApiKey!.RevokedAtUtc == null)
            .Select(s => new Entry(s.Id, s.ApiKey!.Channel, s.Events)).ToList();
        _current = (entries, System.Diagnostics.Stopwatch.GetTimestamp(), database);
        return entries;
    }
}

/// <summary>The JSON a webhook receives.</summary>
public static class WebhookPayloads
{
    public static string Name(WebhookEvents kind) => kind switch
    {
        WebhookEvents.Registrado => "ticket.registrado",
        WebhookEvents.Estado => "ticket.estado",
        WebhookEvents.RespuestaPublica => "ticket.respuesta",
        WebhookEvents.Escalado => "ticket.escalado",
        WebhookEvents.Resuelto => "ticket.resuelto",
        _ => "ticket",
    };

    public static string Serialize(Guid deliveryId, string name, DateTime atUtc, Ticket ticket) => JsonSerializer.Serialize(new
    {
        id = deliveryId,
        evento = name,
        ocurrioEn = atUtc,
        ticket = new
        {
            numero = ticket.Number,
            asunto = ticket.Subject,
            estado = ticket.State.Label(),
            estadoCodigo = ticket.State.ToString(),
            nivel = ticket.Level.Label(),
            prioridad = ticket.Priority.ToString(),
            canal = ticket.Channel.Label(),
            version = ticket.Version,
            url = IntegrationTickets.Location(ticket.Number),
        },
    }, Api.ApiProblems.Json);
}

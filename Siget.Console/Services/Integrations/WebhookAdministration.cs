using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Services.Administration;
using Siget.Console.Services.People;
using Siget.Core;
using Siget.Core.Access;

namespace Siget.Console.Services.Integrations;

/// <summary>A subscription just created: its signing secret is shown to the administrator (and kept, the sender needs it).</summary>
public sealed record CreatedWebhook(WebhookRow Subscription, string Secret);

/// <summary>Webhook subscriptions per key, and the parked deliveries an administrator can send again. Audited.</summary>
public sealed class WebhookAdministration(IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock, AuditLog audit, WebhookAddresses addresses)
{
    public async Task<IReadOnlyList<WebhookRow>> ListAsync(Actor actor, int keyId, CancellationToken ct = default)
    {
        EnsureAdministrator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WebhookSubscriptions.AsNoTracking().Where(s => s.ApiKeyId == keyId).OrderBy(s => s.Id)
            .Select(s => new WebhookRow(s.Id, s.Url, s.Events, s.Active)).ToListAsync(ct);
    }

    public async Task<CreatedWebhook> CreateAsync(Actor actor, int keyId, string url, WebhookEvents events, CancellationToken ct = default)
    {
        EnsureAdministrator(actor);
        if (events == WebhookEvents.None || (events & ~WebhookEvents.Todos) != 0) throw new DomainException("Elija al menos un evento.", "Events");
        var uri = await addresses.CheckAsync(url, ct);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, ct) ?? throw new DomainException("No se encontró la clave.");
        if (!key.ScopeList.Contains(ApiScopes.Webhooks)) throw new DomainException($"La clave «{key.Name}» no tiene el alcance «{ApiScopes.Webhooks}».");
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var subscription = new WebhookSubscription
        {
            ApiKeyId = keyId, Url = uri.AbsoluteUri, Events = events, Secret = secret, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        WebhookSubscriptionCache.Invalidate();
        await audit.RecordAsync(actor.UserId, actor.Name, "Webhook registrado", $"{key.Name}: {uri.AbsoluteUri}", after: events.ToString(), ct: ct);
        return new CreatedWebhook(new WebhookRow(subscription.Id, subscription.Url, subscription.Events, subscription.Active), secret);
    }

    public async Task DeactivateAsync(Actor actor, int subscriptionId, CancellationToken ct = default)
    {
        EnsureAdministrator(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == subscriptionId, ct)
            ?? throw new DomainException("No se encontró el webhook.");
        subscription.Active = false;
        await db.SaveChangesAsync(ct);
        WebhookSubscriptionCache.Invalidate();
        await audit.RecordAsync(actor.UserId, actor.Name, "Webhook desactivado", subscription.Url, ct: ct);
    }

    /// <summary>Deliveries that gave up (Detenido), newest first.</summary>
    public async Task<IReadOnlyList<ParkedDeliveryRow>> ParkedAsync(Actor actor, CancellationToken ct = default)
    {
        EnsureAdministrator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WebhookDeliveries.AsNoTracking().Where(d => d.Status == WebhookDeliveryStatus.Detenido)
            .OrderByDescending(d => d.Id).Take(100).Select(d => new ParkedDeliveryRow(d.Id, d.Event, d.TicketNumber, d.Attempts, d.LastError)).ToListAsync(ct);
    }

    /// <summary>Sends a parked delivery again on the next pass (same delivery id).</summary>
    public async Task RetryAsync(Actor actor, long deliveryId, CancellationToken ct = default)
    {
        EnsureAdministrator(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.WebhookDeliveries.Where(d => d.Id == deliveryId && d.Status == WebhookDeliveryStatus.Detenido)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Pendiente).SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.NextAttemptAtUtc, now), ct);
        if (changed == 0) throw new DomainException("El envío ya no está detenido.");
        await audit.RecordAsync(actor.UserId, actor.Name, "Webhook reintentado", $"Envío {deliveryId}", ct: ct);
    }

    private static void EnsureAdministrator(Actor actor)
    {
        if (actor.Role != Role.Administrador) throw new DomainException("Solo los administradores gestionan los webhooks.");
    }
}

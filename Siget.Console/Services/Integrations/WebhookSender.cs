using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Siget.Console.Data;
using Siget.Console.Telemetry;

namespace Siget.Console.Services.Integrations;

/// <summary>
/// Delivers the webhook outbox. Each pass claims due deliveries one by one with a conditional update (so two senders, or
/// a sender and a restarted one, never hold the same row), posts each signed, and records the outcome: delivered;
/// waiting with exponential backoff; or parked after <see cref="WebhookOptions.MaxAttempts"/> failures. A claim expires,
/// so a delivery whose sender crashed mid-way is sent again with the same <c>X-Siget-Entrega</c> id, which receivers
/// dedupe on. Signature: <c>X-Siget-Firma: sha256=HEX(HMAC-SHA256(secreto, "{X-Siget-Timestamp}.{cuerpo}"))</c>.
/// The same pass also forgets idempotency answers older than 24 hours.
/// </summary>
public sealed class WebhookSender(IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock, IOptions<WebhookOptions> options,
    WebhookAddresses addresses, ILogger<WebhookSender> logger) : BackgroundService
{
    public const string SignatureHeader = "X-Siget-Firma";
    public const string TimestampHeader = "X-Siget-Timestamp";
    public const string DeliveryHeader = "X-Siget-Entrega";
    public const string EventHeader = "X-Siget-Evento";
    private const int Batch = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        ConnectCallback = addresses.ConnectAsync,
        AllowAutoRedirect = false, // a redirect could point inside the network
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    })
    { Timeout = TimeSpan.FromSeconds(Math.Max(1, options.Value.TimeoutSeconds)) };

    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IntervalSeconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunPassAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Webhook pass failed");
            }
        }
    }

    /// <summary>One pass: every due delivery is attempted once. Returns how many were delivered.</summary>
    public Task<int> RunPassAsync(CancellationToken ct = default) => SigetTracing.PassAsync("webhooks", () => SendDueAsync(ct));

    private async Task<int> SendDueAsync(CancellationToken ct)
    {
        var delivered = 0;
        await ForgetOldIdempotencyAsync(ct);
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            List<long> due;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                due = await Due(db, now).OrderBy(d => d.Id).Select(d => d.Id).Take(Batch).ToListAsync(ct);
            if (due.Count == 0) return delivered;
            var attempted = 0;
            foreach (var id in due)
            {
                if (await ClaimAsync(id, now, ct) is not { } claimed) continue;
                attempted++;
                if (await SendAsync(claimed, ct)) delivered++;
            }
            if (attempted == 0 || due.Count < Batch) return delivered;
        }
    }

    private static IQueryable<WebhookDelivery> Due(SigetDbContext db, DateTime now) => db.WebhookDeliveries.Where(d =>
        (d.Status == WebhookDeliveryStatus.Pendiente && d.NextAttemptAtUtc <= now)
        || (d.Status == WebhookDeliveryStatus.Enviando && d.LockedUntilUtc < now));

    private async Task<(WebhookDelivery Delivery, WebhookSubscription Subscription)?> ClaimAsync(long id, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var until = now + Lease;
        var claimed = await Due(db, now).Where(d => d.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Enviando).SetProperty(d => d.LockedUntilUtc, until), ct);
        if (claimed == 0) return null;
        var delivery = await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == id, ct);
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.Id == delivery.SubscriptionId, ct);
        return (delivery, subscription);
    }

    private async Task<bool> SendAsync((WebhookDelivery Delivery, WebhookSubscription Subscription) work, CancellationToken ct)
    {
        var (delivery, subscription) = work;
        string? error = null;
        if (!subscription.Active) error = "Webhook desactivado.";
        else
        {
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(DeliveryHeader, delivery.DeliveryId.ToString());
            request.Headers.Add(EventHeader, delivery.Event);
            request.Headers.Add(TimestampHeader, timestamp);
            request.Headers.Add(SignatureHeader, Sign(subscription.Secret, timestamp, delivery.Payload));
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("SIGET-Webhooks", "1"));
            try
            {
                using var response = await _http.SendAsync(request, ct);
                if (!response.IsSuccessStatusCode) error = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                error = ex.Message;
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (error is null)
        {
            await db.WebhookDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, WebhookDeliveryStatus.Entregado).SetProperty(d => d.DeliveredAtUtc, now)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1).SetProperty(d => d.LockedUntilUtc, (DateTime?)null)
                .SetProperty(d => d.LastError, (string?)null), ct);
            return true;
        }
        var attempts = delivery.Attempts + 1;
        var parked = attempts >= Math.Max(1, options.Value.MaxAttempts);
        var wait = TimeSpan.FromSeconds(Math.Min(3600, options.Value.FirstRetrySeconds * Math.Pow(2, attempts - 1)));
        var message = error.Length > 500 ? error[..500] : error;
        await db.WebhookDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, parked ? WebhookDeliveryStatus.Detenido : WebhookDeliveryStatus.Pendiente)
            .SetProperty(d => d.Attempts, attempts).SetProperty(d => d.NextAttemptAtUtc, now + wait)
            .SetProperty(d => d.LockedUntilUtc, (DateTime?)null).SetProperty(d => d.LastError, message), ct);
        if (parked) logger.LogWarning("Webhook delivery {Delivery} parked after {Attempts} attempts: {Error}", delivery.DeliveryId, attempts, message);
        return false;
    }

    private async Task ForgetOldIdempotencyAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime - ApiIdempotency.Lifetime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.ApiIdempotencyRecords.Where(r => r.CreatedAtUtc < before).ExecuteDeleteAsync(ct);
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}

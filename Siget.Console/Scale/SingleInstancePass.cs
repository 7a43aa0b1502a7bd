using Medallion.Threading.Redis;
using StackExchange.Redis;

namespace Siget.Console.Scale;

/// <summary>
/// Who runs a background pass (the SLA engine with its auto-finalise, recurrence detection, the mail and webhook
/// senders) when there are several instances: the one holding its lease, a Redis lock (DistributedLock.Redis) that its
/// holder keeps extending. If the holder dies the lock expires within about one interval and another instance, trying
/// every half expiry, takes it over. The passes' own idempotent marks (SLA warnings, notified signals) cover the
/// moment of a takeover. Without Redis there is one instance and it always holds the lease.
/// </summary>
public sealed class SingleInstancePass(ScaleOutInstance instance, ILogger<SingleInstancePass> logger, IServiceProvider services)
{
    private readonly IConnectionMultiplexer? _redis = services.GetService<IConnectionMultiplexer>();
    private readonly string _prefix = services.GetService<RedisOptions>()?.Prefix ?? "siget";

    /// <summary>Whether the lease is shared with other instances (Redis is configured).</summary>
    public bool Shared => _redis is not null;

    public string InstanceId => instance.Id;

    /// <summary>How long a dead holder's lease lasts: half an interval, within 1 s and 30 s. The others try every half
    /// of that, so one of them holds it again within three quarters of an interval (intervals of 2 s or more).</summary>
    public static TimeSpan ExpiryFor(TimeSpan interval) => TimeSpan.FromMilliseconds(Math.Clamp(interval.TotalMilliseconds / 2, 1000, 30_000));

    /// <summary>Waits until this instance holds the lease <paramref name="name"/>; the handle's
    /// <c>HandleLostToken</c> fires if it is lost (Redis unreachable longer than the expiry). Dispose to give it up.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(string name, TimeSpan interval, CancellationToken ct)
    {
        if (_redis is null) return new NoLease();
        var expiry = ExpiryFor(interval);
        var @lock = new RedisDistributedLock($"{_prefix}:lease:{name}", _redis.GetDatabase(), o => o
            .Expiry(expiry)
            .MinValidityTime(expiry * 0.8)
            .ExtensionCadence(expiry / 4));
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                if (await @lock.TryAcquireAsync(TimeSpan.Zero, ct) is { } handle)
                {
                    logger.LogInformation("Lease {Lease} held by this instance ({Instance}): its passes run here", name, instance.Id);
                    return handle;
                }
            }
            catch (RedisException ex)
            {
                logger.LogWarning(ex, "Lease {Lease}: Redis did not answer; trying again", name);
            }
            await Task.Delay(expiry / 2, ct);
        }
    }

    private sealed class NoLease : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>
/// Runs <paramref name="inner"/> (a BackgroundService of SIGET) only while this instance holds its lease; without Redis
/// it simply runs, as before; so it does when its interval is 0 (switched off here: it must not hold the lease idle).
/// When the lease is lost the service is stopped and the instance queues for it again.
/// </summary>
public sealed class SingleInstanceHostedService(IHostedService inner, string name, TimeSpan interval, SingleInstancePass lease) : BackgroundService
{
    /// <summary>The lease's name, as the logs give it ("sla", "correo-envio"…).</summary>
    public string Name => name;

    private bool Leased => lease.Shared && interval > TimeSpan.Zero;

    public override Task StartAsync(CancellationToken cancellationToken) =>
        Leased ? base.StartAsync(cancellationToken) : inner.StartAsync(cancellationToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!Leased) { await inner.StopAsync(cancellationToken); return; }
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await using var handle = await lease.AcquireAsync(name, interval, stoppingToken);
            var lost = (handle as Medallion.Threading.IDistributedSynchronizationHandle)?.HandleLostToken ?? CancellationToken.None;
            await inner.StartAsync(stoppingToken);
            try
            {
                await Task.Delay(Timeout.Infinite, CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lost).Token);
            }
            catch (OperationCanceledException) { /* stopping, or the lease was lost */ }
            await inner.StopAsync(CancellationToken.None);
        }
    }
}

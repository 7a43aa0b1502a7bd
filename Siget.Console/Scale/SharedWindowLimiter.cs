using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Siget.Console.Scale;

/// <summary>
/// The request limits (<see cref="RequestLimits"/>) counted in Redis, so that a client cannot multiply its attempts by
/// the number of instances: a fixed window per policy and client, one <c>INCR</c> per request. If Redis does not
/// answer, this instance counts on its own until it does (a limit per instance is better than none).
/// </summary>
public sealed class SharedRequestLimits(IConnectionMultiplexer redis, RedisOptions options, TimeProvider clock, ILogger<SharedRequestLimits> logger)
{
    public RateLimitPartition<string> Partition(string policy, string client, int permitLimit, TimeSpan window) =>
        RateLimitPartition.Get($"{policy}:{client}", key => new SharedWindowLimiter(redis, clock, logger, $"{options.Prefix}:limit:{key}", permitLimit, window));
}

internal sealed class SharedWindowLimiter(IConnectionMultiplexer redis, TimeProvider clock, ILogger logger, string key, int permitLimit, TimeSpan window)
    : RateLimiter
{
    private readonly FixedWindowRateLimiter _local = new(new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 });

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => _local.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => AcquireAsyncCore(permitCount, default).AsTask().GetAwaiter().GetResult();

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var index = now.UtcTicks / window.Ticks;
        var windowKey = $"{key}:{index}";
        try
        {
            var db = redis.GetDatabase();
            var count = await db.StringIncrementAsync(windowKey, permitCount);
            if (count == permitCount && permitCount > 0) await db.KeyExpireAsync(windowKey, window + TimeSpan.FromMinutes(1));
            // Asking for no permit only asks whether any is left, as the framework's own limiters answer it.
            if (permitCount == 0 ? count < permitLimit : count <= permitLimit) return Lease.Granted;
            var retryAfter = new DateTimeOffset((index + 1) * window.Ticks, TimeSpan.Zero) - now;
            return new Lease(false, retryAfter);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Shared limit {Key}: Redis did not answer; counting on this instance", key);
            return await _local.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _local.Dispose();
        base.Dispose(disposing);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}

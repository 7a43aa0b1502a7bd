using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Siget.Console.Scale;

namespace Siget.Console.Services.Integrations;

/// <summary>
/// Wrong API keys per client address. The per-key limit cannot stop guessing, since a guess has no key yet: after
/// <see cref="ApiLimits.WrongKeyLimit"/> wrong keys in a window, every request from that address that presents a key
/// gets 429 until the window ends, a right key included (otherwise the one right guess would stand out). Counted across
/// instances when Redis is configured.
/// </summary>
public sealed class ApiKeyGuesses : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public ApiKeyGuesses(IOptions<ApiLimits> options, IServiceProvider services)
    {
        var limits = options.Value;
        var window = TimeSpan.FromMinutes(limits.WrongKeyWindowMinutes);
        var shared = services.GetService<SharedRequestLimits>();
        limiter = PartitionedRateLimiter.Create<string, string>(client => shared is not null
            ? shared.Partition(nameof(ApiKeyGuesses), client, limits.WrongKeyLimit, window)
            : RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.WrongKeyLimit, Window = window, QueueLimit = 0,
            }));
    }

    /// <summary>When <paramref name="client"/> has used up its wrong keys: how long until it may try again.</summary>
    public TimeSpan? BlockedFor(string client)
    {
        // Attempt, not acquire: asked for no permit, an exhausted window would make AcquireAsync wait for the next one.
        using var lease = limiter.AttemptAcquire(client, 0);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void CountWrong(string client)
    {
        using var _ = limiter.AttemptAcquire(client, 1);
    }

    public void Dispose() => limiter.Dispose();
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Siget.Console.Live;
using StackExchange.Redis;

namespace Siget.Console.Scale;

/// <summary>Section "Redis": with <see cref="Connection"/>, several instances of SIGET share one live system.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string (<c>redis1:6379,password=…</c>); empty: one instance, all in process.</summary>
    public string? Connection { get; set; }

    /// <summary>Starts every key and channel SIGET uses, so several SIGETs (or tests) may share one Redis.</summary>
    public string Prefix { get; set; } = "siget";
}

/// <summary>This process among the instances: relayed events carry it, so an instance ignores its own echoes.</summary>
public sealed class ScaleOutInstance
{
    public string Id { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
}

/// <summary>
/// What changes when SIGET runs as several instances (docs/escalar.md). Without <c>Redis:Connection</c> nothing is
/// registered but the in-process defaults: the feeds, caches, limits, keys and passes stay in this process as before.
/// With it: the live feeds are relayed by Redis pub/sub (<see cref="RedisFeedRelay"/>), the hub uses SignalR's Redis
/// backplane, the data-protection keys live in Redis (a cookie or circuit from one instance is accepted by the others),
/// the request limits count in Redis (<see cref="SharedWindowLimiter"/>), the background passes run where the lease
/// is held (<see cref="SingleInstancePass"/>) and <c>/health/ready</c> also checks Redis.
/// </summary>
public static class ScaleOut
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddSigetScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ScaleOutInstance>();
        services.AddSingleton<SingleInstancePass>();
        var settings = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        var connection = settings.Connection;
        if (string.IsNullOrWhiteSpace(connection)) return services;
        services.AddSingleton(settings);
        var prefix = settings.Prefix;

        var options = ConfigurationOptions.Parse(connection);
        // Start even if Redis is down for a moment; the client reconnects and /health/ready says so meanwhile.
        options.AbortOnConnectFail = false;
        options.ClientName ??= "siget";
        var redis = ConnectionMultiplexer.Connect(options);
        services.AddSingleton<IConnectionMultiplexer>(redis);

        services.AddSignalR().AddStackExchangeRedis(o =>
        {
            o.Configuration.ChannelPrefix = RedisChannel.Literal($"{prefix}-signalr");
            o.ConnectionFactory = _ => Task.FromResult<IConnectionMultiplexer>(redis);
        });
        services.AddDataProtection()
            .SetApplicationName("SIGET")
            .PersistKeysToStackExchangeRedis(() => redis.GetDatabase(), $"{prefix}:data-protection-keys");
        services.AddSingleton<SharedRequestLimits>();
        services.AddSingleton<RedisFeedRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<RedisFeedRelay>());
        services.AddHealthChecks().AddRedis(_ => redis, "redis", tags: [ReadyTag]);
        return services;
    }

    /// <summary>A background service that runs on one instance at a time (<see cref="SingleInstancePass"/>).</summary>
    public static IServiceCollection AddSingleInstanceHostedService<T>(this IServiceCollection services, string name, Func<IServiceProvider, TimeSpan> interval)
        where T : class, IHostedService =>
        // Not AddHostedService: it adds a factory once per implementation type (TryAddEnumerable), so every pass after
        // the first would silently never start.
        services.AddSingleton<IHostedService>(sp => new SingleInstanceHostedService(sp.GetRequiredService<T>(), name, interval(sp),
            sp.GetRequiredService<SingleInstancePass>()));

    /// <summary><c>/health/live</c>: the process answers (no check). <c>/health/ready</c>: the database and, when
    /// configured, Redis answer; a load balancer sends people only to ready instances.</summary>
    public static void MapHealthProbes(this WebApplication app, HealthCheckOptions ready)
    {
        var get = new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = ready.ResponseWriter })
            .WithMetadata(get);
        app.MapHealthChecks("/health/ready", ready).WithMetadata(get);
    }
}

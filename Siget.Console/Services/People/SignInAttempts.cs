using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Siget.Console.Services.Tickets;

namespace Siget.Console.Services.People;

/// <summary>
/// Failed sign-ins, counted per user name <em>and</em> client address. After
/// <see cref="LockoutOptions.MaxFailedAccessAttempts"/> failures within <see cref="LockoutOptions.DefaultLockoutTimeSpan"/>,
/// that name is locked for that client only, for that time: a stranger guessing at someone's name locks out only
/// themselves, and the person signs in as usual from their own computer. Names that exist and names that do not are
/// counted alike, so the answer at every attempt is the same for both. An administrator's "Desbloquear" clears a name
/// everywhere (<see cref="Release"/>). Kept in memory: a restart forgets the counts, as it does the request limits.
/// </summary>
public sealed class SignInAttempts(TimeProvider clock, IOptions<IdentityOptions> identity)
{
    /// <summary>Beyond this many names and clients, forgotten failures are dropped (a spray of made-up names must not fill memory).</summary>
    private const int Kept = 20_000;

    private sealed record Count(int Failures, DateTimeOffset Since, DateTimeOffset? LockedUntil);

    private readonly ConcurrentDictionary<(string Name, string Client), Count> _counts = new();

    private int Limit => Math.Max(1, identity.Value.Lockout.MaxFailedAccessAttempts);
    private TimeSpan Span => identity.Value.Lockout.DefaultLockoutTimeSpan;

    public bool IsLocked(string userName, string client) =>
        _counts.TryGetValue(Key(userName, client), out var count) && count.LockedUntil > clock.GetUtcNow();

    /// <summary>Counts a failure; true when this failure locks the name for this client.</summary>
    public bool Failed(string userName, string client)
    {
        var now = clock.GetUtcNow();
        if (_counts.Count >= Kept) Forget(now);
        var locks = false;
        _counts.AddOrUpdate(Key(userName, client), _ => Next(null), (_, old) => Next(old));
        return locks;

        Count Next(Count? old)
        {
            if (old is { LockedUntil: { } until } && until > now) return Decided(false, old); // still locked: nothing changes
            var fresh = old is null || old.LockedUntil is not null || now - old.Since > Span;
            var failures = fresh ? 1 : old!.Failures + 1;
            var since = fresh ? now : old!.Since;
            return failures >= Limit ? Decided(true, new Count(failures, since, now + Span)) : Decided(false, new Count(failures, since, null));
        }

        Count Decided(bool locking, Count count)
        {
            locks = locking;
            return count;
        }
    }

    public void Succeeded(string userName, string client) => _counts.TryRemove(Key(userName, client), out _);

    /// <summary>Whether the name is locked for any client (what the administrator's list shows as "Bloqueado").</summary>
    public bool IsLockedAnywhere(string userName)
    {
        var (name, now) = (Normalize(userName), clock.GetUtcNow());
        return _counts.Any(c => c.Key.Name == name && c.Value.LockedUntil > now);
    }

    /// <summary>The administrator's "Desbloquear": the name signs in again from every client.</summary>
    public void Release(string userName)
    {
        var name = Normalize(userName);
        foreach (var key in _counts.Keys.Where(k => k.Name == name)) _counts.TryRemove(key, out _);
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, count) in _counts)
            if (count.LockedUntil is { } until ? until <= now : now - count.Since > Span) _counts.TryRemove(key, out _);
    }

    private static (string, string) Key(string userName, string client) => (Normalize(userName), client);

    private static string Normalize(string userName) => userName.Trim().ToUpperInvariant();
}

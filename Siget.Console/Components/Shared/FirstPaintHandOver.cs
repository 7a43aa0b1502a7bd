using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Siget.Console.Components.Shared;

/// <summary>
/// Hands a live screen's first read (<see cref="FirstPaint{T}"/>) from its prerendered page to its circuit on the
/// server: the page carries only a ticket (<c>[PersistentState]</c>), not the data. A board of a thousand cards would
/// otherwise go to the browser twice (as HTML and as state, about 1 MB) and back in the circuit's first message, which
/// the hub refuses past its size limit; and the circuit shows the very objects the page rendered, their markup built.
/// A ticket is taken once, by the person it was kept for, within <see cref="Lifetime"/>. Without it (expired, or the
/// circuit opened on another instance) the screen reads again.
/// </summary>
public sealed class FirstPaintHandOver(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private sealed record Kept(string UserId, object Paint, long KeptAt);

    private readonly ConcurrentDictionary<string, Kept> _kept = new(StringComparer.Ordinal);
    private long _prunedAt;

    /// <summary>Pages prerendered whose circuit has not taken them yet (for tests and diagnostics).</summary>
    public int Waiting => _kept.Count;

    public string Keep<T>(string userId, FirstPaint<T> paint)
    {
        Prune();
        var ticket = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _kept[ticket] = new Kept(userId, paint, clock.GetTimestamp());
        return ticket;
    }

    public FirstPaint<T>? Take<T>(string userId, string? ticket) =>
        ticket is not null && _kept.TryRemove(ticket, out var kept) && kept.UserId == userId && clock.GetElapsedTime(kept.KeptAt) <= Lifetime
            ? kept.Paint as FirstPaint<T>
            : null;

    // Pages whose circuit never came (a crawler, a closed tab): at most once a second, so that busy pages do not each walk the list.
    private void Prune()
    {
        var last = Interlocked.Read(ref _prunedAt);
        if (last != 0 && clock.GetElapsedTime(last) < TimeSpan.FromSeconds(1)) return;
        if (Interlocked.CompareExchange(ref _prunedAt, clock.GetTimestamp(), last) != last) return;
        foreach (var (ticket, kept) in _kept)
            if (clock.GetElapsedTime(kept.KeptAt) > Lifetime) _kept.TryRemove(ticket, out _);
    }
}

using System.Collections.Concurrent;

namespace Siget.Console.Live;

/// <summary>Who has a ticket open right now and whether they are writing in it.</summary>
public sealed record PresenceEntry(string SessionId, string UserId, string Name, bool Writing);

/// <summary>
/// In-memory presence per ticket: each open ticket page joins with a session id, says when its person is writing,
/// and leaves on dispose (a dropped circuit disposes its components, so nobody lingers). Changes are pushed to the
/// other pages showing the same ticket.
/// </summary>
public sealed class TicketPresence
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<string, PresenceEntry>> _tickets = new();
    private readonly ConcurrentDictionary<int, ImmutableHandlers> _listeners = new();

    public IDisposable Join(int ticketId, string sessionId, string userId, string name, Action<IReadOnlyList<PresenceEntry>> onChange)
    {
        _tickets.GetOrAdd(ticketId, _ => new())[sessionId] = new PresenceEntry(sessionId, userId, name, false);
        _listeners.AddOrUpdate(ticketId, _ => new([onChange]), (_, h) => new([.. h.Handlers, onChange]));
        Notify(ticketId);
        return new Membership(this, ticketId, sessionId, onChange);
    }

    public void SetWriting(int ticketId, string sessionId, bool writing)
    {
        if (!_tickets.TryGetValue(ticketId, out var sessions) || !sessions.TryGetValue(sessionId, out var entry) || entry.Writing == writing) return;
        sessions[sessionId] = entry with { Writing = writing };
        Notify(ticketId);
    }

    public IReadOnlyList<PresenceEntry> Of(int ticketId) =>
        _tickets.TryGetValue(ticketId, out var sessions) ? sessions.Values.OrderBy(e => e.Name).ToList() : [];

    private void Leave(int ticketId, string sessionId, Action<IReadOnlyList<PresenceEntry>> onChange)
    {
        if (_tickets.TryGetValue(ticketId, out var sessions)) sessions.TryRemove(sessionId, out _);
        _listeners.AddOrUpdate(ticketId, _ => new([]), (_, h) => new(h.Handlers.Where(x => x != onChange).ToArray()));
        Notify(ticketId);
    }

    private void Notify(int ticketId)
    {
        var now = Of(ticketId);
        if (_listeners.TryGetValue(ticketId, out var handlers))
            foreach (var handler in handlers.Handlers) handler(now);
    }

    private sealed record ImmutableHandlers(Action<IReadOnlyList<PresenceEntry>>[] Handlers);

    private sealed class Membership(TicketPresence presence, int ticketId, string sessionId, Action<IReadOnlyList<PresenceEntry>> onChange) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) presence.Leave(ticketId, sessionId, onChange);
        }
    }
}

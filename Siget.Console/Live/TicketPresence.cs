using System.Collections.Concurrent;

namespace Siget.Console.Live;

/// <summary>Who has a ticket open right now and whether they are writing in it.</summary>
public sealed record PresenceEntry(string SessionId, string UserId, string Name, bool Writing);

/// <summary>
/// In-memory presence per ticket: each open ticket page joins with a session id and leaves on dispose. A page whose
/// browser died or lost its network is not disposed for minutes (its circuit waits to reconnect), so a page also beats
/// every <see cref="BeatEvery"/> from the browser, and whoever has not beaten for <see cref="Timeout"/> is dropped until
/// the next beat. Writing lasts <see cref="WritingFor"/> after the last key. Changes are pushed to the other pages
/// showing the same ticket.
/// </summary>
public sealed class TicketPresence : IDisposable
{
    public static readonly TimeSpan BeatEvery = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan WritingFor = TimeSpan.FromSeconds(8);
    /// <summary>How often expired presence and writing are looked for: someone gone is dropped within Timeout + this.</summary>
    public static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(2);

    private readonly TimeProvider _clock;
    private readonly ITimer _sweeper;
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<string, Session>> _tickets = new();
    private readonly ConcurrentDictionary<int, ImmutableHandlers> _listeners = new();

    /// <summary>One page's presence: when it last beat, and until when it counts as writing.</summary>
    private sealed record Session(PresenceEntry Entry, DateTimeOffset LastBeat, DateTimeOffset WritingUntil);

    public TicketPresence(TimeProvider clock)
    {
        _clock = clock;
        _sweeper = clock.CreateTimer(_ => Sweep(), null, SweepEvery, SweepEvery);
    }

    public Membership Join(int ticketId, string sessionId, string userId, string name, Action<IReadOnlyList<PresenceEntry>> onChange)
    {
        var membership = new Membership(this, ticketId, new PresenceEntry(sessionId, userId, name, false), onChange);
        _listeners.AddOrUpdate(ticketId, _ => new([onChange]), (_, h) => new([.. h.Handlers, onChange]));
        Put(membership, writing: false);
        return membership;
    }

    public IReadOnlyList<PresenceEntry> Of(int ticketId) =>
        _tickets.TryGetValue(ticketId, out var sessions) ? sessions.Values.Select(s => s.Entry).OrderBy(e => e.Name).ToList() : [];

    /// <summary>Drops whoever stopped beating and ends writing that went quiet; tells the pages of each ticket that changed.</summary>
    public void Sweep()
    {
        var now = _clock.GetUtcNow();
        foreach (var (ticketId, sessions) in _tickets)
        {
            var changed = false;
            foreach (var (id, session) in sessions)
            {
                if (now - session.LastBeat > Timeout) changed |= sessions.TryRemove(KeyValuePair.Create(id, session));
                else if (session.Entry.Writing && now >= session.WritingUntil)
                    changed |= sessions.TryUpdate(id, session with { Entry = session.Entry with { Writing = false } }, session);
            }
            if (changed) Notify(ticketId);
        }
    }

    /// <summary>Adds or refreshes a page's presence; tells the others when what they show changes.</summary>
    private void Put(Membership member, bool? writing)
    {
        var now = _clock.GetUtcNow();
        var sessions = _tickets.GetOrAdd(member.TicketId, _ => new());
        var changed = false;
        sessions.AddOrUpdate(member.Entry.SessionId,
            _ =>
            {
                changed = true;
                return new Session(member.Entry with { Writing = writing == true }, now, writing == true ? now + WritingFor : now);
            },
            (_, old) =>
            {
                var isWriting = writing ?? old.Entry.Writing;
                changed = isWriting != old.Entry.Writing;
                return new Session(old.Entry with { Writing = isWriting }, now, writing == true ? now + WritingFor : old.WritingUntil);
            });
        if (changed) Notify(member.TicketId);
    }

    private void Leave(Membership member)
    {
        if (_tickets.TryGetValue(member.TicketId, out var sessions)) sessions.TryRemove(member.Entry.SessionId, out _);
        _listeners.AddOrUpdate(member.TicketId, _ => new([]), (_, h) => new(h.Handlers.Where(x => x != member.OnChange).ToArray()));
        Notify(member.TicketId);
    }

    private void Notify(int ticketId)
    {
        var now = Of(ticketId);
        if (_listeners.TryGetValue(ticketId, out var handlers))
            foreach (var handler in handlers.Handlers) handler(now);
    }

    public void Dispose() => _sweeper.Dispose();

    private sealed record ImmutableHandlers(Action<IReadOnlyList<PresenceEntry>>[] Handlers);

    /// <summary>A page's place in a ticket's presence, until disposed.</summary>
    public sealed class Membership : IDisposable
    {
        private readonly TicketPresence _presence;
        private int _disposed;

        internal Membership(TicketPresence presence, int ticketId, PresenceEntry entry, Action<IReadOnlyList<PresenceEntry>> onChange)
        {
            (_presence, TicketId, Entry, OnChange) = (presence, ticketId, entry, onChange);
        }

        internal int TicketId { get; }
        internal PresenceEntry Entry { get; }
        internal Action<IReadOnlyList<PresenceEntry>> OnChange { get; }

        /// <summary>The page is still open in a live browser (sent by the browser every <see cref="BeatEvery"/>).</summary>
        public void Beat()
        {
            if (Volatile.Read(ref _disposed) == 0) _presence.Put(this, writing: null);
        }

        /// <summary>A key was pressed in the reply (true), or the reply was sent or emptied (false).</summary>
        public void Writing(bool writing)
        {
            if (Volatile.Read(ref _disposed) == 0) _presence.Put(this, writing);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) _presence.Leave(this);
        }
    }
}

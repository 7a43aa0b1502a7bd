using Microsoft.Extensions.Time.Testing;
using Siget.Console.Live;

namespace Siget.Console.Tests.Live;

/// <summary>
/// Presence on a ticket page: who is there and who is writing, as the other pages are told. A page whose browser died or
/// lost its network is not closed for minutes, so presence rests on the browser's heartbeat.
/// </summary>
public class TicketPresenceTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero));
    private readonly TicketPresence _presence;
    private IReadOnlyList<PresenceEntry> _shownToAna = [];

    public TicketPresenceTests() => _presence = new TicketPresence(_clock);

    public void Dispose() => _presence.Dispose();

    private (TicketPresence.Membership Ana, TicketPresence.Membership Luis) BothOnTicket()
    {
        var ana = _presence.Join(7, "pestaña-ana", "ana", "Ana Ruiz", entries => _shownToAna = entries);
        var luis = _presence.Join(7, "pestaña-luis", "luis", "Luis Mendoza", _ => { });
        return (ana, luis);
    }

    /// <summary>Moves the clock second by second, Ana's browser beating as it does, Luis's only while <paramref name="luisAlive"/>.</summary>
    private void Pass(TimeSpan time, TicketPresence.Membership ana, TicketPresence.Membership luis, bool luisAlive)
    {
        for (var s = 1; s <= time.TotalSeconds; s++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            if (s % TicketPresence.BeatEvery.TotalSeconds == 0)
            {
                ana.Beat();
                if (luisAlive) luis.Beat();
            }
        }
    }

    [Fact]
    public void Someone_whose_browser_stops_beating_is_gone_within_30_seconds()
    {
        var (ana, luis) = BothOnTicket();
        Pass(TimeSpan.FromSeconds(10), ana, luis, luisAlive: true); // he beats at 10 s and dies right after: the latest he can go
        _shownToAna.Select(e => e.Name).Should().Contain("Luis Mendoza");

        Pass(TimeSpan.FromSeconds(30), ana, luis, luisAlive: false);

        _shownToAna.Select(e => e.Name).Should().Equal(["Ana Ruiz"], "Luis's page was told nothing for 30 s: his presence is gone");
    }

    [Fact]
    public void Someone_whose_browser_keeps_beating_stays_for_as_long_as_the_page_is_open()
    {
        var (ana, luis) = BothOnTicket();

        Pass(TimeSpan.FromMinutes(10), ana, luis, luisAlive: true);

        _shownToAna.Select(e => e.Name).Should().Equal("Ana Ruiz", "Luis Mendoza");
    }

    [Fact]
    public void A_browser_that_comes_back_shows_its_person_again_at_its_next_beat()
    {
        var (ana, luis) = BothOnTicket();
        Pass(TimeSpan.FromSeconds(40), ana, luis, luisAlive: false);

        luis.Beat();

        _shownToAna.Select(e => e.Name).Should().Contain("Luis Mendoza");
    }

    [Fact]
    public void Writing_is_shown_at_the_first_key_and_ends_after_a_quiet_moment()
    {
        var (ana, luis) = BothOnTicket();

        luis.Writing(true);

        _shownToAna.Should().Contain(e => e.Name == "Luis Mendoza" && e.Writing, "the others are told at once, with no time passing");
        Pass(TicketPresence.WritingFor - TimeSpan.FromSeconds(1), ana, luis, luisAlive: true);
        _shownToAna.Should().Contain(e => e.Name == "Luis Mendoza" && e.Writing);
        Pass(TicketPresence.SweepEvery + TimeSpan.FromSeconds(1), ana, luis, luisAlive: true);
        _shownToAna.Should().Contain(e => e.Name == "Luis Mendoza" && !e.Writing, "nothing typed for a while: he is only viewing");
    }

    [Fact]
    public void Leaving_the_page_removes_its_person_at_once()
    {
        var (_, luis) = BothOnTicket();

        luis.Dispose();

        _shownToAna.Select(e => e.Name).Should().Equal("Ana Ruiz");
    }
}

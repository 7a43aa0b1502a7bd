using Microsoft.Extensions.Time.Testing;
using Siget.Console.Components.Shared;

namespace Siget.Console.Tests.Screens;

/// <summary>A prerendered page's first read reaches its own circuit once, and nobody else's.</summary>
public class FirstPaintHandOverTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 13, 0, 0, TimeSpan.Zero));
    private static readonly FirstPaint<string> Paint = new("cinco filas", "run:7");

    [Fact]
    public void The_person_it_was_kept_for_takes_it_once()
    {
        var handOver = new FirstPaintHandOver(_clock);
        var ticket = handOver.Keep("ana", Paint);

        handOver.Take<string>("ana", ticket).Should().BeSameAs(Paint);
        handOver.Take<string>("ana", ticket).Should().BeNull("a page's read is handed over once");
    }

    [Fact]
    public void Another_person_with_the_ticket_gets_nothing_and_spends_it()
    {
        var handOver = new FirstPaintHandOver(_clock);
        var ticket = handOver.Keep("ana", Paint);

        handOver.Take<string>("luis", ticket).Should().BeNull();
        handOver.Take<string>("ana", ticket).Should().BeNull("a ticket tried by someone else is gone: the screen reads again");
    }

    [Fact]
    public void A_ticket_past_its_lifetime_or_unknown_gives_nothing_and_old_ones_are_let_go()
    {
        var handOver = new FirstPaintHandOver(_clock);
        var late = handOver.Keep("ana", Paint);
        var abandoned = handOver.Keep("luis", Paint);

        _clock.Advance(FirstPaintHandOver.Lifetime + TimeSpan.FromSeconds(1));
        handOver.Take<string>("ana", late).Should().BeNull();
        handOver.Take<string>("ana", "0123456789ABCDEF0123456789ABCDEF").Should().BeNull();
        handOver.Take<string>("ana", null).Should().BeNull();

        handOver.Keep("eva", Paint);
        handOver.Waiting.Should().Be(1, $"the read kept for a circuit that never came ({abandoned}) is dropped");
    }
}

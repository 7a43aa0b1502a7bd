using Siget.Console.Live;

namespace Siget.Console.Components.Shared;

/// <summary>
/// What a live screen read for its first paint, with the feed's position taken before the read. The prerendered page
/// hands it to the circuit (<c>[PersistentState]</c>), which shows it at once instead of a loading bar and a second
/// read; once the circuit follows the feed, <see cref="Missed"/> says whether changes may have come in between.
/// </summary>
public sealed record FirstPaint<T>(T Data, string FeedPosition)
{
    public static async Task<FirstPaint<T>> ReadAsync(TicketFeed feed, Func<Task<T>> read)
    {
        var position = feed.Position;
        return new FirstPaint<T>(await read(), position);
    }

    public bool Missed(TicketFeed feed) => feed.Position != FeedPosition;
}

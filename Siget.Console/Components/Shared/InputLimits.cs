using Siget.Core.Knowledge;

namespace Siget.Console.Components.Shared;

/// <summary>
/// What typed text may weigh on its way to the server. Every field's own limit is its <c>maxlength</c> (and the
/// domain's check, whatever arrives); <c>js/text-limits.js</c> keeps the browser within it, and within
/// <see cref="FallbackMaxLength"/> for a field without one, so every input event fits in one circuit message and the
/// server's copy of a field is always the one on screen.
/// </summary>
public static class InputLimits
{
    /// <summary>For fields without a <c>maxlength</c>: the longest text SIGET keeps, an article's body.</summary>
    public const int FallbackMaxLength = ArticleLimits.BodyMaxLength;

    /// <summary>Largest circuit message: 20,000 characters at 6 bytes each at worst (a control character's JSON escape)
    /// plus the event's envelope. Above it SignalR drops the connection and, with it, the event (32 KB by default).</summary>
    public const long MaximumReceiveMessageSize = 256 * 1024;
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Siget.Bench.Running;

/// <summary>
/// What a timed page must hold for its sample to count (rows, entries, cards, figures): a page without it is a failure,
/// not a fast sample. Plain string work on the HTML, so checking costs the timing nothing.
/// </summary>
public static partial class PageContent
{
    public static int Occurrences(string text, string of)
    {
        var count = 0;
        for (var at = text.IndexOf(of, StringComparison.Ordinal); at >= 0; at = text.IndexOf(of, at + of.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>A number as the pages write it in es-PE ("10,000", "10 000", "1.234").</summary>
    public static int Number(string text) =>
        int.Parse(Regex.Replace(text, "[^0-9]", ""), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>
    /// Each board column's count and the cards it shows: every column must show its first cards (all of a short one,
    /// <paramref name="perColumn"/> of a long one), and the board must show some.
    /// </summary>
    public static int AssertBoard(string body, int perColumn)
    {
        var columns = body.Split("data-lane=\"").Skip(1).ToList();
        if (columns.Count == 0) throw new InvalidOperationException("The board has no columns.");
        var cards = 0;
        foreach (var column in columns)
        {
            var count = LoadCount().Match(column);
            if (!count.Success) throw new InvalidOperationException("A board column has no count.");
            var shown = Occurrences(column, "class=\"board-card\" draggable") + Occurrences(column, "class=\"board-card board-card-pending\" draggable");
            var expected = Math.Min(Number(count.Groups[1].Value), perColumn);
            if (shown != expected) throw new InvalidOperationException($"A board column counts {count.Groups[1].Value} tickets and shows {shown} cards (expected {expected}).");
            cards += shown;
        }
        if (cards == 0) throw new InvalidOperationException("The board shows no card.");
        return cards;
    }

    [GeneratedRegex("class=\"board-load-count\">([^<]+)<")]
    private static partial Regex LoadCount();
}

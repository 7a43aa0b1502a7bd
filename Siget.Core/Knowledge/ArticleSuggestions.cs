using Siget.Core.Catalog;

namespace Siget.Core.Knowledge;

/// <summary>A published article as the suggestions weigh it.</summary>
public sealed record ArticleCandidate(int Id, string Title, int SubcategoryCode, string SearchText);

/// <summary>
/// Which articles may answer what someone is describing. Each meaningful word of the text (folded, without Spanish
/// stop words) that appears in the title counts 3, in the body 1; an article of the same catalog service gets 4 more.
/// Words match on a common start of five letters (or the whole shorter word), so "impresoras" finds "impresora".
/// </summary>
public static class ArticleSuggestions
{
    public const int TitleWeight = 3;
    public const int BodyWeight = 1;
    public const int SameServiceBonus = 4;

    private static readonly HashSet<string> StopWords =
    [
        "el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "al", "a", "en", "y", "o", "u", "que", "no", "se", "me",
        "mi", "mis", "su", "sus", "es", "por", "para", "con", "sin", "lo", "le", "les", "ya", "hay", "muy", "pero", "como", "cuando",
        "esta", "este", "esto", "estoy", "tengo", "puedo", "sale", "desde", "hace", "nos", "favor", "ayuda", "problema",
    ];

    /// <summary>The meaningful folded words of a text.</summary>
    public static IReadOnlyList<string> Words(string? text) => CatalogSearch.Fold(text ?? "")
        .Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(w => w.Length >= 2 && !StopWords.Contains(w))
        .Distinct()
        .ToList();

    /// <param name="subcategoryCode">The service the person chose, if they did.</param>
    public static int Score(IReadOnlyList<string> words, int? subcategoryCode, ArticleCandidate article)
    {
        var title = Words(article.Title);
        var body = Words(article.SearchText);
        var score = 0;
        foreach (var word in words)
        {
            if (title.Any(t => Alike(word, t))) score += TitleWeight;
            else if (body.Any(b => Alike(word, b))) score += BodyWeight;
        }
        return score > 0 && article.SubcategoryCode == subcategoryCode ? score + SameServiceBonus : score;
    }

    /// <summary>The best <paramref name="take"/> articles that share at least one word with the text, best first
    /// (ties: the lower id, the older article, first).</summary>
    public static IReadOnlyList<ArticleCandidate> For(string? text, int? subcategoryCode, IEnumerable<ArticleCandidate> candidates, int take)
    {
        var words = Words(text);
        if (words.Count == 0) return [];
        return candidates.Select(c => (Candidate: c, Score: Score(words, subcategoryCode, c)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Candidate.Id)
            .Take(take).Select(x => x.Candidate).ToList();
    }

    /// <summary>For a ticket: every article of its service, the ones closest to its subject and description first.</summary>
    public static IReadOnlyList<ArticleCandidate> SameService(string? text, int subcategoryCode, IEnumerable<ArticleCandidate> candidates, int take)
    {
        var words = Words(text);
        return candidates.Where(c => c.SubcategoryCode == subcategoryCode)
            .Select(c => (Candidate: c, Score: Score(words, subcategoryCode, c)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Candidate.Id)
            .Take(take).Select(x => x.Candidate).ToList();
    }

    private static bool Alike(string a, string b)
    {
        return a.Length >= 5 && b.Length >= 5 ? a.AsSpan(0, 5).SequenceEqual(b.AsSpan(0, 5)) : a == b;
    }

    private static readonly char[] Separators = [' ', '\n', '\r', '\t', '.', ',', ';', ':', '!', '?', '¿', '¡', '(', ')', '[', ']', '"', '\'', '*', '#', '-', '_', '/', '`', '«', '»'];
}

namespace Siget.Core.Knowledge;

/// <summary>What a requester did with an article the portal suggested while they described a problem: opened it, or
/// said it solved the problem and registered no ticket (self-service, counted in the reports).</summary>
public enum SelfServiceOutcome
{
    Consultado = 1,
    Resuelto = 2,
}

/// <summary>One requester's use of one suggested article, at one moment (UTC).</summary>
public sealed class ArticleDeflection
{
    private ArticleDeflection() { UserId = ""; }

    public ArticleDeflection(int articleId, string userId, SelfServiceOutcome outcome, DateTime atUtc)
    {
        ArticleId = articleId;
        UserId = userId;
        Outcome = outcome;
        AtUtc = atUtc;
    }

    public long Id { get; private set; }
    public int ArticleId { get; private set; }
    public string UserId { get; private set; }
    public SelfServiceOutcome Outcome { get; private set; }
    public DateTime AtUtc { get; private set; }
}

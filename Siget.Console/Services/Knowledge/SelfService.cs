using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Services.People;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Knowledge;
using Siget.Core.Reports;

namespace Siget.Console.Services.Knowledge;

public sealed record SelfServiceArticle(int Id, string Title, int Resolved, int Opened)
{
    public string Number => Article.NumberOf(Id);
}

/// <summary>A period's self-service: how often requesters opened an article the portal suggested, how often it solved
/// their problem with no ticket (deflection), and the articles that did it most.</summary>
public sealed record SelfServiceFigures(int Opened, int Resolved, IReadOnlyList<SelfServiceArticle> Top);

/// <summary>What requesters do with the articles the portal suggests, and its figures for the reports.</summary>
public sealed class SelfService(IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock)
{
    public const int TopArticles = 5;
    public const string ReportRefusal = "Las cifras de autoservicio son para el Ejecutivo de la UTI y el administrador.";

    /// <summary>A requester opened a suggested article, or said it solved their problem. Only for articles they may read.</summary>
    public async Task RecordAsync(Actor actor, int articleId, SelfServiceOutcome outcome, CancellationToken ct = default)
    {
        if (actor.Role != Role.Usuario) return; // staff reading the portal's suggestions are not self-service
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        if (!await db.Articles.Where(KnowledgeAccess.VisibleTo(actor)).AnyAsync(a => a.Id == articleId, ct))
            throw new DomainException(KnowledgeAccess.NotFound);
        db.ArticleDeflections.Add(new ArticleDeflection(articleId, actor.UserId, outcome, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whole-service figures: a vendor's report is about its company's tickets, not the portal.</summary>
    public async Task<SelfServiceFigures> FiguresAsync(Actor actor, ReportPeriod period, CancellationToken ct = default)
    {
        if (!ReportAccess.SeesWholeService(actor)) throw new DomainException(ReportRefusal);
        var (from, to) = (period.FromUtc, period.ToUtc);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.ArticleDeflections.AsNoTracking().Where(d => d.AtUtc >= from && d.AtUtc < to)
            .GroupBy(d => new { d.ArticleId, d.Outcome }).Select(g => new { g.Key.ArticleId, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct);
        var top = counts.GroupBy(c => c.ArticleId)
            .Select(g => (Id: g.Key, Resolved: g.Where(c => c.Outcome == SelfServiceOutcome.Resuelto).Sum(c => c.Count),
                Opened: g.Where(c => c.Outcome == SelfServiceOutcome.Consultado).Sum(c => c.Count)))
            .Where(a => a.Resolved > 0)
            .OrderByDescending(a => a.Resolved).ThenByDescending(a => a.Opened).ThenBy(a => a.Id).Take(TopArticles).ToList();
        var ids = top.Select(t => t.Id).ToList();
        var titles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Title }).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        return new SelfServiceFigures(
            counts.Where(c => c.Outcome == SelfServiceOutcome.Consultado).Sum(c => c.Count),
            counts.Where(c => c.Outcome == SelfServiceOutcome.Resuelto).Sum(c => c.Count),
            top.Select(t => new SelfServiceArticle(t.Id, titles.GetValueOrDefault(t.Id, Article.NumberOf(t.Id)), t.Resolved, t.Opened)).ToList());
    }
}

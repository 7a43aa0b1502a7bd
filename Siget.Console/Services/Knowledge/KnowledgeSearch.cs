using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Knowledge;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Knowledge;

public sealed record ArticleFilter
{
    public string? Search { get; init; }
    public int? CategoryId { get; init; }
    public int? SubcategoryCode { get; init; }
    public ArticleVisibility? Visibility { get; init; }
    /// <summary>None: every state the person may read.</summary>
    public ArticleState? State { get; init; }
}

public sealed record ArticleRow(int Id, string Title, int SubcategoryCode, string Subcategory, string Category,
    ArticleVisibility Visibility, ArticleState State, int Version, string UpdatedByName, DateTime UpdatedAtUtc)
{
    public string Number => Article.NumberOf(Id);
}

public sealed record ArticleList(IReadOnlyList<ArticleRow> Rows, int Total);

/// <summary>An article as its page shows it: the current text (or an older version's), catalog names and, for the
/// UTI, its versions newest first.</summary>
public sealed record ArticleDetail(Article Article, string Subcategory, string Category, IReadOnlyList<ArticleVersion> Versions,
    ArticleVersion? Shown = null)
{
    public string Title => Shown?.Title ?? Article.Title;
    public string Body => Shown?.Body ?? Article.Body;
}

/// <summary>A suggestion as a list shows it.</summary>
public sealed record ArticleSuggestion(int Id, string Title, ArticleVisibility Visibility)
{
    public string Number => Article.NumberOf(Id);
}

/// <summary>Reading the knowledge base. Every query goes through <see cref="KnowledgeAccess.VisibleTo"/>: an article
/// the person may not read does not exist for them.</summary>
public sealed class KnowledgeSearch(IDbContextFactory<SigetDbContext> dbFactory)
{
    public const int PageSize = 20;
    public const int PortalSuggestions = 4;
    public const int TicketSuggestions = 5;

    public async Task<ArticleList> ListAsync(Actor actor, ArticleFilter filter, int page = 0, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var articles = db.Articles.AsNoTracking().Where(KnowledgeAccess.VisibleTo(actor));
        if (filter.State is { } state) articles = articles.Where(a => a.State == state);
        if (filter.Visibility is { } visibility) articles = articles.Where(a => a.Visibility == visibility);
        if (filter.SubcategoryCode is { } code) articles = articles.Where(a => a.SubcategoryCode == code);
        if (Text.Search(filter.Search) is { } search)
            foreach (var word in CatalogSearch.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                articles = articles.Where(a => a.SearchText.Contains(word));
        var rows = articles.Join(db.Subcategories, a => a.SubcategoryCode, s => s.Code, (a, s) => new { a, s })
            .Join(db.Categories, x => x.s.CategoryId, c => c.Id, (x, c) => new { x.a, x.s, c });
        if (filter.CategoryId is { } category) rows = rows.Where(x => x.c.Id == category);

        var total = await rows.CountAsync(ct);
        var list = await rows.OrderByDescending(x => x.a.UpdatedAtUtc).ThenByDescending(x => x.a.Id)
            .Skip(Math.Max(0, page) * PageSize).Take(PageSize)
            .Select(x => new ArticleRow(x.a.Id, x.a.Title, x.a.SubcategoryCode, x.s.Name, x.c.Name, x.a.Visibility, x.a.State,
                x.a.Version, x.a.UpdatedByName, x.a.UpdatedAtUtc))
            .ToListAsync(ct);
        return new ArticleList(list, total);
    }

    /// <param name="version">An older version to show instead of the current text (UTI only).</param>
    public async Task<ArticleDetail?> GetAsync(Actor actor, int id, int? version = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var article = await db.Articles.AsNoTracking().Where(KnowledgeAccess.VisibleTo(actor)).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return null;
        var names = await db.Subcategories.AsNoTracking().Where(s => s.Code == article.SubcategoryCode)
            .Join(db.Categories, s => s.CategoryId, c => c.Id, (s, c) => new { s.Name, Category = c.Name }).SingleAsync(ct);
        IReadOnlyList<ArticleVersion> versions = KnowledgeAccess.MayReadHistory(actor)
            ? await db.ArticleVersions.AsNoTracking().Where(v => v.ArticleId == id).OrderByDescending(v => v.Version).ToListAsync(ct)
            : [];
        ArticleVersion? shown = null;
        if (version is int n && n != article.Version)
            shown = versions.SingleOrDefault(v => v.Version == n) ?? throw new DomainException($"El artículo no tiene una versión {n} que usted pueda ver.");
        return new ArticleDetail(article, names.Name, names.Category, versions, shown);
    }

    /// <summary>For the people who work a ticket: published articles of its service, the closest to it first.</summary>
    public async Task<IReadOnlyList<ArticleSuggestion>> ForTicketAsync(Actor actor, Ticket ticket, CancellationToken ct = default)
    {
        var candidates = await PublishedAsync(actor, ticket.SubcategoryCode, ct);
        return Suggestions(ArticleSuggestions.SameService($"{ticket.Subject} {ticket.Description}", ticket.SubcategoryCode, candidates.Values.Select(c => c.Candidate), TicketSuggestions), candidates);
    }

    /// <summary>For a requester describing a problem in the portal: published articles they may read that share its words.</summary>
    public async Task<IReadOnlyList<ArticleSuggestion>> ForRequestAsync(Actor actor, string? text, int? subcategoryCode, CancellationToken ct = default)
    {
        if (ArticleSuggestions.Words(text).Count == 0) return [];
        var candidates = await PublishedAsync(actor, null, ct);
        return Suggestions(ArticleSuggestions.For(text, subcategoryCode, candidates.Values.Select(c => c.Candidate), PortalSuggestions), candidates);
    }

    /// <summary>The id of the article drafted from a ticket, if there is one the person may read.</summary>
    public async Task<int?> DraftedFromAsync(Actor actor, int ticketId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Articles.AsNoTracking().Where(KnowledgeAccess.VisibleTo(actor)).Where(a => a.SourceTicketId == ticketId)
            .Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
    }

    // The knowledge base is a few hundred articles: the published ones are weighed in memory, which no SQL LIKE can do.
    private async Task<Dictionary<int, (ArticleCandidate Candidate, ArticleVisibility Visibility)>> PublishedAsync(Actor actor, int? subcategoryCode, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var published = db.Articles.AsNoTracking().Where(KnowledgeAccess.VisibleTo(actor)).Where(a => a.State == ArticleState.Publicado);
        if (subcategoryCode is int code) published = published.Where(a => a.SubcategoryCode == code);
        var rows = await published.Select(a => new { a.Id, a.Title, a.SubcategoryCode, a.SearchText, a.Visibility }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => (new ArticleCandidate(r.Id, r.Title, r.SubcategoryCode, r.SearchText), r.Visibility));
    }

    private static IReadOnlyList<ArticleSuggestion> Suggestions(IEnumerable<ArticleCandidate> chosen,
        Dictionary<int, (ArticleCandidate Candidate, ArticleVisibility Visibility)> published) =>
        chosen.Select(c => new ArticleSuggestion(c.Id, c.Title, published[c.Id].Visibility)).ToList();
}

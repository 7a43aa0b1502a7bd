using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Services.People;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Knowledge;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Knowledge;

/// <summary>Someone else changed the article after this editor loaded it; nothing was saved.</summary>
public sealed class ArticleConflictException()
    : Exception("Otra persona modificó el artículo mientras usted lo editaba. Se muestra la versión actual; revise sus cambios antes de guardar.");

/// <summary>
/// Writing the knowledge base. Each command is one transaction: load the article, check the version the editor saw,
/// let the domain make the change (and its version row), save. The domain refuses whoever may not write.
/// </summary>
public sealed class KnowledgeBase(IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock)
{
    /// <param name="publish">Publish it at once (its versions still show the draft, then the publication).</param>
    public async Task<Article> CreateAsync(Actor actor, ArticleContent content, string? note = null, bool publish = false, CancellationToken ct = default)
    {
        KnowledgeAccess.DemandWrite(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        await DemandServiceAsync(db, content.SubcategoryCode, null, ct);
        var article = Article.Write(content, actor, Now, note);
        if (publish) article.Publish(content, actor, Now, null);
        db.Articles.Add(article);
        await db.SaveChangesAsync(ct);
        return article;
    }

    public Task<Article> SaveAsync(Actor actor, int articleId, int version, ArticleContent content, string? note, CancellationToken ct = default) =>
        ChangeAsync(actor, articleId, version, content.SubcategoryCode, a => a.Save(content, actor, Now, note), ct);

    public Task<Article> PublishAsync(Actor actor, int articleId, int version, ArticleContent content, string? note, CancellationToken ct = default) =>
        ChangeAsync(actor, articleId, version, content.SubcategoryCode, a => a.Publish(content, actor, Now, note), ct);

    public Task<Article> ArchiveAsync(Actor actor, int articleId, int version, string? note, CancellationToken ct = default) =>
        ChangeAsync(actor, articleId, version, null, a => a.Archive(actor, Now, note), ct);

    /// <summary>One step from a resolved ticket the writer can see to an internal draft of its solution.</summary>
    public async Task<Article> DraftFromTicketAsync(Actor actor, int ticketId, CancellationToken ct = default)
    {
        KnowledgeAccess.DemandWrite(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var ticket = await db.Tickets.AsNoTracking().Where(TicketAccess.VisibleTo(actor)).SingleOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw new DomainException("No se encontró el ticket.");
        if (await db.Articles.Where(a => a.SourceTicketId == ticketId).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct) is int existing)
            throw new DomainException($"Ya existe el artículo {Article.NumberOf(existing)} creado a partir del ticket {ticket.Number}.");
        var article = Article.DraftFromTicket(ticket, actor, Now);
        db.Articles.Add(article);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on the source ticket: someone else drafted it between the check and the save.
            throw new DomainException($"Otra persona acaba de crear un artículo a partir del ticket {ticket.Number}.");
        }
        return article;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<Article> ChangeAsync(Actor actor, int articleId, int version, int? subcategoryCode, Action<Article> change, CancellationToken ct)
    {
        KnowledgeAccess.DemandWrite(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == articleId, ct) ?? throw new DomainException(KnowledgeAccess.NotFound);
        if (article.Version != version) throw new ArticleConflictException();
        if (subcategoryCode is int code) await DemandServiceAsync(db, code, article.SubcategoryCode, ct);
        change(article);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ArticleConflictException();
        }
        return article;
    }

    /// <summary>A current catalog service; an article already on a retired one may keep it.</summary>
    private static async Task DemandServiceAsync(SigetDbContext db, int code, int? current, CancellationToken ct)
    {
        if (code == current) return;
        if (!await db.Subcategories.AnyAsync(s => s.Code == code && !s.Retired, ct))
            throw new DomainException("El servicio elegido no existe en el catálogo o fue retirado.");
    }
}

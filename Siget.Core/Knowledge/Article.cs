using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Tickets;

namespace Siget.Core.Knowledge;

/// <summary>
/// A knowledge-base article: how to solve or avoid a problem of one catalog service. Every change (creation, edit,
/// publication, archiving) bumps <see cref="Version"/> (also the concurrency token) and appends one immutable
/// <see cref="ArticleVersion"/>, so its history says who changed what and why.
/// Who may write or read it is <see cref="KnowledgeAccess"/>'s business, checked by the services.
/// </summary>
public sealed class Article
{
    private readonly List<ArticleVersion> _versions = [];

    private Article() { Title = ""; Body = ""; AuthorId = ""; AuthorName = ""; UpdatedById = ""; UpdatedByName = ""; }

    public int Id { get; private set; }
    public string Title { get; private set; }
    public int SubcategoryCode { get; private set; }
    /// <summary>Markdown; shown only through the sanitising renderer.</summary>
    public string Body { get; private set; }
    public ArticleVisibility Visibility { get; private set; }
    public ArticleState State { get; private set; }
    public int Version { get; private set; }
    public string AuthorId { get; private set; }
    public string AuthorName { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public string UpdatedById { get; private set; }
    public string UpdatedByName { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public DateTime? PublishedAtUtc { get; private set; }
    /// <summary>The resolved ticket whose solution the article was drafted from, if any.</summary>
    public int? SourceTicketId { get; private set; }
    public string? SourceTicketNumber { get; private set; }
    /// <summary>Title and body folded (lower case, no accents) so searches ignore both on any database.</summary>
    public string SearchText { get; private set; } = "";

    public IReadOnlyList<ArticleVersion> Versions => _versions;

    /// <summary>"KB-0007": how people quote an article.</summary>
    public string Number => NumberOf(Id);

    public static string NumberOf(int id) => $"KB-{id:0000}";

    /// <summary>A new draft.</summary>
    public static Article Write(ArticleContent content, Actor author, DateTime nowUtc, string? note = null)
    {
        KnowledgeAccess.DemandWrite(author);
        var article = new Article
        {
            AuthorId = author.UserId, AuthorName = author.Name, CreatedAtUtc = nowUtc, State = ArticleState.Borrador,
        };
        article.Apply(content);
        article.Stamp(author, nowUtc, Text.OptionalLine(note, ArticleLimits.NoteMaxLength, "la nota del cambio") ?? "Borrador creado");
        return article;
    }

    /// <summary>An internal draft from a resolved ticket: its subject as title, its description as the symptom and what
    /// was done as the solution, for a writer to polish and publish.</summary>
    public static Article DraftFromTicket(Ticket ticket, Actor author, DateTime nowUtc)
    {
        if (!KnowledgeAccess.MayDraftFrom(ticket))
            throw new DomainException("Solo se crea un artículo a partir de un ticket resuelto o finalizado con su solución.");
        var body = $"## Síntoma\n\n{ticket.Description.Trim()}\n\n## Solución\n\n{ticket.Solution!.Trim()}";
        var article = Write(new ArticleContent(ticket.Subject, ticket.SubcategoryCode, body, ArticleVisibility.Interna), author, nowUtc,
            $"Borrador creado a partir del ticket {ticket.Number}");
        article.SourceTicketId = ticket.Id;
        article.SourceTicketNumber = ticket.Number;
        return article;
    }

    /// <summary>Saves new content; a published article stays published with it.</summary>
    public void Save(ArticleContent content, Actor editor, DateTime nowUtc, string? note) =>
        Revise(content, State, editor, nowUtc, note);

    /// <summary>Publishes the article with this content (a draft, an archived article, or a published one being corrected).</summary>
    public void Publish(ArticleContent content, Actor editor, DateTime nowUtc, string? note) =>
        Revise(content, ArticleState.Publicado, editor, nowUtc, note);

    /// <summary>Withdraws the article from readers; it keeps its history and can be published again.</summary>
    public void Archive(Actor editor, DateTime nowUtc, string? note)
    {
        if (State == ArticleState.Archivado) throw new DomainException("El artículo ya está archivado.");
        Revise(new ArticleContent(Title, SubcategoryCode, Body, Visibility), ArticleState.Archivado, editor, nowUtc, note);
    }

    private void Revise(ArticleContent content, ArticleState state, Actor editor, DateTime nowUtc, string? note)
    {
        KnowledgeAccess.DemandWrite(editor);
        var cleanNote = Text.OptionalLine(note, ArticleLimits.NoteMaxLength, "la nota del cambio");
        var before = (Title, SubcategoryCode, Body, Visibility, State);
        Apply(content);
        if ((Title, SubcategoryCode, Body, Visibility, state) == before) throw new DomainException("No hay cambios que guardar.");
        if (state == ArticleState.Publicado && State != ArticleState.Publicado) PublishedAtUtc = nowUtc;
        var defaultNote = state == State ? "Contenido actualizado" : state switch
        {
            ArticleState.Publicado => "Publicado",
            ArticleState.Archivado => "Archivado",
            _ => "Contenido actualizado",
        };
        State = state;
        Version++;
        Stamp(editor, nowUtc, cleanNote ?? defaultNote);
    }

    private void Apply(ArticleContent content)
    {
        Title = Text.RequiredLine(content.Title, ArticleLimits.TitleMaxLength, "el título");
        Body = Text.Required(content.Body, ArticleLimits.BodyMaxLength, "el contenido del artículo");
        if (content.SubcategoryCode <= 0) throw new DomainException("Elija el servicio del catálogo al que se refiere el artículo.");
        if (!Enum.IsDefined(content.Visibility)) throw new DomainException("Indique si el artículo es interno o público.");
        SubcategoryCode = content.SubcategoryCode;
        Visibility = content.Visibility;
        SearchText = CatalogSearch.Fold($"{Title} {Body}");
    }

    private void Stamp(Actor editor, DateTime nowUtc, string note)
    {
        if (Version == 0) Version = 1;
        UpdatedById = editor.UserId;
        UpdatedByName = editor.Name;
        UpdatedAtUtc = nowUtc;
        _versions.Add(new ArticleVersion(this, editor, nowUtc, note));
    }
}

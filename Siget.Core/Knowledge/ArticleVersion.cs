namespace Siget.Core.Knowledge;

/// <summary>An article as it was after one change (creation, edit, publication, archiving): never changed afterwards,
/// so anyone can read what an older version said and who changed it, when and why.</summary>
public sealed class ArticleVersion
{
    private ArticleVersion() { Title = ""; Body = ""; EditedById = ""; EditedByName = ""; }

    internal ArticleVersion(Article article, Access.Actor editor, DateTime atUtc, string? note)
    {
        Version = article.Version;
        Title = article.Title;
        SubcategoryCode = article.SubcategoryCode;
        Visibility = article.Visibility;
        State = article.State;
        Body = article.Body;
        EditedById = editor.UserId;
        EditedByName = editor.Name;
        EditedAtUtc = atUtc;
        Note = note;
    }

    public long Id { get; private set; }
    public int ArticleId { get; private set; }
    public int Version { get; private set; }
    public string Title { get; private set; }
    public int SubcategoryCode { get; private set; }
    public ArticleVisibility Visibility { get; private set; }
    public ArticleState State { get; private set; }
    public string Body { get; private set; }
    public string EditedById { get; private set; }
    public string EditedByName { get; private set; }
    public DateTime EditedAtUtc { get; private set; }
    /// <summary>What changed, in the editor's words.</summary>
    public string? Note { get; private set; }
}

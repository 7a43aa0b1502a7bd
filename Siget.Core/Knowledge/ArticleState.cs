namespace Siget.Core.Knowledge;

/// <summary>Where an article is in its life: written, offered to readers, or withdrawn (kept with its history).</summary>
public enum ArticleState
{
    Borrador = 1,
    Publicado = 2,
    Archivado = 3,
}

/// <summary>Who an article is written for: the UTI's staff only, or also the requesters in the portal.</summary>
public enum ArticleVisibility
{
    Interna = 1,
    Publica = 2,
}

public static class ArticleLabels
{
    public static string Label(this ArticleState state) => state switch
    {
        ArticleState.Borrador => "Borrador",
        ArticleState.Publicado => "Publicado",
        ArticleState.Archivado => "Archivado",
        _ => state.ToString(),
    };

    public static string Label(this ArticleVisibility visibility) => visibility switch
    {
        ArticleVisibility.Interna => "Interna",
        ArticleVisibility.Publica => "Pública",
        _ => visibility.ToString(),
    };
}

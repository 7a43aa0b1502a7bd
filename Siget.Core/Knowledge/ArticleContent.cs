namespace Siget.Core.Knowledge;

/// <summary>What a writer types in the editor; <see cref="Article"/> validates it.</summary>
public sealed record ArticleContent(string? Title, int SubcategoryCode, string? Body, ArticleVisibility Visibility);

public static class ArticleLimits
{
    public const int TitleMaxLength = 150;
    public const int BodyMaxLength = 20000;
    public const int NoteMaxLength = 300;
}

namespace Siget.Core.Tickets;

/// <summary>How the requester rated the service when closing the ticket: 1 to 5 stars and an optional comment.</summary>
public sealed record Satisfaction(int Rating, string? Comment)
{
    public const int MinRating = 1;
    public const int MaxRating = 5;
    public const int CommentMaxLength = 1000;
}

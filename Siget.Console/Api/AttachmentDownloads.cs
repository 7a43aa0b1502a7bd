using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using Siget.Console.Services.People;
using Siget.Console.Services.Tickets;

namespace Siget.Console.Api;

internal static class AttachmentDownloads
{
    /// <summary>
    /// <c>GET /adjuntos/{id}</c>: only for someone who may see the ticket (and, for a note's file, its notes); otherwise
    /// 404 as if it did not exist. Always a download, never rendered by the browser.
    /// </summary>
    public static IEndpointConventionBuilder MapAttachmentDownloads(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/adjuntos/{id:long}", async (long id, ClaimsPrincipal user, TicketConversation conversation, HttpContext http, CancellationToken ct) =>
        {
            var found = await conversation.OpenAttachmentAsync(user.ToActor(), id, ct);
            if (found is not { } file) return Results.NotFound();
            http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
            return Results.File(file.Content, file.Attachment.ContentType, file.Attachment.FileName);
        }).RequireAuthorization();
}

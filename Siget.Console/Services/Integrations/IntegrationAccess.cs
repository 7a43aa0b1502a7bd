using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Core;
using Siget.Core.Access;

namespace Siget.Console.Services.Integrations;

internal static class IntegrationAccess
{
    public const string RevokedMessage = "La clave de API fue revocada.";

    /// <summary>Inside a command's own transaction: the key acting must not have been revoked meanwhile.</summary>
    public static async Task EnsureKeyStillValidAsync(SigetDbContext db, Actor actor, CancellationToken ct)
    {
        var publicId = actor.UserId.StartsWith(Actor.IntegrationPrefix, StringComparison.Ordinal) ? actor.UserId[Actor.IntegrationPrefix.Length..] : "";
        if (!await db.ApiKeys.AnyAsync(k => k.PublicId == publicId && k.RevokedAtUtc == null, ct))
            throw new DomainException(RevokedMessage);
    }
}

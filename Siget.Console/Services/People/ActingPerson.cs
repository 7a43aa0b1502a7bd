using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Core;
using Siget.Core.Access;

namespace Siget.Console.Services.People;

/// <summary>
/// Every command starts here: its actor must still be an active person holding the role (and vendor company) their
/// session acts in. The actor comes from a sign-in cookie or a live circuit that may be older than an administrator's
/// change, so it is read again on the command's own DbContext: a deactivation or a role change stops the very next
/// command, from any screen or connection, without waiting for sessions to be revalidated.
/// </summary>
public static class ActingPerson
{
    public const string DeactivatedMessage =
        "Su cuenta fue desactivada: ya no puede hacer cambios en SIGET. Si cree que es un error, consulte con el administrador.";
    public const string ChangedMessage =
        "Sus permisos en SIGET cambiaron (rol o empresa proveedora): vuelva a iniciar sesión para continuar. No se guardó nada.";

    /// <summary>Throws a <see cref="DomainException"/> with a message for the person if they may no longer act as <paramref name="actor"/>.</summary>
    public static async Task EnsureStillActingAsync(this SigetDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.Role == Role.Sistema) return; // SIGET's own passes have no account (ToActor never yields Sistema)
        if (actor.Role == Role.Integracion)
        {
            // Another system's key, revoked or expired since the request was authenticated, stops here too.
            await Integrations.IntegrationAccess.EnsureKeyStillValidAsync(db, actor, ct);
            return;
        }
        var person = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => new { u.IsActive, u.Role, u.VendorCompanyId })
            .SingleOrDefaultAsync(ct);
        if (person is not { IsActive: true }) throw new DomainException(DeactivatedMessage);
        if (person.Role != actor.Role || person.VendorCompanyId != actor.VendorCompanyId) throw new DomainException(ChangedMessage);
    }

    /// <summary>The context for one command of <paramref name="actor"/>, handed over once the check passed.</summary>
    public static async Task<SigetDbContext> CreateForAsync(this IDbContextFactory<SigetDbContext> factory, Actor actor, CancellationToken ct)
    {
        var db = await factory.CreateDbContextAsync(ct);
        try
        {
            await db.EnsureStillActingAsync(actor, ct);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>The check alone, for commands that write through another store (ASP.NET Identity's user manager).</summary>
    public static async Task EnsureStillActingAsync(this IDbContextFactory<SigetDbContext> factory, Actor actor, CancellationToken ct)
    {
        await using var db = await factory.CreateForAsync(actor, ct);
    }
}

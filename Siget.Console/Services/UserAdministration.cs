using Microsoft.AspNetCore.Identity;
using Siget.Console.Data;
using Siget.Core;
using Siget.Core.Access;

namespace Siget.Console.Services;

/// <summary>
/// What administrators do to people's accounts. Every change is audited. Deactivating also renews the person's
/// security stamp, so their sign-in cookie stops being accepted at its next check (within a minute) and their
/// live screens close when the circuit revalidates (within 30 seconds).
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, AuditLog audit)
{
    public async Task DeactivateAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        if (actor.Role != Role.Administrador) throw new DomainException("Solo un administrador desactiva cuentas.");
        if (actor.UserId == userId) throw new DomainException("No puede desactivar su propia cuenta.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new DomainException("La persona no existe.");
        if (!user.IsActive) return;
        user.IsActive = false;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded) throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
        await audit.RecordAsync(actor.UserId, actor.Name, "Usuario desactivado", user.UserName ?? user.Id, "Activo", "Inactivo", ct: ct);
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Live;
using Siget.Console.Services.Administration;
using Siget.Core;
using Siget.Core.Access;

namespace Siget.Console.Services.People;

/// <summary>What the user form sends: who the person is and what they do in SIGET.</summary>
public sealed class UserForm
{
    public string UserName { get; set; } = "";
    public string FullName { get; set; } = "";
    public string? Email { get; set; }
    public string? Dni { get; set; }
    public Role Role { get; set; } = Role.Usuario;
    public int? UnitId { get; set; }
    public Classification? Classification { get; set; }
    public int? VendorCompanyId { get; set; }
}

public sealed record UserRow(
    string Id, string UserName, string FullName, string? Email, string? Dni, Role Role, int? UnitId, string? UnitName,
    Classification? Classification, int? VendorCompanyId, string? VendorName, bool IsActive, bool IsAvailable, bool LockedOut)
{
    public UserForm ToForm() => new()
    {
        UserName = UserName, FullName = FullName, Email = Email, Dni = Dni, Role = Role, UnitId = UnitId,
        Classification = Classification, VendorCompanyId = VendorCompanyId,
    };
}

public sealed record UserQuery(string? Text = null, Role? Role = null, bool IncludeInactive = true);

/// <summary>
/// What administrators do to people's accounts: list, create, edit, deactivate and reactivate, reset the password,
/// unlock. Every change is audited with the values before and after. Deactivating (or resetting the password, or
/// changing the role or company) renews the person's security stamp, so their sign-in cookie stops being accepted at
/// its next check, and ends their live screens and hub connections at once (<see cref="SessionRevocations"/>); their
/// next command is refused anyway (<see cref="ActingPerson"/>).
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, IDbContextFactory<SigetDbContext> dbFactory, AuditLog audit, TimeProvider clock,
    SignInAttempts attempts, SessionRevocations sessions)
{
    public const int MaxTake = 100;

    /// <summary>The name a refusal about the password carries (<see cref="DomainException.Field"/>); the form's fields carry their property names.</summary>
    public const string PasswordField = "Password";

    public async Task<(IReadOnlyList<UserRow> Rows, int Total)> ListAsync(Actor actor, UserQuery query, int skip, int take, CancellationToken ct = default)
    {
        EnsureAdministrator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var users = PeopleDirectory.ListedTo(db.Users.AsNoTracking(), actor);
        if (!query.IncludeInactive) users = users.Where(u => u.IsActive);
        if (query.Role is { } role) users = users.Where(u => u.Role == role);
        if (Text.Search(query.Text) is { } search)
            foreach (var word in Siget.Core.Catalog.CatalogSearch.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                users = users.Where(u => u.SearchName.Contains(word));
        var total = await users.CountAsync(ct);
        var rows = await users.OrderBy(u => u.FullName).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxTake))
            .Select(u => new
            {
                u.Id, u.UserName, u.FullName, u.Email, u.Dni, u.Role, u.UnitId, Unit = u.Unit != null ? u.Unit.Name : null, u.Classification,
                u.VendorCompanyId, Vendor = u.VendorCompany != null ? u.VendorCompany.Name : null, u.IsActive, u.IsAvailable, u.LockoutEnd,
            })
            .ToListAsync(ct);
        return (rows.Select(u => new UserRow(u.Id, u.UserName!, u.FullName, u.Email, u.Dni, u.Role, u.UnitId, u.Unit, u.Classification,
            u.VendorCompanyId, u.Vendor, u.IsActive, u.IsAvailable, u.LockoutEnd > now || attempts.IsLockedAnywhere(u.UserName!))).ToList(), total);
    }

    /// <summary>Creates an active account with an initial password the person should change.</summary>
    public async Task<string> CreateAsync(Actor actor, UserForm form, string password, CancellationToken ct = default)
    {
        await EnsureAdministratorAsync(actor, ct);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser();
        await ApplyAsync(user, form, ct);
        Check(await users.CreateAsync(user, password ?? ""));
        await audit.RecordAsync(actor.UserId, actor.Name, "Usuario creado", user.UserName!, null, Describe(user), ct: ct);
        return user.Id;
    }

    public async Task UpdateAsync(Actor actor, string userId, UserForm form, CancellationToken ct = default)
    {
        await EnsureAdministratorAsync(actor, ct);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await FindAsync(users, userId);
        if (user.Id == actor.UserId && form.Role != Role.Administrador)
            throw new DomainException("No puede quitarse a sí mismo el rol de administrador.", nameof(UserForm.Role));
        var before = Describe(user);
        var (roleBefore, vendorBefore) = (user.Role, user.VendorCompanyId);
        await ApplyAsync(user, form, ct);
        Check(await users.UpdateAsync(user));
        // What someone may see or do changed: their current sessions must pick it up, so they sign in again.
        if (user.Role != roleBefore || user.VendorCompanyId != vendorBefore)
        {
            Check(await users.UpdateSecurityStampAsync(user));
            sessions.Revoke(user.Id);
        }
        var after = Describe(user);
        if (after != before) await audit.RecordAsync(actor.UserId, actor.Name, "Usuario modificado", user.UserName!, before, after, ct: ct);
    }

    public Task DeactivateAsync(Actor actor, string userId, CancellationToken ct = default) => SetActiveAsync(actor, userId, false, ct);

    public Task ReactivateAsync(Actor actor, string userId, CancellationToken ct = default) => SetActiveAsync(actor, userId, true, ct);

    public async Task ResetPasswordAsync(Actor actor, string userId, string newPassword, CancellationToken ct = default)
    {
        await EnsureAdministratorAsync(actor, ct);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await FindAsync(users, userId);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, newPassword ?? "")); // also renews the security stamp
        sessions.Revoke(user.Id);
        await audit.RecordAsync(actor.UserId, actor.Name, "Contraseña restablecida", user.UserName!, ct: ct);
    }

    public async Task UnlockAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        await EnsureAdministratorAsync(actor, ct);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await FindAsync(users, userId);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        attempts.Release(user.UserName!);
        await audit.RecordAsync(actor.UserId, actor.Name, "Cuenta desbloqueada", user.UserName!, ct: ct);
    }

    private async Task SetActiveAsync(Actor actor, string userId, bool active, CancellationToken ct)
    {
        await EnsureAdministratorAsync(actor, ct);
        if (actor.UserId == userId) throw new DomainException("No puede desactivar su propia cuenta.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await FindAsync(users, userId);
        if (user.IsActive == active) return;
        user.IsActive = active;
        Check(await users.UpdateAsync(user));
        if (!active)
        {
            Check(await users.UpdateSecurityStampAsync(user));
            sessions.Revoke(user.Id);
        }
        await audit.RecordAsync(actor.UserId, actor.Name, active ? "Usuario reactivado" : "Usuario desactivado", user.UserName!,
            active ? "Inactivo" : "Activo", active ? "Activo" : "Inactivo", ct: ct);
    }

    /// <summary>Validates the form against the rules of SIGET's roles and copies it onto the account.</summary>
    private async Task ApplyAsync(ApplicationUser user, UserForm form, CancellationToken ct)
    {
        var userName = DomainException.About(nameof(UserForm.UserName), () => Text.RequiredLine(form.UserName, 60, "el usuario"));
        if (userName.Any(char.IsWhiteSpace)) throw new DomainException("El usuario no puede tener espacios.", nameof(UserForm.UserName));
        var fullName = DomainException.About(nameof(UserForm.FullName), () => Text.RequiredLine(form.FullName, ApplicationUser.FullNameMaxLength, "el nombre completo"));
        var email = DomainException.About(nameof(UserForm.Email), () => Text.OptionalLine(form.Email, ApplicationUser.EmailMaxLength, "el correo"));
        var dni = DomainException.About(nameof(UserForm.Dni), () => Text.OptionalDni(form.Dni));
        if (!Enum.IsDefined(form.Role) || !form.Role.IsPersonRole()) throw new DomainException("Elija un rol válido.", nameof(UserForm.Role));
        if (form.Classification is { } c && !Enum.IsDefined(c)) throw new DomainException("Elija una clasificación válida.", nameof(UserForm.Classification));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (form.Role == Role.Proveedor)
        {
            if (form.VendorCompanyId is not int vendor || !await db.VendorCompanies.AnyAsync(v => v.Id == vendor, ct))
                throw new DomainException("Un usuario proveedor debe pertenecer a una empresa proveedora.", nameof(UserForm.VendorCompanyId));
        }
        else if (form.VendorCompanyId is not null)
        {
            throw new DomainException("Solo los usuarios con rol Proveedor pertenecen a una empresa proveedora.");
        }
        if (dni is not null && await db.Users.AnyAsync(u => u.Dni == dni && u.Id != user.Id, ct))
            throw new DomainException("Otra cuenta ya tiene ese DNI.", nameof(UserForm.Dni));
        if (form.UnitId is int unit && !await db.Units.AnyAsync(u => u.Id == unit, ct))
            throw new DomainException("La unidad o Tambo elegido no existe.", nameof(UserForm.UnitId));

        user.UserName = userName;
        user.FullName = fullName;
        user.Email = email;
        user.Dni = dni;
        user.Role = form.Role;
        user.UnitId = form.UnitId;
        user.Classification = form.Classification;
        user.VendorCompanyId = form.Role == Role.Proveedor ? form.VendorCompanyId : null;
    }

    private static string Describe(ApplicationUser u) => JsonSerializer.Serialize(new
    {
        Usuario = u.UserName, Nombre = u.FullName, Correo = u.Email, u.Dni, Rol = u.Role.ToString(), Unidad = u.UnitId,
        Clasificacion = u.Classification?.ToString(), Proveedor = u.VendorCompanyId, Activo = u.IsActive,
    }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static async Task<ApplicationUser> FindAsync(UserManager<ApplicationUser> users, string userId) =>
        await users.FindByIdAsync(userId) ?? throw new DomainException("La persona no existe.");

    /// <summary>Identity's refusal in Spanish, at the field it is about: every unmet password rule in one sentence.</summary>
    private static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        var fields = result.Errors.Select(e => FieldOf(e.Code)).Distinct().ToList();
        throw new DomainException(SpanishIdentityErrors.Sentence(result.Errors), fields.Count == 1 ? fields[0] : null);
    }

    private static string? FieldOf(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) && code != nameof(IdentityErrorDescriber.PasswordMismatch) => PasswordField,
        nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName) => nameof(UserForm.UserName),
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.InvalidEmail) => nameof(UserForm.Email),
        _ => null,
    };

    private static void EnsureAdministrator(Actor actor)
    {
        if (actor.Role != Role.Administrador) throw new DomainException("Solo un administrador gestiona las cuentas.");
    }

    /// <summary>For the commands: an administrator by the session, and still one by the database.</summary>
    private async Task EnsureAdministratorAsync(Actor actor, CancellationToken ct)
    {
        EnsureAdministrator(actor);
        await dbFactory.EnsureStillActingAsync(actor, ct);
    }
}

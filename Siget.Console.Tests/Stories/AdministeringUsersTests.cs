using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Data.Demo;
using Siget.Console.Services.People;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Access;

namespace Siget.Console.Tests.Stories;

/// <summary>
/// Administrators manage people's accounts (create, edit, reset the password, unlock, deactivate, reactivate), every
/// change audited with who did it and the values before and after (Ley 29733, ISO 27001). Each test creates its own
/// administrator and people with unique user names, so the shared people never change.
/// </summary>
[Collection(HelpDeskCollection.Name)]
public partial class AdministeringUsersTests(HelpDeskFixture f)
{
    private const string Password = "Clave#Inicial2026";
    private const string NewPassword = "Otra$Clave2027";
    private const string WrongCredentials = "Usuario o contraseña incorrectos.";

    private UserAdministration Users => f.App.Service<UserAdministration>();

    [Theory]
    [InlineData(Role.Usuario)]
    [InlineData(Role.Tecnico)]
    [InlineData(Role.Proveedor)]
    public async Task An_administrator_creates_a_person_who_can_then_sign_in(Role role)
    {
        var admin = await AdministratorAsync();
        var userName = $"nuevo.{HelpDeskFixture.NewTag()}";
        var form = Form(userName, role, "Zulema Nueva Persona");
        form.Email = $"{userName}@entidad.gob.pe";

        var id = await Users.CreateAsync(admin, form, Password);

        var row = await RowAsync(admin, id);
        row.Should().BeEquivalentTo(new
        {
            UserName = userName, FullName = "Zulema Nueva Persona", Email = $"{userName}@entidad.gob.pe", Role = role,
            IsActive = true, LockedOut = false,
            UnitId = role == Role.Proveedor ? (int?)null : f.AdministrationUnitId,
            VendorName = role == Role.Proveedor ? f.VendorCompanyName : null,
        });
        var created = (await AuditAsync(userName)).Should().ContainSingle(a => a.Action == "Usuario creado").Subject;
        (created.ActorId, created.ActorName, created.Before).Should().Be((admin.UserId, admin.Name, (string?)null));
        Json(created.After!).Should().Contain(new Dictionary<string, string?> { ["Usuario"] = userName, ["Rol"] = role.ToString() });
        created.After.Should().NotContain(Password, "the audit never holds a password");

        var (client, _) = await f.App.SignInAsync(userName, Password);
        (await AuditAsync(userName)).Should().Contain(a => a.Action == "Ingreso" && a.ActorId == id);
        var home = await client.GetAsync("/");
        ((int)home.StatusCode).Should().BeLessThan(400);
        (home.Headers.Location?.OriginalString ?? "").Should().NotContain("cuenta/ingresar", "the new person's session opens their start page");
    }

    public enum Invalid { UserNameWithSpaces, VendorWithoutCompany, CompanyForNonVendor, ShortPassword, PasswordWithoutDigitUpperOrSymbol, TakenUserName, NoFullName }

    [Theory]
    [InlineData(Invalid.UserNameWithSpaces, "El usuario no puede tener espacios.")]
    [InlineData(Invalid.VendorWithoutCompany, "Un usuario proveedor debe pertenecer a una empresa proveedora.")]
    [InlineData(Invalid.CompanyForNonVendor, "Solo los usuarios con rol Proveedor pertenecen a una empresa proveedora.")]
    [InlineData(Invalid.ShortPassword, "*La contraseña debe tener al menos 8 caracteres.*")]
    [InlineData(Invalid.PasswordWithoutDigitUpperOrSymbol, "La contraseña debe tener al menos un símbolo (por ejemplo # o !), un número y una mayúscula.")]
    [InlineData(Invalid.TakenUserName, "Ya existe el usuario «usuario1».")]
    [InlineData(Invalid.NoFullName, "Complete el nombre completo.")]
    public async Task An_invalid_person_is_refused_in_Spanish_and_nothing_is_saved(Invalid invalid, string message)
    {
        var admin = await AdministratorAsync();
        var userName = $"rechazo.{HelpDeskFixture.NewTag()}";
        var password = Password;
        var form = Form(userName, Role.Usuario, "Zenaida Rechazada");
        switch (invalid)
        {
            case Invalid.UserNameWithSpaces: form.UserName = userName = $"zenaida {HelpDeskFixture.NewTag()}"; break;
            case Invalid.VendorWithoutCompany: form.Role = Role.Proveedor; form.UnitId = null; break;
            case Invalid.CompanyForNonVendor: form.Role = Role.Tecnico; form.VendorCompanyId = f.VendorCompanyId; break;
            case Invalid.ShortPassword: password = "Ab#1"; break;
            case Invalid.PasswordWithoutDigitUpperOrSymbol: password = "solominusculas"; break;
            case Invalid.TakenUserName: form.UserName = userName = "usuario1"; break;
            case Invalid.NoFullName: form.FullName = "   "; break;
        }
        var peopleBefore = await PeopleNamedAsync(userName);
        var auditBefore = (await AuditAsync(userName)).Count;

        var create = () => Users.CreateAsync(admin, form, password);

        var refusal = (await create.Should().ThrowAsync<DomainException>()).Which.Message;
        refusal.Should().Match(message);
        (await PeopleNamedAsync(userName)).Should().Be(peopleBefore, "a refused account is not created");
        (await AuditAsync(userName)).Should().HaveCount(auditBefore, "and nothing is audited as created");
    }

    [Fact]
    public async Task A_DNI_is_eight_digits_and_belongs_to_one_account_only()
    {
        var admin = await AdministratorAsync();
        var dni = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = Form($"dni.{HelpDeskFixture.NewTag()}", Role.Usuario, "Primera Con Dni");
        first.Dni = $" {dni} ";
        var id = await Users.CreateAsync(admin, first, Password);
        (await RowAsync(admin, id)).Dni.Should().Be(dni);
        (await AuditAsync(first.UserName)).Single(a => a.Action == "Usuario creado").After.Should().Contain(dni);

        var second = Form($"dni.{HelpDeskFixture.NewTag()}", Role.Usuario, "Segunda Mismo Dni");
        foreach (var (typed, message) in new[] { (dni, "Otra cuenta ya tiene ese DNI."), ("1234567", "El DNI tiene 8 dígitos."), ("1234567A", "El DNI tiene 8 dígitos.") })
        {
            second.Dni = typed;
            var refused = () => Users.CreateAsync(admin, second, Password);
            var refusal = (await refused.Should().ThrowAsync<DomainException>()).Which;
            (refusal.Message, refusal.Field).Should().Be((message, nameof(UserForm.Dni)));
        }
        second.Dni = null;
        var secondId = await Users.CreateAsync(admin, second, Password); // no DNI: any number of accounts
        (await RowAsync(admin, secondId)).Dni.Should().BeNull();
        (await Users.ListAsync(admin, new UserQuery(dni), 0, 10)).Rows.Select(r => r.Id).Should().Equal(id);
    }

    [Fact]
    public async Task Editing_a_person_is_audited_with_the_values_before_and_after()
    {
        var admin = await AdministratorAsync();
        var userName = $"edicion.{HelpDeskFixture.NewTag()}";
        var id = await Users.CreateAsync(admin, Form(userName, Role.Usuario, "Zoe Antes Cambio"), Password);
        var stampBefore = (await StoredAsync(id)).SecurityStamp;
        var form = Form(userName, Role.Tecnico, "Zoe Después Cambio");

        await Users.UpdateAsync(admin, id, form);

        var row = await RowAsync(admin, id);
        (row.FullName, row.Role).Should().Be(("Zoe Después Cambio", Role.Tecnico));
        var edit = (await AuditAsync(userName)).Should().ContainSingle(a => a.Action == "Usuario modificado").Subject;
        (edit.ActorId, edit.ActorName).Should().Be((admin.UserId, admin.Name));
        Json(edit.Before!).Should().Contain(new Dictionary<string, string?> { ["Nombre"] = "Zoe Antes Cambio", ["Rol"] = "Usuario", ["Clasificacion"] = "DeApoyo" });
        Json(edit.After!).Should().Contain(new Dictionary<string, string?> { ["Nombre"] = "Zoe Después Cambio", ["Rol"] = "Tecnico", ["Clasificacion"] = null });
        (await StoredAsync(id)).SecurityStamp.Should().NotBe(stampBefore, "a new role means signing in again");

        await Users.UpdateAsync(admin, id, form); // saving the same values again
        (await AuditAsync(userName)).Count(a => a.Action == "Usuario modificado").Should().Be(1, "nothing changed, nothing to audit");

        form.VendorCompanyId = f.VendorCompanyId;
        var refused = () => Users.UpdateAsync(admin, id, form);
        await refused.Should().ThrowAsync<DomainException>().WithMessage("Solo los usuarios con rol Proveedor pertenecen a una empresa proveedora.");
        (await StoredAsync(id)).VendorCompanyId.Should().BeNull();
        (await AuditAsync(userName)).Count(a => a.Action == "Usuario modificado").Should().Be(1);
    }

    [Fact]
    public async Task After_a_password_reset_the_old_password_no_longer_works_and_the_new_one_does()
    {
        var admin = await AdministratorAsync();
        var userName = $"clave.{HelpDeskFixture.NewTag()}";
        var id = await Users.CreateAsync(admin, Form(userName, Role.Usuario, "Zoraida Olvido Clave"), Password);
        await f.App.SignInAsync(userName, Password);

        var weak = () => Users.ResetPasswordAsync(admin, id, "12345678");
        (await weak.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be("La contraseña debe tener al menos un símbolo (por ejemplo # o !), una minúscula y una mayúscula.");
        await f.App.SignInAsync(userName, Password); // a refused reset leaves the old password in place

        await Users.ResetPasswordAsync(admin, id, NewPassword);

        (await RefusedSignInAsync(userName, Password)).Body.Should().Contain(WrongCredentials);
        await f.App.SignInAsync(userName, NewPassword);
        var reset = (await AuditAsync(userName)).Should().ContainSingle(a => a.Action == "Contraseña restablecida").Subject;
        (reset.ActorId, reset.Before, reset.After).Should().Be((admin.UserId, (string?)null, (string?)null));
    }

    [Fact]
    public async Task Unlocking_a_locked_out_account_lets_the_person_in_again()
    {
        var admin = await AdministratorAsync();
        var userName = $"bloqueo.{HelpDeskFixture.NewTag()}";
        var id = await Users.CreateAsync(admin, Form(userName, Role.Tecnico, "Zacarías Bloqueado"), Password);
        for (var i = 0; i < 5; i++) await RefusedSignInAsync(userName, "equivocada");
        var locked = await RefusedSignInAsync(userName, Password);
        locked.Response.Headers.Location?.OriginalString.Should().EndWith("cuenta/bloqueada", "five failures lock the account, even for the right password");
        (await RowAsync(admin, id)).LockedOut.Should().BeTrue("the administrator's list shows the lock");

        await Users.UnlockAsync(admin, id);

        (await StoredAsync(id)).Should().Match<ApplicationUser>(u => u.LockoutEnd == null && u.AccessFailedCount == 0);
        (await RowAsync(admin, id)).LockedOut.Should().BeFalse();
        await f.App.SignInAsync(userName, Password);
        (await AuditAsync(userName)).Should().ContainSingle(a => a.Action == "Cuenta desbloqueada" && a.ActorId == admin.UserId);
    }

    [Fact]
    public async Task A_deactivated_person_cannot_sign_in_until_reactivated_and_both_changes_are_audited()
    {
        var admin = await AdministratorAsync();
        var userName = $"baja.{HelpDeskFixture.NewTag()}";
        var id = await Users.CreateAsync(admin, Form(userName, Role.Usuario, "Zenón Baja Temporal"), Password);
        await f.App.SignInAsync(userName, Password);

        await Users.DeactivateAsync(admin, id);

        (await RefusedSignInAsync(userName, Password)).Body.Should().Contain(WrongCredentials);
        (await RowAsync(admin, id)).IsActive.Should().BeFalse();
        (await Users.ListAsync(admin, new UserQuery(userName, IncludeInactive: false), 0, 10)).Rows.Should().BeEmpty();
        (await AuditAsync(userName)).Should().ContainSingle(a => a.Action == "Usuario desactivado").Which
            .Should().Match<AuditEntry>(a => a.ActorId == admin.UserId && a.Before == "Activo" && a.After == "Inactivo");

        await Users.ReactivateAsync(admin, id);

        await f.App.SignInAsync(userName, Password);
        (await RowAsync(admin, id)).IsActive.Should().BeTrue();
        (await AuditAsync(userName)).Should().ContainSingle(a => a.Action == "Usuario reactivado").Which
            .Should().Match<AuditEntry>(a => a.ActorId == admin.UserId && a.Before == "Inactivo" && a.After == "Activo");
    }

    [Fact]
    public async Task An_administrator_cannot_deactivate_themself_nor_remove_their_own_administrator_role()
    {
        var admin = await AdministratorAsync();
        var userName = (await StoredAsync(admin.UserId)).UserName!;
        var before = await SnapshotAsync(admin.UserId);

        var deactivate = () => Users.DeactivateAsync(admin, admin.UserId);
        var demote = () => Users.UpdateAsync(admin, admin.UserId, Form(userName, Role.Supervisor, admin.Name, unit: false));

        await deactivate.Should().ThrowAsync<DomainException>().WithMessage("No puede desactivar su propia cuenta.");
        await demote.Should().ThrowAsync<DomainException>().WithMessage("No puede quitarse a sí mismo el rol de administrador.");
        (await SnapshotAsync(admin.UserId)).Should().Be(before);
        (await AuditAsync(userName)).Should().BeEmpty();
        await f.App.SignInAsync(userName, DemoData.Password);

        // Editing their own details while staying an administrator is fine.
        await Users.UpdateAsync(admin, admin.UserId, Form(userName, Role.Administrador, "Zoila Administradora Renombrada", unit: false));
        (await StoredAsync(admin.UserId)).Should().Match<ApplicationUser>(u => u.FullName == "Zoila Administradora Renombrada" && u.Role == Role.Administrador && u.IsActive);
    }

    public enum Operation { List, Create, Update, Deactivate, Reactivate, ResetPassword, Unlock }

    [Theory]
    [InlineData(Role.Supervisor, Operation.List)]
    [InlineData(Role.Supervisor, Operation.Create)]
    [InlineData(Role.Supervisor, Operation.Update)]
    [InlineData(Role.Supervisor, Operation.Deactivate)]
    [InlineData(Role.Supervisor, Operation.Reactivate)]
    [InlineData(Role.Supervisor, Operation.ResetPassword)]
    [InlineData(Role.Supervisor, Operation.Unlock)]
    [InlineData(Role.Tecnico, Operation.Create)]
    [InlineData(Role.Usuario, Operation.Deactivate)]
    [InlineData(Role.Proveedor, Operation.ResetPassword)]
    public async Task Non_administrators_are_refused_and_the_account_does_not_change(Role role, Operation operation)
    {
        var admin = await AdministratorAsync();
        var actor = role switch
        {
            Role.Supervisor => f.Supervisor,
            Role.Tecnico => f.Technician,
            Role.Usuario => f.Requester,
            Role.Proveedor => f.Vendor,
            _ => throw new ArgumentOutOfRangeException(nameof(role)),
        };
        var userName = $"ajeno.{HelpDeskFixture.NewTag()}";
        var id = await Users.CreateAsync(admin, Form(userName, Role.Usuario, "Zoraida Intocable"), Password);
        if (operation == Operation.Reactivate) await Users.DeactivateAsync(admin, id);
        if (operation == Operation.Unlock)
        {
            await using var db = f.App.CreateDbContext();
            (await db.Users.SingleAsync(u => u.Id == id)).LockoutEnd = new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync();
        }
        var newName = $"intruso.{HelpDeskFixture.NewTag()}";
        var before = await SnapshotAsync(id);
        var auditBefore = (await AuditAsync(userName)).Count;

        Func<Task> act = operation switch
        {
            Operation.List => () => Users.ListAsync(actor, new UserQuery(), 0, 10),
            Operation.Create => () => Users.CreateAsync(actor, Form(newName, Role.Administrador, "Zorro Intruso", unit: false), Password),
            Operation.Update => () => Users.UpdateAsync(actor, id, Form(userName, Role.Administrador, "Zoraida Ascendida", unit: false)),
            Operation.Deactivate => () => Users.DeactivateAsync(actor, id),
            Operation.Reactivate => () => Users.ReactivateAsync(actor, id),
            Operation.ResetPassword => () => Users.ResetPasswordAsync(actor, id, NewPassword),
            Operation.Unlock => () => Users.UnlockAsync(actor, id),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        await act.Should().ThrowAsync<DomainException>().WithMessage("Solo un administrador gestiona las cuentas.");
        (await SnapshotAsync(id)).Should().Be(before);
        (await AuditAsync(userName)).Should().HaveCount(auditBefore);
        (await PeopleNamedAsync(newName)).Should().Be(0);
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>A new administrator of this test's own (the fixture has none).</summary>
    private Task<Actor> AdministratorAsync() =>
        f.App.AddPersonAsync($"admin.{HelpDeskFixture.NewTag()}", Role.Administrador, "Zoila Administradora");

    /// <summary>What the user form sends; people other than vendors belong to the Unidad de Administración.</summary>
    private UserForm Form(string userName, Role role, string fullName, bool unit = true) => new()
    {
        UserName = userName,
        FullName = fullName,
        Role = role,
        UnitId = unit && role != Role.Proveedor ? f.AdministrationUnitId : null,
        Classification = role == Role.Usuario ? Classification.DeApoyo : null,
        VendorCompanyId = role == Role.Proveedor ? f.VendorCompanyId : null,
    };

    private async Task<UserRow> RowAsync(Actor admin, string id)
    {
        var userName = (await StoredAsync(id)).UserName!;
        return (await Users.ListAsync(admin, new UserQuery(userName), 0, 10)).Rows.Single(r => r.Id == id);
    }

    private async Task<ApplicationUser> StoredAsync(string id)
    {
        await using var db = f.App.CreateDbContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    private sealed record AccountSnapshot(string? UserName, string FullName, Role Role, bool IsActive, string? PasswordHash,
        string? SecurityStamp, DateTimeOffset? LockoutEnd, int? VendorCompanyId);

    private async Task<AccountSnapshot> SnapshotAsync(string id)
    {
        var u = await StoredAsync(id);
        return new AccountSnapshot(u.UserName, u.FullName, u.Role, u.IsActive, u.PasswordHash, u.SecurityStamp, u.LockoutEnd, u.VendorCompanyId);
    }

    private async Task<int> PeopleNamedAsync(string userName)
    {
        await using var db = f.App.CreateDbContext();
        return await db.Users.CountAsync(u => u.UserName == userName);
    }

    private async Task<List<AuditEntry>> AuditAsync(string subject)
    {
        await using var db = f.App.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Subject == subject).OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>The audited JSON of an account, as field → text (null stays null).</summary>
    private static Dictionary<string, string?> Json(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText());

    /// <summary>Posts the sign-in form as a browser would (no redirect followed), checks that no session was handed out, and returns the answer.</summary>
    private async Task<(HttpResponseMessage Response, string Body)> RefusedSignInAsync(string userName, string password)
    {
        var client = f.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/cuenta/ingresar");
        var token = WebUtility.HtmlDecode(Antiforgery().Match(form).Groups[1].Value);
        var response = await client.PostAsync("/cuenta/ingresar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = userName, ["Input.Password"] = password,
        }));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            cookies.Should().NotContain(c => c.StartsWith("siget.auth="), "a refused sign-in hands out no session");
        return (response, body);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}

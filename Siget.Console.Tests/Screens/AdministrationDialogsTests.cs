using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Siget.Console.Components.Admin;
using Siget.Console.Services.Administration;
using Siget.Console.Services.People;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;

namespace Siget.Console.Tests.Screens;

/// <summary>
/// The administrator's dialogs (user, password, vendor company, unit, service name) save what they hold and close only
/// when it was saved: a refusal is said at the field it is about, in Spanish, and everything typed stays in the dialog.
/// </summary>
[Collection(ScreensCollection.Name)]
public class AdministrationDialogsTests : ScreenContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private const string WeakPassword = "abc";
    private const string StrongPassword = "Clave#Segura2026";

    private IRenderedComponent<MudPopoverProvider> _popovers = default!;
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public AdministrationDialogsTests(HelpDeskFixture desk) : base(desk)
    {
        Bunit.Services.AddSingleton(desk.App.Service<UserAdministration>());
        Bunit.Services.AddSingleton(desk.App.Service<OrganizationAdministration>());
    }

    private UserAdministration Users => Desk.App.Service<UserAdministration>();

    /// <summary>Signs in a new administrator and opens <typeparamref name="TPage"/>, with the providers dialogs and menus draw in.</summary>
    private async Task<(Actor Admin, IRenderedComponent<TPage> Page)> OpenAsync<TPage>() where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        var admin = await Desk.App.AddPersonAsync($"admin.{HelpDeskFixture.NewTag()}", Role.Administrador, "Elena Admin Prueba");
        SignIn(admin);
        _popovers = RenderPopoverProvider();
        _dialogs = Bunit.Render<MudDialogProvider>();
        return (admin, Bunit.Render<TPage>());
    }

    [Fact]
    public async Task A_weak_password_keeps_the_new_user_dialog_open_with_the_rules_at_the_field_and_what_was_typed()
    {
        var (admin, page) = await OpenAsync<UsersPage>();
        var userName = $"nueva.{HelpDeskFixture.NewTag()}";

        page.Find("#usuario-nuevo").Click();
        Type("#usuario-nombre", "Abigail Nueva Persona");
        Type("#usuario-usuario", userName);
        Type("#usuario-clave", WeakPassword);
        Save("#usuario-guardar");

        _dialogs.WaitForAssertion(() => ErrorAt("#usuario-clave").Should().Be(
            "La contraseña debe tener al menos 8 caracteres, un símbolo (por ejemplo # o !), un número y una mayúscula."), Patience);
        _dialogs.FindAll(".mud-dialog").Should().ContainSingle("the dialog stays open");
        ValueOf("#usuario-nombre").Should().Be("Abigail Nueva Persona");
        ValueOf("#usuario-usuario").Should().Be(userName);
        ValueOf("#usuario-clave").Should().Be(WeakPassword);
        ErrorAt("#usuario-usuario").Should().BeNull("only the password was refused");
        (await Users.ListAsync(admin, new UserQuery(userName), 0, 10)).Total.Should().Be(0, "nothing is created");

        Type("#usuario-clave", StrongPassword);
        ErrorAt("#usuario-clave").Should().BeNull("the message goes once the password is changed");
        Save("#usuario-guardar");

        _dialogs.WaitForAssertion(() => _dialogs.FindAll(".mud-dialog").Should().BeEmpty(), Patience);
        var created = (await Users.ListAsync(admin, new UserQuery(userName), 0, 10)).Rows.Should().ContainSingle().Subject;
        created.FullName.Should().Be("Abigail Nueva Persona");
        page.WaitForAssertion(() => page.Markup.Should().Contain(userName), Patience);
    }

    [Fact]
    public async Task A_user_name_already_taken_is_said_at_its_field_when_creating_and_when_editing()
    {
        // "Abril …" is on the list's first page, which is sorted by name.
        var other = await Desk.App.AddPersonAsync($"editable.{HelpDeskFixture.NewTag()}", Role.Usuario, $"Abril Editable {HelpDeskFixture.NewTag()}");
        var (admin, page) = await OpenAsync<UsersPage>();

        page.Find("#usuario-nuevo").Click();
        Type("#usuario-nombre", "Otro Luis");
        Type("#usuario-usuario", "tecnico1");
        Type("#usuario-clave", StrongPassword);
        Save("#usuario-guardar");

        _dialogs.WaitForAssertion(() => ErrorAt("#usuario-usuario").Should().Be("Ya existe el usuario «tecnico1»."), Patience);
        ValueOf("#usuario-clave").Should().Be(StrongPassword);
        ValueOf("#usuario-nombre").Should().Be("Otro Luis");
        Cancel();

        ChooseFromMenu(page, other.Name, "Editar");
        Type("#usuario-usuario", "tecnico2");
        Save("#usuario-guardar");

        _dialogs.WaitForAssertion(() => ErrorAt("#usuario-usuario").Should().Be("Ya existe el usuario «tecnico2»."), Patience);
        _dialogs.FindAll(".mud-dialog").Should().ContainSingle();
        (await Users.ListAsync(admin, new UserQuery(other.Name), 0, 10)).Rows.Single().UserName.Should().NotBe("tecnico2");
    }

    [Fact]
    public async Task A_weak_password_when_resetting_keeps_the_dialog_open_with_the_rules_at_the_field()
    {
        var person = await Desk.App.AddPersonAsync($"olvido.{HelpDeskFixture.NewTag()}", Role.Usuario, $"Abril Olvidadiza {HelpDeskFixture.NewTag()}");
        var (_, page) = await OpenAsync<UsersPage>();

        ChooseFromMenu(page, person.Name, "Restablecer contraseña");
        Type("#clave-nueva", "solominusculas");
        Save("#clave-guardar");

        _dialogs.WaitForAssertion(() => ErrorAt("#clave-nueva").Should().Be(
            "La contraseña debe tener al menos un símbolo (por ejemplo # o !), un número y una mayúscula."), Patience);
        ValueOf("#clave-nueva").Should().Be("solominusculas");
        _dialogs.FindAll(".mud-dialog").Should().ContainSingle();
    }

    [Fact]
    public async Task A_vendor_company_or_unit_name_already_used_is_said_at_the_name_field_and_the_dialog_stays_open()
    {
        var (_, page) = await OpenAsync<OrganizationPage>();

        page.Find("#proveedor-nuevo").Click();
        Type("#proveedor-nombre", Desk.VendorCompanyName);
        Type("#proveedor-contacto", "mesa@otra.example");
        Save("#proveedor-guardar");

        _dialogs.WaitForAssertion(() => ErrorAt("#proveedor-nombre").Should().Be($"Ya existe una empresa proveedora llamada «{Desk.VendorCompanyName}»."), Patience);
        ValueOf("#proveedor-contacto").Should().Be("mesa@otra.example");
        Cancel();

        page.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Unidades y Tambos")).Click();
        page.WaitForElement("#unidad-nueva", Patience).Click();
        Type("#unidad-nombre", "Unidad de Administración");
        Save("#unidad-guardar");

        _dialogs.WaitForAssertion(() => ErrorAt("#unidad-nombre").Should().Be("Ya existe una unidad o Tambo llamado «Unidad de Administración»."), Patience);
        _dialogs.FindAll(".mud-dialog").Should().ContainSingle();
    }

    [Fact]
    public async Task A_service_name_already_in_its_category_is_said_at_the_field_and_the_dialog_stays_open()
    {
        var (admin, page) = await OpenAsync<CatalogPage>();
        var existing = (await Desk.Catalog.AllEntriesAsync(admin)).First(e => !e.Retired);

        page.FindAll(".mud-expand-panel-header").First(h => h.TextContent.Contains(existing.Category)).Click();
        page.WaitForAssertion(() => page.FindAll("button").Should().Contain(b => b.TextContent.Contains("Agregar servicio")), Patience);
        page.FindAll("button").First(b => b.TextContent.Contains("Agregar servicio")).Click();
        _dialogs.WaitForElement("#dialogo-texto", Patience).Input(existing.Name);
        Save("#dialogo-confirmar");

        _dialogs.WaitForAssertion(() => ErrorAt("#dialogo-texto").Should().Be($"«{existing.Category}» ya tiene un servicio llamado «{existing.Name}»."), Patience);
        ValueOf("#dialogo-texto").Should().Be(existing.Name);
        (await Desk.Catalog.AllEntriesAsync(admin)).Count(e => e.Name == existing.Name && e.CategoryId == existing.CategoryId).Should().Be(1);
    }

    private void Type(string selector, string value) => _dialogs.WaitForElement(selector, Patience).Change(value);

    private void Save(string selector) => _dialogs.Find(selector).Click();

    private void Cancel()
    {
        _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancelar").Click();
        _dialogs.WaitForAssertion(() => _dialogs.FindAll(".mud-dialog").Should().BeEmpty(), Patience);
    }

    private string? ValueOf(string selector) => _dialogs.Find(selector).GetAttribute("value");

    /// <summary>The error shown under the field, if any.</summary>
    private string? ErrorAt(string selector) =>
        _dialogs.Find(selector).Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error > .me-auto")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>Opens the ⋮ menu of a person's row and clicks one of its entries.</summary>
    private void ChooseFromMenu(IRenderedComponent<UsersPage> page, string person, string entry)
    {
        page.WaitForElement($"button[aria-label='Acciones para {person}']", Patience).Click();
        _popovers.WaitForAssertion(() => _popovers.FindAll(".mud-popover-open .mud-menu-item").Should().Contain(i => i.TextContent.Contains(entry)), Patience);
        _popovers.FindAll(".mud-popover-open .mud-menu-item").First(i => i.TextContent.Contains(entry)).Click();
        _dialogs.WaitForElement(".mud-dialog", Patience);
    }
}

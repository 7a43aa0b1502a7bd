using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Siget.Console.Components.Account;
using Siget.Console.Data;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;

namespace Siget.Console.Tests.Security;

/// <summary>Optional sign-in with Microsoft Entra ID: off by default; when on, an Entra ID e-mail opens only the active
/// local account that has it, whose role applies.</summary>
public sealed class EntraIdTests
{
    private static readonly Dictionary<string, string> Enabled = new()
    {
        ["EntraId:Enabled"] = "true", ["EntraId:TenantId"] = "00000000-0000-0000-0000-000000000001",
        ["EntraId:ClientId"] = "00000000-0000-0000-0000-000000000002", ["EntraId:ClientSecret"] = "secreto-de-prueba",
    };

    private static async Task SetEmailAsync(SigetAppFactory app, string userId, string email, bool active = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        user.Email = email;
        user.IsActive = active;
        (await users.UpdateAsync(user)).Succeeded.Should().BeTrue();
    }

    private static async Task<ApplicationUser?> MatchAsync(SigetAppFactory app, string? email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await EntraIdSignIn.FindLocalUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(), email);
    }

    [Fact]
    public async Task An_Entra_ID_email_opens_only_the_one_active_local_account_that_has_it()
    {
        await using var app = new SigetAppFactory(settings: Enabled);
        _ = app.Services;
        var luis = await app.AddPersonAsync("tecnico1", Role.Tecnico, "Luis Mendoza Ríos");
        var retired = await app.AddPersonAsync("retirado", Role.Tecnico, "Hugo Zúñiga Campos");
        var twinA = await app.AddPersonAsync("gemeloa", Role.Usuario, "Gemelo A");
        var twinB = await app.AddPersonAsync("gemelob", Role.Usuario, "Gemelo B");
        await SetEmailAsync(app, luis.UserId, "lmendoza@pais.gob.pe");
        await SetEmailAsync(app, retired.UserId, "hzuniga@pais.gob.pe", active: false);
        await SetEmailAsync(app, twinA.UserId, "compartido@pais.gob.pe");
        await SetEmailAsync(app, twinB.UserId, "compartido@pais.gob.pe");

        (await MatchAsync(app, "LMendoza@Pais.gob.pe "))!.Id.Should().Be(luis.UserId, "e-mails match whatever their case");
        (await MatchAsync(app, "hzuniga@pais.gob.pe")).Should().BeNull("an inactive account does not open");
        (await MatchAsync(app, "nadie@pais.gob.pe")).Should().BeNull();
        (await MatchAsync(app, "compartido@pais.gob.pe")).Should().BeNull("two accounts with one e-mail cannot be told apart");
        (await MatchAsync(app, null)).Should().BeNull();
    }

    [Fact]
    public async Task The_sign_in_page_offers_Microsoft_only_when_it_is_configured()
    {
        await using var on = new SigetAppFactory(settings: Enabled);
        await using var off = new SigetAppFactory();

        WebUtility.HtmlDecode(await on.CreateClient().GetStringAsync("/cuenta/ingresar")).Should().Contain("Ingresar con Microsoft");
        WebUtility.HtmlDecode(await off.CreateClient().GetStringAsync("/cuenta/ingresar")).Should().NotContain("Ingresar con Microsoft");
        (await off.CreateClient().GetAsync("/cuenta/entra")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the route exists only when enabled");
    }

    [Fact]
    public async Task Turned_on_without_its_identifiers_the_app_refuses_to_start_and_says_what_is_missing()
    {
        await using var app = new SigetAppFactory(settings: new Dictionary<string, string> { ["EntraId:Enabled"] = "true" });

        var start = () => app.Services;

        start.Should().Throw<InvalidOperationException>().WithMessage("*EntraId:TenantId es obligatorio*");
    }
}

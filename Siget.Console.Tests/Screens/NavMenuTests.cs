using Bunit;
using Siget.Console.Components.Layout;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;

namespace Siget.Console.Tests.Screens;

/// <summary>The side menu: the links a role has, the current page marked, and the open counts following the feed.</summary>
[Collection(ScreensCollection.Name)]
public class NavMenuTests(HelpDeskFixture desk) : ScreenContext(desk)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private static string Count(IRenderedComponent<NavMenu> menu, string href) =>
        menu.Find($"a[href='{href}'] .nav-count").TextContent;

    [Fact]
    public async Task A_technician_s_counts_follow_the_tickets_they_take_without_reloading()
    {
        var me = await Desk.App.AddPersonAsync("tec." + HelpDeskFixture.NewTag(), Role.Tecnico, "Néstor Menú Prueba");
        SignIn(me);
        GoTo("cola/mi-trabajo");
        var menu = Bunit.Render<NavMenu>();
        menu.WaitForAssertion(() => Count(menu, "cola/mi-trabajo").Should().Be("0"), Patience);
        var level = int.Parse(Count(menu, "cola/mi-nivel"));

        var ticket = await Desk.RegisterAsync($"{HelpDeskFixture.NewTag()} para el menú");
        await AdvanceUntilAsync(() => Count(menu, "cola/mi-nivel").Should().Be((level + 1).ToString()));
        await Desk.Commands.TakeAsync(me, ticket.Id, ticket.Version);

        await AdvanceUntilAsync(() =>
        {
            Count(menu, "cola/mi-trabajo").Should().Be("1");
            Count(menu, "cola/mi-nivel").Should().Be(level.ToString(), "taken, it left the unassigned queue of the level");
        });
        menu.Find("a[href='cola/mi-trabajo']").GetAttribute("aria-current").Should().Be("page");
        menu.Find("a[href='cola/todos']").HasAttribute("aria-current").Should().BeFalse();
        menu.FindAll("a[href='tablero'], a[href='admin/usuarios']").Should().BeEmpty("a technician has neither the board nor administration");
    }

    [Fact]
    public async Task An_administrator_has_the_administration_links_under_their_heading()
    {
        var admin = await Desk.App.AddPersonAsync("adm." + HelpDeskFixture.NewTag(), Role.Administrador, "Adela Menú Prueba");
        SignIn(admin);
        GoTo("admin/usuarios");

        var menu = Bunit.Render<NavMenu>();

        menu.WaitForAssertion(() => menu.FindAll("[role=group][aria-labelledby=nav-admin] a").Select(a => a.GetAttribute("href"))
            .Should().Equal("admin/usuarios", "admin/organizacion", "admin/catalogo", "admin/configuracion", "admin/integraciones", "admin/auditoria"), Patience);
        menu.Find("#nav-admin").TextContent.Should().Be("Administración");
        menu.Find("a[href='admin/usuarios']").GetAttribute("aria-current").Should().Be("page");
        menu.FindAll("a[href='cola/mi-trabajo']").Should().BeEmpty("an administrator works no level");
    }
}

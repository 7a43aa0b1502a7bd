using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Siget.Console.Components.Notifications;
using Siget.Console.Services.Notifications;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Screens;

/// <summary>
/// The bell in the top bar: the unread count (live, as the supervisor hands tickets over), the list of the latest
/// notifications, and marking them all read. Each test signs in as a technician of its own, so the counts are its alone.
/// </summary>
[Collection(ScreensCollection.Name)]
public class NotificationBellTests(HelpDeskFixture desk) : ScreenContext(desk)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private IRenderedComponent<MudPopoverProvider> _popovers = default!;

    private Task<Actor> NewTechnicianAsync(string fullName) =>
        Desk.App.AddPersonAsync("tec." + HelpDeskFixture.NewTag(), Role.Tecnico, fullName);

    private IRenderedComponent<NotificationBell> Open(Actor actor)
    {
        SignIn(actor);
        _popovers = RenderPopoverProvider();
        Snackbars = Bunit.Render<MudSnackbarProvider>();
        return Bunit.Render<NotificationBell>();
    }

    private IRenderedComponent<MudSnackbarProvider> Snackbars { get; set; } = default!;

    /// <summary>The supervisor hands a new ticket to <paramref name="technician"/>, which tells them.</summary>
    private async Task<Ticket> AssignedToAsync(Actor technician, string subject)
    {
        var ticket = await Desk.RegisterAsync(subject);
        return await Desk.Commands.ReassignAsync(Desk.Supervisor, ticket.Id, ticket.Version, technician.UserId, null);
    }

    private static string? BellLabel(IRenderedComponent<NotificationBell> bell) => bell.Find("#campana").GetAttribute("aria-label");

    private IReadOnlyList<IElement> Listed() => _popovers.FindAll(".mud-popover-open .notification");

    [Fact]
    public async Task The_count_goes_up_live_when_the_supervisor_assigns_a_ticket_to_me()
    {
        var me = await NewTechnicianAsync("Wilmer Campana Prueba");
        var bell = Open(me);
        bell.WaitForAssertion(() => BellLabel(bell).Should().Be("Notificaciones"));
        bell.FindAll(".mud-badge").Should().NotContain(b => b.TextContent.Trim().Length > 0, "no badge without unread notifications");

        var ticket = await AssignedToAsync(me, $"{HelpDeskFixture.NewTag()} asignado en vivo");

        bell.WaitForAssertion(() => BellLabel(bell).Should().Be("Notificaciones: 1 sin leer"), Patience);
        bell.Find(".mud-badge").TextContent.Trim().Should().Be("1");
        Snackbars.WaitForAssertion(() => Snackbars.Markup.Should().Contain($"Se le asignó el ticket {ticket.Number}"), Patience);

        await AssignedToAsync(me, $"{HelpDeskFixture.NewTag()} otro más");

        bell.WaitForAssertion(() => BellLabel(bell).Should().Be("Notificaciones: 2 sin leer"), Patience);
    }

    [Fact]
    public async Task Notifications_for_someone_else_do_not_change_my_count()
    {
        var me = await NewTechnicianAsync("Yolanda Quieta Prueba");
        var colleague = await NewTechnicianAsync("Zenón Vecino Prueba");
        var mine = await AssignedToAsync(me, $"{HelpDeskFixture.NewTag()} mío");
        var bell = Open(me);
        bell.WaitForAssertion(() => BellLabel(bell).Should().Be("Notificaciones: 1 sin leer"), Patience);

        await AssignedToAsync(colleague, $"{HelpDeskFixture.NewTag()} del vecino");
        var alsoMine = await AssignedToAsync(me, $"{HelpDeskFixture.NewTag()} también mío");

        bell.WaitForAssertion(() => BellLabel(bell).Should().Be("Notificaciones: 2 sin leer"), Patience);
        await Task.Delay(300);
        BellLabel(bell).Should().Be("Notificaciones: 2 sin leer", "the colleague's assignment is not counted on my bell");
        (await Desk.App.Service<NotificationCenter>().UnreadCountAsync(me)).Should().Be(2);
        (await Desk.App.Service<NotificationCenter>().LatestAsync(me)).Select(n => n.TicketNumber).Should().BeEquivalentTo([mine.Number, alsoMine.Number]);
    }

    [Fact]
    public async Task Opening_the_bell_lists_my_notifications_and_Marcar_todas_como_leidas_clears_the_count()
    {
        var me = await NewTechnicianAsync("Ximena Lectora Prueba");
        var tag = HelpDeskFixture.NewTag();
        var first = await AssignedToAsync(me, $"{tag} primero");
        Desk.App.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await AssignedToAsync(me, $"{tag} segundo");
        var center = Desk.App.Service<NotificationCenter>();
        var bell = Open(me);
        bell.WaitForAssertion(() => BellLabel(bell).Should().Be("Notificaciones: 2 sin leer"), Patience);

        // The bell is a native button (Enter and Space press it); once built, the menu's own activator takes over.
        bell.Find("#campana").Click();

        _popovers.WaitForAssertion(() => Listed().Should().HaveCount(2), Patience);
        Listed().Select(n => n.QuerySelector(".notification-text")!.TextContent.Trim()).Should().Equal(
            $"Se le asignó el ticket {second.Number}: {tag} segundo",
            $"Se le asignó el ticket {first.Number}: {tag} primero");
        Listed().Should().OnlyContain(n => n.TextContent.Contains("sin leer") && !n.ClassList.Contains("notification-read"));

        _popovers.Find("#notificaciones-leidas").Click();

        bell.WaitForAssertion(() => BellLabel(bell).Should().Be("Notificaciones"), Patience);
        (await center.UnreadCountAsync(me)).Should().Be(0);
        _popovers.WaitForAssertion(() => Listed().Should().HaveCount(2).And.OnlyContain(n => n.ClassList.Contains("notification-read")), Patience);
        Listed().Should().NotContain(n => n.TextContent.Contains("sin leer"));
        _popovers.FindAll("#notificaciones-leidas").Should().BeEmpty("nothing is left to mark");
    }

    // MudBlazor 9 opens a menu from a button inside ActivatorContent only if that button calls context.ToggleAsync.
    [Fact]
    public async Task Clicking_the_bell_opens_the_list()
    {
        var me = await NewTechnicianAsync("Úrsula Clic Prueba");
        var ticket = await AssignedToAsync(me, $"{HelpDeskFixture.NewTag()} con el ratón");
        var bell = Open(me);
        bell.WaitForAssertion(() => BellLabel(bell).Should().Be("Notificaciones: 1 sin leer"), Patience);

        bell.Find("#campana").Click();

        _popovers.WaitForAssertion(() => Listed().Should().ContainSingle()
            .Which.TextContent.Should().Contain($"Se le asignó el ticket {ticket.Number}"), Patience);
    }
}

using System.Net.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.Web.Virtualization;
using Microsoft.JSInterop;
using MudBlazor;
using Siget.Console;
using Siget.Console.Components;
using Siget.Console.Components.Admin;
using Siget.Console.Components.Board;
using Siget.Console.Components.Layout;
using Siget.Console.Components.Shared;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Board;
using Siget.Console.Services.Knowledge;
using Siget.Console.Services.Notifications;
using Siget.Console.Services.People;
using Siget.Console.Services.Sla;
using Siget.Console.Services.Tickets;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Notifications;
using Siget.Core.Priorities;
using Siget.Core.Tickets;
using static Microsoft.AspNetCore.Components.Web.RenderMode;

namespace Siget.Console.Components.Notifications;

public partial class NotificationBell
{
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private Actor? actor;
    private int unread;
    private IReadOnlyList<Notification>? latest;
    private IDisposable? subscription;

    private MudMenu? menu;
    private bool menuWanted;
    private bool openMenu;

    private void WantMenu() => (menuWanted, openMenu) = (true, true);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!openMenu || menu is null) return;
        openMenu = false;
        await menu.OpenMenuAsync(EventArgs.Empty);
    }

    private string Label => unread == 0 ? "Notificaciones" : $"Notificaciones: {unread} sin leer";

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        if (user.Identity?.IsAuthenticated != true) return;
        actor = user.ToActor();
        unread = await Center.UnreadCountAsync(actor);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && actor is not null) subscription = Feed.Subscribe(actor.UserId, OnNotification);
    }

    private Task OnNotification(Notification notification) => InvokeAsync(() =>
    {
        unread++;
        latest = null; // read again when opened
        // Urgent ones also pop up, in case the bell is out of sight.
        if (notification.Kind is NotificationKind.VencimientoSla or NotificationKind.Asignacion or NotificationKind.Escalamiento)
            Snackbar.Add(notification.Text, notification.Kind == NotificationKind.VencimientoSla ? Severity.Warning : Severity.Info,
                o => { o.Action = "Abrir"; o.OnClick = _ => { Navigation.NavigateTo($"tickets/{notification.TicketNumber}"); return Task.CompletedTask; }; });
        StateHasChanged();
    });

    private async Task OnOpenChangedAsync(bool open)
    {
        if (!open || actor is null) return;
        latest = await Center.LatestAsync(actor, 20);
        unread = await Center.UnreadCountAsync(actor);
    }

    private async Task OpenAsync(Notification notification)
    {
        await Center.MarkReadAsync(actor!, notification.Id);
        unread = await Center.UnreadCountAsync(actor!);
        latest = null;
        // A recurrence is about a group of incidents: it opens the problems page, where the group is suggested.
        Navigation.NavigateTo(notification.Kind == NotificationKind.ProblemaSugerido ? "problemas" : $"tickets/{notification.TicketNumber}");
    }

    private async Task MarkAllAsync()
    {
        await Center.MarkAllReadAsync(actor!);
        unread = 0;
        latest = await Center.LatestAsync(actor!, 20);
    }

    public void Dispose() => subscription?.Dispose();
}

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
using Siget.Console.Components.Tickets;
using Siget.Console.Live;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Board;
using Siget.Console.Services.Knowledge;
using Siget.Console.Services.Notifications;
using Siget.Console.Services.People;
using Siget.Console.Services.Problems;
using Siget.Console.Services.Sla;
using Siget.Console.Services.Tickets;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Problems;
using Siget.Core.Tickets;
using static Microsoft.AspNetCore.Components.Web.RenderMode;

namespace Siget.Console.Components.Problems;

public partial class ProblemPage
{
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Parameter] public string Number { get; set; } = "";

    private Actor actor = default!;
    private ProblemDetail? detail;
    private bool mayLink, notFound, busy;
    private string? notice, linkNumber, ownerId;
    private IReadOnlyList<PersonOption> owners = [];
    private IDisposable? subscription, incidentsSubscription;

    protected override async Task OnParametersSetAsync()
    {
        actor = (await AuthenticationState).User.ToActor();
        mayLink = ProblemAccess.MayLink(actor);
        await LoadAsync();
        if (ProblemAccess.MayManage(actor) && owners.Count == 0) owners = await Queries.OwnerCandidatesAsync(actor);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender) return;
        subscription = Feed.Subscribe(OnProblemChanged);
        // Its incidents move on their own (taken, resolved, closed): the list follows them.
        incidentsSubscription = Tickets.Subscribe(actor, OnIncidentChanged, id => detail?.Incidents.Any(i => i.Id == id) == true);
    }

    private Task OnIncidentChanged(TicketChanged change) => detail?.Incidents.Any(i => i.Id == change.TicketId) != true ? Task.CompletedTask : InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });

    private async Task LoadAsync()
    {
        detail = await Queries.GetAsync(actor, Number);
        notFound = detail is null;
    }

    private Task OnProblemChanged(ProblemChanged change) => change.ProblemId != detail?.Problem.Id ? Task.CompletedTask : InvokeAsync(async () =>
    {
        await LoadAsync();
        if (change.ActorId != actor.UserId) notice = "Otra persona actualizó este problema; se muestra su estado actual.";
        StateHasChanged();
    });

    private static DialogOptions DialogOptions { get; } = new() { MaxWidth = MaxWidth.Medium, FullWidth = true };

    private async Task ResolveAsync()
    {
        var result = await (await Dialogs.ShowAsync<ResolveProblemDialog>("Resolver el problema",
            new DialogParameters<ResolveProblemDialog> { { d => d.Detail, detail! } }, DialogOptions)).Result;
        if (result is { Canceled: false, Data: int incidents })
            Snackbar.Add(incidents == 0 ? "Problema resuelto." : $"Problema resuelto, con {Plural.Of(incidents, "incidente", "incidentes")}.", Severity.Success);
        await LoadAsync();
    }

    private async Task KnownErrorAsync()
    {
        var result = await (await Dialogs.ShowAsync<KnownErrorDialog>("Registrar error conocido",
            new DialogParameters<KnownErrorDialog> { { d => d.Problem, detail!.Problem } }, DialogOptions)).Result;
        if (result is { Canceled: false }) Snackbar.Add("Error conocido registrado.", Severity.Success);
        await LoadAsync();
    }

    private async Task ReopenAsync()
    {
        if (await AskReason("Reabrir el problema", "Motivo de la reapertura", "Por ejemplo: los incidentes volvieron a presentarse.", "Reabrir") is not { } why) return;
        await RunAsync(() => Commands.ReopenAsync(actor, detail!.Problem.Id, detail.Problem.Version, why), "Problema reabierto.");
    }

    private async Task DiscardAsync()
    {
        if (await AskReason("Descartar el problema", "Motivo", "Por ejemplo: coincidencia sin causa común, o duplicado de otro problema. Sus incidentes quedan libres para vincularse a otro.", "Descartar") is not { } why) return;
        await RunAsync(() => Commands.DiscardAsync(actor, detail!.Problem.Id, detail.Problem.Version, why), "Problema descartado.");
    }

    private Task AssignAsync() =>
        RunAsync(() => Commands.AssignAsync(actor, detail!.Problem.Id, detail.Problem.Version, ownerId!), "Responsable asignado.");

    private async Task LinkAsync()
    {
        var number = linkNumber?.Trim() ?? "";
        if (await RunAsync(() => Commands.LinkByNumberAsync(actor, detail!.Problem.Id, number), $"Ticket {number} vinculado.")) linkNumber = null;
    }

    private async Task LinkOnEnterAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && !string.IsNullOrWhiteSpace(linkNumber)) await LinkAsync();
    }

    private Task UnlinkAsync(LinkedIncident incident) =>
        RunAsync(() => Commands.UnlinkAsync(actor, detail!.Problem.Id, incident.Id, null), $"Ticket {incident.Number} desvinculado.");

    /// <returns>Whether the command was done (a refusal is shown and the form keeps what was typed).</returns>
    private async Task<bool> RunAsync(Func<Task<Problem>> command, string done)
    {
        busy = true;
        notice = null;
        try
        {
            await command();
            Snackbar.Add(done, Severity.Success);
            return true;
        }
        catch (ProblemConflictException ex)
        {
            notice = ex.Message;
            return false;
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
            return false;
        }
        finally
        {
            busy = false;
            await LoadAsync();
        }
    }

    private async Task<string?> AskReason(string title, string label, string intro, string confirm)
    {
        var parameters = new DialogParameters<ReasonDialog>
        {
            { d => d.Label, label }, { d => d.Intro, intro }, { d => d.ConfirmText, confirm }, { d => d.MaxLength, ProblemLimits.ReasonMaxLength },
        };
        var result = await (await Dialogs.ShowAsync<ReasonDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true })).Result;
        return result is { Canceled: false, Data: string text } ? text : null;
    }

    public void Dispose()
    {
        subscription?.Dispose();
        incidentsSubscription?.Dispose();
    }
}

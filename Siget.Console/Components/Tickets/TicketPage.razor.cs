using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Siget.Console.Live;
using Siget.Console.Services;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Console.Components.Tickets;

/// <summary>One ticket: its facts, SLA clocks, history and the actions the domain allows this person now.</summary>
public partial class TicketPage
{
    [Inject] private TicketQueries Queries { get; set; } = default!;
    [Inject] private TicketCommands Commands { get; set; } = default!;
    [Inject] private PeopleDirectory People { get; set; } = default!;
    [Inject] private TicketFeed Feed { get; set; } = default!;
    [Inject] private TicketPresence Presence { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter] public string Number { get; set; } = "";

    private Actor actor = default!;
    private DateTime Now => Clock.GetUtcNow().UtcDateTime;
    private string BackHref => actor.Role == Role.Usuario ? "portal" : "cola";
    private string BackText => actor.Role == Role.Usuario ? "Volver a mis tickets" : "Volver a la cola";
    private TicketDetail? detail;
    private IReadOnlyList<TicketAction> actions = [];
    private bool notFound;
    private bool busy;
    private string? notice;
    private IDisposable? subscription;
    private IDisposable? membership;
    private IReadOnlyList<PresenceEntry> others = [];
    private readonly string sessionId = Guid.NewGuid().ToString("N");

    // The action most people want next is emphasised; the domain already decided which ones are allowed.
    private static readonly TicketAction[] Emphasis = [TicketAction.Tomar, TicketAction.Resolver, TicketAction.Finalizar];
    private TicketAction? PrimaryAction => Emphasis.Cast<TicketAction?>().FirstOrDefault(a => actions.Contains(a!.Value));

    protected override async Task OnParametersSetAsync()
    {
        actor = (await AuthenticationState).User.ToActor();
        await LoadAsync();
        // A ticket the person may not see does not exist for them: the first response is a plain 404.
        if (notFound && !RendererInfo.IsInteractive) Navigation.NotFound();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender) return;
        subscription = Feed.Subscribe(actor, OnTicketChanged, id => detail?.Ticket.Id == id);
        // Presence is for the people who work the ticket; requesters neither see it nor appear in it.
        if (detail is not null && actor.Role != Role.Usuario)
            membership = Presence.Join(detail.Ticket.Id, sessionId, actor.UserId, actor.Name, OnPresenceChanged);
    }

    private void OnPresenceChanged(IReadOnlyList<PresenceEntry> entries) => _ = InvokeAsync(() =>
    {
        others = entries.Where(e => e.UserId != actor.UserId).ToList(); // not myself, even in another tab
        StateHasChanged();
    });

    private void Writing(bool writing)
    {
        if (detail is not null && membership is not null) Presence.SetWriting(detail.Ticket.Id, sessionId, writing);
    }

    private async Task LoadAsync()
    {
        detail = await Queries.GetAsync(actor, Number);
        notFound = detail is null;
        actions = detail?.Ticket.AllowedActions(actor) ?? [];
    }

    private async Task OnTicketChanged(TicketChanged change)
    {
        if (detail is null || change.TicketId != detail.Ticket.Id) return;
        await InvokeAsync(async () =>
        {
            await LoadAsync();
            if (!change.Visible) notice = "El ticket pasó a otro nivel o responsable y ya no está a su cargo.";
            else if (change.ActorId != actor.UserId) notice = "Otra persona actualizó este ticket; se muestra su estado actual.";
            StateHasChanged();
        });
    }

    private async Task RunAsync(TicketAction action)
    {
        var ticket = detail!.Ticket;
        Func<Task<Ticket>>? command = action switch
        {
            TicketAction.Tomar => () => Commands.TakeAsync(actor, ticket.Id, ticket.Version),
            TicketAction.Finalizar => await AskSatisfaction() is { } satisfaction
                ? () => Commands.FinalizeAsync(actor, ticket.Id, ticket.Version, satisfaction) : null,
            TicketAction.Resolver => await AskText("Resolver el ticket", "Acciones realizadas", "Describa lo que se hizo y las pruebas de funcionamiento (6.5).", "Resolver", TicketLimits.SolutionMaxLength) is { } solution
                ? () => Commands.ResolveAsync(actor, ticket.Id, ticket.Version, solution) : null,
            TicketAction.Reabrir => await AskText("Reabrir el ticket", "Motivo de la disconformidad", null, "Reabrir") is { } why
                ? () => Commands.ReopenAsync(actor, ticket.Id, ticket.Version, why) : null,
            TicketAction.Anular => await AskText("Anular el ticket", "Motivo de la anulación", "Por ejemplo: ticket duplicado de otro ya registrado.", "Anular") is { } cancel
                ? () => Commands.CancelAsync(actor, ticket.Id, ticket.Version, cancel) : null,
            TicketAction.Escalar => await AskEscalation(ticket) is { } esc
                ? () => Commands.EscalateAsync(actor, ticket.Id, ticket.Version, esc.CriterionCode, esc.Reason, esc.VendorCompanyId) : null,
            TicketAction.Reasignar => await AskAssignee(ticket) is { } re
                ? () => Commands.ReassignAsync(actor, ticket.Id, ticket.Version, re.AssigneeId, re.Note) : null,
            TicketAction.Liberar => await AskText("Devolver a la cola", "Nota (opcional)", $"El ticket queda sin asignar en la cola de {ticket.Level.Label()}.", "Devolver a la cola", required: false) is { } note
                ? () => Commands.ReleaseAsync(actor, ticket.Id, ticket.Version, note) : null,
            TicketAction.Devolver => await AskSendBack(ticket) is { } back
                ? () => Commands.SendBackAsync(actor, ticket.Id, ticket.Version, back.Level, back.Reason, back.VendorCompanyId) : null,
            _ => null,
        };
        if (command is null) return;

        busy = true;
        notice = null;
        try
        {
            var updated = await command();
            Snackbar.Add($"{updated.Number}: {action.PastLabel().ToLowerInvariant()}.", Severity.Success);
        }
        catch (TicketConflictException ex)
        {
            notice = ex.Message;
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            busy = false;
            await LoadAsync();
            // Escalating can take a ticket out of the person's view; say so instead of "not found".
            if (detail is null) notice ??= $"El ticket {Number} pasó a otro nivel y ya no está a su cargo.";
        }
    }

    private async Task<bool> Confirm(string title, string text, string confirm) =>
        await Dialogs.ShowMessageBoxAsync(title, text, yesText: confirm, cancelText: "Cancelar") == true;

    private async Task<string?> AskText(string title, string label, string? intro, string confirm, int maxLength = TicketLimits.ReasonMaxLength, bool required = true)
    {
        var parameters = new DialogParameters<ReasonDialog>
        {
            { d => d.Label, label }, { d => d.Intro, intro }, { d => d.ConfirmText, confirm }, { d => d.MaxLength, maxLength },
            { d => d.Required, required },
        };
        var result = await (await Dialogs.ShowAsync<ReasonDialog>(title, parameters, DialogOptions)).Result;
        return result is { Canceled: false, Data: string text } ? text : null;
    }

    private async Task<EscalateDialog.Choice?> AskEscalation(Ticket ticket)
    {
        var parameters = new DialogParameters<EscalateDialog> { { d => d.From, ticket.Level }, { d => d.Vendors, await People.VendorsAsync() } };
        var result = await (await Dialogs.ShowAsync<EscalateDialog>("Escalar el ticket", parameters, DialogOptions)).Result;
        return result is { Canceled: false, Data: EscalateDialog.Choice choice } ? choice : null;
    }

    private async Task<Satisfaction?> AskSatisfaction()
    {
        var result = await (await Dialogs.ShowAsync<FinalizeDialog>("Finalizar el ticket", DialogOptions)).Result;
        return result is { Canceled: false, Data: Satisfaction satisfaction } ? satisfaction : null;
    }

    private async Task<SendBackDialog.Choice?> AskSendBack(Ticket ticket)
    {
        var parameters = new DialogParameters<SendBackDialog> { { d => d.From, ticket.Level }, { d => d.Vendors, await People.VendorsAsync() } };
        var result = await (await Dialogs.ShowAsync<SendBackDialog>("Bajar de nivel", parameters, DialogOptions)).Result;
        return result is { Canceled: false, Data: SendBackDialog.Choice choice } ? choice : null;
    }

    private async Task<ReassignDialog.Choice?> AskAssignee(Ticket ticket)
    {
        var parameters = new DialogParameters<ReassignDialog> { { d => d.Candidates, await People.AssigneeCandidatesAsync(actor, ticket) } };
        var result = await (await Dialogs.ShowAsync<ReassignDialog>("Reasignar dentro del nivel", parameters, DialogOptions)).Result;
        return result is { Canceled: false, Data: ReassignDialog.Choice choice } ? choice : null;
    }

    private static DialogOptions DialogOptions { get; } = new() { MaxWidth = MaxWidth.Small, FullWidth = true };

    private static string IconFor(TicketAction action) => action switch
    {
        TicketAction.Tomar => Icons.Material.Filled.PanTool,
        TicketAction.Reasignar => Icons.Material.Filled.SwapHoriz,
        TicketAction.Escalar => Icons.Material.Filled.TrendingUp,
        TicketAction.Resolver => Icons.Material.Filled.CheckCircle,
        TicketAction.Reabrir => Icons.Material.Filled.Replay,
        TicketAction.Finalizar => Icons.Material.Filled.DoneAll,
        TicketAction.Anular => Icons.Material.Filled.Block,
        TicketAction.Liberar => Icons.Material.Filled.Inbox,
        TicketAction.Devolver => Icons.Material.Filled.TrendingDown,
        _ => Icons.Material.Filled.PlayArrow,
    };

    public void Dispose()
    {
        subscription?.Dispose();
        membership?.Dispose();
    }
}

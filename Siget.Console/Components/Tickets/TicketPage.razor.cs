using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using Siget.Console.Live;
using Siget.Console.Services.People;
using Siget.Console.Services.Tickets;
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

    [Inject] private IJSRuntime JS { get; set; } = default!;

    private Actor actor = default!;
    private DateTime Now => Clock.GetUtcNow().UtcDateTime;
    private string BackHref => actor.Role == Role.Usuario ? "portal" : "cola";
    private string BackText => actor.Role == Role.Usuario ? "Volver a mis tickets" : "Volver a la cola";
    private TicketDetail? detail;
    private IReadOnlyList<TicketAction> actions = [];
    private bool notFound;
    private bool busy;
    private IDisposable? subscription;
    private TicketPresence.Membership? membership;
    private DotNetObjectReference<TicketPage>? self;
    private int? heartbeat;
    private IReadOnlyList<PresenceEntry> others = [];
    private readonly string sessionId = Guid.NewGuid().ToString("N");
    private ReplyBox? replyBox;

    // What the page tells of changes. A change by someone else (or by this person in another tab) is news, shown calmly
    // (note); it is a warning only when it crosses something of the person's own not yet done: a dialog open, a command
    // on its way, a reply being written. One message at a time: a later one replaces the earlier.
    private string? note;
    private string? warning;
    /// <summary>The action whose dialog is open (its confirmation would act on what the page showed).</summary>
    private TicketAction? asking;
    /// <summary>The page's own change on its way: its own live event is not news.</summary>
    private TicketAction? inFlight;
    /// <summary>Changes by others that arrived while <see cref="asking"/> or <see cref="inFlight"/>.</summary>
    private readonly List<TicketChanged> meanwhile = [];
    /// <summary>The ticket left the person's view: the page keeps what it showed, read-only, so nothing typed is lost.</summary>
    private bool left;
    private TaskCompletionSource<TicketChanged> departure = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How long a refused command waits for the live event that says where the ticket went.</summary>
    private static readonly TimeSpan DepartureWait = TimeSpan.FromSeconds(3);

    // The action most people want next is emphasised; the domain already decided which ones are allowed.
    private static readonly TicketAction[] Emphasis = [TicketAction.Tomar, TicketAction.Resolver, TicketAction.Finalizar];
    private TicketAction? PrimaryAction => Emphasis.Cast<TicketAction?>().FirstOrDefault(a => actions.Contains(a!.Value));

    private bool MayReply(Ticket t) => !left && detail?.Frozen != true && t.State is not (TicketState.Finalizado or TicketState.Anulado) && (t.MayReplyPublicly(actor) || t.MayReadInternalNotes(actor));

    protected override async Task OnParametersSetAsync()
    {
        actor = (await AuthenticationState).User.ToActor();
        var previous = detail?.Ticket.Id;
        if (previous is not null && detail?.Ticket.Number != Number)
        {
            (note, warning, left) = (null, null, false); // another ticket in the same page
            departure = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        await LoadAsync();
        if (membership is not null && membership.TicketId != detail?.Ticket.Id) await JoinPresenceAsync();
        // A ticket the person may not see does not exist for them: the first response is a plain 404.
        if (notFound && !RendererInfo.IsInteractive) Navigation.NotFound();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        // Told once that the ticket left the person's view (also when a refused change of theirs already found it gone);
        // nothing after that, nor to a vendor's frozen page, of changes they do not follow.
        subscription = Feed.Subscribe(actor, OnTicketChanged, id => detail?.Ticket.Id == id && !detail.Frozen && !departure.Task.IsCompleted);
        await JoinPresenceAsync();
    }

    /// <summary>Presence is for the people who work the ticket; requesters neither see it nor appear in it.</summary>
    private async Task JoinPresenceAsync()
    {
        membership?.Dispose();
        membership = null;
        if (detail is null || actor.Role == Role.Usuario) return;
        membership = Presence.Join(detail.Ticket.Id, sessionId, actor.UserId, actor.Name, OnPresenceChanged);
        if (heartbeat is not null) return;
        self ??= DotNetObjectReference.Create(this);
        try { heartbeat = await JS.InvokeAsync<int>("sigetPresence.start", self, (int)TicketPresence.BeatEvery.TotalMilliseconds); }
        catch (JSDisconnectedException) { }
    }

    /// <summary>The browser's heartbeat (presence.js): this page is still open in a live browser.</summary>
    [JSInvokable]
    public void StillHere() => membership?.Beat();

    private void OnPresenceChanged(IReadOnlyList<PresenceEntry> entries) => _ = InvokeAsync(() =>
    {
        others = entries.Where(e => e.UserId != actor.UserId).ToList(); // not myself, even in another tab
        StateHasChanged();
    });

    private void Writing(bool writing) => membership?.Writing(writing);

    private async Task LoadAsync()
    {
        detail = await Queries.GetAsync(actor, Number);
        notFound = detail is null;
        actions = detail?.AllowedActions(actor) ?? [];
    }

    /// <summary>What the page shows of the ticket, to tell whether a reload brought anything new.</summary>
    private (long, int, int)? Shown => detail is null ? null : (detail.Ticket.Version, detail.History.Count, detail.Messages.Count);

    private Task OnTicketChanged(TicketChanged change) => InvokeAsync(async () =>
    {
        if (detail is null || change.TicketId != detail.Ticket.Id) return;
        var mine = change.ActorId == actor.UserId;
        if (mine && inFlight == change.Action) return; // this page's own change: the command's caller says how it went
        if (!change.Visible) departure.TrySetResult(change); // a refused command of this page may be waiting for it
        if (left)
        {
            // Left when this page's own change came back: say where the ticket went, unless something already did.
            if (!change.Visible && inFlight is null && note is null && warning is null) Tell(TicketNews.Departure(change, actor), crossesOwnWork: replyBox?.HasDraft == true);
            StateHasChanged();
            return;
        }
        if (!change.Visible)
        {
            if (inFlight is not null) return; // the refused command explains it
            await LeaveAsync();
            if (left || detail?.Frozen == true) Tell(TicketNews.Departure(change, actor), crossesOwnWork: asking is not null || replyBox?.HasDraft == true);
            StateHasChanged();
            return;
        }
        var before = Shown;
        await LoadAsync();
        if (Shown == before) return; // already on screen: the echo of a change this page has reloaded since
        if (asking is not null || inFlight is not null) meanwhile.Add(change);
        if (inFlight is null) Tell(TicketNews.Of(change, actor), crossesOwnWork: asking is not null || replyBox?.HasDraft == true);
        StateHasChanged();
    });

    /// <summary>Reloads a ticket that left the person's view: a vendor gets its frozen page; anyone else keeps what the page
    /// showed, read-only, so a reply being written stays in its box.</summary>
    private async Task LeaveAsync()
    {
        var seen = detail;
        await LoadAsync();
        if (detail is null && seen is not null)
        {
            (detail, notFound, actions, left) = (seen, false, [], true);
        }
    }

    /// <summary>A change by someone else: calm news, or a warning when it crosses what the person has under way.</summary>
    private void Tell(string news, bool crossesOwnWork)
    {
        if (!crossesOwnWork)
        {
            note = $"Actualizado: {news}.";
            return;
        }
        note = null;
        warning = $"Mientras tanto, {news}." + (asking is { } a
            ? $" Revise el estado antes de confirmar «{a.Label()}»."
            : detail is { } d && MayReply(d.Ticket) ? " Revise su respuesta antes de enviarla." : " Su respuesta no se puede enviar; el texto sigue en el cuadro.");
    }

    /// <summary>
    /// Runs one change of this page's own (an action or a reply). Its live echo is not news. A refusal caused by someone
    /// else's change meanwhile (a newer version, the ticket gone from the person's view) comes back as one message that
    /// says what happened; a refusal for the change's own reasons comes back as the domain's message.
    /// </summary>
    /// <returns>Null when done, otherwise the message for the person.</returns>
    private async Task<ChangeRefused?> OwnChangeAsync(TicketAction action, Func<Task> change, TicketDetail? seenAtStart = null)
    {
        var seen = seenAtStart ?? detail!;
        inFlight = action;
        warning = null;
        try
        {
            await change();
            await LeaveAsync();
            // Someone else took the ticket out of view while this change was on its way (after it was saved).
            if (left && departure.Task.IsCompletedSuccessfully) note = TicketNews.Sentence(TicketNews.Departure(departure.Task.Result, actor));
            else if (meanwhile.Count > 0) note = $"Actualizado: {TicketNews.Of(meanwhile[^1], actor)}.";
            return null;
        }
        catch (Exception ex) when (ex is TicketConflictException or DomainException)
        {
            await LeaveAsync();
            var unchanged = !left && detail?.Ticket.Version == seen.Ticket.Version && detail.Messages.Count == seen.Messages.Count;
            if (ex is DomainException && unchanged) return new(ex.Message, LostRace: false); // refused on its own merits
            return new(await RaceLostAsync(seen, action), LostRace: true);
        }
        finally
        {
            inFlight = null;
            meanwhile.Clear();
        }
    }

    /// <summary>The one message for someone whose change lost a race: what happened meanwhile, and that theirs was not applied.</summary>
    private async Task<string> RaceLostAsync(TicketDetail seen, TicketAction action)
    {
        var outcome = action is TicketAction.Responder or TicketAction.AnotarNota
            ? "Su mensaje no se envió; sigue en el cuadro."
            : $"No se aplicó su acción «{action.Label()}».";
        if (left)
        {
            TicketChanged? gone = null;
            try { gone = await departure.Task.WaitAsync(DepartureWait, Clock); }
            catch (TimeoutException) { }
            return $"Mientras tanto, {TicketNews.Departure(gone, actor)}. {outcome}";
        }
        var t = detail!.Ticket;
        var seenEntries = seen.History.Select(h => h.Id).ToHashSet();
        var seenMessages = seen.Messages.Select(m => m.Id).ToHashSet();
        var news = detail.History.Where(h => !seenEntries.Contains(h.Id)).Select(h => TicketNews.Of(h, t.Level, actor))
            .Concat(detail.Messages.Where(m => !seenMessages.Contains(m.Id)).Take(1)
                .Select(m => TicketNews.Of(m.Internal ? TicketAction.AnotarNota : TicketAction.Responder, m.AuthorName, m.AuthorId == actor.UserId, t.Level, null, actor)))
            .Concat(meanwhile.Select(c => TicketNews.Of(c, actor)))
            .Distinct().ToList();
        var what = news.Count == 0 ? "otra persona cambió el ticket" : string.Join("; luego, ", news);
        return $"Mientras tanto, {what}. {outcome} Revise el estado actual.";
    }

    private async Task RunAsync(TicketAction action)
    {
        var seen = detail!;
        var ticket = seen.Ticket;
        note = null;
        asking = action;
        Func<Task<Ticket>>? command;
        try
        {
            command = action switch
            {
                TicketAction.Tomar => () => Commands.TakeAsync(actor, ticket.Id, ticket.Version),
                TicketAction.Finalizar => await AskSatisfaction() is { } satisfaction
                    ? () => Commands.FinalizeAsync(actor, ticket.Id, ticket.Version, satisfaction) : null,
                TicketAction.Resolver => await AskText("Resolver el ticket", "Acciones realizadas", "Describa lo que se hizo y las pruebas de funcionamiento (6.5).", "Resolver", TicketLimits.SolutionMaxLength) is { } solution
                    ? () => Commands.ResolveAsync(actor, ticket.Id, ticket.Version, solution) : null,
                TicketAction.Reabrir when !ticket.ReopensOnBehalf(actor) => await AskText("Reabrir el ticket", "Motivo de la disconformidad", null, "Reabrir") is { } why
                    ? () => Commands.ReopenAsync(actor, ticket.Id, ticket.Version, why) : null,
                TicketAction.Reabrir => await AskReopenOnBehalf(ticket) is { } asked
                    ? () => Commands.ReopenAsync(actor, ticket.Id, ticket.Version, asked.Reason, asked.OnBehalf) : null,
                TicketAction.Anular => await AskCancel() is { } cancel
                    ? () => Commands.CancelAsync(actor, ticket.Id, ticket.Version, cancel.Reason, cancel.RequesterNote) : null,
                TicketAction.Asumir => await AskText("Asumir el ticket", "Motivo",
                        $"{ticket.AssigneeName} está ausente. El ticket pasará a usted y {ticket.AssigneeName} recibirá un aviso con este motivo.", "Asumir") is { } takeOver
                    ? () => Commands.TakeOverAsync(actor, ticket.Id, ticket.Version, takeOver) : null,
                TicketAction.Escalar => await AskEscalation(ticket) is { } esc
                    ? () => Commands.EscalateAsync(actor, ticket.Id, ticket.Version, esc.CriterionCode, esc.Reason, esc.VendorCompanyId) : null,
                TicketAction.Reasignar => await AskAssignee(ticket) is { } re
                    ? () => Commands.ReassignAsync(actor, ticket.Id, ticket.Version, re.AssigneeId, re.Note) : null,
                TicketAction.Liberar => await AskText("Devolver a la cola", "Nota (opcional)", $"El ticket queda sin asignar en la cola de {ticket.Level.Label()}.", "Devolver a la cola", required: false) is { } releaseNote
                    ? () => Commands.ReleaseAsync(actor, ticket.Id, ticket.Version, releaseNote) : null,
                TicketAction.Devolver => await AskSendBack(ticket) is { } back
                    ? () => Commands.SendBackAsync(actor, ticket.Id, ticket.Version, back.Level, back.Reason, back.VendorCompanyId) : null,
                _ => null,
            };
        }
        finally
        {
            asking = null;
        }
        if (command is null)
        {
            // Cancelled: what changed meanwhile crosses nothing of theirs any more.
            if (meanwhile.Count > 0) (warning, note) = (null, $"Actualizado: {TicketNews.Of(meanwhile[^1], actor)}.");
            meanwhile.Clear();
            return;
        }

        busy = true;
        Ticket? updated = null;
        var refusal = await OwnChangeAsync(action, async () => updated = await command(), seen);
        busy = false;
        if (refusal is { LostRace: true }) warning = refusal.Message;
        else if (refusal is not null) Snackbar.Add(refusal.Message, Severity.Error);
        if (refusal is not null) return;
        Snackbar.Add($"{updated!.Number}: {action.PastLabel().ToLowerInvariant()}.", Severity.Success);
        // Escalating can take a ticket out of the person's own view; say so instead of "not found".
        if (left) note ??= TicketNews.Sentence(TicketNews.Departure(TicketChanged.From(updated, action, actor), actor));
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
        var parameters = new DialogParameters<EscalateDialog> { { d => d.Routes, ticket.EscalationRoutes(actor) }, { d => d.Vendors, await People.VendorsAsync() } };
        var result = await (await Dialogs.ShowAsync<EscalateDialog>("Escalar el ticket", parameters, DialogOptions)).Result;
        return result is { Canceled: false, Data: EscalateDialog.Choice choice } ? choice : null;
    }

    private async Task<ReopenOnBehalfDialog.Choice?> AskReopenOnBehalf(Ticket ticket)
    {
        var parameters = new DialogParameters<ReopenOnBehalfDialog> { { d => d.RequesterName, ticket.RequesterName } };
        var result = await (await Dialogs.ShowAsync<ReopenOnBehalfDialog>("Reabrir a pedido del solicitante", parameters, DialogOptions)).Result;
        return result is { Canceled: false, Data: ReopenOnBehalfDialog.Choice choice } ? choice : null;
    }

    private async Task<CancelDialog.Choice?> AskCancel()
    {
        var result = await (await Dialogs.ShowAsync<CancelDialog>("Anular el ticket", DialogOptions)).Result;
        return result is { Canceled: false, Data: CancelDialog.Choice choice } ? choice : null;
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
        TicketAction.Asumir => Icons.Material.Filled.AssignmentInd,
        TicketAction.Escalar => Icons.Material.Filled.TrendingUp,
        TicketAction.Resolver => Icons.Material.Filled.CheckCircle,
        TicketAction.Reabrir => Icons.Material.Filled.Replay,
        TicketAction.Finalizar => Icons.Material.Filled.DoneAll,
        TicketAction.Anular => Icons.Material.Filled.Block,
        TicketAction.Liberar => Icons.Material.Filled.Inbox,
        TicketAction.Devolver => Icons.Material.Filled.TrendingDown,
        _ => Icons.Material.Filled.PlayArrow,
    };

    public async ValueTask DisposeAsync()
    {
        subscription?.Dispose();
        membership?.Dispose();
        if (heartbeat is { } id)
        {
            try { await JS.InvokeVoidAsync("sigetPresence.stop", id); }
            catch (JSDisconnectedException) { } // the browser is gone, and its timer with it
        }
        self?.Dispose();
    }
}

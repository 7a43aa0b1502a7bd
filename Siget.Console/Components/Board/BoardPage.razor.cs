using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using Siget.Console.Components.Shared;
using Siget.Console.Components.Tickets;
using Siget.Console.Live;
using Siget.Console.Services.Board;
using Siget.Console.Services.People;
using Siget.Console.Services.Tickets;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Board;
using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Console.Components.Board;

/// <summary>
/// The supervisor board: drag a card to another column and the drop becomes the command it means
/// (<see cref="BoardMoves"/>): reassign, release, escalate (criterion and reason asked) or send back (reason asked).
/// A cancelled dialog or a refused move puts the card back. The board follows the live feed.
/// Dragging and the cards' "Mover" buttons are one set of listeners on the board (board.js), which calls
/// <see cref="CardDroppedAsync"/> and <see cref="MoveRequestedAsync"/>; each column renders only when it changed.
/// </summary>
public partial class BoardPage
{
    [Inject] private FirstPaintHandOver HandOver { get; set; } = default!;
    [Inject] private SupervisorBoard Board { get; set; } = default!;
    [Inject] private TicketCommands Commands { get; set; } = default!;
    [Inject] private AgentAvailability Availability { get; set; } = default!;
    [Inject] private PeopleDirectory People { get; set; } = default!;
    [Inject] private TicketFeed Feed { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Periodic = TimeSpan.FromSeconds(60);

    private Actor actor = default!;
    private BoardSnapshot? snapshot;
    private string? refused;
    private bool busy;
    private IDisposable? subscription;
    private ITimer? timer;
    private Debouncer? reloads;
    private Debouncer Reloads => reloads ??= Debouncer.OncePer(Coalesce, Clock);
    private ElementReference boardElement;
    private DotNetObjectReference<BoardPage>? self;
    private IJSObjectReference? dragAndDrop;
    // A card being moved shows in its target column while its dialog is open; cancelling takes it back.
    private (BoardCard Card, BoardLane Target)? pending;

    // Each column's cards as shown: the snapshot's, with the moves made since it was read already applied.
    private Dictionary<BoardLane, IReadOnlyList<BoardCard>> shown = [];
    // Counts what changed the board on screen (reloads started, moves placed), so that a slower, older reload is dropped.
    private int changes;
    // Tickets this screen is moving: the feed's event for such a move is this screen's own, already shown (one command,
    // one event), so it reads the two columns again instead of the whole board.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, bool> ownMoves = new();

    private bool IsOwnMove(TicketChanged change) => change.ActorId == actor.UserId && ownMoves.TryRemove(change.TicketId, out _);

    protected override async Task OnInitializedAsync()
    {
        actor = (await AuthenticationState).User.ToActor();
        if (!SupervisorBoard.MayUse(actor))
        {
            refused = "El tablero es para el Ejecutivo de la UTI. Use la cola de tickets.";
            return;
        }
        var paint = HandOver.Take<BoardSnapshot>(actor.UserId, FirstBoardTicket)
            ?? await FirstPaint<BoardSnapshot>.ReadAsync(Feed, () => Board.LoadAsync(actor));
        firstPaint = paint; // handed over if this is the prerender (see FirstBoardTicket); let go once the circuit has drawn
        Show(paint.Data);
    }

    /// <summary>The board as prerendered, handed to the circuit on the server (<see cref="FirstPaintHandOver"/>): it
    /// shows the same cards at once, with no loading bar in between and no second read. The page carries only this ticket.</summary>
    [PersistentState]
    public string? FirstBoardTicket
    {
        // Read by the framework only when the prerendered page persists its state: only a prerender keeps its read.
        get => firstBoardTicket ??= firstPaint is { } paint ? HandOver.Keep(actor.UserId, paint) : null;
        set => firstBoardTicket = value;
    }
    private string? firstBoardTicket;
    private FirstPaint<BoardSnapshot>? firstPaint;

    private void Show(BoardSnapshot board)
    {
        snapshot = board;
        shown = board.Levels.SelectMany(l => l.Columns).ToDictionary(c => c.Lane, c => c.Cards);
    }

    private IReadOnlyList<BoardCard> CardsOf(BoardLane lane)
    {
        var cards = shown.GetValueOrDefault(lane) ?? [];
        if (pending is not { } move) return cards;
        if (move.Target == lane) return [move.Card, .. cards];
        return move.Card.Lane == lane ? cards.Where(c => c.Id != move.Card.Id).ToList() : cards;
    }

    private BoardCard? Find(int ticketId) => shown.Values.SelectMany(c => c).FirstOrDefault(c => c.Id == ticketId);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (snapshot is null || self is not null) return;
        self = DotNetObjectReference.Create(this);
        subscription = Feed.Subscribe(actor, change => IsOwnMove(change) ? Task.CompletedTask : ReloadSoon());
        if (firstPaint?.Missed(Feed) == true) _ = ReloadSoon(); // changes between the first read and following the feed
        (firstPaint, firstBoardTicket) = (null, null);
        Availability.Changed += OnAvailabilityChanged;
        // At-risk and breached counts move with time even when nothing happens.
        timer = Clock.CreateTimer(_ => _ = ReloadSoon(), null, Periodic, Periodic);
        try
        {
            var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/board.js");
            dragAndDrop = await module.InvokeAsync<IJSObjectReference>("attach", boardElement, self);
        }
        catch (JSDisconnectedException)
        {
            // The browser left while the board was starting.
        }
    }

    /// <summary>board.js: a card was dropped on another column.</summary>
    [JSInvokable]
    public async Task CardDroppedAsync(int ticketId, string laneId)
    {
        if (busy || pending is not null || Find(ticketId) is not { } card || BoardLane.Parse(laneId) is not { } target) return;
        await MoveAsync(card, target);
    }

    private Task OnAvailabilityChanged(AvailabilityChanged _) => ReloadSoon();

    private Task ReloadSoon() => Reloads.Trigger(() => InvokeAsync(async () =>
    {
        // Never pull the board from under a move being asked about: try again shortly.
        if (busy || pending is not null)
        {
            _ = ReloadSoon();
            return;
        }
        await ReloadAsync();
    }));

    private async Task ReloadAsync()
    {
        var started = ++changes;
        // Off the circuit's thread: SQLite reads complete synchronously, and the supervisor's clicks must not wait
        // behind a reload of the whole board.
        var board = await Task.Run(() => Board.LoadAsync(actor));
        // A move placed meanwhile, or a later reload, is newer than what this one read: showing it would put a card back.
        if (started != changes) return;
        Show(board);
        StateHasChanged();
    }

    /// <summary>
    /// One move, dragged or chosen with "Mover": plan it, refuse it with the reason, or ask what it needs and run it.
    /// The card shows in its target column while its dialog is open. The command runs before the dialog closes, so the
    /// card settles in its column as the dialog goes (one frame in the browser, not two); the board reloads shortly
    /// after. A cancelled move goes back; a refused one reloads the board (someone may have changed the ticket).
    /// </summary>
    private async Task MoveAsync(BoardCard card, BoardLane target)
    {
        var move = BoardMoves.Plan(card.Level, card.AssigneeId, card.VendorCompanyId, target);
        switch (move.Kind)
        {
            case BoardMoveKind.Ninguno:
                return;
            case BoardMoveKind.Rechazado:
                Snackbar.Add($"{card.Number}: {move.Refusal}", Severity.Warning);
                return;
        }
        pending = (card, target);
        StateHasChanged();
        bool? done = null; // null: cancelled; false: refused
        async Task Run(Func<Task<Ticket>> command)
        {
            ownMoves[card.Id] = true;
            var moved = await RunAsync(card, move.Kind, command);
            done = moved is not null;
            if (moved is null)
            {
                ownMoves.TryRemove(card.Id, out _);
                return;
            }
            pending = null;
            Place(Board.CardAfter(card, moved));
        }
        try
        {
            await AskAsync(card, move.Kind, target, snapshot?.Column(target)?.Title ?? "", Run);
        }
        finally
        {
            pending = null;
            switch (done)
            {
                case true: _ = RefreshColumnsAsync(card.Lane, target); break; // the two columns' counts and next cards
                case false: await ReloadAsync(); break;
                default: StateHasChanged(); break;
            }
        }
    }

    /// <summary>
    /// After a move of this screen's own, only the two columns it touched are read again (their counts, SLA load and
    /// the card that takes the moved one's place): the rest of the board did not change and does not render.
    /// </summary>
    private async Task RefreshColumnsAsync(BoardLane from, BoardLane to)
    {
        if (snapshot is not { } board) return;
        var started = changes;
        var columns = new[] { from, to }.Distinct().Select(board.Column).OfType<BoardColumn>().ToList();
        var fresh = await Task.Run(() => Board.ColumnsAsync(actor, columns));
        // A later move or reload is newer than what this read.
        if (started != changes || snapshot != board) return;
        var byLane = fresh.ToDictionary(c => c.Lane);
        snapshot = board with
        {
            Levels = board.Levels.Select(l => l.Columns.Any(c => byLane.ContainsKey(c.Lane))
                ? l with { Columns = l.Columns.Select(c => byLane.GetValueOrDefault(c.Lane) ?? c).ToList() } : l).ToList(),
        };
        shown = shown.ToDictionary(lane => lane.Key, lane => byLane.TryGetValue(lane.Key, out var column) ? column.Cards : lane.Value);
        StateHasChanged();
    }

    /// <summary>Shows a moved card in its new column, in queue order, before the board is read again.</summary>
    private void Place(BoardCard moved)
    {
        changes++;
        shown = shown.ToDictionary(lane => lane.Key, lane => lane.Key == moved.Lane
            ? lane.Value.Where(c => c.Id != moved.Id).Append(moved).Order(SupervisorBoard.InQueueOrder).ToList()
            : lane.Value.Any(c => c.Id == moved.Id) ? lane.Value.Where(c => c.Id != moved.Id).ToList() : lane.Value);
        StateHasChanged();
    }

    /// <summary>Asks what the move needs (note, criterion and reason, or reason) and hands its command to <paramref name="run"/>.</summary>
    private async Task AskAsync(BoardCard card, BoardMoveKind kind, BoardLane target, string targetTitle, Func<Func<Task<Ticket>>, Task> run)
    {
        switch (kind)
        {
            case BoardMoveKind.Reasignar:
                await AskTextAsync($"Reasignar {card.Number}", "Nota (opcional)", $"Pasa a {targetTitle}.", "Reasignar", required: false,
                    note => run(() => Commands.ReassignAsync(actor, card.Id, card.Version, target.PersonId!, note)));
                break;
            case BoardMoveKind.Liberar:
                await AskTextAsync($"Devolver {card.Number} a la cola", "Nota (opcional)",
                    $"Queda sin asignar en la cola de {target.Level.Label()}.", "Devolver a la cola", required: false,
                    why => run(() => Commands.ReleaseAsync(actor, card.Id, card.Version, why)));
                break;
            case BoardMoveKind.Escalar:
                var parameters = new DialogParameters<EscalateDialog>
                {
                    // The column chose the destination; the dialog offers that route's criteria only.
                    { d => d.Routes, [EscalationMatrix.Route(card.Level, target.Level)!] }, { d => d.TargetName, target.IsQueue ? null : targetTitle },
                    { d => d.Vendors, target.VendorCompanyId is int v ? [new VendorOption(v, targetTitle)] : await People.VendorsAsync() },
                    { d => d.OnConfirm, choice => run(() => Commands.EscalateAsync(actor, card.Id, card.Version, choice.CriterionCode, choice.Reason,
                        choice.VendorCompanyId, target.PersonId)) },
                };
                await (await Dialogs.ShowAsync<EscalateDialog>($"Escalar {card.Number}", parameters, DialogOptions)).Result;
                break;
            case BoardMoveKind.Devolver:
                await AskTextAsync($"Devolver {card.Number} a {target.Level.Label()}", "Motivo de la devolución",
                    $"Pasa de {card.Level.Label()} a {targetTitle} ({target.Level.Label()}).", "Devolver", required: true,
                    reason => run(() => Commands.SendBackAsync(actor, card.Id, card.Version, target.Level, reason, target.VendorCompanyId, target.PersonId)));
                break;
        }
    }

    /// <summary>Runs the command; the ticket as it left it, or null if it was refused (the reason is shown).</summary>
    private async Task<Ticket?> RunAsync(BoardCard card, BoardMoveKind kind, Func<Task<Ticket>> command)
    {
        busy = true;
        try
        {
            var ticket = await command();
            Snackbar.Add($"{ticket.Number}: {Done(kind)}{(ticket.AssigneeName is { } who ? $" · {who}" : "")}.", Severity.Success);
            return ticket;
        }
        catch (TicketConflictException ex)
        {
            Snackbar.Add($"{card.Number}: {ex.Message}", Severity.Warning);
        }
        catch (DomainException ex)
        {
            Snackbar.Add($"{card.Number}: {ex.Message}", Severity.Error);
        }
        finally
        {
            busy = false;
        }
        return null;
    }

    /// <summary>
    /// board.js: a card's "Mover" button, the same moves without dragging (keyboard and screen readers): the person
    /// chooses the destination from every column the card may go to, grouped by what the move means.
    /// </summary>
    [JSInvokable]
    public async Task MoveRequestedAsync(int ticketId)
    {
        if (busy || pending is not null || snapshot is null || Find(ticketId) is not { } card) return;
        var options = snapshot.Levels.SelectMany(l => l.Columns)
            .Select(c => (Column: c, Kind: BoardMoves.Plan(card.Level, card.AssigneeId, card.VendorCompanyId, c.Lane).Kind))
            .Where(o => o.Kind is not (BoardMoveKind.Ninguno or BoardMoveKind.Rechazado))
            .OrderBy(o => o.Kind)
            .Select(o => new MoveTargetDialog.Option(o.Column.Lane.Id,
                o.Column.Lane.IsQueue ? $"{o.Column.Lane.Level.Label()} · sin asignar" : $"{o.Column.Title} ({o.Column.Lane.Level.ShortLabel()})",
                o.Column.Available == false, o.Column.Count, Group(o.Kind)))
            .ToList();
        if (options.Count == 0)
        {
            Snackbar.Add("No hay a dónde moverlo.", Severity.Info);
            return;
        }
        busy = true; // one dialog at a time: a drop meanwhile is ignored
        DialogResult? result;
        try
        {
            var parameters = new DialogParameters<MoveTargetDialog> { { d => d.Options, options } };
            result = await (await Dialogs.ShowAsync<MoveTargetDialog>($"Mover {card.Number} a…", parameters, DialogOptions)).Result;
        }
        finally
        {
            busy = false;
        }
        if (result is { Canceled: false, Data: string laneId } && BoardLane.Parse(laneId) is { } target) await MoveAsync(card, target);
    }

    private static string Group(BoardMoveKind kind) => kind switch
    {
        BoardMoveKind.Reasignar => "Reasignar a",
        BoardMoveKind.Liberar => "Devolver a la cola",
        BoardMoveKind.Escalar => "Escalar a",
        _ => "Bajar de nivel a",
    };

    private async Task ToggleAvailabilityAsync(BoardColumn column)
    {
        try
        {
            await Availability.SetAsync(actor, column.Lane.PersonId!, column.Available != true);
            Snackbar.Add($"{column.Title}: {(column.Available == true ? "ausente" : "disponible")}.", Severity.Info);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        await ReloadAsync();
    }

    private async Task AskTextAsync(string title, string label, string intro, string confirm, bool required, Func<string, Task> onConfirm)
    {
        var parameters = new DialogParameters<ReasonDialog>
        {
            { d => d.Label, label }, { d => d.Intro, intro }, { d => d.ConfirmText, confirm }, { d => d.Required, required },
            { d => d.OnConfirm, onConfirm },
        };
        await (await Dialogs.ShowAsync<ReasonDialog>(title, parameters, DialogOptions)).Result;
    }

    private static string Done(BoardMoveKind kind) => kind switch
    {
        BoardMoveKind.Reasignar => "reasignado",
        BoardMoveKind.Liberar => "devuelto a la cola",
        BoardMoveKind.Escalar => "escalado",
        _ => "devuelto",
    };

    private static DialogOptions DialogOptions { get; } = new() { MaxWidth = MaxWidth.Small, FullWidth = true };

    public async ValueTask DisposeAsync()
    {
        subscription?.Dispose();
        timer?.Dispose();
        reloads?.Dispose();
        Availability.Changed -= OnAvailabilityChanged;
        try
        {
            if (dragAndDrop is not null)
            {
                await dragAndDrop.InvokeVoidAsync("detach");
                await dragAndDrop.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the listeners with the page.
        }
        self?.Dispose();
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Siget.Console.Components.Tickets;
using Siget.Console.Live;
using Siget.Console.Services;
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
/// </summary>
public partial class BoardPage
{
    [Inject] private SupervisorBoard Board { get; set; } = default!;
    [Inject] private TicketCommands Commands { get; set; } = default!;
    [Inject] private AgentAvailability Availability { get; set; } = default!;
    [Inject] private PeopleDirectory People { get; set; } = default!;
    [Inject] private TicketFeed Feed { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Periodic = TimeSpan.FromSeconds(60);

    private Actor actor = default!;
    private BoardSnapshot? snapshot;
    private string? refused;
    private bool busy;
    private MudDropContainer<BoardCard>? container;
    private IDisposable? subscription;
    private ITimer? timer;
    private CancellationTokenSource? pendingReload;
    // A card being moved shows in its target column while its dialog is open; cancelling takes it back.
    private readonly ConcurrentDictionary<int, string> pending = new();

    // The drop container's items and their lanes, rebuilt only when the board is reloaded (not on every render):
    // every drop zone asks for every card, about 100 × 1,700 times per render.
    private IReadOnlyList<BoardCard> Items { get; set; } = [];
    private Dictionary<int, string> laneOf = [];
    // Counts what changed the board on screen (reloads started, moves placed), so that a slower, older reload is dropped.
    private int changes;

    protected override async Task OnInitializedAsync()
    {
        actor = (await AuthenticationState).User.ToActor();
        if (!SupervisorBoard.MayUse(actor))
        {
            refused = "El tablero es para el Ejecutivo de la UTI. Use la cola de tickets.";
            return;
        }
        Show(await Board.LoadAsync(actor));
    }

    private void Show(BoardSnapshot board)
    {
        snapshot = board;
        Items = board.Cards.ToList();
        laneOf = Items.ToDictionary(c => c.Id, c => c.Lane.Id);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender || snapshot is null) return;
        subscription = Feed.Subscribe(actor, _ => ReloadSoon());
        Availability.Changed += OnAvailabilityChanged;
        // At-risk and breached counts move with time even when nothing happens.
        timer = Clock.CreateTimer(_ => _ = ReloadSoon(), null, Periodic, Periodic);
    }

    private bool InZone(BoardCard card, string zone) =>
        (pending.TryGetValue(card.Id, out var target) ? target : laneOf.GetValueOrDefault(card.Id) ?? card.Lane.Id) == zone;

    private Task OnAvailabilityChanged(AvailabilityChanged _) => ReloadSoon();

    private async Task ReloadSoon()
    {
        pendingReload?.Cancel();
        var cts = pendingReload = new CancellationTokenSource();
        try { await Task.Delay(Coalesce, cts.Token); } catch (TaskCanceledException) { return; }
        await InvokeAsync(async () =>
        {
            // Never pull the board from under a card being dragged or a dialog being answered: try again shortly.
            if (busy || container?.TransactionInProgress() == true)
            {
                _ = ReloadSoon();
                return;
            }
            await ReloadAsync();
        });
    }

    private async Task ReloadAsync()
    {
        var started = ++changes;
        var board = await Board.LoadAsync(actor);
        // A move placed meanwhile, or a later reload, is newer than what this one read: showing it would put a card back.
        if (started != changes) return;
        Show(board);
        StateHasChanged();
        container?.Refresh();
    }

    private async Task OnDroppedAsync(MudItemDropInfo<BoardCard> drop)
    {
        if (drop.Item is { } card && BoardLane.Parse(drop.DropzoneIdentifier) is { } target) await MoveAsync(card, target, dragged: true);
    }

    /// <summary>
    /// One move, dragged or chosen from the menu: plan it, refuse it with the reason, or ask what it needs and run it.
    /// A dragged card shows in its target column while its dialog is open. A done move shows at once and the board reloads
    /// shortly after; a cancelled or refused one reloads the board, which puts the card back.
    /// </summary>
    private async Task MoveAsync(BoardCard card, BoardLane target, bool dragged)
    {
        var move = BoardMoves.Plan(card.Level, card.AssigneeId, card.VendorCompanyId, target);
        switch (move.Kind)
        {
            case BoardMoveKind.Ninguno:
                return;
            case BoardMoveKind.Rechazado:
                Snackbar.Add($"{card.Number}: {move.Refusal}", Severity.Warning);
                container?.Refresh();
                return;
        }
        if (dragged)
        {
            pending[card.Id] = target.Id;
            StateHasChanged();
        }
        Ticket? moved = null;
        try
        {
            var command = await AskAsync(card, move.Kind, target, snapshot?.Column(target)?.Title ?? "");
            if (command is not null) moved = await RunAsync(card, move.Kind, command);
        }
        finally
        {
            pending.TryRemove(card.Id, out _);
            if (moved is null) await ReloadAsync();
            else
            {
                // The card shows in its new column at once; counts and order follow with the reload the live feed asks for.
                Place(Board.CardAfter(card, moved));
                _ = ReloadSoon();
            }
        }
    }

    private void Place(BoardCard moved)
    {
        changes++;
        Items = Items.Select(c => c.Id == moved.Id ? moved : c).ToList();
        laneOf[moved.Id] = moved.Lane.Id;
        StateHasChanged();
        container?.Refresh();
    }

    /// <summary>Asks what the move needs (note, criterion and reason, or reason) and returns the command, or null if cancelled.</summary>
    private async Task<Func<Task<Ticket>>?> AskAsync(BoardCard card, BoardMoveKind kind, BoardLane target, string targetTitle)
    {
        switch (kind)
        {
            case BoardMoveKind.Reasignar:
                var note = await AskTextAsync($"Reasignar {card.Number}", "Nota (opcional)", $"Pasa a {targetTitle}.", "Reasignar", required: false);
                return note is null ? null : () => Commands.ReassignAsync(actor, card.Id, card.Version, target.PersonId!, note);
            case BoardMoveKind.Liberar:
                var why = await AskTextAsync($"Devolver {card.Number} a la cola", "Nota (opcional)",
                    $"Queda sin asignar en la cola de {target.Level.Label()}.", "Devolver a la cola", required: false);
                return why is null ? null : () => Commands.ReleaseAsync(actor, card.Id, card.Version, why);
            case BoardMoveKind.Escalar:
                var parameters = new DialogParameters<EscalateDialog>
                {
                    { d => d.From, card.Level }, { d => d.TargetName, target.IsQueue ? null : targetTitle },
                    { d => d.Vendors, target.VendorCompanyId is int v ? [new VendorOption(v, targetTitle)] : await People.VendorsAsync() },
                };
                var result = await (await Dialogs.ShowAsync<EscalateDialog>($"Escalar {card.Number}", parameters, DialogOptions)).Result;
                if (result is not { Canceled: false, Data: EscalateDialog.Choice choice }) return null;
                return () => Commands.EscalateAsync(actor, card.Id, card.Version, choice.CriterionCode, choice.Reason,
                    choice.VendorCompanyId, target.PersonId);
            case BoardMoveKind.Devolver:
                var reason = await AskTextAsync($"Devolver {card.Number} a {target.Level.Label()}", "Motivo de la devolución",
                    $"Pasa de {card.Level.Label()} a {targetTitle} ({target.Level.Label()}).", "Devolver", required: true);
                return reason is null ? null : () => Commands.SendBackAsync(actor, card.Id, card.Version, target.Level, reason,
                    target.VendorCompanyId, target.PersonId);
            default:
                return null;
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

    /// <summary>The card's "Mover" menu: the same moves without dragging (keyboard and screen readers).</summary>
    private async Task MoveFromMenuAsync(BoardCardView.MoveRequest request)
    {
        if (snapshot is null) return;
        var card = request.Card;
        BoardLane? target = request.Kind switch
        {
            BoardMoveKind.Liberar => new BoardLane(card.Level),
            _ => await PickTargetAsync(card, request.Kind),
        };
        if (target is not null) await MoveAsync(card, target, dragged: false);
    }

    /// <summary>Lets the person choose the destination column from a list (what dragging does with the mouse).</summary>
    private async Task<BoardLane?> PickTargetAsync(BoardCard card, BoardMoveKind kind)
    {
        var levels = kind switch
        {
            BoardMoveKind.Reasignar => [card.Level],
            BoardMoveKind.Escalar => EscalationMatrix.Next(card.Level) is { } next ? [next] : Array.Empty<SupportLevel>(),
            BoardMoveKind.Devolver => Enum.GetValues<SupportLevel>().Where(l => l < card.Level).ToArray(),
            _ => [],
        };
        var options = snapshot!.Levels.Where(l => levels.Contains(l.Level)).SelectMany(l => l.Columns)
            .Where(c => c.Lane != card.Lane && (kind != BoardMoveKind.Reasignar || !c.Lane.IsQueue))
            .Select(c => new MoveTargetDialog.Option(c.Lane.Id, c.Lane.IsQueue ? $"{c.Lane.Level.Label()} · sin asignar" : $"{c.Title} ({c.Lane.Level.ShortLabel()})",
                c.Available == false, c.Count))
            .ToList();
        if (options.Count == 0)
        {
            Snackbar.Add(kind == BoardMoveKind.Escalar ? "El ticket ya está en el nivel más alto." : "No hay a dónde moverlo.", Severity.Info);
            return null;
        }
        var parameters = new DialogParameters<MoveTargetDialog> { { d => d.Options, options } };
        var title = kind switch
        {
            BoardMoveKind.Reasignar => $"Reasignar {card.Number} a…",
            BoardMoveKind.Escalar => $"Escalar {card.Number} a…",
            _ => $"Devolver {card.Number} a…",
        };
        var result = await (await Dialogs.ShowAsync<MoveTargetDialog>(title, parameters, DialogOptions)).Result;
        return result is { Canceled: false, Data: string laneId } ? BoardLane.Parse(laneId) : null;
    }

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

    private async Task<string?> AskTextAsync(string title, string label, string intro, string confirm, bool required)
    {
        var parameters = new DialogParameters<ReasonDialog>
        {
            { d => d.Label, label }, { d => d.Intro, intro }, { d => d.ConfirmText, confirm }, { d => d.Required, required },
        };
        var result = await (await Dialogs.ShowAsync<ReasonDialog>(title, parameters, DialogOptions)).Result;
        return result is { Canceled: false, Data: string text } ? text : null;
    }

    private static string Done(BoardMoveKind kind) => kind switch
    {
        BoardMoveKind.Reasignar => "reasignado",
        BoardMoveKind.Liberar => "devuelto a la cola",
        BoardMoveKind.Escalar => "escalado",
        _ => "devuelto",
    };

    private static string MoreLink(BoardColumn column) => column.Lane switch
    {
        { PersonId: { } person } => $"cola/todos?asignado={Uri.EscapeDataString(person)}",
        var lane => $"cola/todos?nivel={lane.Level}",
    };

    private static DialogOptions DialogOptions { get; } = new() { MaxWidth = MaxWidth.Small, FullWidth = true };

    public void Dispose()
    {
        subscription?.Dispose();
        timer?.Dispose();
        pendingReload?.Cancel();
        Availability.Changed -= OnAvailabilityChanged;
    }
}

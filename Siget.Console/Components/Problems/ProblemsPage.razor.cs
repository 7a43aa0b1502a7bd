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

public partial class ProblemsPage
{
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private Actor? actor;
    private ProblemList? list;
    private IReadOnlyList<RecurrenceSuggestion> suggestions = [];
    private RecurrenceRule rule = new();
    private string view = "abiertos";
    private string? search;
    private int page;
    private IDisposable? subscription, ticketSubscription;
    private Debouncer? refreshes;

    protected override async Task OnInitializedAsync()
    {
        actor = (await AuthenticationState).User.ToActor();
        await LoadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender) return;
        subscription = Feed.Subscribe(_ => InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }));
        ticketSubscription = Tickets.Subscribe(actor!, OnTicketChanged);
    }

    /// <summary>New, cancelled, linked or unlinked incidents change the suggestions: read again a few seconds later,
    /// once for however many arrive meanwhile (a busy morning registers many a minute).</summary>
    private Task OnTicketChanged(TicketChanged change)
    {
        if (change.Action is not (TicketAction.Registrar or TicketAction.Anular or TicketAction.VincularProblema or TicketAction.DesvincularProblema))
            return Task.CompletedTask;
        _ = (refreshes ??= Debouncer.OncePer(TimeSpan.FromSeconds(3), Clock)).Trigger(() => InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }));
        return Task.CompletedTask;
    }

    private async Task LoadAsync()
    {
        rule = Settings.Recurrence;
        suggestions = await Recurrence.SuggestionsAsync(actor!);
        ProblemState[] states = view switch
        {
            "resueltos" => [ProblemState.Resuelto],
            "descartados" => [ProblemState.Descartado],
            "todos" => Enum.GetValues<ProblemState>(),
            _ => [],
        };
        list = await Queries.ListAsync(actor!, states, search, page);
    }

    private async Task ViewChangedAsync(string value) { (view, page) = (value, 0); await LoadAsync(); }
    private async Task SearchChangedAsync(string? value) { (search, page) = (value, 0); await LoadAsync(); }
    private async Task GoAsync(int to) { page = Math.Max(0, to); await LoadAsync(); }

    private string Age(ProblemRow p) => p.ResolvedAtUtc is { } resolved
        ? $"resuelto en {Format.Duration(resolved - p.RegisteredAtUtc)}"
        : Format.Duration(Clock.GetUtcNow().UtcDateTime - p.RegisteredAtUtc);

    private async Task OpenAsync(RecurrenceSuggestion? suggestion)
    {
        var parameters = new DialogParameters<NewProblemDialog>();
        if (suggestion is not null)
        {
            parameters.Add(d => d.Incidents, await Recurrence.IncidentsAsync(actor!, suggestion.Group.SubcategoryCode, suggestion.Group.UnitId));
            parameters.Add(d => d.SubcategoryCode, suggestion.Group.SubcategoryCode);
            parameters.Add(d => d.UnitId, suggestion.Group.UnitId);
            parameters.Add(d => d.Title, $"Incidentes repetidos de {suggestion.Service} en {suggestion.Place}");
        }
        var result = await (await Dialogs.ShowAsync<NewProblemDialog>("Abrir un problema", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true })).Result;
        if (result is { Canceled: false, Data: string number })
        {
            Snackbar.Add($"Se abrió el problema {number}.", Severity.Success);
            Navigation.NavigateTo($"problemas/{number}");
        }
    }

    private async Task DismissAsync(RecurrenceSuggestion suggestion)
    {
        try
        {
            await Recurrence.DismissAsync(actor!, suggestion.Group.SubcategoryCode, suggestion.Group.UnitId);
            Snackbar.Add("Sugerencia descartada. Volverá a aparecer si llegan incidentes nuevos.", Severity.Info);
            await LoadAsync();
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }

    public void Dispose()
    {
        refreshes?.Dispose();
        subscription?.Dispose();
        ticketSubscription?.Dispose();
    }
}

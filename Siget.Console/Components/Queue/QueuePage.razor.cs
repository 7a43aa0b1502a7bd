using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Siget.Console.Live;
using Siget.Console.Services;
using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Components.Queue;

/// <summary>The queue: the tickets a person may see, in queue order, with filters kept in the address bar
/// (so a view can be bookmarked) and refreshed live when a ticket changes.</summary>
public partial class QueuePage
{
    public const int PageSize = 25;

    [Inject] private TicketQueries Queries { get; set; } = default!;
    [Inject] private TicketFeed Feed { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "vista")] public string? ViewParam { get; set; }
    [SupplyParameterFromQuery(Name = "estado")] public string? StateParam { get; set; }
    [SupplyParameterFromQuery(Name = "prioridad")] public string? PriorityParam { get; set; }
    [SupplyParameterFromQuery(Name = "nivel")] public string? LevelParam { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? SearchParam { get; set; }
    [SupplyParameterFromQuery(Name = "pagina")] public int? PageParam { get; set; }

    private Actor? actor;
    private QueueResult? result;
    private IDisposable? subscription;
    private CancellationTokenSource? pendingRefresh;
    private readonly HashSet<int> highlighted = [];

    private QueueFilter Filter { get; set; } = new();
    private int PageIndex => Math.Max(0, (PageParam ?? 1) - 1);
    private int PageCount => result is null ? 1 : Math.Max(1, (result.Total + PageSize - 1) / PageSize);
    private DateTime Now => Clock.GetUtcNow().UtcDateTime;
    private string StateFilter => StateParam ?? "abiertos";
    private string Title => actor?.Role == Role.Usuario ? "Mis tickets" : "Cola de tickets";

    protected override async Task OnParametersSetAsync()
    {
        actor ??= (await AuthenticationState).User.ToActor();
        Filter = new QueueFilter
        {
            View = Enum.TryParse<QueueView>(ViewParam, true, out var view) && actor.Level is not null ? view : QueueView.Todos,
            States = StateFilter switch
            {
                "abiertos" => [],
                "todos" => Enum.GetValues<TicketState>(),
                var s when Enum.TryParse<TicketState>(s, out var state) => [state],
                _ => [],
            },
            Priority = Enum.TryParse<Priority>(PriorityParam, out var p) ? p : null,
            Level = Enum.TryParse<SupportLevel>(LevelParam, out var l) ? l : null,
            Search = SearchParam,
        };
        await LoadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) subscription = Feed.Subscribe(actor!, OnTicketChanged, id => result?.Rows.Any(r => r.Id == id) == true);
    }

    private async Task LoadAsync()
    {
        result = await Queries.QueueAsync(actor!, Filter, PageIndex, PageSize);
    }

    // Many changes can arrive at once; wait a moment and reload once.
    private async Task OnTicketChanged(TicketChanged change)
    {
        pendingRefresh?.Cancel();
        var cts = pendingRefresh = new CancellationTokenSource();
        try { await Task.Delay(250, cts.Token); } catch (TaskCanceledException) { return; }
        await InvokeAsync(async () =>
        {
            var before = result?.Rows.Select(r => r.Id).ToHashSet() ?? [];
            await LoadAsync();
            if (change.Action == TicketAction.Registrar && result!.Rows.Any(r => r.Id == change.TicketId && !before.Contains(r.Id)))
                highlighted.Add(change.TicketId);
            StateHasChanged();
        });
    }

    private void ChangeView(QueueView view) => Go(("vista", view.ToString()), ("pagina", null));
    private void ChangeSearch(string? text) => Go(("q", string.IsNullOrWhiteSpace(text) ? null : text.Trim()), ("pagina", null));
    private void ChangeState(string state) => Go(("estado", state == "abiertos" ? null : state), ("pagina", null));
    private void ChangePriority(Priority? priority) => Go(("prioridad", priority?.ToString()), ("pagina", null));
    private void ChangeLevel(SupportLevel? level) => Go(("nivel", level?.ToString()), ("pagina", null));
    private void ChangePage(int number) => Go(("pagina", number <= 1 ? null : number.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private void Go(params (string Name, string? Value)[] changes)
    {
        var parameters = changes.ToDictionary(c => c.Name, c => (object?)c.Value);
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(parameters), replace: true);
    }

    public void Dispose()
    {
        subscription?.Dispose();
        pendingRefresh?.Cancel();
    }
}

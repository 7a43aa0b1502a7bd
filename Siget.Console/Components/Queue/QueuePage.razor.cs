using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web.Virtualization;
using Microsoft.JSInterop;
using Siget.Console.Components.Shared;
using Siget.Console.Live;
using Siget.Console.Services.Administration;
using Siget.Console.Services.People;
using Siget.Console.Services.Tickets;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Components.Queue;

/// <summary>The queue: the tickets a person may see, in queue order, virtualised, with filters kept in the
/// address bar (so a view can be bookmarked and shared) and refreshed live when a ticket changes.</summary>
public partial class QueuePage
{
    [Inject] private QueueWindows Windows { get; set; } = default!;
    [Inject] private ServiceCatalog Catalog { get; set; } = default!;
    [Inject] private PeopleDirectory People { get; set; } = default!;
    [Inject] private TicketFeed Feed { get; set; } = default!;
    [Inject] private FirstPaintHandOver HandOver { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private Microsoft.JSInterop.IJSRuntime JS { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The view is part of the path (<c>/cola/mi-trabajo</c>) so each view is its own bookmark and menu entry.</summary>
    [Parameter] public string? Vista { get; set; }

    public static string Slug(QueueView view) => view switch
    {
        QueueView.MiTrabajo => "mi-trabajo",
        QueueView.MiNivel => "mi-nivel",
        _ => "todos",
    };
    [SupplyParameterFromQuery(Name = "estado")] public string? StateParam { get; set; }
    [SupplyParameterFromQuery(Name = "prioridad")] public string? PriorityParam { get; set; }
    [SupplyParameterFromQuery(Name = "nivel")] public string? LevelParam { get; set; }
    [SupplyParameterFromQuery(Name = "categoria")] public string? CategoryParam { get; set; }
    [SupplyParameterFromQuery(Name = "servicio")] public string? SubcategoryParam { get; set; }
    [SupplyParameterFromQuery(Name = "canal")] public string? ChannelParam { get; set; }
    [SupplyParameterFromQuery(Name = "asignado")] public string? AssigneeParam { get; set; }
    [SupplyParameterFromQuery(Name = "unidad")] public string? UnitParam { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? SearchParam { get; set; }

    /// <summary>
    /// The first rows of the queue and its total are read before the first paint: prerendered into the page's HTML (the
    /// technician sees tickets before the circuit is up) and handed to the circuit on the server
    /// (<see cref="FirstPaintHandOver"/>), so the circuit's first render shows the same rows and its list's first request
    /// is answered from them instead of reading them again. The page carries only this ticket for them.
    /// </summary>
    [PersistentState]
    public string? FirstWindowTicket
    {
        // Read by the framework only when the prerendered page persists its state: only a prerender keeps its read.
        get => firstWindowTicket ??= firstPaint is { } paint ? HandOver.Keep(actor!.UserId, paint) : null;
        set => firstWindowTicket = value;
    }
    private string? firstWindowTicket;

    /// <summary>Enough rows for the list's first request on a tall screen (its height in rows plus both overscans).</summary>
    public const int FirstWindowSize = 50;

    private Actor? actor;
    private int? total;
    // Rows shown as plain rows until the virtualised list has its own (see LoadRows).
    private IReadOnlyList<QueueRow>? firstRows;
    // The feed's position when the first rows were read: changes published since are caught up once the screen follows the feed.
    private FirstPaint<QueueFirstWindow>? firstPaint;
    private Virtualize<QueueRow>? virtualize;
    private IDisposable? subscription;
    // Live refresh: at most one running; changes that arrive meanwhile ask for one more (see OnTicketChanged).
    private readonly Lock refreshGate = new();
    private bool refreshRunning;
    private bool refreshAgain;
    private bool disposed;
    private TicketChanged? arrival;
    private bool moreFilters;
    private bool optionsLoaded;
    private bool alertsOn;
    private IReadOnlyList<CatalogEntry> catalog = [];
    private IReadOnlyList<PersonOption> workers = [];
    private IReadOnlyList<UnitOption> units = [];
    // Written on the renderer, read by the feed's thread: concurrent sets.
    private readonly ConcurrentDictionary<int, bool> shown = new();
    private readonly ConcurrentDictionary<int, bool> highlighted = new();

    private QueueFilter Filter { get; set; } = new();
    // The address's values that were not understood, named on the page (see QueryValues).
    private IReadOnlyList<string> ignored = [];
    private DateTime Now => Clock.GetUtcNow().UtcDateTime;
    private string StateFilter => StateParam ?? "abiertos";
    private string Title => actor?.Role == Role.Usuario ? "Mis tickets" : "Cola de tickets";
    private int ExtraFilterCount => new object?[] { Filter.Level, Filter.CategoryId, Filter.SubcategoryCode, Filter.Channel, Filter.AssigneeId, Filter.UnitId }.Count(v => v is not null);
    /// <summary>Everything the title and filter region shows (see <see cref="QueueRegion"/>).</summary>
    private object FiltersShown => (Filter with { States = [] }, string.Join(',', Filter.States), StateParam, moreFilters, actor?.UserId,
        catalog.Count, workers.Count, units.Count, string.Join(',', ignored));
    private bool HasFilters => ExtraFilterCount > 0 || Filter.Priority is not null || !string.IsNullOrEmpty(Filter.Search) || StateParam is not null;

    protected override async Task OnInitializedAsync()
    {
        actor = (await AuthenticationState).User.ToActor();
    }

    /// <summary>The options of "Más filtros" (services, people, units), read when the panel is first shown: most screens
    /// never open it, and each open screen would keep its own copy all day.</summary>
    private async Task LoadFilterOptionsAsync()
    {
        if (optionsLoaded) return;
        optionsLoaded = true;
        catalog = await Catalog.ActiveEntriesAsync();
        if (actor!.Role != Role.Usuario)
        {
            workers = await People.WorkersAsync(actor);
            units = await People.UnitsAsync();
        }
    }

    private async Task ToggleMoreFilters()
    {
        moreFilters = !moreFilters;
        if (moreFilters) await LoadFilterOptionsAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        var previous = Filter;
        var query = new QueryValues();
        Filter = new QueueFilter
        {
            View = actor!.Level is null ? QueueView.Todos : Vista switch
            {
                "mi-trabajo" => QueueView.MiTrabajo,
                "mi-nivel" => QueueView.MiNivel,
                _ => QueueView.Todos,
            },
            States = StateFilter switch
            {
                "abiertos" => [],
                "todos" => Enum.GetValues<TicketState>(),
                var s => query.Enum<TicketState>("estado", s) is { } state ? [state] : [],
            },
            Priority = query.Enum<Priority>("prioridad", PriorityParam),
            Level = query.Enum<SupportLevel>("nivel", LevelParam),
            CategoryId = query.Int("categoria", CategoryParam),
            SubcategoryCode = query.Int("servicio", SubcategoryParam),
            Channel = query.Enum<Channel>("canal", ChannelParam),
            AssigneeId = string.IsNullOrEmpty(AssigneeParam) ? null : AssigneeParam,
            UnitId = query.Int("unidad", UnitParam),
            Search = SearchParam,
        };
        ignored = query.Ignored;
        moreFilters |= ExtraFilterCount > 0;
        if (moreFilters) await LoadFilterOptionsAsync();
        if (virtualize is null)
        {
            await ShowFirstWindowAsync();
        }
        else if (!FilterEquals(previous, Filter))
        {
            firstRows = null;
            highlighted.Clear();
            shown.Clear();
            await virtualize.RefreshDataAsync();
        }
    }

    /// <summary>The first window for this person and view: the one handed over from the prerendered page when it is
    /// theirs and the same view, otherwise read now (also when the page is reached by navigating inside the circuit).</summary>
    private async Task ShowFirstWindowAsync()
    {
        var key = $"{actor!.UserId}|{Filter.View}|{string.Join(',', Filter.States)}|{(Filter with { States = [] })}";
        if (HandOver.Take<QueueFirstWindow>(actor.UserId, FirstWindowTicket) is not { } paint || paint.Data.Key != key)
        {
            paint = await FirstPaint<QueueFirstWindow>.ReadAsync(Feed, async () =>
            {
                var result = await Windows.QueueAsync(actor, Filter, 0, FirstWindowSize);
                return new QueueFirstWindow(key, result.Rows, result.Total);
            });
        }
        firstPaint = paint; // handed over if this is the prerender (see FirstWindowTicket); let go once the circuit has drawn
        var first = paint.Data;
        firstRows = first.Rows;
        total = first.Total;
        foreach (var row in first.Rows) shown[row.Id] = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        subscription = Feed.Subscribe(actor!, OnTicketChanged, shown.ContainsKey);
        if (firstPaint?.Missed(Feed) == true) _ = RefreshSoon();
        (firstPaint, firstWindowTicket) = (null, null);
        alertsOn = await JS.InvokeAsync<bool>("sigetAlerts.enabled");
        if (alertsOn) StateHasChanged();
    }

    private Task<IEnumerable<PersonOption>> SearchWorkers(string? text, CancellationToken _) =>
        Task.FromResult(Matching(workers, w => w.FullName, text));

    private Task<IEnumerable<UnitOption>> SearchUnits(string? text, CancellationToken _) =>
        Task.FromResult(Matching(units, u => u.Name, text));

    private Task<IEnumerable<CatalogEntry>> SearchServices(string? text, CancellationToken _) =>
        Task.FromResult(Matching(catalog.Where(e => Filter.CategoryId is null || e.CategoryId == Filter.CategoryId), e => $"{e.CodeText} {e.Name}", text));

    /// <summary>Options whose name has every typed word, whatever the case or accents.</summary>
    private static IEnumerable<T> Matching<T>(IEnumerable<T> options, Func<T, string> name, string? text)
    {
        var words = CatalogSearch.Fold(text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return options.Where(o => words.All(CatalogSearch.Fold(name(o)).Contains));
    }

    private async Task ToggleAlerts(bool on) => alertsOn = await JS.InvokeAsync<bool>("sigetAlerts.setEnabled", on);

    private async ValueTask<ItemsProviderResult<QueueRow>> LoadRows(ItemsProviderRequest request)
    {
        QueueResult result;
        if (firstRows is { } first && request.StartIndex == 0 && request.Count > 0 && (request.Count <= first.Count || first.Count == total))
        {
            // The list's first request, answered from the rows already on screen; they leave once the list has drawn
            // its own. They sit below the list, so while both exist the list's rows cover them: nothing moves.
            result = new QueueResult(first.Take(request.Count).ToList(), total!.Value);
            _ = HandOverFirstRowsAsync();
        }
        else
        {
            result = await Windows.QueueAsync(actor!, Filter, request.StartIndex, request.Count, request.CancellationToken);
        }
        if (total != result.Total)
        {
            total = result.Total;
            StateHasChanged();
        }
        foreach (var row in result.Rows) shown[row.Id] = true;
        return new ItemsProviderResult<QueueRow>(result.Rows, result.Total);
    }

    private async Task HandOverFirstRowsAsync()
    {
        await Task.Yield(); // after the list renders the rows it was just given
        firstRows = null;
        StateHasChanged();
    }

    /// <summary>
    /// A change refreshes the list at once (leading edge). Changes that arrive while a refresh is running are
    /// coalesced into one more refresh when it ends, so a burst (many registrations, an SLA pass) costs two refreshes,
    /// not one per change, and the first change is shown without waiting for the burst to end.
    /// </summary>
    private Task OnTicketChanged(TicketChanged change)
    {
        lock (refreshGate)
        {
            if (disposed) return Task.CompletedTask;
            if (change.Action == TicketAction.Registrar && change.Visible)
            {
                highlighted[change.TicketId] = true;
                if (MatchesView(change)) arrival = change; // one alert per refresh: the latest new ticket
            }
        }
        return RefreshSoon();
    }

    /// <summary>Starts a refresh, or asks the running one for one more.</summary>
    private Task RefreshSoon()
    {
        lock (refreshGate)
        {
            if (disposed) return Task.CompletedTask;
            if (refreshRunning)
            {
                refreshAgain = true;
                return Task.CompletedTask;
            }
            refreshRunning = true;
        }
        return RefreshWhileChangedAsync();
    }

    private async Task RefreshWhileChangedAsync()
    {
        while (true)
        {
            TicketChanged? alert;
            lock (refreshGate)
            {
                refreshAgain = false;
                (alert, arrival) = (arrival, null);
            }
            try
            {
                await InvokeAsync(() => RefreshAsync(alert));
            }
            catch
            {
                lock (refreshGate) refreshRunning = false;
                throw;
            }
            // Checked and cleared under the same lock as OnTicketChanged sets them: no change is left unshown.
            lock (refreshGate)
            {
                if (!refreshAgain || disposed)
                {
                    refreshRunning = false;
                    return;
                }
            }
        }
    }

    private async Task RefreshAsync(TicketChanged? alert)
    {
        // Virtualize.RefreshDataAsync fetches but does not render: the page renders (its title and filters are
        // skipped by QueueRegion; rows are shared markup, see QueueRowMarkup).
        if (firstRows is not null)
        {
            // The list has not drawn yet (its size is not known before the browser reports it): the plain rows follow.
            var result = await Windows.QueueAsync(actor!, Filter, 0, FirstWindowSize);
            if (firstRows is not null) (firstRows, total) = (result.Rows, result.Total);
            foreach (var row in result.Rows) shown[row.Id] = true;
        }
        if (virtualize is not null) await virtualize.RefreshDataAsync();
        StateHasChanged();
        if (alertsOn && alert is not null)
            await JS.InvokeVoidAsync("sigetAlerts.notify", $"Nuevo ticket {alert.Number}", $"Prioridad {alert.Priority.Label()}",
                Navigation.ToAbsoluteUri($"tickets/{alert.Number}").ToString());
    }

    /// <summary>A new ticket alerts only if it belongs to the view on screen (my work, my level, or all).</summary>
    private bool MatchesView(TicketChanged change) => Filter.View switch
    {
        QueueView.MiTrabajo => change.AssigneeId == actor!.UserId,
        QueueView.MiNivel => change.Level == actor!.Level && change.AssigneeName is null, // ids of others may be withheld
        _ => true,
    };

    private static readonly (string Value, string Text)[] StateOptions =
        [("abiertos", "Abiertos"), .. Enum.GetValues<TicketState>().Select(s => (s.ToString(), s.Label())), ("todos", "Todos los estados")];

    private static readonly (string Value, string Text)[] PriorityOptions =
        [("", "Todas"), .. Enum.GetValues<Priority>().Reverse().Select(p => (p.ToString(), p.Label()))];

    private static readonly (QueueView View, string Text)[] Views =
        [(QueueView.MiTrabajo, "Mi trabajo"), (QueueView.MiNivel, "Cola de mi nivel"), (QueueView.Todos, "Todos")];

    /// <summary>Another view with the same filters.</summary>
    private string ViewHref(QueueView view) => $"cola/{Slug(view)}{new Uri(Navigation.Uri).Query}";
    private static readonly TimeSpan SearchPause = TimeSpan.FromMilliseconds(400);
    private Debouncer? searchTyping;
    private Debouncer SearchTyping => searchTyping ??= Debouncer.AfterPause(SearchPause, Clock);

    /// <summary>Searches 400 ms after the last key (Enter or leaving the box searches at once).</summary>
    private Task SearchTyped(ChangeEventArgs e) => SearchTyping.Trigger(() => ChangeSearch(e.Value as string));

    private void SearchEntered(ChangeEventArgs e)
    {
        SearchTyping.Cancel();
        ChangeSearch(e.Value as string);
    }

    private void ChangeSearch(string? text)
    {
        var search = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (search != (string.IsNullOrEmpty(Filter.Search) ? null : Filter.Search)) Go(("q", search));
    }
    private void ChangeState(string state) => Go(("estado", state == "abiertos" ? null : state));

    private void ClearFilters() => Go(("estado", null), ("prioridad", null), ("nivel", null), ("categoria", null), ("servicio", null),
        ("canal", null), ("asignado", null), ("unidad", null), ("q", null));

    private void Go(params (string Name, string? Value)[] changes)
    {
        var parameters = changes.ToDictionary(c => c.Name, c => (object?)c.Value);
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(parameters), replace: true);
    }

    private static bool FilterEquals(QueueFilter a, QueueFilter b) =>
        a with { States = [] } == b with { States = [] } && a.States.SequenceEqual(b.States);

    public void Dispose()
    {
        searchTyping?.Dispose();
        lock (refreshGate) disposed = true;
        subscription?.Dispose();
    }
}

/// <summary>The queue's first rows and total for one person and view (<see cref="Key"/>), as the prerendered page
/// hands them to the circuit.</summary>
public sealed record QueueFirstWindow(string Key, IReadOnlyList<QueueRow> Rows, int Total);

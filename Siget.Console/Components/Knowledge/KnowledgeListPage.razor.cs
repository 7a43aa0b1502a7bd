using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Knowledge;
using Siget.Console.Services.People;
using Siget.Core.Access;
using Siget.Core.Knowledge;

namespace Siget.Console.Components.Knowledge;

/// <summary>The articles a person may read, searched and filtered by service, visibility and state, a page at a time.
/// Requesters reach it as "Ayuda" and see only published public articles (the service decides, not this page).</summary>
public partial class KnowledgeListPage
{
    [Inject] private KnowledgeSearch Knowledge { get; set; } = default!;
    [Inject] private ServiceCatalog Catalog { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private Actor actor = default!;
    private bool mayWrite;
    private bool readsInternal;
    private IReadOnlyList<CatalogEntry> catalog = [];
    private ArticleList? list;
    private string? search;
    private int? categoryId;
    private int? subcategoryCode;
    private ArticleVisibility? visibility;
    private ArticleState? state;
    private int page;

    private int Pages => list is null ? 0 : (list.Total + KnowledgeSearch.PageSize - 1) / KnowledgeSearch.PageSize;

    protected override async Task OnInitializedAsync()
    {
        actor = (await AuthenticationState).User.ToActor();
        mayWrite = KnowledgeAccess.MayWrite(actor);
        readsInternal = KnowledgeAccess.ReadsInternal(actor);
        catalog = await Catalog.ActiveEntriesAsync();
        await LoadAsync();
    }

    private Task CategoryChanged(int? value) => SetAsync(() =>
    {
        categoryId = value;
        if (subcategoryCode is int code && catalog.FirstOrDefault(e => e.Code == code)?.CategoryId != value) subcategoryCode = null;
    });

    private Task SetAsync(Action change)
    {
        change();
        return ApplyAsync();
    }

    private Task ApplyAsync()
    {
        page = 0;
        return LoadAsync();
    }

    private Task GoToPageAsync(int index)
    {
        page = index;
        return LoadAsync();
    }

    private async Task LoadAsync() => list = await Knowledge.ListAsync(actor, new ArticleFilter
    {
        Search = search, CategoryId = categoryId, SubcategoryCode = subcategoryCode, Visibility = visibility, State = state,
    }, page);
}

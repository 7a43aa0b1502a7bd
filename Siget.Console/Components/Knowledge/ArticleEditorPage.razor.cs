using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Siget.Console.Components.Shared;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Knowledge;
using Siget.Console.Services.People;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Knowledge;

namespace Siget.Console.Components.Knowledge;

/// <summary>Writes or edits an article: title, service, visibility, Markdown body with a preview, and a note for the
/// version history. Saving keeps the state (a draft stays a draft); publishing and archiving change it. The service
/// checks everything again and its message is shown as is.</summary>
public partial class ArticleEditorPage
{
    [Inject] private KnowledgeBase Writing { get; set; } = default!;
    [Inject] private KnowledgeSearch Reading { get; set; } = default!;
    [Inject] private ServiceCatalog Catalog { get; set; } = default!;
    [Inject] private MarkdownRenderer Markdown { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter] public int? Id { get; set; }
    /// <summary>A new article's service, when the editor is opened from one (<c>?servicio=15</c>).</summary>
    [SupplyParameterFromQuery(Name = "servicio")] private string? Servicio { get; set; }

    private Actor actor = default!;
    private IReadOnlyList<CatalogEntry> catalog = [];
    private Article? article;
    private bool loaded;
    private string? loadError;
    private string? title;
    private string? body;
    private CatalogEntry? service;
    private ArticleVisibility visibility = ArticleVisibility.Interna;
    private string? note;
    private string? error;
    private string? notice;
    private bool conflict;
    private bool busy;
    private IReadOnlyList<string> ignored = [];

    private string SaveText => article is null || article.State == ArticleState.Borrador ? "Guardar borrador" : "Guardar cambios";

    private ArticleContent Content => new(title, service?.Code ?? 0, body, visibility);

    protected override async Task OnParametersSetAsync()
    {
        actor = (await AuthenticationState).User.ToActor();
        catalog = await Catalog.ActiveEntriesAsync();
        if (Id is null)
        {
            var query = new QueryValues();
            var code = query.Int("servicio", Servicio);
            service = catalog.FirstOrDefault(e => e.Code == code);
            ignored = query.Ignored;
        }
        else await ReloadAsync();
        loaded = true;
    }

    private async Task ReloadAsync()
    {
        var detail = await Reading.GetAsync(actor, Id!.Value);
        if (detail is null)
        {
            loadError = KnowledgeAccess.NotFound;
            return;
        }
        article = detail.Article;
        (title, body, visibility, note, notice, conflict, error) = (article.Title, article.Body, article.Visibility, null, null, false, null);
        // A retired service is not offered for new articles but stays on the ones that use it.
        service = catalog.FirstOrDefault(e => e.Code == article.SubcategoryCode)
            ?? new CatalogEntry(article.SubcategoryCode, article.SubcategoryCode.ToString("00"), detail.Subcategory, 0, detail.Category, Retired: true);
    }

    private Task<IEnumerable<CatalogEntry>> SearchCatalog(string? text, CancellationToken ct) => Task.FromResult(ServiceCatalog.Search(catalog, text));

    private Task SaveAsync() => RunAsync(async () =>
    {
        if (article is null)
        {
            article = await Writing.CreateAsync(actor, Content, note);
            Snackbar.Add($"Borrador {article.Number} guardado.", Severity.Success);
            Navigation.NavigateTo($"conocimiento/{article.Id}/editar", replace: true);
            return;
        }
        article = await Writing.SaveAsync(actor, article.Id, article.Version, Content, note);
        note = null;
        Snackbar.Add($"{article.Number}: cambios guardados (versión {article.Version}).", Severity.Success);
    });

    private Task PublishAsync() => RunAsync(async () =>
    {
        article = article is null
            ? await Writing.CreateAsync(actor, Content, note, publish: true)
            : await Writing.PublishAsync(actor, article.Id, article.Version, Content, note);
        Snackbar.Add($"{article.Number} publicado.", Severity.Success);
        Navigation.NavigateTo($"conocimiento/{article.Id}");
    });

    private async Task ArchiveAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Archivar el artículo",
            "Dejará de mostrarse y de sugerirse; se conserva con su historial y puede publicarse de nuevo.", yesText: "Archivar", cancelText: "Cancelar");
        if (confirmed != true) return;
        await RunAsync(async () =>
        {
            article = await Writing.ArchiveAsync(actor, article!.Id, article.Version, note);
            Snackbar.Add($"{article.Number} archivado.", Severity.Success);
            Navigation.NavigateTo($"conocimiento/{article.Id}");
        });
    }

    private async Task RunAsync(Func<Task> command)
    {
        (busy, error) = (true, null);
        try
        {
            await command();
        }
        catch (ArticleConflictException ex)
        {
            (notice, conflict) = (ex.Message, true);
        }
        catch (DomainException ex)
        {
            error = ex.Message;
        }
        finally
        {
            busy = false;
        }
    }
}

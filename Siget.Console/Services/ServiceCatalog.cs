using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Core.Catalog;

namespace Siget.Console.Services;

public sealed record CatalogEntry(int Code, string CodeText, string Name, int CategoryId, string Category)
{
    public string Display => $"{CodeText} · {Category} › {Name}";
}

/// <summary>The catalog as the forms and filters offer it.</summary>
public sealed class ServiceCatalog(IDbContextFactory<SigetDbContext> dbFactory)
{
    public async Task<IReadOnlyList<CatalogEntry>> ActiveEntriesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Subcategories.AsNoTracking().Where(s => !s.Retired)
            .Join(db.Categories.Where(c => !c.Retired), s => s.CategoryId, c => c.Id, (s, c) => new { s, c.Name })
            .OrderBy(x => x.s.Code).ToListAsync(ct);
        return rows.Select(x => new CatalogEntry(x.s.Code, x.s.CodeText, x.s.Name, x.s.CategoryId, x.Name)).ToList();
    }

    public static IEnumerable<CatalogEntry> Search(IEnumerable<CatalogEntry> entries, string? query) =>
        entries.Where(e => CatalogSearch.Matches(query, $"{e.CodeText} {e.Name} {e.Category}"));
}

using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Services.People;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Catalog;

namespace Siget.Console.Services.Administration;

public sealed record CatalogEntry(int Code, string CodeText, string Name, int CategoryId, string Category, bool Retired = false)
{
    public string Display => $"{CodeText} · {Category} › {Name}";
}

/// <summary>The catalog as the forms and filters offer it, and as administrators keep it (add, rename, retire; audited).
/// Codes are never reused: a retired entry stays on the tickets that used it.</summary>
public sealed class ServiceCatalog(IDbContextFactory<SigetDbContext> dbFactory, AuditLog audit)
{
    /// <summary>Every entry, retired ones included, for the administration page.</summary>
    public async Task<IReadOnlyList<CatalogEntry>> AllEntriesAsync(Actor actor, CancellationToken ct = default)
    {
        EnsureAdministrator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Subcategories.AsNoTracking()
            .Join(db.Categories, s => s.CategoryId, c => c.Id, (s, c) => new { s, c.Name })
            .OrderBy(x => x.s.CategoryId).ThenBy(x => x.s.Code).ToListAsync(ct);
        return rows.Select(x => new CatalogEntry(x.s.Code, x.s.CodeText, x.s.Name, x.s.CategoryId, x.Name, x.s.Retired)).ToList();
    }

    /// <summary>Adds a service to a category with the next free code.</summary>
    public async Task<int> AddAsync(Actor actor, int categoryId, string name, CancellationToken ct = default)
    {
        EnsureAdministrator(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == categoryId, ct) ?? throw new DomainException("La categoría no existe.");
        var code = (await db.Subcategories.MaxAsync(s => (int?)s.Code, ct) ?? 0) + 1;
        var entry = new ServiceSubcategory(code, category.Id, name);
        if (await db.Subcategories.AnyAsync(s => s.CategoryId == categoryId && s.Name == entry.Name, ct))
            throw new DomainException($"«{category.Name}» ya tiene un servicio llamado «{entry.Name}».");
        db.Subcategories.Add(entry);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor.UserId, actor.Name, "Catálogo modificado", $"{entry.CodeText} {entry.Name}", null, $"Agregado en {category.Name}", ct: ct);
        return code;
    }

    public Task RenameAsync(Actor actor, int code, string name, CancellationToken ct = default) =>
        ChangeAsync(actor, code, entry => { var before = entry.Name; entry.Rename(name); return (before, entry.Name); }, ct);

    public Task SetRetiredAsync(Actor actor, int code, bool retired, CancellationToken ct = default) =>
        ChangeAsync(actor, code, entry =>
        {
            var before = entry.Retired ? "Retirado" : "Vigente";
            if (retired) entry.Retire(); else entry.Restore();
            return (before, entry.Retired ? "Retirado" : "Vigente");
        }, ct);

    private async Task ChangeAsync(Actor actor, int code, Func<ServiceSubcategory, (string Before, string After)> change, CancellationToken ct)
    {
        EnsureAdministrator(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var entry = await db.Subcategories.SingleOrDefaultAsync(s => s.Code == code, ct) ?? throw new DomainException($"El servicio {code:00} no existe.");
        var (before, after) = change(entry);
        if (before == after) return;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor.UserId, actor.Name, "Catálogo modificado", $"{entry.CodeText} {entry.Name}", before, after, ct: ct);
    }

    private static void EnsureAdministrator(Actor actor)
    {
        if (actor.Role != Role.Administrador) throw new DomainException("Solo un administrador modifica el catálogo.");
    }

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

using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Core.Catalog;

namespace Siget.Console.Services.Integrations;

/// <summary>
/// Development only, like the demo passwords: the documented key of SISMONITOR, <see cref="Text"/>. It is seeded with
/// the demo data and refused outside Development even if a database copied from there holds it.
/// </summary>
public static class DemoApiKey
{
    public const string PublicId = "demosismonitor01";
    public const string Secret = "SigetDemo2026Sismonitor";
    public const string Text = $"{ApiKeySecrets.Prefix}{PublicId}_{Secret}";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<SigetDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.ApiKeys.AnyAsync(k => k.PublicId == PublicId, ct)) return;
        db.ApiKeys.Add(new ApiKey
        {
            PublicId = PublicId, Name = "SISMONITOR", Channel = Channel.Sismonitor, Scopes = string.Join(' ', ApiScopes.All),
            SecretHash = ApiKeySecrets.Hash(Secret), CreatedAtUtc = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            CreatedBy = "Datos de demostración",
        });
        await db.SaveChangesAsync(ct);
    }
}

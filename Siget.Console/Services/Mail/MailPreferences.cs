using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Core.Access;

namespace Siget.Console.Services.Mail;

/// <summary>«Mi cuenta → Avisos por correo»: each person reads and sets only their own choice.</summary>
public sealed class MailPreferences(IDbContextFactory<SigetDbContext> dbFactory)
{
    public async Task<MailPreferenceLevel> GetAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.Set<MailPreference>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == actor.UserId, ct);
        return stored?.Level ?? MailPreferenceRules.DefaultFor(actor.Role);
    }

    public async Task SetAsync(Actor actor, MailPreferenceLevel level, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(level)) throw new Siget.Core.DomainException("Elija una de las opciones.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.Set<MailPreference>().SingleOrDefaultAsync(p => p.UserId == actor.UserId, ct);
        if (stored is null) db.Set<MailPreference>().Add(new MailPreference { UserId = actor.UserId, Level = level });
        else stored.Level = level;
        await db.SaveChangesAsync(ct);
    }
}

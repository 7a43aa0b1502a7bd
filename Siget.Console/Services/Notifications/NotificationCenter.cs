using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Services.People;
using Siget.Core.Access;
using Siget.Core.Notifications;

namespace Siget.Console.Services.Notifications;

/// <summary>A person's notifications: the bell's count and list, and marking them read. Only ever the actor's own.</summary>
public sealed class NotificationCenter(IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxTake = 100;

    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.RecipientId == actor.UserId && n.ReadAtUtc == null, ct);
    }

    /// <summary>The newest notifications first, read or not.</summary>
    public async Task<IReadOnlyList<Notification>> LatestAsync(Actor actor, int take = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.AsNoTracking().Where(n => n.RecipientId == actor.UserId)
            .OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id)
            .Take(Math.Clamp(take, 1, MaxTake)).ToListAsync(ct);
    }

    public async Task MarkReadAsync(Actor actor, long notificationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.Id == notificationId && n.RecipientId == actor.UserId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
    }

    public async Task MarkAllReadAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.RecipientId == actor.UserId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
    }

    /// <summary>Active supervisors: told of SLA warnings and breaches and of escalations to level 4.</summary>
    public static async Task<IReadOnlyList<string>> SupervisorIdsAsync(SigetDbContext db, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Role == Role.Supervisor && u.IsActive).Select(u => u.Id).ToListAsync(ct);
}

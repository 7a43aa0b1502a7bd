using Microsoft.EntityFrameworkCore;

namespace Siget.Console.Tests.Infrastructure;

/// <summary>
/// A fingerprint of everything a command could write, to prove that a refused command wrote nothing: rows of every
/// table, the tickets', problems' and articles' versions, what is read, who is available, the settings.
/// </summary>
public sealed record StoredState(
    int Tickets, long TicketVersions, int History, int Messages, int Attachments, int Notifications, int Read,
    int Problems, long ProblemVersions, int ProblemHistory, int Articles, long ArticleVersions, int Deflections,
    int People, int Available, int Active, int Audit, int Vendors, int Units, int Services, int Retired, string Settings, int Signals)
{
    public static async Task<StoredState> ReadAsync(SigetAppFactory app)
    {
        await using var db = app.CreateDbContext();
        return new StoredState(
            await db.Tickets.CountAsync(), await db.Tickets.SumAsync(t => t.Version), await db.TicketHistory.CountAsync(),
            await db.TicketMessages.CountAsync(), await db.TicketAttachments.CountAsync(), await db.Notifications.CountAsync(),
            await db.Notifications.CountAsync(n => n.ReadAtUtc != null),
            await db.Problems.CountAsync(), await db.Problems.SumAsync(p => p.Version), await db.ProblemHistory.CountAsync(),
            await db.Articles.CountAsync(), await db.Articles.SumAsync(a => (long)a.Version), await db.ArticleDeflections.CountAsync(),
            await db.Users.CountAsync(), await db.Users.CountAsync(u => u.IsAvailable), await db.Users.CountAsync(u => u.IsActive),
            await db.AuditEntries.CountAsync(), await db.VendorCompanies.CountAsync(), await db.Units.CountAsync(),
            await db.Subcategories.CountAsync(), await db.Subcategories.CountAsync(s => s.Retired),
            string.Join("|", await db.Settings.OrderBy(s => s.Key).Select(s => s.Json).ToListAsync()),
            await db.RecurrenceSignals.CountAsync(s => s.DismissedAtUtc != null));
    }
}

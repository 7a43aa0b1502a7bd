using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Tests.Infrastructure;

namespace Siget.Console.Tests.Operations;

/// <summary>Issue 16, item 18: a first start in Development that stopped half way through the demo data is completed by
/// the next one, and a complete demo is never added twice.</summary>
public class DemoDataTests
{
    [Fact]
    public async Task A_demo_left_with_only_its_accounts_is_completed_at_the_next_start_and_a_complete_one_is_not_seeded_again()
    {
        using var folder = new ScratchFolder();
        var complete = await StartInDevelopmentAsync(folder);
        complete.Tickets.Should().BeGreaterThan(300);
        // What an interrupted first start of an earlier version left: units, the vendor company and the accounts.
        using (var connection = SqliteCopies.Open(folder.Database, SqliteOpenMode.ReadWrite))
            SqliteCopies.Execute(connection, """
                PRAGMA foreign_keys = 0;
                DELETE FROM ArticleDeflections; DELETE FROM ArticleVersions; DELETE FROM Articles;
                DELETE FROM ProblemHistory; DELETE FROM Problems; DELETE FROM RecurrenceSignals; DELETE FROM Notifications;
                DELETE FROM TicketAttachments; DELETE FROM TicketMessages; DELETE FROM TicketHistory; DELETE FROM Tickets;
                DELETE FROM TicketSequences;
                """);

        var resumed = await StartInDevelopmentAsync(folder);
        var again = await StartInDevelopmentAsync(folder);

        resumed.Should().Be(complete, "the next start adds what was missing, and only that");
        again.Should().Be(complete);
    }

    private static async Task<DemoCounts> StartInDevelopmentAsync(string folder)
    {
        await using var app = new SigetAppFactory(demoData: true, folder: folder);
        await using var db = app.CreateDbContext();
        var counts = new DemoCounts(await db.Users.CountAsync(), await db.Units.CountAsync(), await db.VendorCompanies.CountAsync(),
            await db.Tickets.CountAsync(), await db.TicketHistory.CountAsync(), await db.Problems.CountAsync(),
            await db.Tickets.CountAsync(t => t.ProblemId != null), await db.Articles.CountAsync(),
            string.Join(",", await db.TicketSequences.OrderBy(s => s.Year).Select(s => $"{s.Year}:{s.Last}").ToListAsync()));
        SqliteConnection.ClearAllPools();
        return counts;
    }

    private sealed record DemoCounts(int Users, int Units, int Vendors, int Tickets, int HistoryRows, int Problems, int LinkedIncidents,
        int Articles, string Sequences);
}

using Microsoft.EntityFrameworkCore;
using Siget.Console.Tests.Infrastructure;

namespace Siget.Console.Tests.Stories;

/// <summary>A fresh help desk on 2027-01-01 03:00 UTC, which in Lima is still Thursday 2026-12-31 at 22:00.</summary>
public sealed class NewYearsEveHelpDesk() : HelpDeskFixture(new DateTimeOffset(2027, 1, 1, 3, 0, 0, TimeSpan.Zero));

public class TicketNumberingTests(NewYearsEveHelpDesk f) : IClassFixture<NewYearsEveHelpDesk>
{
    // The only test of its class: it needs a database where no ticket has been numbered yet.
    [Fact]
    public async Task Numbers_count_from_000001_in_the_year_of_Lima_and_start_again_when_Lima_reaches_the_new_year()
    {
        var first = await f.RegisterAsync("Primera llamada del año");
        var second = await f.RegisterAsync("Segunda llamada del año");

        first.Number.Should().Be("2026-000001", "it is still 2026 in Lima although 2027 in UTC");
        second.Number.Should().Be("2026-000002");

        f.App.Clock.Advance(TimeSpan.FromHours(2)); // 00:00 on 2027-01-01 in Lima
        var third = await f.RegisterAsync("Primera llamada de 2027");

        third.Number.Should().Be("2027-000001");
        await using var db = f.App.CreateDbContext();
        (await db.Tickets.OrderBy(t => t.Id).Select(t => t.Number).ToListAsync())
            .Should().Equal("2026-000001", "2026-000002", "2027-000001");
        (await db.TicketSequences.OrderBy(s => s.Year).Select(s => new { s.Year, s.Last }).ToListAsync())
            .Should().Equal(new { Year = 2026, Last = 2 }, new { Year = 2027, Last = 1 });
    }
}

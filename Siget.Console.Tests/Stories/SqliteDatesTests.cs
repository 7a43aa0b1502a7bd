using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Tests.Infrastructure;

namespace Siget.Console.Tests.Stories;

/// <summary>SQLite's text dates are read with a parser of their fixed format: same values as the general parser, to the tick.</summary>
// About SQLite files: not in the PostgreSQL run of the stories (test.sh).
[Trait("Database", "Sqlite")]
[Collection(HelpDeskCollection.Name)]
public class SqliteDatesTests(HelpDeskFixture f)
{
    [Theory]
    [InlineData("2026-11-25 15:00:00")]
    [InlineData("2026-11-25 15:00:00.1")]
    [InlineData("2026-11-25 15:00:00.1234567")]
    [InlineData("2024-02-29 23:59:59.9999999")]
    [InlineData("2026-11-25T08:30:05.05")]
    [InlineData("2026-11-25")]
    [InlineData("2026-11-25 15:00:00Z")]
    [InlineData("2026-11-25 15:00:00.12345678")]
    public void The_fixed_format_reads_as_the_general_parser_does_and_anything_else_falls_back_to_it(string text)
    {
        SqliteTextDates.Parse(text).Should().Be(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None));
    }

    [Fact]
    public void An_impossible_date_is_refused_as_before() =>
        FluentActions.Invoking(() => SqliteTextDates.Parse("2026-02-30 10:00:00")).Should().Throw<FormatException>();

    [Fact]
    public async Task A_ticket_reads_back_its_dates_to_the_tick_as_utc()
    {
        var ticket = await f.RegisterAsync("Fecha exacta " + HelpDeskFixture.NewTag());
        await using var db = f.App.CreateDbContext();
        var stored = await db.Tickets.AsNoTracking().Where(t => t.Id == ticket.Id)
            .Select(t => new { t.RegisteredAtUtc, t.FirstResponseDueUtc, t.ResolvedAtUtc }).SingleAsync();
        var raw = await db.Database.SqlQuery<string>($"SELECT RegisteredAtUtc AS Value FROM Tickets WHERE Id = {ticket.Id}").SingleAsync();

        stored.RegisteredAtUtc.Should().Be(ticket.RegisteredAtUtc).And.BeIn(DateTimeKind.Utc);
        stored.FirstResponseDueUtc.Should().Be(ticket.FirstResponseDueUtc);
        stored.ResolvedAtUtc.Should().BeNull();
        raw.Should().Be(ticket.RegisteredAtUtc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture), "what is stored did not change");
        db.Model.FindEntityType(typeof(Siget.Core.Tickets.Ticket))!.FindProperty(nameof(ticket.RegisteredAtUtc))!
            .GetRelationalTypeMapping().GetType().Name.Should().Be("SqliteTextDateTimeMapping");
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Siget.Bench.Data;
using Siget.Bench.Scenarios;

namespace Siget.Console.Tests.Bench;

/// <summary>
/// The benchmark's data set is anchored to the day it is generated: on any day of the year (a Monday morning, a
/// weekend, a holiday, New Year's night, an evening) it must give every scenario what it needs, and the same seed and
/// day must give the same tickets. A generator check on small data sets, not a timed test.
/// </summary>
public sealed class BenchDataSetDatesTests
{
    private static readonly BenchSizes Small = new(TotalTickets: 2_000, OpenTickets: 300, Staff: 60, Requesters: 100, Years: 1);

    public static TheoryData<string> Days() =>
    [
        "2026-03-02T13:00:00Z", // Monday, 08:00 in Lima
        "2026-06-13T15:00:00Z", // Saturday
        "2026-09-06T20:00:00Z", // Sunday
        "2026-07-28T14:00:00Z", // Fiestas Patrias
        "2026-12-25T16:00:00Z", // Christmas
        "2027-01-01T05:30:00Z", // New Year's night in Lima
        "2026-11-18T23:30:00Z", // a weekday evening
    ];

    [Theory]
    [MemberData(nameof(Days))]
    public async Task On_any_day_the_data_set_has_what_every_scenario_needs(string day)
    {
        var now = DateTime.Parse(day, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        var database = NewPath();
        try
        {
            var manifest = await DataGenerator.GenerateAsync(database, Small, now);

            // Live push: ten changes, three times, at each of two steps, after three warm-ups.
            var changes = LivePushScenario.Repetitions * 10 * 2 + 3;
            LivePushScenario.TicketsToSendBack(database, changes).Should().HaveCount(changes).And.OnlyHaveUniqueItems();
            // API: the key's channel has tickets to read across the data set.
            ApiScenario.ChannelTickets(database, 100).Should().HaveCount(100).And.OnlyHaveUniqueItems();
            using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
            connection.Open();
            // Queue page: tec001's "Todos" (level 1) has tickets (the page must show min(50, total) rows).
            Scalar(connection, "SELECT COUNT(*) FROM Tickets WHERE State IN (1, 2) AND Level = 1").Should().BeGreaterThan(0);
            // Board: at least two technicians' columns with cards to move between.
            Scalar(connection, "SELECT COUNT(DISTINCT AssigneeId) FROM Tickets WHERE State = 2 AND Level = 1").Should().BeGreaterThanOrEqualTo(2);
            // Reports: a 30-day period ending yesterday has tickets received in it.
            Scalar(connection, $"SELECT COUNT(*) FROM Tickets WHERE RegisteredAtUtc >= '{now.AddDays(-31):yyyy-MM-dd HH:mm:ss}'").Should().BeGreaterThan(0);
            // Ticket page: the long timeline.
            Scalar(connection, $"SELECT (SELECT COUNT(*) FROM TicketHistory h JOIN Tickets t ON t.Id = h.TicketId WHERE t.Number = '{manifest.TimelineTicket}')"
                + $" + (SELECT COUNT(*) FROM TicketMessages m JOIN Tickets t ON t.Id = m.TicketId WHERE t.Number = '{manifest.TimelineTicket}')")
                .Should().BeGreaterThanOrEqualTo(DataGenerator.TimelineEntries);
        }
        finally
        {
            Delete(database);
        }
    }

    [Fact]
    public async Task The_same_seed_and_day_give_the_same_tickets()
    {
        var now = new DateTime(2026, 7, 28, 14, 0, 0, DateTimeKind.Utc);
        var (first, second) = (NewPath(), NewPath());
        try
        {
            await DataGenerator.GenerateAsync(first, Small with { TotalTickets = 800, OpenTickets = 100 }, now);
            await DataGenerator.GenerateAsync(second, Small with { TotalTickets = 800, OpenTickets = 100 }, now);

            Fingerprint(first).Should().Be(Fingerprint(second));
        }
        finally
        {
            Delete(first);
            Delete(second);
        }
    }

    // What a ticket is (people's ids are new on each run: they are left out).
    private static string Fingerprint(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Number, Subject, Kind, Channel, SubcategoryCode, Priority, Preferential, State, Level, RegisteredAtUtc, NextDueUtc, ResolvedAtUtc, ClosedAtUtc
            FROM Tickets ORDER BY Id
            """;
        var text = new StringBuilder();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            for (var c = 0; c < reader.FieldCount; c++) text.Append(reader.IsDBNull(c) ? "-" : reader.GetValue(c)).Append('|');
            text.Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static string NewPath()
    {
        var path = Path.Combine(Path.GetTempPath(), "siget-tests", $"bench-dates-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private static void Delete(string database)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        File.Delete(BenchManifest.PathFor(database));
    }
}

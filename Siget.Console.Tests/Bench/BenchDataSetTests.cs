using Microsoft.Data.Sqlite;
using Siget.Bench.Data;
using Siget.Console.Services.People;
using Siget.Core.Catalog;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Bench;

/// <summary>
/// The benchmark's data generator writes straight into the product's schema: a small data set must keep opening in the
/// product and cover what the benchmark claims (every service, channel, state and level), or the figures mean nothing.
/// </summary>
public sealed class BenchDataSetTests : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), "siget-tests", $"bench-{Guid.NewGuid():N}.db");
    private BenchManifest _manifest = default!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_database)!);
        _manifest = await DataGenerator.GenerateAsync(_database, new BenchSizes(TotalTickets: 6_000, OpenTickets: 600, Staff: 60, Requesters: 200),
            new DateTime(2026, 11, 25, 15, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task A_generated_help_desk_covers_every_service_channel_state_and_level_and_opens_in_the_product()
    {
        _manifest.Tickets.Should().Be(6_000 + DataGenerator.SendBackCandidates + 1, "the asked number, the live-push scenario's level-2 tickets and the ticket with the long timeline");
        _manifest.Schema.Should().Be(BenchManifest.CurrentSchema);

        using (var connection = new SqliteConnection($"Data Source={_database};Mode=ReadOnly"))
        {
            connection.Open();
            Distinct(connection, "SubcategoryCode").Should().BeEquivalentTo(SeedCatalog.Subcategories.Select(s => (long)s.Code));
            Distinct(connection, "Channel").Should().BeEquivalentTo(Enum.GetValues<Channel>().Select(c => (long)c));
            Distinct(connection, "State").Should().BeEquivalentTo(Enum.GetValues<TicketState>().Select(s => (long)s));
            Distinct(connection, "Level").Should().HaveCount(5);
            Scalar(connection, "SELECT COUNT(*) FROM Tickets WHERE State IN (1, 2, 3)").Should().BeInRange(560 + DataGenerator.SendBackCandidates, 640 + DataGenerator.SendBackCandidates, "about the asked number are open, plus the live-push scenario's level-2 tickets");
            Scalar(connection, "SELECT COUNT(*) FROM TicketHistory WHERE TicketId = (SELECT Id FROM Tickets WHERE Number = $n)", _manifest.TimelineTicket)
                .Should().BeGreaterThan(0);
        }

        // The product reads what was written: the ticket page's query of the long-timeline ticket, as a supervisor.
        await using var app = new Siget.Bench.BenchApp(_database);
        await using var db = app.CreateDbContext();
        var supervisor = db.Users.First(u => u.UserName == BenchPeople.SupervisorName(0)).ToActor();
        var detail = await app.Service<Siget.Console.Services.Tickets.TicketQueries>().GetAsync(supervisor, _manifest.TimelineTicket);
        detail.Should().NotBeNull();
        (detail!.History.Count + detail.Messages.Count).Should().BeGreaterThanOrEqualTo(DataGenerator.TimelineEntries);
    }

    private static List<long> Distinct(SqliteConnection connection, string column)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT DISTINCT \"{column}\" FROM Tickets";
        using var reader = command.ExecuteReader();
        var values = new List<long>();
        while (reader.Read()) values.Add(reader.GetInt64(0));
        return values;
    }

    private static long Scalar(SqliteConnection connection, string sql, string? number = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (number is not null) command.Parameters.AddWithValue("$n", number);
        return (long)command.ExecuteScalar()!;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".json" })
            File.Delete(suffix == ".json" ? BenchManifest.PathFor(_database) : _database + suffix);
        return Task.CompletedTask;
    }
}

using Microsoft.Data.Sqlite;
using Siget.Console.Data;
using Siget.Console.Tests.Infrastructure;

namespace Siget.Console.Tests.Operations;

[CollectionDefinition(Name)]
public sealed class UpgradeCollection : ICollectionFixture<UpgradeDataSet>
{
    public const string Name = "Upgrades of a database with data";
}

/// <summary>
/// Issue 16, item 10: a new version upgrades the database of any earlier one without losing a row, after copying the file
/// (SQLite's online backup API) beside it and saying where; a migration that fails puts the database back.
/// </summary>
[Collection(UpgradeCollection.Name)]
public class UpgradingTheDatabaseTests(UpgradeDataSet data)
{
    public static TheoryData<string> EarlierMigrations => new(UpgradeDataSet.Migrations.SkipLast(1));

    /// <summary>Starting the app, bounded: a start that hangs (as on a stale migration lock) fails the test.</summary>
    internal static Task StartAsync(SigetAppFactory app) => Task.Run(() => app.Services).WaitAsync(TimeSpan.FromMinutes(3));

    [Theory]
    [MemberData(nameof(EarlierMigrations))]
    public async Task An_upgrade_from_an_earlier_version_keeps_every_row_copies_the_file_first_and_the_app_works(string migration)
    {
        using var folder = new ScratchFolder();
        var before = await data.DatabaseAtAsync(migration, folder);

        await using var app = new SigetAppFactory(folder: folder);
        await StartAsync(app);

        DatabaseRows.Read(folder.Database, like: before).ShouldHoldEveryRowOf(before);
        var copy = Directory.GetFiles(folder, "siget.db.antes-*.bak").Should().ContainSingle().Subject;
        DatabaseRows.Read(copy, like: before).ShouldHoldEveryRowOf(before);
        SqliteCopies.IntegrityCheck(copy).Should().Be("ok");
        app.Log.Should().Contain(line => line.Contains($"to {copy} before applying the migrations"), "the log says where the copy is");
        await data.ShouldWorkAsync(app);
    }

    [Fact]
    public async Task A_new_database_is_created_in_one_transaction_per_migration_without_warnings_or_a_copy()
    {
        using var folder = new ScratchFolder();
        await using var app = new SigetAppFactory(folder: folder);
        await StartAsync(app);

        Directory.GetFiles(folder, "*.bak").Should().BeEmpty("there was nothing to keep");
        app.Log.Should().NotContain(line => line.StartsWith("Microsoft.EntityFrameworkCore.Migrations", StringComparison.Ordinal),
            "EF Core warns when a migration cannot run in one transaction (the table rebuild of Problems did)");
        File.Exists(folder.Database + ".actualizando").Should().BeFalse();
    }

    [Fact]
    public async Task A_migration_that_fails_puts_the_database_back_as_it_was_and_stops_the_start_saying_so()
    {
        using var folder = new ScratchFolder();
        var problems = UpgradeDataSet.Migrations.Single(m => m.EndsWith("_Problems", StringComparison.Ordinal));
        await data.DatabaseAtAsync(UpgradeDataSet.Migrations[0], folder);
        // A table made by hand where the Problems migration creates one: that migration fails, after eight others went in.
        using (var connection = SqliteCopies.Open(folder.Database, SqliteOpenMode.ReadWrite))
            SqliteCopies.Execute(connection, "CREATE TABLE RecurrenceSignals (Nota TEXT); INSERT INTO RecurrenceSignals VALUES ('a mano');");
        var before = DatabaseRows.Read(folder.Database);

        await using var app = new SigetAppFactory(folder: folder);
        var start = () => StartAsync(app);

        var refusal = (await start.Should().ThrowAsync<InvalidOperationException>()).Which;
        refusal.Message.Should().Contain("falló en").And.Contain(problems).And.Contain("Se restauró la base desde la copia");
        SqliteConnection.ClearAllPools();
        var after = DatabaseRows.Read(folder.Database);
        after.Of.Keys.Should().BeEquivalentTo(before.Of.Keys, "no table of a later migration stays behind");
        after.ShouldHoldEveryRowOf(before);
        Applied(folder.Database).Should().Equal(UpgradeDataSet.Migrations[0]);
        File.Exists(folder.Database + ".actualizando").Should().BeFalse();
    }

    [Fact]
    public async Task A_second_SIGET_on_the_same_database_is_refused_with_a_clear_message()
    {
        using var folder = new ScratchFolder();
        await using var first = new SigetAppFactory(folder: folder);
        await StartAsync(first);

        await using var second = new SigetAppFactory(folder: folder);
        var start = () => StartAsync(second);

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message
            .Should().Contain("está en uso por otro proceso de SIGET");
        (await first.CreateClient().GetAsync("/health")).IsSuccessStatusCode.Should().BeTrue("the running one goes on");
    }

    internal static List<string> Applied(string database)
    {
        using var connection = SqliteCopies.Open(database, SqliteOpenMode.ReadWrite);
        if (SqliteCopies.Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory';") is 0L) return [];
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId;";
        using var reader = command.ExecuteReader();
        var applied = new List<string>();
        while (reader.Read()) applied.Add(reader.GetString(0));
        return applied;
    }
}

using Microsoft.Data.Sqlite;
using Siget.Console.Data;
using Siget.Console.Tests.Infrastructure;

namespace Siget.Console.Tests.Operations;

/// <summary>
/// Issue 16, item 11: SIGET killed (kill -9) inside any migration starts again, with every row, instead of hanging on the
/// migration lock it left or failing on a half-applied migration, and the log says what it found and what it did.
/// </summary>
[Collection(UpgradeCollection.Name)]
public class InterruptedUpgradeTests(UpgradeDataSet data)
{
    public static TheoryData<string> AllMigrations => new(UpgradeDataSet.Migrations);

    [Theory]
    [MemberData(nameof(AllMigrations))]
    public async Task A_start_killed_inside_a_migration_is_put_back_and_the_next_start_upgrades_with_every_row(string migration)
    {
        using var folder = new ScratchFolder();
        var creating = migration == UpgradeDataSet.Migrations[0];
        // From the oldest version with data, so that the migrations before the one killed are in when it dies.
        var before = creating ? null : await data.DatabaseAtAsync(UpgradeDataSet.Migrations[0], folder);

        await using (var process = SigetProcess.Start(folder, new Dictionary<string, string> { [SqliteUpgrade.PauseVariable] = migration }))
        {
            await process.WaitForLineAsync(line => line == $"SIGET_TEST_PAUSED {migration}", TimeSpan.FromMinutes(3));
            await process.KillAsync(); // with all of the migration done but its history row
        }
        using var reference = new ScratchFolder();
        var earlier = UpgradeDataSet.Migrations.TakeWhile(m => m != migration).ToList();
        if (earlier.Count > 0) await data.DatabaseAtAsync(earlier[^1], reference);

        // What the issue found after such a crash: the lock row left behind, the upgrade half done.
        File.Exists(folder.Database + ".actualizando").Should().BeTrue();
        MigrationLockRows(folder.Database).Should().Be(1);
        UpgradingTheDatabaseTests.Applied(folder.Database).Should().Equal(earlier);
        Shape(folder.Database).Should().Equal(earlier.Count > 0 ? Shape(reference.Database) : [],
            "each migration is one transaction: the one killed left nothing (no column, table or index), the earlier ones are whole");

        await using var app = new SigetAppFactory(folder: folder);
        await UpgradingTheDatabaseTests.StartAsync(app);

        app.Log.Should().Contain(line => line.Contains("Removed the migration lock"));
        app.Log.Should().Contain(line => line.Contains("was interrupted") && line.Contains(creating ? "discarded the half-created database" : "restored the database from the copy"));
        UpgradingTheDatabaseTests.Applied(folder.Database).Should().Equal(UpgradeDataSet.Migrations);
        File.Exists(folder.Database + ".actualizando").Should().BeFalse();
        MigrationLockRows(folder.Database).Should().Be(0);
        if (before is null) return;
        DatabaseRows.Read(folder.Database, like: before).ShouldHoldEveryRowOf(before);
        await data.ShouldWorkAsync(app);
    }

    [Fact]
    public async Task A_migration_lock_left_by_a_dead_process_does_not_hang_the_start_and_is_reported()
    {
        using var folder = new ScratchFolder();
        var before = await data.DatabaseAtAsync(UpgradeDataSet.Migrations[^1], folder);
        // An earlier SIGET killed while it held EF Core's lock, on a database already up to date.
        using (var connection = SqliteCopies.Open(folder.Database, SqliteOpenMode.ReadWrite))
            SqliteCopies.Execute(connection, """
                CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsLock" VALUES (1, '2026-11-20 10:00:00+00:00');
                """);

        await using var app = new SigetAppFactory(folder: folder);
        await UpgradingTheDatabaseTests.StartAsync(app);

        app.Log.Should().Contain(line => line.Contains("Removed the migration lock") && line.Contains("2026-11-20 10:00:00"));
        MigrationLockRows(folder.Database).Should().Be(0);
        DatabaseRows.Read(folder.Database, like: before).ShouldHoldEveryRowOf(before);
        await data.ShouldWorkAsync(app);
    }

    /// <summary>Tables with their columns, and indexes, of SIGET's schema (not EF's bookkeeping).</summary>
    private static List<string> Shape(string database)
    {
        using var connection = SqliteCopies.Open(database, SqliteOpenMode.ReadWrite);
        var shape = DatabaseRows.Tables(connection).Select(t => $"{t}({string.Join(", ", DatabaseRows.Columns(connection, t))})").ToList();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
        using var reader = command.ExecuteReader();
        while (reader.Read()) shape.Add(reader.GetString(0));
        return shape;
    }

    private static long MigrationLockRows(string database)
    {
        SqliteConnection.ClearAllPools();
        using var connection = SqliteCopies.Open(database, SqliteOpenMode.ReadWrite);
        return SqliteCopies.Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsLock';") is 0L
            ? 0
            : (long)SqliteCopies.Scalar(connection, "SELECT count(*) FROM __EFMigrationsLock;")!;
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Siget.Console.Data;
using Siget.Console.Tests.Infrastructure;

namespace Siget.Console.Tests.Services;

public class StorageTests
{
    [Fact]
    public async Task SQLite_runs_in_WAL_mode_with_full_synchronous_writes_and_no_pending_model_changes()
    {
        await using var app = new SigetAppFactory();
        _ = app.Services;
        await using var db = app.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();

        (await Scalar(connection, "PRAGMA journal_mode;")).Should().Be("wal");
        (await Scalar(connection, "PRAGMA synchronous;")).Should().Be("2"); // FULL
        db.Database.HasPendingModelChanges().Should().BeFalse();
        db.Database.GetAppliedMigrations().Should().NotBeEmpty();
    }

    [Fact]
    public void The_SQL_Server_migrations_generate_a_script_without_a_server()
    {
        using var db = new SqlServerSigetDbContext(new DbContextOptionsBuilder<SqlServerSigetDbContext>()
            .UseSqlServer("Server=localhost;Database=SigetScript;Trusted_Connection=True;TrustServerCertificate=True").Options);

        var script = db.GetService<IMigrator>().GenerateScript();

        script.Should().Contain("CREATE TABLE [Tickets]");
        script.Should().Contain("CREATE TABLE [TicketHistory]");
        script.Should().Contain("Firma digital");
        script.Should().Contain("[Version] bigint NOT NULL");
        db.Database.GetMigrations().Should().NotBeEmpty();
        db.Model.GetEntityTypes().Should().Contain(e => e.ClrType == typeof(Siget.Core.Tickets.TicketMessage));
    }

    private static async Task<string?> Scalar(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}

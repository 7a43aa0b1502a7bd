using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Siget.Console.Data;
using Siget.Console.Tests.Infrastructure;

namespace Siget.Console.Tests.Stories;

/// <summary>ISO 27001 continuity: an acknowledged ticket survives a power cut, and the schema deploys to SQL Server too.</summary>
// About SQLite files: not in the PostgreSQL run of the stories (test.sh).
[Trait("Database", "Sqlite")]
[Collection(HelpDeskCollection.Name)]
public class DatabaseStorageTests(HelpDeskFixture f)
{
    [Fact]
    public async Task Every_connection_the_app_opens_writes_ahead_with_full_synchronous_commits()
    {
        for (var i = 0; i < 2; i++) // a fresh context and one that may reuse a pooled connection
        {
            await using var db = f.App.CreateDbContext();
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();

            (await Scalar(connection, "PRAGMA journal_mode;")).Should().Be("wal");
            (await Scalar(connection, "PRAGMA synchronous;")).Should().Be("2", "2 is FULL");
            (await Scalar(connection, "PRAGMA busy_timeout;")).Should().Be("5000");
        }
    }

    [Fact]
    public async Task The_SQLite_migrations_match_the_model()
    {
        await using var db = f.App.CreateDbContext();

        db.Should().BeOfType<SqliteSigetDbContext>();
        db.Database.HasPendingModelChanges().Should().BeFalse("a model change without its migration would not reach the database");
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
    }

    [Fact]
    public void The_SQL_Server_migrations_match_the_model_and_generate_a_script_without_a_server()
    {
        using var db = new SqlServerSigetDbContext(new DbContextOptionsBuilder<SqlServerSigetDbContext>()
            .UseSqlServer("Server=localhost;Database=SigetScript;Trusted_Connection=True;TrustServerCertificate=True").Options);

        var script = db.GetService<IMigrator>().GenerateScript();
        var idempotent = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        db.Database.HasPendingModelChanges().Should().BeFalse();
        script.Should().Contain("CREATE TABLE [Tickets]");
        script.Should().Contain("CREATE TABLE [TicketHistory]");
        script.Should().Contain("CREATE TABLE [TicketSequences]");
        script.Should().Contain("[Version] bigint NOT NULL");
        script.Should().Contain("CREATE UNIQUE INDEX [IX_Tickets_Number]");
        script.Should().Contain("N'Firma digital'", "the catalog of Anexo 1 ships as seed data");
        script.Should().Contain("N'VIDEOCONFERENCIA'");
        idempotent.Should().Contain("IF NOT EXISTS").And.Contain("[__EFMigrationsHistory]");
        db.Database.GetDbConnection().State.Should().Be(System.Data.ConnectionState.Closed, "no server was needed");
    }

    private static async Task<string?> Scalar(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}

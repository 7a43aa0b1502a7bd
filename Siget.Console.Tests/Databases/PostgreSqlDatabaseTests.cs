using Microsoft.EntityFrameworkCore;
using Npgsql;
using Siget.Console.Data;
using Siget.Console.Services.People;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;

namespace Siget.Console.Tests.Databases;

/// <summary>
/// SIGET on PostgreSQL (<c>Database:Provider=PostgreSql</c>), in every test run whatever database the stories use:
/// the migrations are applied at start-up, searches ignore case and accents, the version token refuses a stale
/// change, and the queue's covering and partial indexes exist as on SQLite.
/// </summary>
public sealed class PostgreSqlDatabaseTests : IAsyncLifetime
{
    private readonly SigetAppFactory _app = new(provider: DatabaseProvider.PostgreSql);
    private Actor _technician = default!;
    private Actor _requester = default!;

    public async Task InitializeAsync()
    {
        _ = _app.Services;
        var unit = await _app.AddUnitAsync("Unidad de Administración");
        _technician = await _app.AddPersonAsync("tecnico1", Role.Tecnico, "Luis Mendoza Ríos");
        _requester = await _app.AddPersonAsync("usuario1", Role.Usuario, "María Flores Condori", unit.Id, Classification.Especialista);
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task The_app_runs_on_PostgreSql_with_every_migration_applied_at_start_up()
    {
        await using var db = _app.CreateDbContext();
        db.Database.ProviderName.Should().Be("Npgsql.EntityFrameworkCore.PostgreSQL");
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).Should().NotBeEmpty();
        var health = await _app.CreateClient().GetAsync("/health");
        health.IsSuccessStatusCode.Should().BeTrue();
    }

    [Fact]
    public async Task Searching_the_queue_ignores_case_and_accents()
    {
        var registration = _app.Service<TicketRegistration>();
        var tag = HelpDeskFixture.NewTag();
        await registration.RegisterAsync(_technician, HelpDeskFixture.Phoned(_requester, subject: $"{tag} Impresión DAÑADA en Logística"));

        foreach (var search in new[] { $"{tag} impresion danada", $"{tag} IMPRESIÓN", $"{tag} logistica" })
            (await _app.Service<TicketQueries>().QueueAsync(_technician, new QueueFilter { Search = search }, 0, 50)).Total
                .Should().Be(1, $"«{search}» names the ticket");
        (await _app.Service<PeopleDirectory>().SearchRequestersAsync(_technician, "maria flores")).Should().ContainSingle();
    }

    [Fact]
    public async Task A_change_on_a_stale_version_is_refused_and_saves_nothing()
    {
        var ticket = await _app.Service<TicketRegistration>().RegisterAsync(_technician, HelpDeskFixture.Phoned(_requester));
        var commands = _app.Service<TicketCommands>();
        await commands.TakeAsync(_technician, ticket.Id, ticket.Version);

        var stale = () => commands.TakeAsync(_technician, ticket.Id, ticket.Version);

        await stale.Should().ThrowAsync<TicketConflictException>();
        await using var db = _app.CreateDbContext();
        (await db.TicketHistory.CountAsync(h => h.TicketId == ticket.Id)).Should().Be(2);
        (await db.Tickets.SingleAsync(t => t.Id == ticket.Id)).Version.Should().Be(ticket.Version + 1);
    }

    [Fact]
    public async Task The_queue_and_report_indexes_exist_as_on_Sqlite_partial_ones_included()
    {
        await using var connection = new NpgsqlConnection(_app.PostgreSqlConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'Tickets'", connection);
        var indexes = new Dictionary<string, string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) indexes[reader.GetString(0)] = reader.GetString(1);

        indexes.Values.Should().Contain(d => d.Contains("(\"State\", \"Level\", \"AssigneeId\", \"Priority\", \"Preferential\", \"NextDueUtc\", \"VendorCompanyId\", \"RegisteredAtUtc\")"), "the queue reads only this index");
        indexes["IX_Tickets_ResolvedAtUtc"].Should().EndWith("WHERE (\"ResolvedAtUtc\" IS NOT NULL)");
        indexes["IX_Tickets_ClosedAtUtc"].Should().EndWith("WHERE (\"ClosedAtUtc\" IS NOT NULL)");
        indexes["IX_Tickets_ProblemId"].Should().EndWith("WHERE (\"ProblemId\" IS NOT NULL)");
    }
}

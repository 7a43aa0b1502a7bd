using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using static Siget.Console.Tests.Operations.BackupAndRestoreTests;

namespace Siget.Console.Tests.Operations;

/// <summary>
/// The restore drill on PostgreSQL, in every test run (the private cluster of <see cref="PostgreSqlCluster"/>):
/// <c>respaldar</c> takes pg_dump's custom format and the files from one snapshot while tickets are registered;
/// <c>restaurar</c> refuses a running database and a damaged or incomplete backup, and dumps what it replaces first.
/// </summary>
public sealed class PostgreSqlBackupAndRestoreTests : IAsyncLifetime
{
    private readonly List<string> _databases = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases) await PostgreSqlCluster.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task A_backup_taken_while_tickets_are_registered_restores_every_ticket_acknowledged_before_it_with_its_files()
    {
        using var live = new ScratchFolder();
        var liveDatabase = await NewDatabaseAsync();
        await using var app = Desk(live, liveDatabase);
        var technician = await app.AddPersonAsync("tecnico1", Role.Tecnico, "Luis Mendoza Ríos");
        var requester = await app.AddPersonAsync("usuario1", Role.Usuario, "María Flores Condori");
        var registration = app.Service<TicketRegistration>();
        var acknowledged = new ConcurrentQueue<(string Number, string Text)>();
        var enough = new TaskCompletionSource();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 3).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var text = $"registro {writer}-{i} {Guid.NewGuid()}\n";
                var ticket = (await registration.RegisterWithCodeAsync(technician,
                    HelpDeskFixture.Phoned(requester, subject: $"Registro {writer}-{i}"), [TextFile("registro.txt", text)])).Ticket;
                acknowledged.Enqueue((ticket.Number, text));
                if (acknowledged.Count >= 30) enough.TrySetResult();
            }
        })).ToList();
        await enough.Task.WaitAsync(Bound);

        var beforeBackup = acknowledged.ToList();
        using var backups = new ScratchFolder();
        var (exit, output) = await RunAsync(live, liveDatabase, "respaldar", "--destino", backups);
        var duringBackup = acknowledged.Count;
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        exit.Should().Be(0, output);
        duringBackup.Should().BeGreaterThan(beforeBackup.Count, "registrations went on while the backup ran");
        var backup = Directory.GetDirectories(backups).Should().ContainSingle().Subject;
        Path.GetFileName(backup).Should().MatchRegex(@"^respaldo-\d{4}-\d{2}-\d{2}T\d{6}Z$");
        File.Exists(Path.Combine(backup, "siget.dump")).Should().BeTrue();
        File.ReadAllText(Path.Combine(backup, "manifiesto.json")).Should().Contain("\"motor\": \"PostgreSql\"");

        using var fresh = new ScratchFolder();
        var freshDatabase = await NewDatabaseAsync();
        (exit, output) = await RunAsync(fresh, freshDatabase, "restaurar", "--origen", backup);
        exit.Should().Be(0, output);

        await using var restored = Desk(fresh, freshDatabase);
        var staff = await ActorAsync(restored, "tecnico1");
        var conversation = restored.Service<TicketConversation>();
        foreach (var (number, text) in beforeBackup)
        {
            var detail = await restored.Service<TicketQueries>().GetAsync(staff, number);
            detail.Should().NotBeNull($"{number} was acknowledged before the backup began");
            var file = detail!.Messages.SelectMany(m => m.Attachments).Should().ContainSingle().Subject;
            (await ReadAsync(conversation, staff, file.Id)).Should().Be(text);
        }
        await using var db = restored.CreateDbContext();
        foreach (var id in await db.TicketAttachments.Select(a => a.Id).ToListAsync())
            (await ReadAsync(conversation, staff, id)).Should().StartWith("registro", "every ticket in the backup comes with its files");
    }

    [Fact]
    public async Task A_restore_is_refused_while_SIGET_runs_or_when_the_backup_is_damaged_and_a_good_one_keeps_a_dump_of_what_it_replaced()
    {
        using var source = new ScratchFolder();
        var sourceDatabase = await NewDatabaseAsync();
        await using (var app = Desk(source, sourceDatabase))
        {
            var technician = await app.AddPersonAsync("tecnico1", Role.Tecnico);
            var requester = await app.AddPersonAsync("usuario1", Role.Usuario);
            await app.Service<TicketRegistration>().RegisterWithCodeAsync(technician, HelpDeskFixture.Phoned(requester, subject: "Con archivo"),
                [TextFile("detalle.txt", "detalle\n")]);
        }
        using var backups = new ScratchFolder();
        var backup = await RunAsync(source, sourceDatabase, "respaldar", "--destino", backups);
        backup.Exit.Should().Be(0, backup.Output);
        var good = Directory.GetDirectories(backups).Single();
        var damaged = CopyOf(good, backups, "dañado");
        await using (var file = new FileStream(Path.Combine(damaged, "siget.dump"), FileMode.Open)) file.SetLength(file.Length / 2);
        var incomplete = CopyOf(good, backups, "incompleto");
        foreach (var stored in Directory.GetFiles(Path.Combine(incomplete, "adjuntos"))) File.Delete(stored);

        using var target = new ScratchFolder();
        var targetDatabase = await NewDatabaseAsync();
        await using (var running = Desk(target, targetDatabase))
        {
            await running.AddPersonAsync("otra", Role.Tecnico); // another help desk is there, and running
            var refusedRunning = await RunAsync(target, targetDatabase, "restaurar", "--origen", good);
            refusedRunning.Exit.Should().Be(1, refusedRunning.Output);
            refusedRunning.Output.Should().Contain("SIGET está en ejecución").And.Contain("Deténgalo");
        }
        NpgsqlConnection.ClearAllPools(); // the stopped app's idle connections

        var refusedDamaged = await RunAsync(target, targetDatabase, "restaurar", "--origen", damaged);
        var refusedIncomplete = await RunAsync(target, targetDatabase, "restaurar", "--origen", incomplete);

        refusedDamaged.Exit.Should().Be(1, refusedDamaged.Output);
        refusedDamaged.Output.Should().Contain("El respaldo está dañado y no se restauró");
        refusedIncomplete.Exit.Should().Be(1, refusedIncomplete.Output);
        refusedIncomplete.Output.Should().Contain("El respaldo está incompleto y no se restauró");
        (await UserNamesAsync(targetDatabase)).Should().Equal("otra");

        var (exit, output) = await RunAsync(target, targetDatabase, "restaurar", "--origen", good);

        exit.Should().Be(0, output);
        (await UserNamesAsync(targetDatabase)).Should().Equal("tecnico1", "usuario1");
        var aside = Directory.GetDirectories(backups, "respaldo-antes-de-restaurar-*").Should().ContainSingle().Subject;
        output.Should().Contain($"La base que había quedó respaldada en {aside}");
        await using (var restored = Desk(target, targetDatabase))
        {
            var staff = await ActorAsync(restored, "tecnico1");
            var ticket = (await restored.Service<TicketQueries>().QueueAsync(staff, new QueueFilter(), 0, 10)).Rows.Should().ContainSingle().Subject;
            var detail = await restored.Service<TicketQueries>().GetAsync(staff, ticket.Number);
            (await ReadAsync(restored.Service<TicketConversation>(), staff, detail!.Messages.SelectMany(m => m.Attachments).Single().Id))
                .Should().Be("detalle\n");
        }
        NpgsqlConnection.ClearAllPools();

        var back = await RunAsync(target, targetDatabase, "restaurar", "--origen", aside);

        back.Exit.Should().Be(0, back.Output);
        (await UserNamesAsync(targetDatabase)).Should().Equal(["otra"], "the dump taken before the restore puts the replaced help desk back");
    }

    private async Task<string> NewDatabaseAsync()
    {
        var database = await PostgreSqlCluster.CreateDatabaseAsync("siget_respaldo");
        _databases.Add(database);
        return database;
    }

    /// <summary>SIGET on the PostgreSQL database, with its files in <c>adjuntos/</c> of the folder (as <see cref="RunAsync"/>).</summary>
    private static SigetAppFactory Desk(string folder, string database) => new(folder: folder, postgreSql: database);

    private static async Task<(int Exit, string Output)> RunAsync(string folder, string database, params string[] args)
    {
        await using var command = SigetProcess.Start(folder, new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Siget"] = database,
            ["Backup__PostgreSqlTools"] = PostgreSqlCluster.BinFolder,
        }, args);
        var exit = await command.WaitForExitAsync(Bound);
        return (exit, command.Output);
    }

    private static async Task<List<string>> UserNamesAsync(string database)
    {
        // Unpooled: an idle pooled connection would count as SIGET still running for the next «restaurar».
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"UserName\" FROM \"AspNetUsers\" ORDER BY \"UserName\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}

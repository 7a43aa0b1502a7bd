using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Siget.Console.Data;
using Siget.Console.Services.People;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;

namespace Siget.Console.Tests.Operations;

/// <summary>
/// Issue 16, item 13: <c>respaldar</c> copies the database (SQLite's online backup API) and the files it names into one
/// dated folder while SIGET runs; <c>restaurar</c> checks a backup and puts it in place, only with SIGET stopped.
/// </summary>
public class BackupAndRestoreTests
{
    internal static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_backup_taken_while_tickets_are_registered_restores_every_ticket_acknowledged_before_it_with_its_files()
    {
        using var live = new ScratchFolder();
        await using var app = Desk(live);
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
        var (exit, output) = await RunAsync(live, "respaldar", "--destino", backups);
        var duringBackup = acknowledged.Count;
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        exit.Should().Be(0, output);
        duringBackup.Should().BeGreaterThan(beforeBackup.Count, "registrations went on while the backup ran");
        var backup = Directory.GetDirectories(backups).Should().ContainSingle().Subject;
        Path.GetFileName(backup).Should().MatchRegex(@"^respaldo-\d{4}-\d{2}-\d{2}T\d{6}Z$");
        File.Exists(Path.Combine(backup, "manifiesto.json")).Should().BeTrue();
        output.Should().Contain($"Respaldo completo en {backup}");

        using var fresh = new ScratchFolder();
        (exit, output) = await RunAsync(fresh, "restaurar", "--origen", backup);
        exit.Should().Be(0, output);

        await using var restored = Desk(fresh);
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
    public async Task Restoring_while_SIGET_runs_on_that_database_is_refused_and_changes_nothing()
    {
        using var live = new ScratchFolder();
        await using var app = Desk(live);
        var technician = await app.AddPersonAsync("tecnico1", Role.Tecnico);
        var requester = await app.AddPersonAsync("usuario1", Role.Usuario);
        await app.Service<TicketRegistration>().RegisterAsync(technician, HelpDeskFixture.Phoned(requester, subject: "Antes del respaldo"));
        using var backups = new ScratchFolder();
        (await RunAsync(live, "respaldar", "--destino", backups)).Exit.Should().Be(0);
        await app.Service<TicketRegistration>().RegisterAsync(technician, HelpDeskFixture.Phoned(requester, subject: "Después del respaldo"));

        var (exit, output) = await RunAsync(live, "restaurar", "--origen", Directory.GetDirectories(backups).Single());

        exit.Should().Be(1);
        output.Should().Contain("SIGET está en ejecución").And.Contain("Deténgalo");
        await using var db = app.CreateDbContext();
        (await db.Tickets.CountAsync()).Should().Be(2, "the running help desk keeps its tickets");
        Directory.GetFiles(live, "siget.db.antes-de-restaurar-*").Should().BeEmpty();
    }

    [Fact]
    public async Task A_damaged_or_incomplete_backup_is_refused_and_a_good_one_sets_the_replaced_database_aside()
    {
        using var source = new ScratchFolder();
        await using (var app = Desk(source))
        {
            var technician = await app.AddPersonAsync("tecnico1", Role.Tecnico);
            var requester = await app.AddPersonAsync("usuario1", Role.Usuario);
            await app.Service<TicketRegistration>().RegisterWithCodeAsync(technician, HelpDeskFixture.Phoned(requester, subject: "Con archivo"),
                [TextFile("detalle.txt", "detalle\n")]);
        }
        using var backups = new ScratchFolder();
        (await RunAsync(source, "respaldar", "--destino", backups)).Exit.Should().Be(0);
        var good = Directory.GetDirectories(backups).Single();
        var damaged = CopyOf(good, backups, "dañado");
        using (var file = new FileStream(Path.Combine(damaged, "siget.db"), FileMode.Open)) { file.Position = 5000; file.Write(new byte[20000]); }
        var incomplete = CopyOf(good, backups, "incompleto");
        foreach (var stored in Directory.GetFiles(Path.Combine(incomplete, "adjuntos"))) File.Delete(stored);

        using var target = new ScratchFolder();
        await using (var other = Desk(target)) await other.AddPersonAsync("otra", Role.Tecnico); // another help desk is there
        SqliteConnection.ClearAllPools();
        var otherRows = DatabaseRows.Read(target.Database);

        var refusedDamaged = await RunAsync(target, "restaurar", "--origen", damaged);
        var refusedIncomplete = await RunAsync(target, "restaurar", "--origen", incomplete);

        refusedDamaged.Exit.Should().Be(1);
        refusedDamaged.Output.Should().Contain("El respaldo está dañado y no se restauró");
        refusedIncomplete.Exit.Should().Be(1);
        refusedIncomplete.Output.Should().Contain("El respaldo está incompleto y no se restauró");
        DatabaseRows.Read(target.Database).ShouldHoldEveryRowOf(otherRows);

        var (exit, output) = await RunAsync(target, "restaurar", "--origen", good);

        exit.Should().Be(0, output);
        var aside = Directory.GetFiles(target, "siget.db.antes-de-restaurar-*").Should().ContainSingle().Subject;
        DatabaseRows.Read(aside).ShouldHoldEveryRowOf(otherRows);
        await using var restored = Desk(target);
        var staff = await ActorAsync(restored, "tecnico1");
        var ticket = (await restored.Service<TicketQueries>().QueueAsync(staff, new QueueFilter(), 0, 10)).Rows.Should().ContainSingle().Subject;
        var detail = await restored.Service<TicketQueries>().GetAsync(staff, ticket.Number);
        (await ReadAsync(restored.Service<TicketConversation>(), staff, detail!.Messages.SelectMany(m => m.Attachments).Single().Id)).Should().Be("detalle\n");
    }

    [Theory]
    [InlineData("respaldar", "BACKUP DATABASE")]
    [InlineData("restaurar", "RESTORE DATABASE")]
    public async Task With_SQL_Server_the_commands_point_to_the_servers_own_tools_and_do_nothing(string command, string tool)
    {
        using var folder = new ScratchFolder();
        await using var process = SigetProcess.Start(folder, new Dictionary<string, string>
        {
            ["Database__Provider"] = "SqlServer",
            ["ConnectionStrings__Siget"] = "Server=127.0.0.1,1;Database=Siget;User Id=siget;Password=x;TrustServerCertificate=True",
        }, command, "--origen", folder);

        (await process.WaitForExitAsync(Bound)).Should().Be(2);
        process.Output.Should().Contain(tool).And.Contain("adjuntos");
        Directory.EnumerateFileSystemEntries(folder).Should().BeEmpty();
    }

    /// <summary>SIGET over <c>siget.db</c> in the folder, with its files in <c>adjuntos/</c> there (as <see cref="SigetProcess"/>).</summary>
    private static SigetAppFactory Desk(string folder) =>
        new(folder: folder, settings: new Dictionary<string, string> { ["Attachments:Path"] = Path.Combine(folder, "adjuntos") });

    private static async Task<(int Exit, string Output)> RunAsync(string folder, params string[] args)
    {
        await using var command = SigetProcess.Start(folder, null, args);
        var exit = await command.WaitForExitAsync(Bound);
        return (exit, command.Output);
    }

    internal static string CopyOf(string backup, string into, string name)
    {
        var copy = Path.Combine(into, name);
        Directory.CreateDirectory(Path.Combine(copy, "adjuntos"));
        foreach (var file in Directory.GetFiles(backup, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(copy, Path.GetRelativePath(backup, file)));
        return copy;
    }

    internal static async Task<string> ReadAsync(TicketConversation conversation, Actor actor, long attachmentId)
    {
        var (_, content) = (await conversation.OpenAttachmentAsync(actor, attachmentId)) ?? throw new InvalidOperationException("no file");
        await using (content)
        using (var reader = new StreamReader(content, Encoding.UTF8))
            return await reader.ReadToEndAsync();
    }

    internal static async Task<Actor> ActorAsync(SigetAppFactory app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName))!.ToActor();
    }

    internal static UploadedFile TextFile(string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new UploadedFile(name, new MemoryStream(bytes), bytes.Length);
    }
}

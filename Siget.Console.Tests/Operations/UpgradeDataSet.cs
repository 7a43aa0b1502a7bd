using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Siget.Console.Data;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Knowledge;
using Siget.Console.Services.People;
using Siget.Console.Services.Problems;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Knowledge;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Operations;

/// <summary>
/// A help desk with rows in every table, made once through SIGET's own services (tickets in every state, escalated to a
/// vendor and back, a citizen's ticket, replies and notes with files, notifications, audit, settings, a problem, an
/// article). <see cref="DatabaseAtAsync"/> writes it into a new database created by an older migration — the columns
/// that migration had — as an earlier SIGET would have left it.
/// </summary>
public sealed class UpgradeDataSet : IAsyncLifetime
{
    private readonly HelpDeskFixture _desk = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "siget-tests", "datos-" + Guid.NewGuid().ToString("N"));

    /// <summary>Every SQLite migration of this version, oldest first.</summary>
    public static IReadOnlyList<string> Migrations { get; } = AllMigrations();

    public string Source => Path.Combine(_folder, "fuente.db");
    public string TicketNumber { get; private set; } = "";
    public string TicketSubject { get; private set; } = "";
    public long AttachmentId { get; private set; }
    public const string AttachmentText = "registro del equipo: error 0x80070005\n";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await _desk.InitializeAsync();
        var app = _desk.App;
        var conversation = app.Service<TicketConversation>();
        var admin = await app.AddPersonAsync("admin", Siget.Core.Access.Role.Administrador, "Administrador del Sistema");

        var queued = await _desk.RegisterAsync("La impresora del segundo piso no imprime");
        TicketNumber = queued.Number;
        TicketSubject = queued.Subject;
        var reply = await conversation.ReplyAsync(_desk.Requester, queued.Id, "Adjunto el registro del equipo.", false, [File("registro.log", AttachmentText)]);
        AttachmentId = reply.Attachments.Single().Id;
        await conversation.ReplyAsync(_desk.Technician, queued.Id, "Revisar el controlador.", true, [File("nota.txt", "solo UTI\n")]);

        await _desk.TakenAsync("El monitor parpadea");
        var finalized = await _desk.ResolvedAsync("Sin acceso a la carpeta compartida");
        await _desk.Commands.FinalizeAsync(_desk.Requester, finalized.Id, finalized.Version, new Satisfaction(5, "Atención rápida"));
        var cancelled = await _desk.RegisterAsync("Pedido duplicado de tóner");
        await _desk.Commands.CancelAsync(_desk.Supervisor, cancelled.Id, cancelled.Version, "Ticket duplicado: el mismo caso ya está registrado.");

        var vendor = await _desk.TakenAsync("La laptop en garantía no enciende");
        vendor = await _desk.Commands.EscalateAsync(_desk.Technician, vendor.Id, vendor.Version, "N1-RECURSOS", "Requiere especialista.", null);
        vendor = await _desk.Commands.TakeAsync(_desk.Specialist, vendor.Id, vendor.Version);
        vendor = await _desk.Commands.EscalateAsync(_desk.Specialist, vendor.Id, vendor.Version, "N2-INFRAESTRUCTURA", "Equipo en garantía.", _desk.VendorCompanyId);
        vendor = await _desk.Commands.TakeAsync(_desk.Vendor, vendor.Id, vendor.Version);
        await conversation.ReplyAsync(_desk.Vendor, vendor.Id, "Pedimos el repuesto.", false, [File("informe.txt", "informe técnico\n")]);
        await _desk.Commands.SendBackAsync(_desk.Supervisor, vendor.Id, (await _desk.StoredAsync(vendor.Id)).Version, SupportLevel.Nivel2, "El repuesto no llegará: se resuelve en la UTI.", null);

        int tambo;
        await using (var db = app.CreateDbContext()) tambo = await db.Units.Where(u => u.ServesCitizens).Select(u => u.Id).FirstAsync();
        await _desk.Registration.RegisterWithCodeAsync(_desk.Technician, new RegisterTicketRequest
        {
            Channel = Channel.Presencial, Kind = TicketKind.Incidencia, SubcategoryCode = 21, Subject = "Sin internet en el Tambo",
            Description = "El ciudadano informa que no hay internet desde la mañana.", Impact = Siget.Core.Priorities.OperatingImpact.Total,
            AlternativeAvailable = false,
            Citizen = new CitizenRequest { FullName = "Rosa Huamaní Quispe", Document = "40123456", UnitId = tambo },
        });

        var incident = await _desk.RegisterAsync("Internet lento en la sede");
        await app.Service<ProblemCommands>().RegisterAsync(_desk.Supervisor,
            new NewProblem("Lentitud del enlace principal", "Varias sedes reportan lentitud en horas punta.", 15, null), [incident.Id]);
        await app.Service<KnowledgeBase>().CreateAsync(_desk.Specialist,
            new ArticleContent("La impresora muestra atasco de papel", 15, "## Síntoma\n\nAtasco de papel.", ArticleVisibility.Publica), publish: true);
        var settings = app.Service<SettingsStore>().Current;
        settings.AutoFinalizeBusinessDays = 5;
        await app.Service<SettingsStore>().SaveAsync(admin, settings);
        await app.SignInAsync("usuario1"); // an audit row

        SqliteCopies.Copy(app.DatabasePath, Source);
    }

    public async Task DisposeAsync()
    {
        await _desk.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }

    /// <summary>A new <c>siget.db</c> in <paramref name="folder"/>, created by the migrations up to <paramref name="migration"/>
    /// as EF Core applies them by default, holding the data set; returns its rows.</summary>
    public async Task<DatabaseRows> DatabaseAtAsync(string migration, string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "siget.db");
        var options = new DbContextOptionsBuilder<SqliteSigetDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        await using (var db = new SqliteSigetDbContext(options))
            await db.GetService<IMigrator>().MigrateAsync(migration);

        using var connection = SqliteCopies.Open(path, SqliteOpenMode.ReadWrite);
        SqliteCopies.Execute(connection, $"PRAGMA foreign_keys = 0; ATTACH DATABASE '{Source}' AS fuente;");
        foreach (var table in DatabaseRows.Tables(connection))
        {
            var columns = string.Join(", ", DatabaseRows.Columns(connection, table).Select(c => $"\"{c}\""));
            // REPLACE: the catalog rows that migrations seed are in both.
            SqliteCopies.Execute(connection, $"INSERT OR REPLACE INTO main.\"{table}\" ({columns}) SELECT {columns} FROM fuente.\"{table}\";");
        }
        SqliteCopies.Execute(connection, "DETACH DATABASE fuente; PRAGMA journal_mode = WAL;");
        SqliteCopies.Scalar(connection, "SELECT count(*) FROM pragma_foreign_key_check;").Should().Be(0L, "the data set is whole at every migration");
        return DatabaseRows.Read(path);
    }

    /// <summary>What a person would try first after an upgrade: sign in, open the data set's ticket and its file, find
    /// their tickets, and register a new one that takes the next number.</summary>
    public async Task ShouldWorkAsync(SigetAppFactory app)
    {
        var (client, _) = await app.SignInAsync("usuario1");
        (await client.GetAsync($"/tickets/{TicketNumber}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetStringAsync($"/adjuntos/{AttachmentId}")).Should().Be(AttachmentText);

        var requester = await ActorAsync(app, "usuario1");
        var technician = await ActorAsync(app, "tecnico1");
        var detail = await app.Service<TicketQueries>().GetAsync(requester, TicketNumber);
        detail.Should().NotBeNull();
        detail!.Ticket.Subject.Should().Be(TicketSubject);
        (await app.Service<TicketQueries>().QueueAsync(technician, new QueueFilter(), 0, 50)).Rows.Should().NotBeEmpty();
        var registered = await app.Service<TicketRegistration>().RegisterAsync(technician, HelpDeskFixture.Phoned(requester, subject: "Después de actualizar"));
        string.CompareOrdinal(registered.Number, TicketNumber).Should().BePositive("numbering goes on after the upgrade");
    }

    private static async Task<Siget.Core.Access.Actor> ActorAsync(SigetAppFactory app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName))!.ToActor();
    }

    private static UploadedFile File(string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new UploadedFile(name, new MemoryStream(bytes), bytes.Length);
    }

    private static List<string> AllMigrations()
    {
        using var db = new SqliteSigetDbContext(new DbContextOptionsBuilder<SqliteSigetDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Database.GetMigrations().ToList();
    }
}

/// <summary>Every row of every table (SIGET's, not EF's bookkeeping), as text, to compare a database before and after.</summary>
public sealed class DatabaseRows
{
    private DatabaseRows(Dictionary<string, (List<string> Columns, List<string> Rows)> tables) => Of = tables;

    public IReadOnlyDictionary<string, (List<string> Columns, List<string> Rows)> Of { get; }

    public int Count => Of.Values.Sum(t => t.Rows.Count);

    /// <summary>The rows of each table, in the columns it had (or of <paramref name="like"/>'s tables and columns).</summary>
    public static DatabaseRows Read(string path, DatabaseRows? like = null)
    {
        using var connection = SqliteCopies.Open(path, SqliteOpenMode.ReadWrite);
        var tables = new Dictionary<string, (List<string>, List<string>)>();
        foreach (var table in like?.Of.Keys.ToList() ?? Tables(connection))
        {
            var columns = like?.Of[table].Columns ?? Columns(connection, table);
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM \"{table}\";";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
                rows.Add(string.Join(" | ", Enumerable.Range(0, columns.Count).Select(i => Text(reader.GetValue(i)))));
            rows.Sort(StringComparer.Ordinal);
            tables[table] = (columns, rows);
        }
        return new DatabaseRows(tables);
    }

    /// <summary>Every table of <paramref name="expected"/> holds the same rows here, column by column.</summary>
    public void ShouldHoldEveryRowOf(DatabaseRows expected)
    {
        foreach (var (table, (_, rows)) in expected.Of)
            Of[table].Rows.Should().Equal(rows, $"every row of {table} must survive");
    }

    public static List<string> Tables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_EF%' ESCAPE '\\' ORDER BY name;";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    public static List<string> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}', 'main') ORDER BY cid;";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "null",
        byte[] bytes => "x'" + Convert.ToHexString(bytes) + "'",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => "'" + value + "'",
    };
}

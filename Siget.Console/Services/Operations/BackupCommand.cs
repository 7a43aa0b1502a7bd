using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Siget.Console.Data;
using Siget.Console.Services.Tickets;

namespace Siget.Console.Services.Operations;

/// <summary>
/// <c>dotnet run --project Siget.Console -- respaldar [--destino CARPETA]</c>: a consistent backup while SIGET runs, in
/// one dated folder <c>respaldo-2026-12-02T153012Z/</c> with the database, <c>adjuntos/</c> and <c>manifiesto.json</c>.
/// The database is copied first as one snapshot while writers go on (SQLite: its online backup API into <c>siget.db</c>;
/// PostgreSQL: pg_dump's custom format into <c>siget.dump</c>), then the files that snapshot names: files are written
/// before their ticket commits and never changed, so every one is already there.
/// </summary>
internal static class BackupCommand
{
    public const string Command = "respaldar";
    public const string ManifestName = "manifiesto.json";
    public const string AttachmentsFolder = "adjuntos";

    public static async Task<bool> TryRunAsync(string[] args, IServiceProvider services)
    {
        if (args.Length == 0 || args[0] != Command) return false;
        try
        {
            Environment.ExitCode = await RunAsync(args, services);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException or NpgsqlException or PostgreSqlToolException)
        {
            await System.Console.Error.WriteLineAsync($"No se pudo completar el respaldo: {ex.Message}");
            Environment.ExitCode = 1;
        }
        return true;
    }

    private static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        var sqlite = services.GetService<SqliteDatabase>();
        var postgreSql = services.GetService<PostgreSqlDatabase>();
        if (sqlite is null && postgreSql is null)
        {
            System.Console.Error.WriteLine("Este comando respalda bases SQLite y PostgreSQL. Con SQL Server, respalde la base con las herramientas del " +
                "servidor (BACKUP DATABASE o su plan de mantenimiento) y, después, copie la carpeta de adjuntos (Attachments:Path).");
            return 2;
        }
        if (sqlite is not null && !File.Exists(sqlite.Path))
        {
            System.Console.Error.WriteLine($"No existe la base de datos {sqlite.Path}.");
            return 1;
        }
        if (sqlite is not null && File.Exists(services.GetRequiredService<SqliteUpgrade>().MarkerPath))
        {
            System.Console.Error.WriteLine("La base está a medio actualizar (o su actualización se interrumpió): inicie SIGET para que la " +
                "termine y respalde después.");
            return 1;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var takenAt = clock.GetUtcNow().UtcDateTime;
        var defaultRoot = sqlite is not null ? Path.Combine(Path.GetDirectoryName(sqlite.Path)!, "respaldos")
            : Path.Combine(services.GetRequiredService<IHostEnvironment>().ContentRootPath, "respaldos");
        var root = Path.GetFullPath(Option(args, "--destino") ?? defaultRoot);
        var name = "respaldo-" + takenAt.ToString("yyyy-MM-dd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var folder = Path.Combine(root, name);
        for (var i = 2; Directory.Exists(folder); i++) folder = Path.Combine(root, $"{name}-{i}");
        // Built under another name: a folder named respaldo-… is always complete.
        var partial = folder + ".parcial";
        if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
        Directory.CreateDirectory(Path.Combine(partial, AttachmentsFolder));

        BackupContents contents;
        string origin;
        if (sqlite is not null)
        {
            SqliteCopies.Copy(sqlite.Path, Path.Combine(partial, "siget.db"));
            contents = BackupContents.Read(Path.Combine(partial, "siget.db"));
            origin = sqlite.Path;
        }
        else
        {
            var tools = PostgreSqlTools.For(postgreSql!.ConnectionString, services.GetRequiredService<IConfiguration>());
            contents = await PostgreSqlBackup.DumpAsync(postgreSql, tools, Path.Combine(partial, PostgreSqlBackup.DumpName));
            origin = tools.Describe();
        }
        var source = services.GetRequiredService<AttachmentStore>().Folder;
        var missing = new List<string>();
        long bytes = 0;
        foreach (var (storedName, _) in contents.Files)
        {
            var from = Path.Combine(source, storedName);
            if (!File.Exists(from))
            {
                missing.Add(storedName);
                continue;
            }
            File.Copy(from, Path.Combine(partial, AttachmentsFolder, storedName));
            bytes += new FileInfo(from).Length;
        }
        // A PostgreSQL dump cannot be read without restoring it, so its manifest lists the files it names, for the checks
        // of «restaurar»; a SQLite copy is read directly.
        var files = sqlite is not null ? null
            : contents.Files.Where(f => !missing.Contains(f.StoredName)).Select(f => new BackupFile(f.StoredName, f.Size)).ToList();
        var manifest = new BackupManifest(takenAt, origin, source, contents.Migration, contents.Tickets, contents.Files.Count - missing.Count,
            bytes, missing, SigetVersion, sqlite is not null ? "Sqlite" : "PostgreSql", files);
        manifest.WriteTo(partial);
        Directory.Move(partial, folder);

        System.Console.WriteLine($"Respaldo completo en {folder}: {contents.Tickets} tickets y {manifest.Attachments} adjuntos " +
            $"({bytes / (1024.0 * 1024.0):N1} MB).");
        if (missing.Count > 0)
            System.Console.Error.WriteLine($"Atención: {missing.Count} adjuntos que la base menciona no estaban en {source} y no se respaldaron " +
                $"(figuran en {ManifestName}).");
        return 0;
    }

    internal static string SigetVersion => typeof(BackupCommand).Assembly.GetName().Version?.ToString() ?? "";

    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

/// <summary>What a backup's <c>manifiesto.json</c> says, for the operator and for <c>restaurar</c>.</summary>
internal sealed record BackupManifest(
    [property: JsonPropertyName("fechaUtc")] DateTime TakenAtUtc,
    [property: JsonPropertyName("baseOrigen")] string Database,
    [property: JsonPropertyName("adjuntosOrigen")] string AttachmentsFolder,
    [property: JsonPropertyName("ultimaMigracion")] string? Migration,
    [property: JsonPropertyName("tickets")] int Tickets,
    [property: JsonPropertyName("adjuntos")] int Attachments,
    [property: JsonPropertyName("bytesAdjuntos")] long AttachmentBytes,
    [property: JsonPropertyName("adjuntosFaltantes")] IReadOnlyList<string> Missing,
    [property: JsonPropertyName("versionSiget")] string SigetVersion,
    [property: JsonPropertyName("motor")] string? Engine = null,
    [property: JsonPropertyName("archivos")] IReadOnlyList<BackupFile>? Files = null)
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public void WriteTo(string folder) =>
        File.WriteAllText(Path.Combine(folder, BackupCommand.ManifestName), JsonSerializer.Serialize(this, Json));

    /// <summary>The manifest of the backup in the folder, or null when it is missing or unreadable.</summary>
    public static BackupManifest? ReadFrom(string folder)
    {
        var path = Path.Combine(folder, BackupCommand.ManifestName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A file of the attachments folder that a backup holds, with its size.</summary>
internal sealed record BackupFile(
    [property: JsonPropertyName("nombre")] string StoredName,
    [property: JsonPropertyName("bytes")] long Size);

/// <summary>What a database copy holds, read straight from the file (its schema may be older than this version's).</summary>
internal sealed record BackupContents(string? Migration, int Tickets, IReadOnlyList<(string StoredName, long Size)> Files)
{
    public static BackupContents Read(string path)
    {
        using var connection = SqliteCopies.Open(path, SqliteOpenMode.ReadOnly);
        var migration = SqliteCopies.Scalar(connection, "SELECT max(MigrationId) FROM __EFMigrationsHistory;");
        var tickets = Convert.ToInt32(SqliteCopies.Scalar(connection, "SELECT count(*) FROM Tickets;"), CultureInfo.InvariantCulture);
        var files = new List<(string, long)>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT StoredName, Size FROM TicketAttachments ORDER BY Id;";
        using var reader = command.ExecuteReader();
        while (reader.Read()) files.Add((reader.GetString(0), reader.GetInt64(1)));
        return new BackupContents(migration as string, tickets, files);
    }

    /// <summary>The files this backup names that its <c>adjuntos/</c> folder lacks or holds with another size.</summary>
    public IReadOnlyList<(string StoredName, long Size)> AbsentFrom(string folder) =>
        Files.Where(f => !File.Exists(Path.Combine(folder, f.StoredName)) || new FileInfo(Path.Combine(folder, f.StoredName)).Length != f.Size).ToList();

    /// <summary>Adds the backup's files to the attachments folder (a file already there with its size is kept); how many it copied.</summary>
    public int CopyFiles(string from, string to)
    {
        var added = 0;
        foreach (var (storedName, size) in Files)
        {
            var destination = Path.Combine(to, storedName);
            if (File.Exists(destination) && new FileInfo(destination).Length == size) continue;
            File.Copy(Path.Combine(from, storedName), destination, overwrite: true);
            added++;
        }
        return added;
    }
}

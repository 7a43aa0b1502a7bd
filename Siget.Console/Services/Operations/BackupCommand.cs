using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using Siget.Console.Data;
using Siget.Console.Services.Tickets;

namespace Siget.Console.Services.Operations;

/// <summary>
/// <c>dotnet run --project Siget.Console -- respaldar [--destino CARPETA]</c>: a consistent backup while SIGET runs, in
/// one dated folder <c>respaldo-2026-12-02T153012Z/</c> with <c>siget.db</c>, <c>adjuntos/</c> and <c>manifiesto.json</c>.
/// The database is copied first with SQLite's online backup API (one snapshot, writers go on), then the files that
/// snapshot names: files are written before their ticket commits and never changed, so every one is already there.
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
            Environment.ExitCode = Run(args, services);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
        {
            await System.Console.Error.WriteLineAsync($"No se pudo completar el respaldo: {ex.Message}");
            Environment.ExitCode = 1;
        }
        return true;
    }

    private static int Run(string[] args, IServiceProvider services)
    {
        // The provider-specific part: SQLite here; another provider adds its own snapshot of the database.
        if (services.GetService<SqliteDatabase>() is not { } database)
        {
            System.Console.Error.WriteLine("Este comando respalda bases SQLite. Con SQL Server, respalde la base con las herramientas del " +
                "servidor (BACKUP DATABASE o su plan de mantenimiento) y, después, copie la carpeta de adjuntos (Attachments:Path).");
            return 2;
        }
        if (!File.Exists(database.Path))
        {
            System.Console.Error.WriteLine($"No existe la base de datos {database.Path}.");
            return 1;
        }
        if (File.Exists(services.GetRequiredService<SqliteUpgrade>().MarkerPath))
        {
            System.Console.Error.WriteLine("La base está a medio actualizar (o su actualización se interrumpió): inicie SIGET para que la " +
                "termine y respalde después.");
            return 1;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var takenAt = clock.GetUtcNow().UtcDateTime;
        var root = Path.GetFullPath(Option(args, "--destino") ?? Path.Combine(Path.GetDirectoryName(database.Path)!, "respaldos"));
        var name = "respaldo-" + takenAt.ToString("yyyy-MM-dd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var folder = Path.Combine(root, name);
        for (var i = 2; Directory.Exists(folder); i++) folder = Path.Combine(root, $"{name}-{i}");
        // Built under another name: a folder named respaldo-… is always complete.
        var partial = folder + ".parcial";
        if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
        Directory.CreateDirectory(Path.Combine(partial, AttachmentsFolder));

        SqliteCopies.Copy(database.Path, Path.Combine(partial, "siget.db"));
        var contents = BackupContents.Read(Path.Combine(partial, "siget.db"));
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
        var manifest = new BackupManifest(takenAt, database.Path, source, contents.Migration, contents.Tickets, contents.Files.Count - missing.Count,
            bytes, missing, typeof(BackupCommand).Assembly.GetName().Version?.ToString() ?? "");
        File.WriteAllText(Path.Combine(partial, ManifestName), JsonSerializer.Serialize(manifest, BackupManifest.Json));
        Directory.Move(partial, folder);

        System.Console.WriteLine($"Respaldo completo en {folder}: {contents.Tickets} tickets y {manifest.Attachments} adjuntos " +
            $"({bytes / (1024.0 * 1024.0):N1} MB).");
        if (missing.Count > 0)
            System.Console.Error.WriteLine($"Atención: {missing.Count} adjuntos que la base menciona no estaban en {source} y no se respaldaron " +
                $"(figuran en {ManifestName}).");
        return 0;
    }

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
    [property: JsonPropertyName("versionSiget")] string SigetVersion)
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
}

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
}

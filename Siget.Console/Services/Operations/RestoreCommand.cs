using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Siget.Console.Data;
using Siget.Console.Services.Tickets;

namespace Siget.Console.Services.Operations;

/// <summary>
/// <c>dotnet run --project Siget.Console -- restaurar --origen CARPETA</c>, with SIGET stopped: checks the backup
/// (SQLite's integrity check, and every file its database names, with its size), sets the current database aside
/// (<c>siget.db.antes-de-restaurar-…</c>), writes the backup's database in its place and adds its files to the
/// attachments folder. A backup of an older version is upgraded, as usual, at the next start. On PostgreSQL see
/// <see cref="PostgreSqlBackup.RestoreAsync"/>.
/// </summary>
internal static class RestoreCommand
{
    public const string Command = "restaurar";

    public static async Task<bool> TryRunAsync(string[] args, IServiceProvider services)
    {
        if (args.Length == 0 || args[0] != Command) return false;
        try
        {
            Environment.ExitCode = await RunAsync(args, services);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException or NpgsqlException or PostgreSqlToolException)
        {
            await System.Console.Error.WriteLineAsync($"No se pudo completar la restauración: {ex.Message}");
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
            System.Console.Error.WriteLine("Este comando restaura bases SQLite y PostgreSQL. Con SQL Server, restaure la base con las herramientas del " +
                "servidor (RESTORE DATABASE) y copie los adjuntos del respaldo en la carpeta de adjuntos (Attachments:Path).");
            return 2;
        }
        if (BackupCommand.Option(args, "--origen") is not { Length: > 0 } origin)
        {
            System.Console.Error.WriteLine($"Uso: {Command} --origen CARPETA_DEL_RESPALDO   (con SIGET detenido)");
            return 2;
        }
        origin = Path.GetFullPath(origin);
        if (postgreSql is not null) return await PostgreSqlBackup.RestoreAsync(origin, services, postgreSql);
        var database = sqlite!;
        var copy = Path.Combine(origin, "siget.db");
        var files = Path.Combine(origin, BackupCommand.AttachmentsFolder);
        if (!File.Exists(copy) || !File.Exists(Path.Combine(origin, BackupCommand.ManifestName)))
        {
            System.Console.Error.WriteLine($"{origin} no es un respaldo de SIGET: le falta siget.db o {BackupCommand.ManifestName}.");
            return 1;
        }

        var check = SqliteCopies.IntegrityCheck(copy);
        if (check != "ok")
        {
            System.Console.Error.WriteLine($"El respaldo está dañado y no se restauró (integrity_check: {check}).");
            return 1;
        }
        var contents = BackupContents.Read(copy);
        var absent = contents.AbsentFrom(files);
        if (absent.Count > 0)
        {
            System.Console.Error.WriteLine($"El respaldo está incompleto y no se restauró: {absent.Count} de sus {contents.Files.Count} adjuntos " +
                $"faltan o tienen otro tamaño en {files} (el primero, {absent[0].StoredName}).");
            return 1;
        }

        var inUse = services.GetRequiredService<DatabaseInUse>();
        if (!inUse.TryAcquire())
        {
            System.Console.Error.WriteLine($"SIGET está en ejecución con la base {database.Path} (o hay otro comando trabajando en ella). " +
                "Deténgalo y vuelva a ejecutar «restaurar».");
            return 1;
        }

        var stamp = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var setAside = File.Exists(database.Path) ? SetAside(database.Path, stamp) : null;
        SqliteCopies.Restore(copy, database.Path);
        // The restored database starts afresh: no upgrade of the replaced one is pending on it.
        File.Delete(services.GetRequiredService<SqliteUpgrade>().MarkerPath);

        var target = services.GetRequiredService<AttachmentStore>().Folder;
        var added = contents.CopyFiles(files, target);

        System.Console.WriteLine($"Base restaurada desde {origin}: {contents.Tickets} tickets; {added} de sus {contents.Files.Count} adjuntos " +
            $"copiados en {target} (los demás ya estaban).");
        if (setAside is not null) System.Console.WriteLine($"La base que había quedó en {setAside}.");
        System.Console.WriteLine("Inicie SIGET; si el respaldo es de una versión anterior, la base se actualizará al iniciar.");
        return 0;
    }

    /// <summary>Moves the database and the files SQLite keeps beside it under one new name, as they are (no SIGET
    /// process has them open: this one holds the in-use lock).</summary>
    private static string SetAside(string path, string stamp)
    {
        var aside = $"{path}.antes-de-restaurar-{stamp}";
        for (var i = 2; File.Exists(aside); i++) aside = $"{path}.antes-de-restaurar-{stamp}-{i}";
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            if (File.Exists(path + suffix)) File.Move(path + suffix, aside + suffix);
        return aside;
    }
}

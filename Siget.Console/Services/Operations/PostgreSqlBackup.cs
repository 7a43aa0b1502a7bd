using System.Data;
using System.Globalization;
using Npgsql;
using Siget.Console.Data;
using Siget.Console.Services.Tickets;

namespace Siget.Console.Services.Operations;

/// <summary>
/// The PostgreSQL side of <c>respaldar</c> and <c>restaurar</c>: pg_dump's custom format (one consistent snapshot while
/// SIGET runs) and pg_restore. SIGET's tables live in the database's <c>public</c> schema; a restore replaces that schema
/// as a whole, so a backup of an older version leaves no newer table behind and is upgraded at the next start.
/// </summary>
internal static class PostgreSqlBackup
{
    public const string DumpName = "siget.dump";

    /// <summary>Dumps the database into <paramref name="dumpPath"/> and returns what that dump holds.</summary>
    public static async Task<BackupContents> DumpAsync(PostgreSqlDatabase database, PostgreSqlTools tools, string dumpPath, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        // pg_dump works in the snapshot this transaction exports (valid while it stays open), so the list of files read
        // here is exactly the one the dump holds.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var snapshot = (string)(await ScalarAsync(connection, "SELECT pg_export_snapshot()", ct))!;
        var contents = await ReadContentsAsync(connection, ct);
        var partial = dumpPath + ".parcial";
        await tools.RunAsync("pg_dump", ["--format=custom", "--snapshot", snapshot, "--file", partial, tools.Database], ct);
        File.Move(partial, dumpPath); // pg_dump flushed it to disk; a siget.dump that exists is whole
        await transaction.CommitAsync(ct);
        return contents;
    }

    /// <summary>
    /// Replaces SIGET's database with the backup's dump, with SIGET stopped: refuses while other sessions use the
    /// database, first dumps what is there into <c>respaldo-antes-de-restaurar-…/</c> beside the backup, and puts that
    /// back if the restore fails. Returns the exit code; every message is for the operator.
    /// </summary>
    public static async Task<int> RestoreAsync(string origin, IServiceProvider services, PostgreSqlDatabase database, CancellationToken ct = default)
    {
        var dump = Path.Combine(origin, DumpName);
        var manifest = BackupManifest.ReadFrom(origin);
        if (!File.Exists(dump) || manifest?.Files is null)
        {
            System.Console.Error.WriteLine($"{origin} no es un respaldo de SIGET en PostgreSQL: le falta {DumpName} o un {BackupCommand.ManifestName} " +
                "con la lista de adjuntos (un respaldo de SQLite se restaura con SIGET configurado para SQLite).");
            return 1;
        }
        var tools = PostgreSqlTools.For(database.ConnectionString, services.GetRequiredService<IConfiguration>());
        try
        {
            await tools.RunAsync("pg_restore", ["--list", dump], ct); // reads the whole archive's table of contents
        }
        catch (PostgreSqlToolException ex)
        {
            System.Console.Error.WriteLine($"El respaldo está dañado y no se restauró ({ex.Message}).");
            return 1;
        }
        var contents = new BackupContents(manifest.Migration, manifest.Tickets, manifest.Files.Select(f => (f.StoredName, f.Size)).ToList());
        var files = Path.Combine(origin, BackupCommand.AttachmentsFolder);
        var absent = contents.AbsentFrom(files);
        if (absent.Count > 0)
        {
            System.Console.Error.WriteLine($"El respaldo está incompleto y no se restauró: {absent.Count} de sus {contents.Files.Count} adjuntos " +
                $"faltan o tienen otro tamaño en {files} (el primero, {absent[0].StoredName}).");
            return 1;
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        // A running instance keeps connections open. (One started between this check and the restore is the operator's
        // to prevent: docs/operacion.md says to stop every instance first.)
        var others = Convert.ToInt64(await ScalarAsync(connection,
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", ct), CultureInfo.InvariantCulture);
        if (others > 0)
        {
            System.Console.Error.WriteLine($"SIGET está en ejecución con la base {tools.Describe()} (tiene {others} conexiones abiertas). " +
                "Deténgalo en todas sus instancias y vuelva a ejecutar «restaurar».");
            return 1;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var aside = await SetAsideAsync(connection, database, tools, Path.GetDirectoryName(origin)!, now, ct);
        try
        {
            await ReplaceAsync(connection, tools, dump, ct);
        }
        catch (PostgreSqlToolException ex)
        {
            if (aside is not null) await ReplaceAsync(connection, tools, Path.Combine(aside, DumpName), ct);
            System.Console.Error.WriteLine($"La restauración falló y la base quedó como estaba ({ex.Message}).");
            return 1;
        }

        var target = services.GetRequiredService<AttachmentStore>().Folder;
        var added = contents.CopyFiles(files, target);
        System.Console.WriteLine($"Base restaurada desde {origin}: {contents.Tickets} tickets; {added} de sus {contents.Files.Count} adjuntos " +
            $"copiados en {target} (los demás ya estaban).");
        if (aside is not null) System.Console.WriteLine($"La base que había quedó respaldada en {aside} (sus adjuntos siguen en {target}).");
        System.Console.WriteLine("Inicie SIGET; si el respaldo es de una versión anterior, la base se actualizará al iniciar.");
        return 0;
    }

    /// <summary>Dumps the database about to be replaced into a backup folder of its own (no files: a restore only adds
    /// files), or returns null when it holds no SIGET tables yet.</summary>
    private static async Task<string?> SetAsideAsync(NpgsqlConnection connection, PostgreSqlDatabase database, PostgreSqlTools tools, string root,
        DateTime now, CancellationToken ct)
    {
        var stamp = now.ToString("yyyy-MM-dd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        if (await ScalarAsync(connection, "SELECT to_regclass('public.\"__EFMigrationsHistory\"')::text", ct) is not string) return null;
        var folder = Path.Combine(root, $"respaldo-antes-de-restaurar-{stamp}");
        for (var i = 2; Directory.Exists(folder); i++) folder = Path.Combine(root, $"respaldo-antes-de-restaurar-{stamp}-{i}");
        var partial = folder + ".parcial";
        Directory.CreateDirectory(Path.Combine(partial, BackupCommand.AttachmentsFolder));
        var contents = await DumpAsync(database, tools, Path.Combine(partial, DumpName), ct);
        new BackupManifest(now, tools.Describe(), "", contents.Migration, contents.Tickets, 0, 0, [], BackupCommand.SigetVersion,
            "PostgreSql", []).WriteTo(partial);
        Directory.Move(partial, folder);
        return folder;
    }

    /// <summary>An empty <c>public</c> schema, then the dump in one transaction (all of it or, on error, nothing).</summary>
    private static async Task ReplaceAsync(NpgsqlConnection connection, PostgreSqlTools tools, string dump, CancellationToken ct)
    {
        await using (var command = new NpgsqlCommand("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;", connection))
            await command.ExecuteNonQueryAsync(ct);
        await tools.RunAsync("pg_restore",
            ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", tools.Database, dump], ct);
    }

    private static async Task<BackupContents> ReadContentsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var migration = await ScalarAsync(connection, "SELECT max(\"MigrationId\") FROM \"__EFMigrationsHistory\"", ct) as string;
        var tickets = Convert.ToInt32(await ScalarAsync(connection, "SELECT count(*) FROM \"Tickets\"", ct), CultureInfo.InvariantCulture);
        var files = new List<(string, long)>();
        await using var command = new NpgsqlCommand("SELECT \"StoredName\", \"Size\" FROM \"TicketAttachments\" ORDER BY \"Id\"", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) files.Add((reader.GetString(0), reader.GetInt64(1)));
        return new BackupContents(migration, tickets, files);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(ct);
        return value is DBNull ? null : value;
    }
}

using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Siget.Console.Data;

/// <summary>
/// Creates or upgrades the SQLite database so that no crash can leave it half upgraded:
/// <list type="number">
/// <item>only the process holding <see cref="DatabaseInUse"/> migrates, so a migration lock row found then is stale;</item>
/// <item>before the first pending migration, an online copy of the file is taken beside it (<c>siget.db.antes-…bak</c>);</item>
/// <item>a marker (<c>siget.db.actualizando</c>) names that copy while migrations run, each in one transaction;</item>
/// <item>a start that finds the marker restores the copy (or discards a database it was creating) and migrates again;
/// a migration that fails restores the copy at once and stops the start, saying so.</item>
/// </list>
/// Nothing else writes to the database while the marker exists: the app serves only after it is gone.
/// </summary>
public sealed class SqliteUpgrade(SqliteDatabase database, DatabaseInUse inUse, TimeProvider clock, ILoggerFactory logging)
{
    /// <summary>Test hook: the process stops inside the named migration, just before its history row (see
    /// <see cref="PauseBeforeHistoryRow"/>), so that a test can kill it there.</summary>
    public const string PauseVariable = "SIGET_TEST_PAUSE_MIGRATION";

    private readonly ILogger logger = logging.CreateLogger<SqliteUpgrade>();

    public string MarkerPath => database.Path + ".actualizando";

    /// <param name="besideRunningApp">For commands an operator may run while SIGET runs (crear-administrador): if the app
    /// holds the database, go on without migrating when nothing is pending.</param>
    public async Task RunAsync(bool besideRunningApp = false, CancellationToken ct = default)
    {
        if (!inUse.TryAcquire())
        {
            if (!besideRunningApp) inUse.Acquire(); // throws the operator's message
            await using var current = CreateMigrationContext(null);
            if ((await current.Database.GetPendingMigrationsAsync(ct)).Any())
                throw new InvalidOperationException(
                    $"SIGET está en ejecución con la base {database.Path}, que aún no tiene las migraciones de esta versión. " +
                    "Detenga SIGET e inicie esta versión para actualizarla.");
            return;
        }

        RemoveAbandonedMigrationLock();
        var interrupted = RecoverInterruptedUpgrade();
        var pause = Environment.GetEnvironmentVariable(PauseVariable) is { Length: > 0 } target ? new PauseBeforeHistoryRow(target) : null;
        await using (var db = CreateMigrationContext(pause))
        {
            var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                var copy = interrupted is not null ? interrupted.Copy : HasContent() ? CopyBefore(pending) : null;
                var marker = new UpgradeInProgress(applied.LastOrDefault(), pending[^1], copy, clock.GetUtcNow().UtcDateTime);
                marker.Write(MarkerPath);
                await ApplyAsync(db, pending, marker, ct);
                File.Delete(MarkerPath);
                if (copy is null)
                    logger.LogInformation("Created {Database} with the migrations up to {To}", database.Path, marker.To);
                else
                    logger.LogInformation("Upgraded {Database} from {From} to {To}; the copy taken before remains at {Copy}",
                        database.Path, marker.From ?? "a database without migrations", marker.To, copy);
            }
            else if (interrupted is not null)
            {
                File.Delete(MarkerPath);
            }
        }
        using var connection = SqliteCopies.Open(database.Path, SqliteOpenMode.ReadWrite);
        SqliteCopies.Execute(connection, "PRAGMA journal_mode=WAL;"); // persists in the file
    }

    private async Task ApplyAsync(SqliteSigetDbContext db, List<string> pending, UpgradeInProgress marker, CancellationToken ct)
    {
        var migrator = db.GetService<IMigrator>();
        var current = pending[0];
        try
        {
            foreach (var migration in pending)
            {
                current = migration;
                await migrator.MigrateAsync(migration, ct);
            }
            current = "(comprobación de claves foráneas)";
            CheckForeignKeys();
        }
        catch (Exception ex)
        {
            SqliteConnection.ClearAllPools();
            string outcome;
            try
            {
                outcome = PutBack(marker)
                    ? $"Se restauró la base desde la copia tomada antes de la actualización ({marker.Copy}): quedó como antes de ella."
                    : "Se descartó la base a medio crear.";
                File.Delete(MarkerPath);
            }
            catch (Exception restoreError)
            {
                throw new InvalidOperationException(
                    $"La actualización de la base {database.Path} falló en {current} ({ex.Message}) y no se pudo deshacer " +
                    $"({restoreError.Message}). El próximo inicio lo intentará de nuevo; la copia previa es {marker.Copy ?? "(ninguna)"}.", ex);
            }
            throw new InvalidOperationException(
                $"La actualización de la base {database.Path} falló en {current}: {ex.Message} {outcome} SIGET no se inició.", ex);
        }
    }

    /// <summary>A marker left behind means a process died while migrating: put the database back as it was before.</summary>
    private UpgradeInProgress? RecoverInterruptedUpgrade()
    {
        var marker = UpgradeInProgress.Read(MarkerPath);
        if (marker is null) return null;
        if (PutBack(marker))
            logger.LogWarning("The upgrade of {Database} from {From} to {To} that started at {Started:u} was interrupted: restored the database " +
                "from the copy taken before it ({Copy}), so it is as it was before the upgrade; migrating again",
                database.Path, marker.From ?? "a database without migrations", marker.To, marker.StartedAtUtc, marker.Copy);
        else
            logger.LogWarning("The creation of {Database} that started at {Started:u} was interrupted: discarded the half-created database; " +
                "creating it again", database.Path, marker.StartedAtUtc);
        return marker;
    }

    /// <summary>Returns the database to its state before the upgrade: true when restored from the copy, false when a
    /// database being created (nothing in it to keep) was discarded.</summary>
    private bool PutBack(UpgradeInProgress marker)
    {
        if (marker.Copy is null)
        {
            SqliteCopies.DeleteDatabaseFiles(database.Path);
            return false;
        }
        if (!File.Exists(marker.Copy))
            throw new InvalidOperationException(
                $"La actualización de la base {database.Path} quedó a medias y no se encuentra la copia previa {marker.Copy}. " +
                "Restaure el último respaldo con el comando «restaurar» (vea docs/operacion.md, «Restaurar»).");
        var check = SqliteCopies.IntegrityCheck(marker.Copy);
        if (check != "ok")
            throw new InvalidOperationException(
                $"La actualización de la base {database.Path} quedó a medias y la copia previa {marker.Copy} está dañada ({check}). " +
                "Restaure el último respaldo con el comando «restaurar» (vea docs/operacion.md, «Restaurar»).");
        SqliteCopies.Restore(marker.Copy, database.Path);
        return true;
    }

    /// <summary>EF Core marks its migration lock with a row that only a surviving process deletes. This process holds
    /// <see cref="DatabaseInUse"/>, which the system frees when its holder dies, so a row found now has no live owner.</summary>
    private void RemoveAbandonedMigrationLock()
    {
        if (!File.Exists(database.Path)) return;
        using var connection = SqliteCopies.Open(database.Path, SqliteOpenMode.ReadWrite);
        if (SqliteCopies.Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock';") is 0L)
            return;
        if (SqliteCopies.Scalar(connection, "SELECT Timestamp FROM __EFMigrationsLock LIMIT 1;") is not string since) return;
        SqliteCopies.Execute(connection, "DELETE FROM __EFMigrationsLock;");
        logger.LogWarning("Removed the migration lock taken on {Database} at {Since} by a process that no longer runs " +
            "(this process holds {InUse}, so no other SIGET process is migrating)", database.Path, since, inUse.LockPath);
    }

    private bool HasContent()
    {
        if (!File.Exists(database.Path)) return false;
        using var connection = SqliteCopies.Open(database.Path, SqliteOpenMode.ReadWrite);
        return SqliteCopies.Scalar(connection, "SELECT count(*) FROM sqlite_master;") is not 0L;
    }

    private string CopyBefore(List<string> pending)
    {
        var name = pending[0][(pending[0].IndexOf('_') + 1)..];
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var copy = $"{database.Path}.antes-{name}-{stamp}.bak";
        for (var i = 2; File.Exists(copy); i++) copy = $"{database.Path}.antes-{name}-{stamp}-{i}.bak";
        SqliteCopies.Copy(database.Path, copy);
        logger.LogInformation("Copied {Database} to {Copy} before applying the migrations {Pending}; " +
            "if the upgrade fails or is interrupted, SIGET restores it", database.Path, copy, string.Join(", ", pending));
        return copy;
    }

    /// <summary>Migrations run with foreign keys off (see <see cref="SqliteMigrationsInOneTransaction"/>): check them all.</summary>
    private void CheckForeignKeys()
    {
        using var connection = SqliteCopies.Open(database.Path, SqliteOpenMode.ReadWrite);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_key_check;";
        using var reader = command.ExecuteReader();
        if (reader.Read())
            throw new InvalidOperationException(
                $"La tabla {reader.GetString(0)} quedó con filas que no cumplen sus claves foráneas (fila {reader.GetValue(1)}, referencia a {reader.GetString(2)}).");
    }

    private SqliteSigetDbContext CreateMigrationContext(PauseBeforeHistoryRow? pause)
    {
        var connection = new SqliteConnectionStringBuilder(database.ConnectionString) { ForeignKeys = false, Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<SqliteSigetDbContext>();
        DatabaseSetup.UseSigetSqlite(options, connection).UseLoggerFactory(logging)
            .ReplaceService<IMigrationsSqlGenerator, SqliteMigrationsInOneTransaction>();
        if (pause is not null) options.AddInterceptors(pause);
        return new SqliteSigetDbContext(options.Options);
    }

    /// <summary>What <c>siget.db.actualizando</c> says while migrations run: from and to which migration, and the copy
    /// that puts the database back (none when the database was being created).</summary>
    private sealed record UpgradeInProgress(string? From, string To, string? Copy, DateTime StartedAtUtc)
    {
        public static UpgradeInProgress? Read(string path) =>
            File.Exists(path) ? JsonSerializer.Deserialize<UpgradeInProgress>(File.ReadAllText(path)) : null;

        /// <summary>Written whole and flushed before any migration runs.</summary>
        public void Write(string path)
        {
            var partial = path + ".parcial";
            using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write))
            {
                JsonSerializer.Serialize(file, this, new JsonSerializerOptions { WriteIndented = true });
                file.Flush(flushToDisk: true);
            }
            File.Move(partial, path, overwrite: true);
        }
    }

    /// <summary>Stops the process just before the named migration writes its history row: the last thing it does, with
    /// all its changes made and, when it is one transaction, none of them committed.</summary>
    private sealed class PauseBeforeHistoryRow(string migration) : DbCommandInterceptor
    {
        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Pause(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Pause(command);
            return ValueTask.FromResult(result);
        }

        private void Pause(DbCommand command)
        {
            if (!command.CommandText.Contains("\"__EFMigrationsHistory\"", StringComparison.Ordinal)
                || !(command.CommandText.Contains($"'{migration}'", StringComparison.Ordinal) || command.CommandText.Contains($"_{migration}'", StringComparison.Ordinal)))
                return;
            System.Console.Out.WriteLine($"SIGET_TEST_PAUSED {migration}");
            System.Console.Out.Flush();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}

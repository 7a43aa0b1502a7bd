using Microsoft.Data.Sqlite;

namespace Siget.Console.Data;

/// <summary>
/// Whole-file operations on a SQLite database through SQLite's online backup API: a copy is one consistent snapshot even
/// while the app writes (a plain file copy of a database in WAL mode can miss committed transactions and still pass the
/// integrity check).
/// </summary>
public static class SqliteCopies
{
    /// <summary>Copies the database into a new standalone file (no -wal beside it). The copy is written under a temporary
    /// name and renamed when complete and flushed to disk, so a copy that exists is whole.</summary>
    public static void Copy(string sourcePath, string destinationPath)
    {
        var partial = destinationPath + ".parcial";
        DeleteDatabaseFiles(partial);
        using (var source = Open(sourcePath, SqliteOpenMode.ReadWrite))
        using (var destination = Open(partial, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(destination);
            // The copy keeps the source's WAL flag; a rollback journal makes it one self-contained file.
            Execute(destination, "PRAGMA journal_mode=DELETE;");
        }
        using (var file = new FileStream(partial, FileMode.Open, FileAccess.ReadWrite)) file.Flush(flushToDisk: true);
        File.Move(partial, destinationPath);
    }

    /// <summary>Replaces the content of <paramref name="targetPath"/> with the copy, through SQLite (its -wal and
    /// locks stay coherent). A target that SQLite cannot read at all is discarded and written anew.</summary>
    public static void Restore(string copyPath, string targetPath)
    {
        using var copy = Open(copyPath, SqliteOpenMode.ReadOnly);
        if (File.Exists(targetPath) && !Readable(targetPath)) DeleteDatabaseFiles(targetPath);
        using var target = Open(targetPath, SqliteOpenMode.ReadWriteCreate);
        copy.BackupDatabase(target);
    }

    private static bool Readable(string path)
    {
        try
        {
            using var connection = Open(path, SqliteOpenMode.ReadWrite);
            Scalar(connection, "PRAGMA schema_version;");
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>SQLite's own check of every page and index: "ok", or what is wrong.</summary>
    public static string IntegrityCheck(string path)
    {
        try
        {
            using var connection = Open(path, SqliteOpenMode.ReadOnly);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            using var reader = command.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read()) lines.Add(reader.GetString(0));
            return string.Join("; ", lines);
        }
        catch (SqliteException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The database file and the files SQLite keeps beside it.</summary>
    public static void DeleteDatabaseFiles(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(path + suffix);
    }

    /// <summary>A connection outside the pool, so that nothing keeps the file open once it is disposed.</summary>
    public static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout=5000;");
        return connection;
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

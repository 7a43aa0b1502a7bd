namespace Siget.Console.Data;

/// <summary>
/// An exclusive operating-system lock on <c>siget.db.en-uso</c>, beside the SQLite file, held by the running app for its
/// whole life and by <c>restaurar</c>. The system releases it when its process ends in any way, kill -9 included, so
/// whoever holds it knows that no other SIGET process works on this database: a migration lock row found then was left
/// by a dead process, and a restore cannot pull the file from under a running app.
/// </summary>
public sealed class DatabaseInUse(SqliteDatabase database) : IDisposable
{
    private FileStream? _lock;

    public string LockPath => database.Path + ".en-uso";

    /// <summary>Takes the lock, or says (in Spanish, for the operator) that another SIGET process holds it.</summary>
    public void Acquire()
    {
        if (!TryAcquire())
            throw new InvalidOperationException(
                $"La base de datos {database.Path} está en uso por otro proceso de SIGET (la aplicación en ejecución o un " +
                "comando como «restaurar»). Deténgalo antes de continuar; SIGET trabaja con un solo proceso por base SQLite.");
    }

    public bool TryAcquire()
    {
        if (_lock is not null) return true;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(LockPath)!);
            // FileShare.None is an exclusive lock (flock on Linux, a share lock on Windows), also against this process.
            _lock = new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}

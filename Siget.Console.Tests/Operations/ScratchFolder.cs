using Microsoft.Data.Sqlite;

namespace Siget.Console.Tests.Operations;

/// <summary>A new empty folder under the temp folder, deleted with what is in it when the test ends.</summary>
public sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "siget-tests", Guid.NewGuid().ToString("N"));

    public ScratchFolder() => Directory.CreateDirectory(Path);

    public string Database => System.IO.Path.Combine(Path, "siget.db");

    public static implicit operator string(ScratchFolder folder) => folder.Path;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { /* best effort */ }
    }
}

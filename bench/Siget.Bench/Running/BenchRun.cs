using Microsoft.Data.Sqlite;
using Siget.Bench.Data;

namespace Siget.Bench.Running;

/// <summary>What every scenario of one run shares: the generated database, its manifest and the run's options.</summary>
public sealed class BenchRun(string databasePath, BenchManifest manifest, bool quick)
{
    /// <summary>The generated database; scenarios never write to it (they work on <see cref="WorkingCopy"/>).</summary>
    public string DatabasePath { get; } = databasePath;

    public BenchManifest Manifest { get; } = manifest;

    /// <summary>Fewer sessions and repetitions: a smoke run of the harness, not a measurement.</summary>
    public bool Quick { get; } = quick;

    /// <summary>A fresh copy of the generated database for a scenario that writes (registrations, moves, SLA marks).</summary>
    public string WorkingCopy(string name)
    {
        SqliteConnection.ClearAllPools();
        var copy = Path.Combine(BenchPaths.DataFolder, $"work-{name}.db");
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(copy + suffix);
        File.Copy(DatabasePath, copy);
        return copy;
    }

    /// <summary>A raw connection to a database (the "physical limit" measurements read through it).</summary>
    public static SqliteConnection Open(string databasePath, bool readOnly = true)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Mode={(readOnly ? "ReadOnly" : "ReadWrite")}");
        connection.Open();
        return connection;
    }

    public int Scaled(int full, int quickCount) => Quick ? quickCount : full;
}

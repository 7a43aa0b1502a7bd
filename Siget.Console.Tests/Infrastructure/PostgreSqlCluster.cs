using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Siget.Console.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL 15 cluster for this test run (Debian's binaries in <c>/usr/lib/postgresql/15/bin</c>): initdb
/// into a temp folder, started with pg_ctl on a spare loopback port, once per test process, stopped and removed when the
/// process ends (a watcher process does that even if the test host is killed). initdb refuses to run as root, so as root the cluster belongs to the <c>postgres</c> system user (the
/// Debian package's) and its commands run through <c>runuser</c>. A missing or broken PostgreSQL makes the tests that
/// use it fail with what went wrong; nothing is skipped.
/// </summary>
public static class PostgreSqlCluster
{
    public const string BinFolder = "/usr/lib/postgresql/15/bin";
    private static readonly Lazy<Task<Running>> Cluster = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private sealed record Running(string Folder, string DataFolder, int Port, string? RunAs);

    /// <summary>The cluster's superuser connection string (database <c>postgres</c>); starts the cluster the first time.</summary>
    public static async Task<string> AdminConnectionStringAsync()
    {
        var cluster = await Cluster.Value;
        return ConnectionString(cluster.Port, "postgres");
    }

    /// <summary>A new empty database on the cluster, for one app (one per test class); its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix = "siget")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        await using (var connection = new NpgsqlConnection(await AdminConnectionStringAsync()))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return ConnectionString((await Cluster.Value).Port, name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/> (its connections are closed first).</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await AdminConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string ConnectionString(int port, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = port, Database = database, Username = "siget", Password = "siget",
        // Many apps run side by side in one test process; each keeps few connections.
        MaxPoolSize = 20, Timeout = 30, CommandTimeout = 60,
    }.ConnectionString;

    private static async Task<Running> StartAsync()
    {
        var initdb = Path.Combine(BinFolder, "initdb");
        if (!File.Exists(initdb))
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({initdb} is missing): run ./test.sh, which installs Debian's postgresql-15.");

        var folder = Path.Combine(Path.GetTempPath(), "siget-pg-" + Guid.NewGuid().ToString("N")[..8]);
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(folder);
        var runAs = Environment.UserName == "root" || geteuid() == 0 ? "postgres" : null;
        if (runAs is not null) await RunAsync("chown", ["-R", $"{runAs}:", folder], null);
        var password = Path.Combine(folder, "password");
        await File.WriteAllTextAsync(password, "siget\n");
        if (runAs is not null) await RunAsync("chown", [$"{runAs}:", password], null);

        await RunAsync(initdb, ["-D", data, "-U", "siget", "--pwfile", password, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], runAs);
        // The port is free now; another process could take it before PostgreSQL does, so a failed start tries another.
        for (var attempt = 1; ; attempt++)
        {
            var port = SparePort();
            var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off "
                + "-c synchronous_commit=off -c full_page_writes=off -c shared_buffers=64MB";
            try
            {
                await RunAsync(Path.Combine(BinFolder, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(folder, "log"), "-w", "-t", "60", "start"], runAs);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                continue;
            }
            var running = new Running(folder, data, port, runAs);
            WatchForExit(running);
            return running;
        }
    }

    /// <summary>
    /// A watcher in its own session waits for this test process to end, however it ends (the test host may be killed
    /// once the results are in, before any exit handler could finish), then stops the cluster and removes its folder.
    /// </summary>
    private static void WatchForExit(Running cluster)
    {
        var pgCtl = Path.Combine(BinFolder, "pg_ctl");
        var stop = cluster.RunAs is null ? $"'{pgCtl}'" : $"runuser -u {cluster.RunAs} -- '{pgCtl}'";
        // Its output goes nowhere: tail ends when its output pipe closes, and nobody reads this one.
        var script = $"exec </dev/null >/dev/null 2>&1; tail --pid={Environment.ProcessId} -f /dev/null; {stop} -D '{cluster.DataFolder}' -m immediate -w stop >/dev/null 2>&1; rm -rf '{cluster.Folder}'";
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "sh", "-c", script }) start.ArgumentList.Add(arg);
        using var watcher = Process.Start(start) ?? throw new InvalidOperationException("Could not start the cluster's watcher.");
    }

    private static int SparePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args, string? runAs)
    {
        var start = new ProcessStartInfo(runAs is null ? file : "runuser")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (runAs is not null) { start.ArgumentList.Add("-u"); start.ArgumentList.Add(runAs); start.ArgumentList.Add("--"); start.ArgumentList.Add(file); }
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}):\n{await output}\n{await error}");
    }

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();
}

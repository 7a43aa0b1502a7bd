using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Siget.Console.Tests.Infrastructure;

/// <summary>
/// A private redis-server (Debian's) for this test run: on a spare loopback port, with its own folder and no
/// persistence, started once per test process and ended with it (a watcher process kills it and removes the folder
/// however the test host ends). A missing redis-server fails the tests that need it.
/// </summary>
public static class RedisServer
{
    private static readonly Lazy<Task<string>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The StackExchange.Redis configuration string of the running server (starts it the first time).</summary>
    public static Task<string> ConnectionAsync() => Server.Value;

    private static async Task<string> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "siget-redis-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        for (var attempt = 1; ; attempt++)
        {
            var port = SparePort();
            var start = new ProcessStartInfo("redis-server")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            };
            foreach (var arg in new[] { "--port", $"{port}", "--bind", "127.0.0.1", "--dir", folder, "--save", "", "--appendonly", "no", "--daemonize", "no" })
                start.ArgumentList.Add(arg);
            Process process;
            try { process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server."); }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InvalidOperationException("redis-server is not installed: run ./test.sh, which installs Debian's redis-server.", ex);
            }
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var output = new System.Text.StringBuilder();
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null) { ready.TrySetException(new InvalidOperationException($"redis-server ended:\n{output}")); return; }
                lock (output) output.AppendLine(e.Data);
                if (e.Data.Contains("Ready to accept connections")) ready.TrySetResult();
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                continue; // the port was taken meanwhile
            }
            Watch(process.Id, folder);
            return $"127.0.0.1:{port},abortConnect=false";
        }
    }

    /// <summary>Ends the server and removes its folder when this test process ends, however it ends.</summary>
    private static void Watch(int serverPid, string folder)
    {
        var script = $"exec </dev/null >/dev/null 2>&1; tail --pid={Environment.ProcessId} -f /dev/null; kill -9 {serverPid}; rm -rf '{folder}'";
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var arg in new[] { "sh", "-c", script }) start.ArgumentList.Add(arg);
        using var watcher = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Redis watcher.");
    }

    private static int SparePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

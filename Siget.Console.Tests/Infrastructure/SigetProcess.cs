using System.Diagnostics;

namespace Siget.Console.Tests.Infrastructure;

/// <summary>
/// Siget.Console in a process of its own (the build beside the tests, as "Testing"), over <c>siget.db</c> in a folder:
/// for what only a real process shows, a kill -9 in the middle of an upgrade or a command run beside the app.
/// </summary>
public sealed class SigetProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _newLine = new(0);

    private SigetProcess(Process process) => _process = process;

    /// <summary>Everything the process wrote so far, standard output and error.</summary>
    public string Output { get { lock (_lines) return string.Join(Environment.NewLine, _lines); } }

    public static SigetProcess Start(string folder, IReadOnlyDictionary<string, string>? environment = null, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Siget.Console.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Siget"] = $"Data Source={Path.Combine(folder, "siget.db")}";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Attachments__Path"] = Path.Combine(folder, "adjuntos");
        start.Environment["Sla__Motor__IntervalSeconds"] = "0";
        start.Environment["RecurrenceWatch__IntervalSeconds"] = "0";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Siget.Console.");
        var running = new SigetProcess(process);
        process.OutputDataReceived += (_, e) => running.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => running.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_lines) _lines.Add(line);
        _newLine.Release();
    }

    /// <summary>Waits until the process writes a line that matches; <paramref name="limit"/> only bounds a hang.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> matches, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            var exited = _process.HasExited;
            if (exited) _process.WaitForExit(); // the rest of its output
            lock (_lines)
            {
                if (_lines.FirstOrDefault(matches) is { } line) return line;
            }
            if (exited) throw new InvalidOperationException($"Siget.Console ended ({_process.ExitCode}) without that line:{Environment.NewLine}{Output}");
            try { await _newLine.WaitAsync(TimeSpan.FromMilliseconds(500), timeout.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"Siget.Console never wrote that line:{Environment.NewLine}{Output}"); }
        }
    }

    /// <summary>Waits for the process to end by itself (a command) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, as a power cut or an OOM killer would: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
        _newLine.Dispose();
    }
}

using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Diagnostics.NETCore.Client;

namespace Siget.Bench.Running;

/// <summary>
/// The published application in its own process on a loopback port, over a working copy of the generated database:
/// what the HTTP and circuit scenarios talk to, and whose memory they read (the benchmark's own clients are not in it).
/// It runs as "Testing" only so that the sign-in cookie works over plain HTTP on loopback; the SLA engine is off unless a
/// scenario switches it on.
/// </summary>
public sealed partial class BenchServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private BenchServer(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public int ProcessId => _process.Id;

    /// <summary>CPU time the server process has used so far (all its threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The last lines the server wrote (for a failure report).</summary>
    public string RecentOutput { get { lock (_output) return string.Join(Environment.NewLine, _output.TakeLast(40)); } }

    /// <summary>Publishes Siget.Console in Release into bench/.data/app (once per run of the benchmark).</summary>
    public static async Task PublishAsync()
    {
        var project = Path.GetFullPath(Path.Combine(BenchPaths.BenchFolder, "..", "Siget.Console", "Siget.Console.csproj"));
        System.Console.WriteLine("Publishing Siget.Console (Release)...");
        var (code, output) = await RunAsync("dotnet", $"publish \"{project}\" -c Release -o \"{AppFolder}\" --nologo -v q");
        if (code != 0) throw new InvalidOperationException($"dotnet publish failed:{Environment.NewLine}{output}");
    }

    public static string AppFolder => Path.Combine(BenchPaths.DataFolder, "app");

    public static async Task<BenchServer> StartAsync(string databasePath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppFolder, "Siget.Console.dll")}\"")
        {
            WorkingDirectory = AppFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Siget"] = $"Data Source={databasePath}";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Sla__Motor__IntervalSeconds"] = "0";
        start.Environment["RecurrenceWatch__IntervalSeconds"] = "0"; // background passes would run under the scenarios
        // Every simulated person signs in from this one address: the per-client sign-in limit is for people, not the bench.
        start.Environment["SignIn__PermitLimit"] = "100000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Attachments__Path"] = Path.Combine(BenchPaths.DataFolder, "attachments");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key.Replace(":", "__")] = value;
        // Diagnosis: BENCH_SERVER_ENV="DOTNET_gcServer=0;Name=Value" passes runtime or app settings to the server.
        foreach (var pair in (Environment.GetEnvironmentVariable("BENCH_SERVER_ENV") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            if (pair.Split('=', 2) is [var name, var value]) start.Environment[name.Replace(":", "__")] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Siget.Console.");
        var server = new BenchServer(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
        }
        catch
        {
            await server.DisposeAsync(); // never leave a server behind
            throw;
        }
        return server;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 400) _output.RemoveRange(0, 200);
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Siget.Console exited with {_process.ExitCode}:{Environment.NewLine}{RecentOutput}");
            try
            {
                using var response = await http.GetAsync("health");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Siget.Console did not become healthy in {limit}:{Environment.NewLine}{RecentOutput}");
    }

    /// <summary>
    /// An API key issued the way an operator does it (<c>crear-clave-api</c> of the published app, against
    /// <paramref name="databasePath"/>): the secret is the last line it prints.
    /// </summary>
    public static async Task<string> IssueApiKeyAsync(string databasePath, string name, string scopes)
    {
        var output = await RunCommandAsync(databasePath, "crear-clave-api", "--nombre", name, "--alcances", scopes);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
    }

    /// <summary>
    /// The reports' kept figures of a generated data set (written straight into the tables, it has none), worked out by
    /// the operator's <c>recalcular-indicadores</c>; nothing to do when they are there.
    /// </summary>
    public static async Task EnsureKeptFiguresAsync(string databasePath)
    {
        using (var connection = BenchRun.Open(databasePath))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT EXISTS (SELECT 1 FROM TicketFigures)";
            if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1) return;
        }
        System.Console.WriteLine("Working out the reports' kept figures (recalcular-indicadores)...");
        await RunCommandAsync(databasePath, "recalcular-indicadores");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>A command of the published app over <paramref name="databasePath"/>; its output, or an exception if it failed.</summary>
    private static async Task<string> RunCommandAsync(string databasePath, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppFolder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppFolder, "Siget.Console.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__Siget"] = $"Data Source={databasePath}";
        start.Environment["Database__Provider"] = "Sqlite";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || (await output).Length == 0)
            throw new InvalidOperationException($"{arguments[0]} failed ({process.ExitCode}): {await output}{await error}");
        return await output;
    }

    /// <summary>Signs in through the real sign-in form and returns the cookies of that session.</summary>
    public async Task<CookieContainer> SignInAsync(string userName, string password = Data.BenchPeople.Password)
    {
        var cookies = new CookieContainer();
        using var http = NewClient(cookies);
        var page = await http.GetStringAsync("cuenta/ingresar");
        var token = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value);
        using var response = await http.PostAsync("cuenta/ingresar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
        if (cookies.GetCookies(BaseUri)["siget.auth"] is null)
            throw new InvalidOperationException($"Sign-in of {userName} failed with {(int)response.StatusCode}.");
        return cookies;
    }

    /// <summary>An HTTP client of one signed-in person (no redirects followed: a 302 is an answer to see).</summary>
    public HttpClient NewClient(CookieContainer cookies) =>
        new(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = BaseUri,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>
    /// The server's working set after a full blocking collection. The collection is induced the way dotnet-gcdump does
    /// it: an EventPipe session with the GC heap-collect keyword; then the operating system's figure is read.
    /// </summary>
    public async Task<long> WorkingSetAfterGcAsync()
    {
        const long GcHeapCollectKeyword = 0x800000;
        var client = new DiagnosticsClient(_process.Id);
        for (var i = 0; i < 2; i++)
        {
            using var session = client.StartEventPipeSession(
                new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcHeapCollectKeyword), requestRundown: false);
            var drain = session.EventStream.CopyToAsync(Stream.Null);
            await Task.Delay(1500);
            session.Stop();
            await drain;
        }
        _process.Refresh();
        return _process.WorkingSet64;
    }

    /// <summary>The kernel's split of the server's resident memory (anonymous: heaps; file: mapped binaries and files).</summary>
    public string ResidentSplit()
    {
        try
        {
            var lines = File.ReadAllLines($"/proc/{_process.Id}/status");
            return string.Join(", ", lines.Where(l => l.StartsWith("RssAnon", StringComparison.Ordinal) || l.StartsWith("RssFile", StringComparison.Ordinal)
                || l.StartsWith("RssShmem", StringComparison.Ordinal)).Select(l => string.Join(' ', l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))));
        }
        catch (IOException) { return ""; }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

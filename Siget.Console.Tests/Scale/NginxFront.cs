using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace Siget.Console.Tests.Scale;

/// <summary>
/// Debian's nginx running the shipped <c>docs/nginx-siget.conf</c> in front of the given instances. Only what a test
/// must change is substituted: the upstream servers, the listen ports (spare loopback ports), the certificate (a
/// self-signed one for 127.0.0.1) and, around it, pid, logs and temp folders in a private folder. Affinity,
/// WebSocket upgrade and forwarded headers run exactly as shipped. The access log names, for each request, the
/// affinity key and the instance that answered it.
/// </summary>
public sealed partial class NginxFront : IAsyncDisposable
{
    public const string NginxPath = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _folder;

    private NginxFront(Process process, string folder, Uri address) => (_process, _folder, Address) = (process, folder, address);

    /// <summary>https://127.0.0.1:port/ of the shipped HTTPS server.</summary>
    public Uri Address { get; }

    /// <summary>What nginx has logged so far (a request is logged when it ends; a WebSocket when it closes).</summary>
    public IReadOnlyList<Served> Log()
    {
        var path = Path.Combine(_folder, "access.log");
        if (!File.Exists(path)) return [];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Served.Parse).ToList();
    }

    public static async Task<NginxFront> StartAsync(params Uri[] instances)
    {
        if (!File.Exists(NginxPath))
            throw new InvalidOperationException($"{NginxPath} is missing: run ./test.sh, which installs Debian's nginx.");
        var folder = Path.Combine(Path.GetTempPath(), "siget-tests", "nginx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "temp"));
        var port = SparePort();
        WriteCertificate(folder);
        var config = Config(ShippedConfig(), folder, port, SparePort(), instances);
        var configPath = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(configPath, config);

        var start = new ProcessStartInfo(NginxPath) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-p", folder + "/", "-e", Path.Combine(folder, "error.log"), "-c", configPath, "-g", "daemon off;" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start nginx.");
        var front = new NginxFront(process, folder, new Uri($"https://127.0.0.1:{port}/"));
        // nginx writes its pid file after it has opened its listening sockets.
        var pidFile = Path.Combine(folder, "nginx.pid");
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!File.Exists(pidFile))
        {
            if (process.HasExited || limit.IsCancellationRequested)
            {
                var errors = await process.StandardError.ReadToEndAsync();
                var log = File.Exists(Path.Combine(folder, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "error.log")) : "";
                await front.DisposeAsync();
                throw new InvalidOperationException($"nginx did not start with the shipped configuration:{Environment.NewLine}{errors}{log}{Environment.NewLine}{config}");
            }
            await Task.Delay(50);
        }
        return front;
    }

    /// <summary>docs/nginx-siget.conf of this checkout (the test project sits beside docs/).</summary>
    private static string ShippedConfig()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "nginx-siget.conf");
            if (File.Exists(path)) return File.ReadAllText(path);
        }
        throw new FileNotFoundException("docs/nginx-siget.conf not found above " + AppContext.BaseDirectory);
    }

    private static string Config(string shipped, string folder, int port, int plainPort, Uri[] instances)
    {
        var next = 0;
        var text = UpstreamServer().Replace(shipped, m => $"server 127.0.0.1:{instances[next++].Port}{m.Groups[1].Value}");
        if (next != instances.Length) throw new InvalidOperationException($"docs/nginx-siget.conf lists {next} servers, the test has {instances.Length} instances.");
        text = Once(text, @"listen 443 ssl", $"listen 127.0.0.1:{port} ssl");
        text = Once(text, @"listen 80;", $"listen 127.0.0.1:{plainPort};");
        text = Once(text, @"ssl_certificate\s+\S+;", $"ssl_certificate {Path.Combine(folder, "siget.pem")};");
        text = Once(text, @"ssl_certificate_key\s+\S+;", $"ssl_certificate_key {Path.Combine(folder, "siget.key")};");
        var temp = Path.Combine(folder, "temp");
        // conf.d files are included in Debian's http block: the same here, with everything the main file sets for
        // a non-root process pointed at the private folder.
        return $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log notice;
            events { worker_connections 512; }
            http {
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                log_format siget_prueba '$siget_affinity|$upstream_addr|$status|$request_method|$request_uri';
                access_log {{folder}}/access.log siget_prueba;

            {{text}}
            }
            """;
    }

    private static string Once(string text, string pattern, string replacement)
    {
        var matches = Regex.Matches(text, pattern);
        if (matches.Count != 1) throw new InvalidOperationException($"docs/nginx-siget.conf has «{pattern}» {matches.Count} times, the test expects it once.");
        return Regex.Replace(text, pattern, replacement.Replace("$", "$$"));
    }

    private static int SparePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WriteCertificate(string folder)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(folder, "siget.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "siget.key"), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>A client of this front from <paramref name="from"/> (any 127.x address: another machine, as nginx sees
    /// it), trusting the test certificate, with its own cookies, following no redirects.</summary>
    public HttpClient Client(CookieContainer cookies, IPAddress? from = null) => new(new SocketsHttpHandler
    {
        UseCookies = true,
        CookieContainer = cookies,
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(from ?? IPAddress.Loopback, 0));
                await socket.ConnectAsync(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch { socket.Dispose(); throw; }
        },
    }) { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        // The master and its worker: a worker outlives a killed master.
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ } catch (UnauthorizedAccessException) { }
    }

    [GeneratedRegex(@"server\s+\S+:\d+(\s+max_fails)")]
    private static partial Regex UpstreamServer();

    /// <summary>One access-log line: the affinity key, the instance that answered (the last one tried), the status.</summary>
    public sealed record Served(string Affinity, string Upstream, int Status, string Method, string Uri)
    {
        public static Served Parse(string line)
        {
            var parts = line.Split('|');
            return new Served(parts[0], parts[1].Split(',').Last().Trim(), int.Parse(parts[2]), parts[3], parts[4]);
        }

        public int UpstreamPort => Upstream.Contains(':') && int.TryParse(Upstream[(Upstream.LastIndexOf(':') + 1)..], out var p) ? p : 0;
    }
}

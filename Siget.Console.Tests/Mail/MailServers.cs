using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace Siget.Console.Tests.Mail;

[CollectionDefinition(Name)]
public sealed class MailCollection : ICollectionFixture<MailServers>
{
    public const string Name = "Real mail servers";
}

/// <summary>
/// Real mail servers for the whole test run, on spare loopback ports: smtp4dev (the dotnet tool in
/// .config/dotnet-tools.json) receives what SIGET sends, and Debian's Dovecot serves the help-desk mailboxes SIGET reads
/// (a private configuration, its own maildir, one mailbox per test class: <c>mesa1</c> … <c>mesa40</c>). A server that
/// cannot start fails the tests; it never skips them.
/// </summary>
public sealed class MailServers : IAsyncLifetime
{
    public const string Password = "clave-de-prueba";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "siget-mail-tests", Guid.NewGuid().ToString("N"));
    private Process? _smtp4dev;
    private Process? _dovecot;
    private int _nextMailbox;

    public int SmtpPort { get; private set; }
    /// <summary>smtp4dev's own IMAP: what it received over SMTP.</summary>
    public int ReceivedImapPort { get; private set; }
    public int DovecotPort { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await Task.WhenAll(StartDovecotAsync(), StartSmtp4devAsync());
    }

    /// <summary>A mailbox of its own for one test class.</summary>
    public string NewMailbox() => $"mesa{Interlocked.Increment(ref _nextMailbox)}";

    private async Task StartSmtp4devAsync()
    {
        SmtpPort = FreePort();
        ReceivedImapPort = FreePort();
        var web = FreePort();
        var root = RepositoryRoot();
        var data = Path.Combine(_folder, "smtp4dev");
        Directory.CreateDirectory(data);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "tool", "run", "smtp4dev", "--", $"--smtpport={SmtpPort}", $"--imapport={ReceivedImapPort}", "--pop3port=0",
                     $"--urls=http://127.0.0.1:{web}", "--db=", "--nousersettings", "--hostname=localhost", $"--baseappdatapath={data}",
                     "--bindaddress=127.0.0.1", "--messagestokeep=100000", "--sessionstokeep=10" })
            start.ArgumentList.Add(a);
        _smtp4dev = Start(start, "smtp4dev");
        await WaitForPortAsync(SmtpPort, _smtp4dev, "smtp4dev (SMTP)");
        await WaitForPortAsync(ReceivedImapPort, _smtp4dev, "smtp4dev (IMAP)");
    }

    private async Task StartDovecotAsync()
    {
        const string binary = "/usr/sbin/dovecot";
        if (!File.Exists(binary))
            throw new InvalidOperationException("Dovecot is not installed (Debian package dovecot-imapd): ./test.sh installs it.");
        DovecotPort = FreePort();
        var dir = Path.Combine(_folder, "dovecot");
        foreach (var sub in new[] { "run", "state", "home" }) Directory.CreateDirectory(Path.Combine(dir, sub));
        var root = Environment.UserName == "root" || GetUid() == 0;
        // Dovecot refuses mail access as uid 0: as root, the mail belongs to nobody; otherwise to the current user, and
        // Dovecot's own processes run as that user too (no chroot).
        string uid, gid, users;
        // The servers are Debian packages: these tests run on Linux only.
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("The mail tests need Debian's Dovecot.");
        if (root)
        {
            uid = gid = "65534";
            users = "";
            foreach (var sub in new[] { "home", "" }) File.SetUnixFileMode(Path.Combine(dir, sub), (UnixFileMode)0x1FF);
            File.SetUnixFileMode(_folder, (UnixFileMode)0x1FF);
        }
        else
        {
            uid = GetUid().ToString();
            gid = Run("id", "-g").Trim();
            var me = Environment.UserName;
            users = $$"""
                default_internal_user = {{me}}
                default_login_user = {{me}}
                default_internal_group = {{Run("id", "-gn").Trim()}}
                service anvil {
                  chroot =
                }
                service imap-login {
                  chroot =
                  user = {{me}}
                }
                """;
        }
        File.WriteAllLines(Path.Combine(dir, "passwd"), Enumerable.Range(1, 40).Select(i => $"mesa{i}:{{PLAIN}}{Password}"));
        File.WriteAllText(Path.Combine(dir, "dovecot.conf"), $$"""
            base_dir = {{dir}}/run
            state_dir = {{dir}}/state
            log_path = {{dir}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            first_valid_uid = 0
            mail_location = maildir:{{dir}}/home/%u/Maildir
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{dir}}/passwd
            }
            userdb {
              driver = static
              args = uid={{uid}} gid={{gid}} home={{dir}}/home/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{DovecotPort}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            {{users}}
            """);
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-F", "-c", Path.Combine(dir, "dovecot.conf") }) start.ArgumentList.Add(a);
        _dovecot = Start(start, "dovecot");
        await WaitForPortAsync(DovecotPort, _dovecot, "Dovecot", Path.Combine(dir, "dovecot.log"));
    }

    /// <summary>Puts a raw message into a help-desk mailbox as if the mail server had delivered it.</summary>
    public async Task DeliverAsync(string mailbox, MimeMessage message)
    {
        using var imap = await OpenDovecotAsync(mailbox);
        await imap.Inbox.AppendAsync(message);
        await imap.DisconnectAsync(true);
    }

    public async Task DeliverRawAsync(string mailbox, byte[] raw)
    {
        using var stream = new MemoryStream(raw);
        var message = await MimeMessage.LoadAsync(stream);
        await DeliverAsync(mailbox, message);
    }

    public async Task<ImapClient> OpenDovecotAsync(string mailbox)
    {
        var imap = new ImapClient();
        await imap.ConnectAsync("127.0.0.1", DovecotPort, SecureSocketOptions.None);
        await imap.AuthenticateAsync(mailbox, Password);
        return imap;
    }

    /// <summary>How many messages are still in a mailbox's inbox (a reader moves what it handled out of it).</summary>
    public async Task<int> InboxCountAsync(string mailbox)
    {
        using var imap = await OpenDovecotAsync(mailbox);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var count = imap.Inbox.Count;
        await imap.DisconnectAsync(true);
        return count;
    }

    /// <summary>Every message smtp4dev received for <paramref name="address"/>, oldest first.</summary>
    public async Task<IReadOnlyList<MimeMessage>> ReceivedForAsync(string address)
    {
        using var imap = new ImapClient();
        await imap.ConnectAsync("127.0.0.1", ReceivedImapPort, SecureSocketOptions.None);
        await imap.AuthenticateAsync("siget", "siget");
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var found = new List<MimeMessage>();
        for (var i = 0; i < imap.Inbox.Count; i++)
        {
            var message = await imap.Inbox.GetMessageAsync(i);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase))) found.Add(message);
        }
        await imap.DisconnectAsync(true);
        return found;
    }

    /// <summary>Sends a message to smtp4dev as any client would (to see what a mail system receives).</summary>
    public async Task SendToSmtpAsync(MimeMessage message)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", SmtpPort, SecureSocketOptions.None);
        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(true);
    }

    public Task DisposeAsync()
    {
        foreach (var p in new[] { _smtp4dev, _dovecot })
        {
            if (p is null) continue;
            try { if (!p.HasExited) p.Kill(entireProcessTree: true); p.WaitForExit(10_000); } catch (InvalidOperationException) { }
            p.Dispose();
        }
        try { Directory.Delete(_folder, recursive: true); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }

    private static Process Start(ProcessStartInfo start, string name)
    {
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Outputs[process] = output;
        return process;
    }

    private static readonly Dictionary<Process, System.Text.StringBuilder> Outputs = [];

    private static async Task WaitForPortAsync(int port, Process process, string name, string? logFile = null)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}: {Outputs[process]} {(logFile is not null && File.Exists(logFile) ? File.ReadAllText(logFile) : "")}");
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200); // waiting for a server process to listen, not for the code under test
            }
        }
        throw new InvalidOperationException($"{name} did not listen on port {port} within two minutes: {Outputs[process]}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, ".config", "dotnet-tools.json"))) return dir.FullName;
        throw new InvalidOperationException("Repository root (.config/dotnet-tools.json) not found.");
    }

    private static int GetUid() => int.Parse(Run("id", "-u").Trim());

    private static string Run(string file, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text;
    }
}

using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Siget.Console.Services.Mail;

/// <summary>Opens connections to the configured servers; «Probar conexión» and /health use it too.</summary>
public sealed class MailConnections(IOptions<MailOptions> options)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public MailOptions Options => options.Value;

    public async Task<SmtpClient> SmtpAsync(CancellationToken ct)
    {
        var s = options.Value.Smtp;
        var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(s.Host, s.Port == 0 ? DefaultPort(s.Security, 25, 587, 465) : s.Port, Map(s.Security), ct);
            if (!string.IsNullOrEmpty(s.User) && client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
                await client.AuthenticateAsync(s.User, s.Password, ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task<ImapClient> ImapAsync(CancellationToken ct)
    {
        var s = options.Value.Imap;
        var client = new ImapClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(s.Host, s.Port == 0 ? DefaultPort(s.Security, 143, 143, 993) : s.Port, Map(s.Security), ct);
            await client.AuthenticateAsync(s.User, s.Password, ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Connects and signs in to one server; the answer is for the administrator, in Spanish, never with a password.</summary>
    public async Task<(bool Ok, string Message)> TestAsync(bool smtp, CancellationToken ct)
    {
        var o = options.Value;
        if (smtp ? !o.Smtp.IsConfigured : !o.Imap.IsConfigured) return (false, "No está configurado.");
        try
        {
            if (smtp)
            {
                using var c = await SmtpAsync(ct);
                await c.DisconnectAsync(true, ct);
                return (true, $"Conexión correcta con {o.Smtp}.");
            }
            using var i = await ImapAsync(ct);
            await i.DisconnectAsync(true, ct);
            return (true, $"Conexión correcta con {o.Imap}{(i.Capabilities.HasFlag(ImapCapabilities.Idle) ? " (admite IDLE)" : "")}.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (false, $"No se pudo conectar con {(smtp ? o.Smtp.ToString() : o.Imap.ToString())}: {ex.Message}");
        }
    }

    private static int DefaultPort(MailSecurity security, int none, int startTls, int ssl) =>
        security switch { MailSecurity.None => none, MailSecurity.StartTls => startTls, _ => ssl };

    private static SecureSocketOptions Map(MailSecurity s) => s switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.SslOnConnect,
    };
}

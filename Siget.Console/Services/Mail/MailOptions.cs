using System.ComponentModel.DataAnnotations;

namespace Siget.Console.Services.Mail;

public enum MailSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>One server SIGET talks to. The password never comes from appsettings.json: environment variables
/// (<c>Mail__Smtp__Password</c>) or user secrets; it is never logged nor shown.</summary>
public sealed class MailServerOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; }
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;
    public string User { get; set; } = "";
    public string Password { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public override string ToString() => $"{Host}:{Port} ({Security})"; // never the password
}

public sealed class ImapOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; }
    public MailSecurity Security { get; set; } = MailSecurity.SslOnConnect;
    public string User { get; set; } = "";
    public string Password { get; set; } = "";
    /// <summary>Where new mail arrives.</summary>
    public string Folder { get; set; } = "INBOX";
    /// <summary>Where read messages are moved (created if missing).</summary>
    public string ProcessedFolder { get; set; } = "SIGET-Procesados";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public MailServerOptions AsServer() => new() { Host = Host, Port = Port, Security = Security, User = User, Password = Password };

    public override string ToString() => $"{Host}:{Port} ({Security})";
}

/// <summary>Section 6.2 a) has UTI staff register what arrives by mail; an agency may choose, for its own people, to
/// have SIGET register it at once (off by default). Only authenticated mail from an active account whose address is in
/// one of <see cref="Domains"/> qualifies; the rest waits in «Correo entrante» as always.</summary>
public sealed class MailAutoRegistration
{
    public bool Enabled { get; set; }
    /// <summary>The institution's domains (entidad.gob.pe).</summary>
    public List<string> Domains { get; set; } = [];
    /// <summary>The catalog service the ticket gets until a technician changes it (e.g. the general "other" service).</summary>
    public int ServiceCode { get; set; }
}

public sealed class MailSenderIdentity
{
    public string Address { get; set; } = "";
    public string Name { get; set; } = "Mesa de ayuda UTI (SIGET)";
}

/// <summary>The <c>Mail</c> section. Mail is off unless <c>Smtp:Host</c> (out) or <c>Imap:Host</c> (in) is set.</summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Mail";
    /// <summary>The section's name before keys were named in English; still there, it stops start-up (see MailSetup).</summary>
    public const string FormerSection = "Correo";

    public MailServerOptions Smtp { get; set; } = new();
    public ImapOptions Imap { get; set; } = new();
    public MailSenderIdentity Sender { get; set; } = new();
    public MailAutoRegistration AutoRegister { get; set; } = new();
    /// <summary>Public address of the console, for the links in the mails (e.g. https://siget.entidad.gob.pe).</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";
    /// <summary>authserv-id of the receiving servers whose Authentication-Results are trusted (e.g. mx.entidad.gob.pe).</summary>
    public List<string> TrustedServers { get; set; } = [];
    /// <summary>Other addresses that are SIGET's own (aliases): mail from them is a loop.</summary>
    public List<string> OwnAddresses { get; set; } = [];
    /// <summary>Seconds between outbox passes; 0 turns the sender's loop off.</summary>
    public int SendIntervalSeconds { get; set; } = 5;
    /// <summary>Seconds between mailbox polls when the server has no IDLE; 0 turns the reader's loop off.</summary>
    public int ReadIntervalSeconds { get; set; } = 30;
    /// <summary>SLA alerts to one person are gathered into one digest per this many minutes.</summary>
    public int SlaDigestMinutes { get; set; } = 5;
    public long MaxMessageBytes { get; set; } = 25 * 1024 * 1024;
    public int MaxPerSenderPerMinute { get; set; } = 10;

    /// <summary>Checked at start-up; each failure names its key under the section (see <c>CheckedOptions</c>).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, server) in new[] { ("Smtp", Smtp), ("Imap", Imap.AsServer()) })
        {
            if (server.Port is < 0 or > 65535)
                yield return new ValidationResult("debe estar entre 0 y 65535 (0: el puerto habitual).", [$"{name}:Port"]);
            if (!Enum.IsDefined(server.Security))
                yield return new ValidationResult("debe ser None, StartTls o SslOnConnect.", [$"{name}:Security"]);
        }
        if (Imap.IsConfigured && string.IsNullOrWhiteSpace(Imap.Folder))
            yield return new ValidationResult("no puede estar vacía si se lee un buzón.", ["Imap:Folder"]);
        if (Imap.IsConfigured && string.IsNullOrWhiteSpace(Imap.ProcessedFolder))
            yield return new ValidationResult("no puede estar vacía si se lee un buzón.", ["Imap:ProcessedFolder"]);
        if (Smtp.IsConfigured && !IsAddress(Sender.Address))
            yield return new ValidationResult("debe ser una dirección de correo válida para enviar avisos.", ["Sender:Address"]);
        foreach (var own in OwnAddresses.Where(a => !IsAddress(a)))
            yield return new ValidationResult($"contiene «{own}», que no es una dirección de correo.", ["OwnAddresses"]);
        if (AutoRegister.Enabled && AutoRegister.ServiceCode <= 0)
            yield return new ValidationResult("debe ser el código de un servicio del catálogo si AutoRegister:Enabled es true.", ["AutoRegister:ServiceCode"]);
        if (AutoRegister.Enabled && AutoRegister.Domains.Count == 0)
            yield return new ValidationResult("debe nombrar al menos un dominio (entidad.gob.pe) si AutoRegister:Enabled es true.", ["AutoRegister:Domains"]);
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            yield return new ValidationResult("debe ser una dirección http(s) absoluta (https://siget.entidad.gob.pe).", ["BaseUrl"]);
        foreach (var (key, value, min, max) in new (string, long, long, long)[]
        {
            ("SendIntervalSeconds", SendIntervalSeconds, 0, 86_400),
            ("ReadIntervalSeconds", ReadIntervalSeconds, 0, 86_400),
            ("SlaDigestMinutes", SlaDigestMinutes, 1, 1_440),
            ("MaxMessageBytes", MaxMessageBytes, 1_024, 1L << 30),
            ("MaxPerSenderPerMinute", MaxPerSenderPerMinute, 1, 10_000),
        })
            if (value < min || value > max)
                yield return new ValidationResult($"debe estar entre {min} y {max}.", [key]);
    }

    private static bool IsAddress(string? text) =>
        MimeKit.MailboxAddress.TryParse(text, out var mailbox) && mailbox.Address.IndexOf('@') is > 0 and var at && at < mailbox.Address.Length - 1;

    public bool SendingEnabled => Smtp.IsConfigured && !string.IsNullOrWhiteSpace(Sender.Address);
    public bool ReadingEnabled => Imap.IsConfigured;
    public bool Enabled => SendingEnabled || ReadingEnabled;

    public bool IsOwnAddress(string? address) => address is { Length: > 0 }
        && (string.Equals(address, Sender.Address, StringComparison.OrdinalIgnoreCase)
            || OwnAddresses.Any(a => string.Equals(a, address, StringComparison.OrdinalIgnoreCase)));
}

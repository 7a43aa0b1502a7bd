using System.ComponentModel.DataAnnotations;

namespace Siget.Console.Services.Mail;

public enum MailSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>One server SIGET talks to. The password never comes from appsettings.json: environment variables
/// (<c>Correo__Smtp__Password</c>) or user secrets; it is never logged nor shown.</summary>
public sealed class MailServerOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; }
    public MailSecurity Seguridad { get; set; } = MailSecurity.StartTls;
    public string Usuario { get; set; } = "";
    public string Password { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public override string ToString() => $"{Host}:{Port} ({Seguridad})"; // never the password
}

public sealed class ImapOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; }
    public MailSecurity Seguridad { get; set; } = MailSecurity.SslOnConnect;
    public string Usuario { get; set; } = "";
    public string Password { get; set; } = "";
    /// <summary>Where new mail arrives.</summary>
    public string Carpeta { get; set; } = "INBOX";
    /// <summary>Where read messages are moved (created if missing).</summary>
    public string CarpetaProcesados { get; set; } = "SIGET-Procesados";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public MailServerOptions AsServer() => new() { Host = Host, Port = Port, Seguridad = Seguridad, Usuario = Usuario, Password = Password };

    public override string ToString() => $"{Host}:{Port} ({Seguridad})";
}

public sealed class MailSenderIdentity
{
    public string Direccion { get; set; } = "";
    public string Nombre { get; set; } = "Mesa de ayuda UTI (SIGET)";
}

/// <summary>The <c>Correo</c> section. Mail is off unless <c>Smtp:Host</c> (out) or <c>Imap:Host</c> (in) is set.</summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Correo";

    public MailServerOptions Smtp { get; set; } = new();
    public ImapOptions Imap { get; set; } = new();
    public MailSenderIdentity Remitente { get; set; } = new();
    /// <summary>Public address of the console, for the links in the mails (e.g. https://siget.entidad.gob.pe).</summary>
    public string UrlBase { get; set; } = "http://localhost:5080";
    /// <summary>authserv-id of the receiving servers whose Authentication-Results are trusted (e.g. mx.entidad.gob.pe).</summary>
    public List<string> ServidoresDeConfianza { get; set; } = [];
    /// <summary>Other addresses that are SIGET's own (aliases): mail from them is a loop.</summary>
    public List<string> DireccionesPropias { get; set; } = [];
    /// <summary>Seconds between outbox passes; 0 turns the sender's loop off.</summary>
    public int EnvioIntervalSeconds { get; set; } = 5;
    /// <summary>Seconds between mailbox polls when the server has no IDLE; 0 turns the reader's loop off.</summary>
    public int LecturaIntervalSeconds { get; set; } = 30;
    /// <summary>SLA alerts to one person are gathered into one digest per this many minutes.</summary>
    public int ResumenSlaMinutes { get; set; } = 5;
    public long TamanoMaximoBytes { get; set; } = 25 * 1024 * 1024;
    public int MaximoPorRemitenteMinuto { get; set; } = 10;

    /// <summary>Checked at start-up; each failure names its key under the section (see <c>CheckedOptions</c>).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, server) in new[] { ("Smtp", Smtp), ("Imap", Imap.AsServer()) })
        {
            if (server.Port is < 0 or > 65535)
                yield return new ValidationResult("debe estar entre 0 y 65535 (0: el puerto habitual).", [$"{name}:Port"]);
            if (!Enum.IsDefined(server.Seguridad))
                yield return new ValidationResult("debe ser None, StartTls o SslOnConnect.", [$"{name}:Seguridad"]);
        }
        if (Imap.IsConfigured && string.IsNullOrWhiteSpace(Imap.Carpeta))
            yield return new ValidationResult("no puede estar vacía si se lee un buzón.", ["Imap:Carpeta"]);
        if (Imap.IsConfigured && string.IsNullOrWhiteSpace(Imap.CarpetaProcesados))
            yield return new ValidationResult("no puede estar vacía si se lee un buzón.", ["Imap:CarpetaProcesados"]);
        if (Smtp.IsConfigured && !IsAddress(Remitente.Direccion))
            yield return new ValidationResult("debe ser una dirección de correo válida para enviar avisos.", ["Remitente:Direccion"]);
        foreach (var own in DireccionesPropias.Where(a => !IsAddress(a)))
            yield return new ValidationResult($"contiene «{own}», que no es una dirección de correo.", ["DireccionesPropias"]);
        if (!Uri.TryCreate(UrlBase, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            yield return new ValidationResult("debe ser una dirección http(s) absoluta (https://siget.entidad.gob.pe).", ["UrlBase"]);
        foreach (var (key, value, min, max) in new (string, long, long, long)[]
        {
            ("EnvioIntervalSeconds", EnvioIntervalSeconds, 0, 86_400),
            ("LecturaIntervalSeconds", LecturaIntervalSeconds, 0, 86_400),
            ("ResumenSlaMinutes", ResumenSlaMinutes, 1, 1_440),
            ("TamanoMaximoBytes", TamanoMaximoBytes, 1_024, 1L << 30),
            ("MaximoPorRemitenteMinuto", MaximoPorRemitenteMinuto, 1, 10_000),
        })
            if (value < min || value > max)
                yield return new ValidationResult($"debe estar entre {min} y {max}.", [key]);
    }

    private static bool IsAddress(string? text) =>
        MimeKit.MailboxAddress.TryParse(text, out var mailbox) && mailbox.Address.IndexOf('@') is > 0 and var at && at < mailbox.Address.Length - 1;

    public bool SendingEnabled => Smtp.IsConfigured && !string.IsNullOrWhiteSpace(Remitente.Direccion);
    public bool ReadingEnabled => Imap.IsConfigured;
    public bool Enabled => SendingEnabled || ReadingEnabled;

    public bool IsOwnAddress(string? address) => address is { Length: > 0 }
        && (string.Equals(address, Remitente.Direccion, StringComparison.OrdinalIgnoreCase)
            || DireccionesPropias.Any(a => string.Equals(a, address, StringComparison.OrdinalIgnoreCase)));
}

using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Siget.Core;

namespace Siget.Console.Services.Integrations;

/// <summary>Webhook delivery settings (section "Webhooks").</summary>
public sealed class WebhookOptions : IValidatableObject
{
    public const string Section = "Webhooks";

    /// <summary>Seconds between passes of the sender; 0 turns it off (tests run passes themselves).</summary>
    public int IntervalSeconds { get; set; } = 5;
    /// <summary>Failed attempts after which a delivery is parked (Detenido) until an administrator retries it.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>The first wait after a failure; each further failure doubles it (at most one hour).</summary>
    public int FirstRetrySeconds { get; set; } = 30;
    public int TimeoutSeconds { get; set; } = 10;
    /// <summary>The only addresses (IPs) allowed although loopback, private or link-local, and reachable by plain http
    /// (a receiver inside the agency's network, or the tests' own listener at 127.0.0.1).</summary>
    public string[] AllowedAddresses { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, value, min, max) in new (string, int, int, int)[]
        {
            (nameof(IntervalSeconds), IntervalSeconds, 0, 86_400),
            (nameof(MaxAttempts), MaxAttempts, 1, 100),
            (nameof(FirstRetrySeconds), FirstRetrySeconds, 1, 3_600),
            (nameof(TimeoutSeconds), TimeoutSeconds, 1, 300),
        })
            if (value < min || value > max)
                yield return new ValidationResult($"debe estar entre {min} y {max}.", [key]);
        foreach (var address in AllowedAddresses.Where(a => !IPAddress.TryParse(a, out _)))
            yield return new ValidationResult($"contiene «{address}», que no es una dirección IP (no se admiten nombres ni redes).", [nameof(AllowedAddresses)]);
    }
}

/// <summary>
/// SSRF guard: a webhook may not point inside the server's network. An address is refused when it is loopback, private,
/// link-local (the cloud metadata service 169.254.169.254 among them), unique-local, carrier-grade NAT, multicast or
/// unspecified, unless it is in <see cref="WebhookOptions.AllowedAddresses"/>. Checked when the URL is registered and,
/// because DNS can change, again on every connection (<see cref="ConnectAsync"/>).
/// </summary>
public sealed class WebhookAddresses(IOptions<WebhookOptions> options)
{
    public bool IsAllowlisted(IPAddress address) =>
        options.Value.AllowedAddresses.Any(a => IPAddress.TryParse(a, out var allowed) && Normalize(allowed).Equals(Normalize(address)));

    public bool IsAllowed(IPAddress address) => IsAllowlisted(address) || !IsInternal(Normalize(address));

    /// <summary>Checks a URL to register: absolute, https (http only to an allowlisted address), no credentials, and every
    /// address its host resolves to allowed. Throws a <see cref="DomainException"/> saying why not.</summary>
    public async Task<Uri> CheckAsync(string? url, CancellationToken ct = default)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.UserInfo.Length > 0
            || uri.AbsoluteUri.Length > 500)
            throw new DomainException("Escriba una dirección https completa (https://servidor/ruta), sin usuario ni contraseña.", "Url");
        var addresses = await ResolveAsync(uri.IdnHost, ct);
        if (addresses.Length == 0) throw new DomainException($"No se pudo resolver «{uri.Host}».", "Url");
        if (addresses.FirstOrDefault(a => !IsAllowed(a)) is { } refused)
            throw new DomainException($"«{uri.Host}» apunta a una dirección interna ({refused}): por seguridad no se envían avisos allí.", "Url");
        if (uri.Scheme == "http" && !addresses.All(IsAllowlisted))
            throw new DomainException("Use https: solo las direcciones autorizadas en la configuración admiten http.", "Url");
        return uri;
    }

    /// <summary>The connection of the sender: resolves the host now and connects only to an allowed address.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, ct);
        if (addresses.Length == 0 || addresses.Any(a => !IsAllowed(a)))
            throw new HttpRequestException($"Dirección interna rechazada para {context.DnsEndPoint.Host}.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal)) return [literal];
        try
        {
            return await Dns.GetHostAddressesAsync(host, ct);
        }
        catch (SocketException)
        {
            return [];
        }
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static bool IsInternal(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
            return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (b[0] & 0xfe) == 0xfc;
        }
        var v4 = address.GetAddressBytes();
        return v4[0] switch
        {
            0 or 10 or 127 => true,
            100 => v4[1] >= 64 && v4[1] < 128, // carrier-grade NAT
            169 => v4[1] == 254, // link-local, cloud metadata
            172 => v4[1] >= 16 && v4[1] < 32,
            192 => v4[1] == 168 || (v4[1] == 0 && v4[2] == 0),
            >= 224 => true, // multicast and reserved
            _ => false,
        };
    }
}

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Siget.Console;

/// <summary>
/// The "Proxy" section: the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> SIGET believes.
/// Off by default: then these headers are ignored and each client is the address that connected, which is right when
/// people reach SIGET directly. Behind a proxy every request comes from the proxy's address (one shared request-limit
/// bucket for everyone, one address in the audit): list the proxy in <c>Proxy:KnownProxies</c> (addresses) or
/// <c>Proxy:KnownNetworks</c> (CIDR, <c>10.0.0.0/24</c>), as a list or comma-separated. Only a request that arrives from
/// one of them has its forwarded address used; a client sending the header itself changes nothing.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "Proxy";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = Read<IPAddress>(section, "KnownProxies", ParseAddress, "una dirección IP (10.0.0.5)");
        var networks = Read<System.Net.IPNetwork>(section, "KnownNetworks", (string text, out System.Net.IPNetwork network) =>
            System.Net.IPNetwork.TryParse(text, out network) && text.Contains('/'), "una red en notación CIDR (10.0.0.0/24)");
        if (proxies.Count == 0 && networks.Count == 0) return services;
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the listed proxies, not the loopback defaults; a chain of listed proxies is followed to the first
            // address that is not one of them, which is the client.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
            o.ForwardLimit = null;
        });
        // First of all middleware, before authentication and routing: every later step sees the client's address and scheme.
        return services.AddTransient<IStartupFilter, ForwardedFirst>();
    }

    private delegate bool TryParse<T>(string text, out T value);

    /// <summary>A whole IPv4 or IPv6 address: IPAddress alone would also take "10" as 0.0.0.10.</summary>
    private static bool ParseAddress(string text, out IPAddress address) =>
        IPAddress.TryParse(text, out address!) && (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || text.Count(c => c == '.') == 3);

    /// <summary>The values of a list setting, or of a comma-separated one; a bad one stops start-up and names its key.</summary>
    private static List<T> Read<T>(IConfigurationSection section, string key, TryParse<T> parse, string expected)
    {
        var setting = section.GetSection(key);
        var values = !string.IsNullOrWhiteSpace(setting.Value) && !setting.GetChildren().Any()
            ? setting.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => (Key: setting.Path, Value: v))
            : setting.GetChildren().Select(c => (Key: c.Path, Value: c.Value?.Trim() ?? ""));
        var parsed = new List<T>();
        foreach (var (path, value) in values)
            parsed.Add(parse(value, out var item) ? item
                : throw new InvalidOperationException($"La configuración {path} tiene «{value}», que no es {expected}. Corríjala o quítela."));
        return parsed;
    }

    private sealed class ForwardedFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            next(app);
        };
    }
}

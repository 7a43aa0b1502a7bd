using Siget.Console.Data;
using Siget.Core;
using Siget.Core.Catalog;

namespace Siget.Console.Services.Integrations;

/// <summary>
/// <c>dotnet run --project Siget.Console -- crear-clave-api --nombre SISMONITOR --alcances "tickets:crear tickets:leer"
/// [--canal 2] [--vence 2027-12-31]</c>: creates a key and prints it once (only its hash is stored).
/// </summary>
internal static class ApiKeyCommand
{
    public const string Command = "crear-clave-api";

    public static async Task<bool> TryRunAsync(string[] args, IServiceProvider services)
    {
        if (args.Length == 0 || args[0] != Command) return false;
        Environment.ExitCode = await RunAsync(args, services);
        return true;
    }

    private static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        var name = Option(args, "--nombre");
        var scopes = Option(args, "--alcances");
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(scopes))
        {
            System.Console.Error.WriteLine($"Uso: {Command} --nombre NOMBRE --alcances \"{string.Join(' ', ApiScopes.All)}\" [--canal 2] [--vence AAAA-MM-DD]");
            return 2;
        }
        var channel = Channel.Sismonitor;
        if (Option(args, "--canal") is { } channelText && (!int.TryParse(channelText, out var c) || !Enum.IsDefined((Channel)c)))
        {
            System.Console.Error.WriteLine("El canal va de 1 a 5 (Anexo 2); SISMONITOR es el 2.");
            return 2;
        }
        else if (Option(args, "--canal") is { } ok) channel = (Channel)int.Parse(ok, System.Globalization.CultureInfo.InvariantCulture);
        DateTime? expires = null;
        if (Option(args, "--vence") is { } expiresText)
        {
            if (!DateOnly.TryParseExact(expiresText, "yyyy-MM-dd", out var day))
            {
                System.Console.Error.WriteLine("La fecha de vencimiento se escribe AAAA-MM-DD.");
                return 2;
            }
            expires = DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        }

        await DatabaseSetup.MigrateAsync(services, besideRunningApp: true);
        try
        {
            var issued = await services.GetRequiredService<ApiKeyAdministration>().CreateFromConsoleAsync(new ApiKeyForm
            {
                Name = name, Channel = channel, Scopes = ApiScopes.Parse(scopes), ExpiresAtUtc = expires,
            });
            System.Console.WriteLine($"Clave de API «{issued.Key.Name}» creada (canal {channel.Label()}; alcances {issued.Key.Scopes}).");
            System.Console.WriteLine("Guárdela ahora: no se vuelve a mostrar.");
            System.Console.WriteLine(issued.Text);
            return 0;
        }
        catch (DomainException ex)
        {
            System.Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

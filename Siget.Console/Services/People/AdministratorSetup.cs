using Microsoft.AspNetCore.Identity;
using Siget.Console.Data;
using Siget.Core.Access;

namespace Siget.Console.Services.People;

/// <summary>
/// Outside Development no account exists until the first administrator is created from the command line:
/// <c>dotnet run --project Siget.Console -- crear-administrador --usuario admin --nombre "Nombre Apellido"</c>
/// with the password in the SIGET_ADMIN_PASSWORD environment variable (or typed when asked).
/// </summary>
internal static class AdministratorSetup
{
    public const string Command = "crear-administrador";

    public static async Task<bool> TryRunAsync(string[] args, IServiceProvider services)
    {
        if (args.Length == 0 || args[0] != Command) return false;
        Environment.ExitCode = await RunAsync(args, services);
        return true;
    }

    private static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        var userName = Option(args, "--usuario");
        var fullName = Option(args, "--nombre");
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(fullName))
        {
            System.Console.Error.WriteLine($"Uso: {Command} --usuario USUARIO --nombre \"NOMBRE COMPLETO\" [--correo CORREO]  (contraseña en SIGET_ADMIN_PASSWORD)");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable("SIGET_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            System.Console.Write("Contraseña del administrador: ");
            password = System.Console.ReadLine();
        }
        if (string.IsNullOrEmpty(password))
        {
            System.Console.Error.WriteLine("Falta la contraseña.");
            return 2;
        }

        await DatabaseSetup.MigrateAsync(services, besideRunningApp: true);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = userName.Trim(), Email = Option(args, "--correo"), FullName = fullName.Trim(), Role = Role.Administrador };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) System.Console.Error.WriteLine(error.Description);
            return 1;
        }
        System.Console.WriteLine($"Administrador «{user.UserName}» creado.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

using System.ComponentModel;
using System.Diagnostics;
using Npgsql;

namespace Siget.Console.Services.Operations;

/// <summary>A PostgreSQL client tool that could not be run or that failed; its message is for the operator.</summary>
internal sealed class PostgreSqlToolException(string message) : Exception(message);

/// <summary>
/// Runs PostgreSQL's own client tools (pg_dump, pg_restore) against SIGET's database. They connect with what
/// <c>ConnectionStrings:Siget</c> says, passed in their environment (PGHOST, PGPASSWORD...), never on the command line
/// where other users of the machine could read the password. <c>Backup:PostgreSqlTools</c> names their folder when they
/// are not on the PATH (or when the server is newer than the PATH's: pg_dump must be at least the server's version).
/// </summary>
internal sealed class PostgreSqlTools(string connectionString, string? folder)
{
    public const string FolderKey = "Backup:PostgreSqlTools";

    public string Database { get; } = new NpgsqlConnectionStringBuilder(connectionString).Database ?? "";

    /// <summary>Where the database is, without the password: for the manifest and the messages.</summary>
    public string Describe()
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }

    public static PostgreSqlTools For(string connectionString, IConfiguration configuration) =>
        new(connectionString, configuration[FolderKey] is { Length: > 0 } folder ? folder : null);

    /// <summary>Runs the tool and returns its standard output; a non-zero exit throws with what it wrote on standard error.</summary>
    public async Task<string> RunAsync(string tool, IEnumerable<string> args, CancellationToken ct = default)
    {
        var start = new ProcessStartInfo(folder is null ? tool : Path.Combine(folder, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Host is { Length: > 0 } host) start.Environment["PGHOST"] = host;
        start.Environment["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (builder.Username is { Length: > 0 } user) start.Environment["PGUSER"] = user;
        if (builder.Password is { Length: > 0 } password) start.Environment["PGPASSWORD"] = password;
        start.Environment["PGDATABASE"] = builder.Database;
        start.Environment["PGSSLMODE"] = builder.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new PostgreSqlToolException($"No se pudo iniciar {tool}.");
        }
        catch (Win32Exception)
        {
            throw new PostgreSqlToolException($"No se encontró {start.FileName}: instale el cliente de PostgreSQL (en Debian, " +
                $"postgresql-client-15 o el de la versión del servidor) o indique su carpeta en {FolderKey}.");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
                throw new PostgreSqlToolException($"{tool} terminó con el código {process.ExitCode}: {(await error).Trim()}");
            await error;
            return await output;
        }
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Siget.Console.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

/// <summary>The SQLite file that the configuration names (absolute path), when it is a file.</summary>
public sealed class SqliteDatabase(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    public string Path { get; } = new SqliteConnectionStringBuilder(connectionString).DataSource;
}

/// <summary>The PostgreSQL database that the configuration names, for the operator commands (backup and restore).</summary>
public sealed class PostgreSqlDatabase(string connectionString)
{
    public string ConnectionString { get; } = connectionString;
}

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Siget";

    /// <summary>Registers the context factory for the configured provider and a scoped context for Identity.</summary>
    public static IServiceCollection AddSigetDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"Falta la cadena de conexión 'ConnectionStrings:{ConnectionStringName}' en la configuración.");

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = ResolveSqlitePath(connectionString, environment.ContentRootPath);
                services.AddDbContextFactory<SqliteSigetDbContext>((sp, o) => UseSigetSqlite(o, sqlite).AddInterceptors(sp.GetServices<IInterceptor>()));
                services.AddSingleton<IDbContextFactory<SigetDbContext>, SigetDbContextFactory<SqliteSigetDbContext>>();
                if (new SqliteConnectionStringBuilder(sqlite) is { Mode: not SqliteOpenMode.Memory, DataSource: { Length: > 0 } and not ":memory:" })
                {
                    services.AddSingleton(new SqliteDatabase(sqlite));
                    services.AddSingleton<DatabaseInUse>();
                    services.AddSingleton<SqliteUpgrade>();
                }
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextFactory<SqlServerSigetDbContext>((sp, o) => o.UseSqlServer(connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
                services.AddSingleton<IDbContextFactory<SigetDbContext>, SigetDbContextFactory<SqlServerSigetDbContext>>();
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContextFactory<PostgreSqlSigetDbContext>((sp, o) => UseSigetPostgreSql(o, connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
                services.AddSingleton<IDbContextFactory<SigetDbContext>, SigetDbContextFactory<PostgreSqlSigetDbContext>>();
                services.AddSingleton(new PostgreSqlDatabase(connectionString));
                break;
            default:
                throw new InvalidOperationException($"Proveedor de base de datos no admitido: '{options.Provider}'. Use Sqlite, SqlServer o PostgreSql.");
        }
        // Identity's stores want a scoped context; it comes from the same factory.
        services.AddScoped<SigetDbContext>(sp => sp.GetRequiredService<IDbContextFactory<SigetDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>Relative SQLite paths are relative to the content root; the folder is created if missing.</summary>
    public static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var full = Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path);
            var folder = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(folder) && builder.Mode != SqliteOpenMode.ReadOnly) Directory.CreateDirectory(folder);
            builder.DataSource = full;
        }
        return builder.ToString();
    }

    /// <summary>Creates or upgrades the schema: on SQLite safely (see <see cref="SqliteUpgrade"/>), then in WAL mode,
    /// which persists in the file; SQL Server migrations are transactional and its migration lock dies with the session.</summary>
    public static async Task MigrateAsync(IServiceProvider services, bool besideRunningApp = false, CancellationToken ct = default)
    {
        if (services.GetService<SqliteUpgrade>() is { } sqlite)
        {
            await sqlite.RunAsync(besideRunningApp, ct);
            return;
        }
        var factory = services.GetRequiredService<IDbContextFactory<SigetDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>SIGET's PostgreSQL options (Npgsql): migrations in their own history, transient failures retried by the
    /// commands themselves (each is one transaction), so no execution strategy that would forbid user transactions.</summary>
    internal static DbContextOptionsBuilder UseSigetPostgreSql(DbContextOptionsBuilder options, string connectionString) => options
        .UseNpgsql(connectionString);

    /// <summary>SIGET's SQLite options: dates read as text (<see cref="SqliteTextDates"/>), durable commits.</summary>
    internal static DbContextOptionsBuilder UseSigetSqlite(DbContextOptionsBuilder options, string connectionString) => options
        .UseSqlite(connectionString)
        .ReplaceService<Microsoft.EntityFrameworkCore.Storage.IRelationalTypeMappingSource, SqliteTextDatesMappingSource>()
        .AddInterceptors(new SqliteDurability());

    /// <summary>synchronous=FULL is per connection: an acknowledged ticket must survive a power cut.</summary>
    private sealed class SqliteDurability : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";
            command.ExecuteNonQuery();
        }
    }
}

/// <summary>Hands out the provider-specific context as the common <see cref="SigetDbContext"/>.</summary>
internal sealed class SigetDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<SigetDbContext>
    where TContext : SigetDbContext
{
    public SigetDbContext CreateDbContext() => inner.CreateDbContext();
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Siget.Console.Data;
using Siget.Console.Data.Demo;
using Siget.Console.Services.People;
using Siget.Core.Access;

namespace Siget.Console.Tests.Infrastructure;

/// <summary>
/// The real app over a fresh SQLite file in a temp folder, migrations applied at start-up.
/// <paramref name="demoData"/> runs it as Development, which seeds the demo accounts and tickets;
/// otherwise it runs as "Testing" with an empty database. Time is a <see cref="FakeTimeProvider"/>, except with
/// <paramref name="realClock"/>: browser tests need real time because UI timers (MudBlazor's debounce) use it too.
/// The SLA engine does not run by itself (tests run its passes) unless <paramref name="settings"/> give it an interval.
/// <paramref name="folder"/> runs it over a database a test prepared there (<c>siget.db</c>); that folder is the test's to delete.
/// <paramref name="testServices"/> replaces services for one test (one SIGET per SQLite file: never a second host over it).
/// <paramref name="provider"/> chooses the database; by default SQLite, or what <see cref="TestDatabase"/> says for the
/// run (<c>SIGET_TEST_DATABASE=PostgreSql</c>: a new database on the run's private cluster, dropped afterwards). A test
/// over a prepared <paramref name="folder"/> is about SQLite files and stays on SQLite.
/// </summary>
public sealed class SigetAppFactory(bool demoData = false, DateTimeOffset? now = null, bool realClock = false,
    IReadOnlyDictionary<string, string>? settings = null, string? folder = null, Action<IServiceCollection>? testServices = null,
    DatabaseProvider? provider = null, string? postgreSql = null, bool staticFiles = false)
    : WebApplicationFactory<Program>
{
    /// <summary>The database this app runs on.</summary>
    public DatabaseProvider Provider { get; } = postgreSql is not null ? DatabaseProvider.PostgreSql
        : provider ?? (folder is null ? TestDatabase.Provider : DatabaseProvider.Sqlite);

    // A database given by the test (two instances over one) is the test's to drop.
    private string? _postgreSql = postgreSql;
    private readonly bool _ownsPostgreSql = postgreSql is null;

    /// <summary>The connection string of this app's PostgreSQL database (created on first use).</summary>
    public string PostgreSqlConnectionString =>
        _postgreSql ??= PostgreSqlCluster.CreateDatabaseAsync().GetAwaiter().GetResult();

    private readonly string _folder = folder ?? Path.Combine(Path.GetTempPath(), "siget-tests", Guid.NewGuid().ToString("N"));
    private readonly CapturedLog _log = new();

    /// <summary>Wednesday 2026-11-25 10:00 in Lima unless a test says otherwise.</summary>
    public FakeTimeProvider Clock { get; } = new(now ?? new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero));

    public string DatabasePath => Path.Combine(_folder, "siget.db");

    /// <summary>What SIGET logged, start-up included ("Category: message").</summary>
    public IReadOnlyList<string> Log => _log.Lines;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment(demoData ? "Development" : "Testing");
        // A browser needs the scripts and styles, which outside Development come from the build's manifest only when
        // asked (with demo data the Development environment does it).
        if (staticFiles && !demoData) builder.UseStaticWebAssets();
        if (Provider == DatabaseProvider.PostgreSql)
        {
            builder.UseSetting("ConnectionStrings:Siget", PostgreSqlConnectionString);
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("Attachments:Path", Path.Combine(_folder, "adjuntos"));
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Siget", $"Data Source={DatabasePath}");
            builder.UseSetting("Database:Provider", "Sqlite");
        }
        builder.UseSetting("Sla:Motor:IntervalSeconds", "0");
        builder.UseSetting("RecurrenceWatch:IntervalSeconds", "0");
        builder.UseSetting("Webhooks:IntervalSeconds", "0"); // tests run the webhook sender's passes themselves
        // Every test client has the same address: sign-ins are not limited unless a test asks for it (RequestLimitTests).
        builder.UseSetting("Ingreso:PermitLimit", "100000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(_log));
        if (!realClock) builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        if (testServices is not null) builder.ConfigureTestServices(testServices);
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public SigetDbContext CreateDbContext() => Service<IDbContextFactory<SigetDbContext>>().CreateDbContext();

    /// <summary>Adds an active person with the demo password and returns them as the domain sees them.</summary>
    public async Task<Actor> AddPersonAsync(string userName, Role role, string? fullName = null, int? unitId = null,
        Classification? classification = null, int? vendorCompanyId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = userName, FullName = fullName ?? userName, Role = role, UnitId = unitId,
            Classification = classification, VendorCompanyId = vendorCompanyId,
        };
        var result = await users.CreateAsync(user, DemoData.Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        return user.ToActor();
    }

    public async Task<Unit> AddUnitAsync(string name, bool servesCitizens = false, UnitKind kind = UnitKind.Unidad)
    {
        await using var db = CreateDbContext();
        var unit = new Unit { Name = name, ServesCitizens = servesCitizens, Kind = kind };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        return unit;
    }

    public async Task<VendorCompany> AddVendorAsync(string name)
    {
        await using var db = CreateDbContext();
        var vendor = new VendorCompany { Name = name, ContractSlaHours = 24 };
        db.VendorCompanies.Add(vendor);
        await db.SaveChangesAsync();
        return vendor;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgreSql is not null && _ownsPostgreSql)
            try { await PostgreSqlCluster.DropDatabaseAsync(_postgreSql); } catch (Npgsql.NpgsqlException) { /* the cluster goes at the end */ }
        if (folder is null)
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}

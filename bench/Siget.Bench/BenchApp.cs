using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;

namespace Siget.Bench;

/// <summary>
/// The real application in this process (no HTTP server) over a given SQLite file: its services are what the
/// service-layer scenarios and the data generator use. Runs as "Testing" (no demo data); the SLA engine does not
/// run by itself, scenarios run its passes.
/// </summary>
public sealed class BenchApp(string databasePath, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Siget", $"Data Source={databasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Sla:Motor:IntervalSeconds", "0");
        builder.UseSetting("RecurrenceWatch:IntervalSeconds", "0"); // background passes would run under the scenarios
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public SigetDbContext CreateDbContext() => Service<IDbContextFactory<SigetDbContext>>().CreateDbContext();
}

using Siget.Console.Scale;
using Siget.Console.Tests.Infrastructure;

namespace Siget.Console.Tests.Scale;

/// <summary>
/// The SLA engine (with auto-finalise) runs on one instance at a time: two real SIGET processes over one PostgreSQL
/// database and one Redis; the first holds the lease and the second waits; a kill -9 of the holder and the second takes
/// it over.
/// </summary>
public sealed class PassLeaseTests
{
    private const int IntervalSeconds = 4;

    [Fact]
    public void A_dead_holder_s_lease_is_taken_over_within_one_interval()
    {
        foreach (var seconds in new[] { 2, 4, 60, 300 })
        {
            var interval = TimeSpan.FromSeconds(seconds);
            var expiry = SingleInstancePass.ExpiryFor(interval);
            (expiry + expiry / 2).Should().BeLessThanOrEqualTo(interval, "the lease expires and the next try takes it within one interval");
        }
    }

    [Fact]
    public async Task Only_one_process_runs_the_SLA_engine_and_another_takes_over_after_a_kill_9()
    {
        var database = await PostgreSqlCluster.CreateDatabaseAsync("lease");
        var folder = Path.Combine(Path.GetTempPath(), "siget-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Siget"] = database,
            ["Redis__Connection"] = await RedisServer.ConnectionAsync(),
            ["Redis__Prefix"] = "lease-" + Guid.NewGuid().ToString("N")[..8],
            ["Sla__Motor__IntervalSeconds"] = $"{IntervalSeconds}",
        };
        static bool Holds(string line) => line.Contains("Lease sla held by this instance");
        try
        {
            await using var first = SigetProcess.Start(folder, environment);
            await first.WaitForLineAsync(Holds, TimeSpan.FromSeconds(120));
            await using var second = SigetProcess.Start(folder, environment);
            await second.WaitForLineAsync(l => l.Contains("Now listening on"), TimeSpan.FromSeconds(120));
            // Hosted services start before Kestrel listens: the second has already asked for the lease and been refused.
            await first.WaitForLineAsync(l => l.Contains("Now listening on"), TimeSpan.FromSeconds(5));
            second.Output.Should().NotContain("Lease sla held", "the first process holds it");

            await first.KillAsync();

            await second.WaitForLineAsync(Holds, TimeSpan.FromSeconds(IntervalSeconds * 3));
        }
        finally
        {
            await PostgreSqlCluster.DropDatabaseAsync(database);
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }
}

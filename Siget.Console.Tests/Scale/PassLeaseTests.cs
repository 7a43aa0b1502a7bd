using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Siget.Console.Scale;
using Siget.Console.Tests.Infrastructure;

namespace Siget.Console.Tests.Scale;

/// <summary>
/// Every background pass runs on one instance at a time: the SLA engine (with auto-finalise), recurrence detection,
/// the mail sender and reader, the webhook sender. Two real SIGET processes over one PostgreSQL database and one Redis;
/// the first holds every lease and the second waits; a kill -9 of the holder and the second takes them all over.
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
    public void Every_background_pass_is_started_by_the_host_with_or_without_Redis()
    {
        using var app = new SigetAppFactory();

        app.Services.GetServices<IHostedService>().OfType<SingleInstanceHostedService>().Select(s => s.Name)
            .Should().BeEquivalentTo("sla", "recurrencias", "correo-envio", "correo-lectura", "webhooks");
    }

    [Fact]
    public async Task Only_one_process_runs_each_pass_and_another_takes_them_over_after_a_kill_9()
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
            ["RecurrenceWatch__IntervalSeconds"] = $"{IntervalSeconds}",
            ["Webhooks__IntervalSeconds"] = $"{IntervalSeconds}",
            // Mail servers that do not answer: the passes still need their leases, and fail quietly meanwhile.
            ["Mail__Smtp__Host"] = "127.0.0.1", ["Mail__Smtp__Port"] = "9", ["Mail__Smtp__Security"] = "None",
            ["Mail__Sender__Address"] = "mesadeayuda@entidad.gob.pe", ["Mail__SendIntervalSeconds"] = $"{IntervalSeconds}",
            ["Mail__Imap__Host"] = "127.0.0.1", ["Mail__Imap__Port"] = "9", ["Mail__Imap__Security"] = "None",
            ["Mail__ReadIntervalSeconds"] = $"{IntervalSeconds}",
        };
        string[] passes = ["sla", "recurrencias", "correo-envio", "correo-lectura", "webhooks"];
        async Task HoldsAllAsync(SigetProcess process, TimeSpan limit)
        {
            foreach (var pass in passes) await process.WaitForLineAsync(l => l.Contains($"Lease {pass} held by this instance"), limit);
        }
        try
        {
            await using var first = SigetProcess.Start(folder, environment);
            await HoldsAllAsync(first, TimeSpan.FromSeconds(120));
            await using var second = SigetProcess.Start(folder, environment);
            await second.WaitForLineAsync(l => l.Contains("Now listening on"), TimeSpan.FromSeconds(120));
            // Hosted services start before Kestrel listens: the second has already asked for the lease and been refused.
            await first.WaitForLineAsync(l => l.Contains("Now listening on"), TimeSpan.FromSeconds(5));
            second.Output.Should().NotContain("held by this instance", "the first process holds every lease");

            await first.KillAsync();

            await HoldsAllAsync(second, TimeSpan.FromSeconds(IntervalSeconds * 3));
        }
        finally
        {
            await PostgreSqlCluster.DropDatabaseAsync(database);
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }
}

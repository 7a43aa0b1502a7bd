using System.Net;
using System.Net.Sockets;
using Siget.Console.Tests.Infrastructure;

namespace Siget.Console.Tests.Scale;

/// <summary>/health/live says only that the process answers; /health/ready checks the database and, when configured, Redis.</summary>
public sealed class HealthProbesTests
{
    [Fact]
    public async Task With_Redis_running_both_probes_answer_200_and_ready_names_the_database_and_Redis()
    {
        await using var app = new SigetAppFactory(settings: new Dictionary<string, string> { ["Redis:Connection"] = await RedisServer.ConnectionAsync() });
        var client = app.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        live.StatusCode.Should().Be(HttpStatusCode.OK);
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await ready.Content.ReadAsStringAsync();
        body.Should().Contain("\"name\":\"database\"").And.Contain("\"name\":\"redis\"");
        (await live.Content.ReadAsStringAsync()).Should().NotContain("\"name\":");
    }

    [Fact]
    public async Task With_Redis_unreachable_the_instance_is_live_but_not_ready()
    {
        int closedPort;
        using (var listener = new TcpListener(IPAddress.Loopback, 0)) { listener.Start(); closedPort = ((IPEndPoint)listener.LocalEndpoint).Port; }
        await using var app = new SigetAppFactory(settings: new Dictionary<string, string>
        {
            ["Redis:Connection"] = $"127.0.0.1:{closedPort},abortConnect=false,connectTimeout=500",
        });
        var client = app.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync()).Should().Contain("\"name\":\"redis\"");
    }
}

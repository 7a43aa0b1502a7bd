using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Siget.Console.Tests.Infrastructure;

namespace Siget.Console.Tests;

public class HealthEndpointTests
{
    [Fact]
    public async Task Health_is_200_with_the_database_check_when_the_database_answers()
    {
        await using var app = new SigetAppFactory();
        var response = await app.CreateClient().GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("status").GetString().Should().Be("Healthy");
        json.RootElement.GetProperty("checks").EnumerateArray()
            .Should().Contain(c => c.GetProperty("name").GetString() == "database" && c.GetProperty("status").GetString() == "Healthy");
    }

    [Fact]
    public async Task Health_is_503_when_the_database_is_unreachable()
    {
        await using var app = new SigetAppFactory();
        using var client = app.CreateClient(); // starts the app and migrates the file
        File.Delete(app.DatabasePath + "-wal");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // Make the file unreadable as a database: a health check must report it, not hide it.
        await File.WriteAllTextAsync(app.DatabasePath, new string('x', 4096));

        var response = await client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("status").GetString().Should().Be("Unhealthy");
    }
}

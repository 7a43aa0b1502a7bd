using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Siget.Console.Services.Mail;
using Siget.Console.Tests.Infrastructure;

namespace Siget.Console.Tests.Mail;

[Collection(MailCollection.Name)]
public sealed class Health_reports_the_mail_servers_Tests(MailServers servers)
{
    private static async Task<JsonElement> CheckAsync(SigetAppFactory app, HttpStatusCode expected)
    {
        var response = await app.CreateClient().GetAsync("/health");
        response.StatusCode.Should().Be(expected);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task Configured_servers_that_answer_are_healthy_and_named()
    {
        await using var desk = await MailDesk.StartAsync(servers);
        var json = await CheckAsync(desk.App, HttpStatusCode.OK);
        var mail = json.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "correo");
        mail.GetProperty("status").GetString().Should().Be("Healthy");
        mail.GetProperty("description").GetString().Should().Contain("SMTP").And.Contain("IMAP").And.NotContain(MailServers.Password);
        (await desk.App.Service<MailConnections>().TestAsync(smtp: false, default)).Ok.Should().BeTrue("«Probar conexión» reaches Dovecot");
    }

    [Fact]
    public async Task A_mail_server_that_is_down_degrades_health_without_failing_the_app_and_mail_waits()
    {
        int dead;
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); dead = ((IPEndPoint)l.LocalEndpoint).Port; }
        await using var desk = await MailDesk.StartAsync(servers, new Dictionary<string, string> { ["Mail:Smtp:Port"] = dead.ToString() });

        var json = await CheckAsync(desk.App, HttpStatusCode.OK);
        json.GetProperty("status").GetString().Should().Be("Degraded");

        var ticket = await desk.TakenAsync($"Sin servidor {desk.Tag}");
        await desk.Sender.SendPendingAsync();
        var rows = await desk.OutboxAsync();
        rows.Should().NotBeEmpty().And.OnlyContain(m => m.Status == OutboxStatus.Pendiente && m.LastError != null && m.NextAttemptUtc > desk.App.Clock.GetUtcNow().UtcDateTime,
            "a transient failure waits and is retried later");
        desk.App.Log.Should().NotContain(l => l.Contains(MailServers.Password));
    }
}

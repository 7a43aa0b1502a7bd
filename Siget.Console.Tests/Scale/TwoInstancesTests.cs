using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Siget.Console.Live;
using Siget.Console.Api;
using Siget.Console.Scale;
using Siget.Console.Services.People;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;

namespace Siget.Console.Tests.Scale;

/// <summary>
/// Two instances of SIGET (two Kestrel hosts on loopback) over one PostgreSQL database and one Redis, as behind a load
/// balancer: what is committed on A is live on B within the access rules, B's caches drop it, a sign-in on A is
/// accepted by B, and the citizen-lookup limit counts requests to both.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private SigetAppFactory _a = default!;
    private SigetAppFactory _b = default!;
    private Uri _baseA = default!;
    private Uri _baseB = default!;
    private string _database = default!;
    private string _prefix = default!;
    private Actor _technician = default!;
    private Actor _specialist = default!;
    private Actor _requester = default!;

    public async Task InitializeAsync()
    {
        var redis = await RedisServer.ConnectionAsync();
        _database = await PostgreSqlCluster.CreateDatabaseAsync("two");
        var settings = new Dictionary<string, string>
        {
            ["Redis:Connection"] = redis,
            ["Redis:Prefix"] = _prefix = "two-" + Guid.NewGuid().ToString("N")[..8],
            ["ConsultaCiudadana:PermitLimit"] = "4",
        };
        (_a, _baseA) = Start(settings);
        (_b, _baseB) = Start(settings);
        await _a.Service<RedisFeedRelay>().Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        await _b.Service<RedisFeedRelay>().Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        _technician = await _a.AddPersonAsync("tecnico", Role.Tecnico, "Luis Mendoza");
        _specialist = await _a.AddPersonAsync("especialista", Role.Especialista, "Rosa Paredes");
        _requester = await _a.AddPersonAsync("usuario", Role.Usuario, "María Flores");
        var vendor = await _a.AddVendorAsync("TecnoSoluciones");
        await _a.AddPersonAsync("proveedor", Role.Proveedor, "Miguel Torres", vendorCompanyId: vendor.Id);
        var other = await _a.AddVendorAsync("OtraEmpresa");
        await _a.AddPersonAsync("ajeno", Role.Proveedor, "Otro Proveedor", vendorCompanyId: other.Id);
    }

    private (SigetAppFactory App, Uri Base) Start(Dictionary<string, string> settings)
    {
        var app = new SigetAppFactory(settings: settings, postgreSql: _database);
        app.UseKestrel(0);
        app.StartServer();
        return (app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await PostgreSqlCluster.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task A_change_committed_on_A_reaches_hub_clients_on_B_and_a_vendor_on_B_hears_nothing_foreign()
    {
        await using var technician = await ConnectAsync(_baseB, "tecnico");
        var technicianHeard = Listen(technician);
        await using var foreign = await ConnectAsync(_baseB, "ajeno");
        var foreignHeard = new List<HubTicketChanged>();
        foreign.On<HubTicketChanged>(QueueHub.TicketChangedMethod, c => { lock (foreignHeard) foreignHeard.Add(c); });
        await using var vendor = await ConnectAsync(_baseB, "proveedor");
        var vendorHeard = Listen(vendor, "Escalar");

        var ticket = await _a.Service<TicketRegistration>().RegisterAsync(_technician, HelpDeskFixture.Phoned(_requester));
        (await technicianHeard.Task.WaitAsync(TimeSpan.FromSeconds(20))).TicketId.Should().Be(ticket.Id);

        var commands = _a.Service<TicketCommands>();
        var taken = await commands.TakeAsync(_technician, ticket.Id, ticket.Version);
        var escalated = await commands.EscalateAsync(_technician, ticket.Id, taken.Version, "N1-RECURSOS", "Requiere especialista", null);
        var atSpecialist = await commands.TakeAsync(_specialist, ticket.Id, escalated.Version);
        var vendors = await _a.Service<PeopleDirectory>().VendorsAsync();
        await commands.EscalateAsync(_specialist, ticket.Id, atSpecialist.Version, "N2-INFRAESTRUCTURA", "En garantía",
            vendors.Single(v => v.Name == "TecnoSoluciones").Id);

        (await vendorHeard.Task.WaitAsync(TimeSpan.FromSeconds(20))).TicketId.Should().Be(ticket.Id, "the company it went to hears of it on B");
        await _b.Service<TicketFeed>().HandedOverAsync();
        lock (foreignHeard) foreignHeard.Should().BeEmpty("another company's vendor hears nothing of it, on any instance");
    }

    [Fact]
    public async Task B_s_cached_queue_drops_a_ticket_that_A_changed()
    {
        var supervisorOnB = _technician;
        var ticket = await _a.Service<TicketRegistration>().RegisterAsync(_technician, HelpDeskFixture.Phoned(_requester, subject: "Cola en caché de B"));
        var windows = _b.Service<QueueWindows>();
        var filter = new QueueFilter { Search = "cache de b" };
        var before = await windows.QueueAsync(supervisorOnB, filter, 0, 20);
        before.Rows.Should().ContainSingle(r => r.Id == ticket.Id).Which.AssigneeName.Should().BeNull();

        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = _b.Service<TicketFeed>().Subscribe(supervisorOnB, c =>
        {
            if (c.TicketId == ticket.Id && c.Version > ticket.Version) arrived.TrySetResult();
            return Task.CompletedTask;
        });
        await _a.Service<TicketCommands>().TakeAsync(_technician, ticket.Id, ticket.Version);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var after = await windows.QueueAsync(supervisorOnB, filter, 0, 20);
        after.Rows.Should().ContainSingle(r => r.Id == ticket.Id).Which.AssigneeName.Should().Be("Luis Mendoza");
    }

    [Fact]
    public async Task Signing_in_on_A_is_accepted_on_B()
    {
        var cookies = await SignInOnAsync(_baseA, "tecnico");
        using var client = new HttpClient();
        var negotiate = new Uri(_baseB, "/hubs/queue/negotiate?negotiateVersion=1");

        var anonymous = await client.PostAsync(negotiate, null);
        using var signedIn = new HttpRequestMessage(HttpMethod.Post, negotiate);
        signedIn.Headers.Add("Cookie", cookies.GetCookieHeader(_baseA));
        var withCookieFromA = await client.SendAsync(signedIn);

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var keys = _b.Service<StackExchange.Redis.IConnectionMultiplexer>().GetDatabase();
        (await keys.ListLengthAsync($"{_prefix}:data-protection-keys")).Should().BeGreaterThan(0, "the key ring lives in Redis, not in a folder of one machine");
        withCookieFromA.StatusCode.Should().Be(HttpStatusCode.OK, "B reads A's cookie with the keys they share in Redis");
    }

    [Fact]
    public async Task The_citizen_lookup_limit_counts_requests_to_both_instances()
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        for (var i = 0; i < 4; i++)
            (await LookUpAsync(client, i % 2 == 0 ? _baseA : _baseB)).Should().Be(HttpStatusCode.OK, $"lookup {i + 1} of 4 is allowed");

        (await LookUpAsync(client, _baseA)).Should().Be(HttpStatusCode.TooManyRequests);
        (await LookUpAsync(client, _baseB)).Should().Be(HttpStatusCode.TooManyRequests, "two instances do not double the limit");
    }

    private static async Task<HttpStatusCode> LookUpAsync(HttpClient client, Uri site)
    {
        var token = HtmlForms.Token(await client.GetStringAsync(new Uri(site, "/consulta")));
        var response = await client.PostAsync(new Uri(site, "/consulta"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "consulta", ["Input.Number"] = "2026-000001", ["Input.Code"] = "AAAA-BBBB-CCCC", ["__RequestVerificationToken"] = token,
        }));
        return response.StatusCode;
    }

    /// <summary>A hub client on <paramref name="site"/> over WebSockets, signed in there through the real form.</summary>
    private static async Task<HubConnection> ConnectAsync(Uri site, string userName)
    {
        var cookies = await SignInOnAsync(site, userName);
        var url = new Uri(site, "/hubs/queue");
        var connection = new HubConnectionBuilder()
            .WithUrl(url, o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Headers["Cookie"] = cookies.GetCookieHeader(url);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Signs in on <paramref name="site"/> through the real form; the cookies it set.</summary>
    private static async Task<CookieContainer> SignInOnAsync(Uri site, string userName)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = cookies, AllowAutoRedirect = false });
        var token = HtmlForms.Token(await client.GetStringAsync(new Uri(site, "/cuenta/ingresar")));
        await client.PostAsync(new Uri(site, "/cuenta/ingresar"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = userName, ["Input.Password"] = Siget.Console.Data.Demo.DemoData.Password,
        }));
        cookies.GetCookies(site)["siget.auth"].Should().NotBeNull($"{userName} signed in on {site}");
        return cookies;
    }

    private static TaskCompletionSource<HubTicketChanged> Listen(HubConnection connection, string? action = null)
    {
        var received = new TaskCompletionSource<HubTicketChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<HubTicketChanged>(QueueHub.TicketChangedMethod, c =>
        {
            if (action is null || c.Action == action) received.TrySetResult(c);
        });
        return received;
    }

    private sealed record HubTicketChanged(int TicketId, string Number, string Action, string State, string Level,
        string? AssigneeId, string? AssigneeName, string Priority, DateTime? NextDueUtc, long Version, DateTime AtUtc, string? ActorId, string ActorName, bool Visible);
}

using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Siget.Console.Api;
using Siget.Console.Live;
using Siget.Console.Services.People;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Priorities;

namespace Siget.Console.Tests.Live;

/// <summary>The /hubs/queue contract for non-Blazor clients, spoken by the .NET SignalR client.</summary>
public sealed class QueueHubTests : IAsyncLifetime
{
    private const int CheckSeconds = 5;
    private readonly SigetAppFactory _app = new(settings: new Dictionary<string, string> { ["Sesiones:RevalidationSeconds"] = $"{CheckSeconds}" });
    private Actor _technician = default!;
    private Actor _specialist = default!;
    private Actor _requester = default!;

    public async Task InitializeAsync()
    {
        _ = _app.Server; // start: migrations run
        _technician = await _app.AddPersonAsync("tecnico", Role.Tecnico, "Luis Mendoza");
        _specialist = await _app.AddPersonAsync("especialista", Role.Especialista, "Rosa Paredes");
        _requester = await _app.AddPersonAsync("usuario", Role.Usuario, "María Flores");
        var vendor = await _app.AddVendorAsync("TecnoSoluciones");
        await _app.AddPersonAsync("proveedor", Role.Proveedor, "Miguel Torres", vendorCompanyId: vendor.Id);
        var other = await _app.AddVendorAsync("OtraEmpresa");
        await _app.AddPersonAsync("ajeno", Role.Proveedor, "Otro Proveedor", vendorCompanyId: other.Id);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Anonymous_connections_are_refused()
    {
        var connection = Connect(cookies: null);

        var attempt = () => connection.StartAsync();

        (await attempt.Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_signed_in_technician_receives_a_registered_ticket_with_enums_as_names()
    {
        var (_, cookies) = await _app.SignInAsync("tecnico");
        await using var connection = Connect(cookies);
        var received = Listen(connection);
        await connection.StartAsync();

        var ticket = await RegisterAsync();

        var change = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        change.TicketId.Should().Be(ticket.Id);
        change.Number.Should().Be(ticket.Number);
        change.Action.Should().Be("Registrar");
        change.State.Should().Be("EnCola");
        change.Priority.Should().Be("Alta");
        change.Visible.Should().BeTrue();
    }

    [Fact]
    public async Task A_vendor_hears_nothing_of_tickets_not_escalated_to_its_company()
    {
        var (_, cookies) = await _app.SignInAsync("ajeno");
        await using var connection = Connect(cookies);
        var heard = new List<HubTicketChanged>();
        connection.On<HubTicketChanged>(QueueHub.TicketChangedMethod, c => { lock (heard) heard.Add(c); });
        await connection.StartAsync();
        // Control: the company the ticket is escalated to does hear of it.
        var (_, vendorCookies) = await _app.SignInAsync("proveedor");
        await using var vendorConnection = Connect(vendorCookies);
        var vendorHeard = Listen(vendorConnection);
        await vendorConnection.StartAsync();

        var ticket = await RegisterAsync();
        var commands = _app.Service<TicketCommands>();
        var taken = await commands.TakeAsync(_technician, ticket.Id, ticket.Version);
        var escalated = await commands.EscalateAsync(_technician, ticket.Id, taken.Version, "N1-RECURSOS", "Requiere especialista", null);
        var atSpecialist = await commands.TakeAsync(_specialist, ticket.Id, escalated.Version);
        var vendors = await _app.Service<PeopleDirectory>().VendorsAsync();
        await commands.EscalateAsync(_specialist, ticket.Id, atSpecialist.Version, "N2-INFRAESTRUCTURA", "En garantía",
            vendors.Single(v => v.Name == "TecnoSoluciones").Id);

        (await vendorHeard.Task.WaitAsync(TimeSpan.FromSeconds(10))).Action.Should().Be("Escalar");
        // Messages to one connection arrive in order; the control has arrived, so anything wrongly sent would have too.
        await Task.Delay(300);
        lock (heard) heard.Should().BeEmpty();
    }

    private async Task<Siget.Core.Tickets.Ticket> RegisterAsync() =>
        await _app.Service<TicketRegistration>().RegisterAsync(_technician, new RegisterTicketRequest
        {
            RequesterId = _requester.UserId, Channel = Channel.Telefono, Kind = TicketKind.Incidencia, SubcategoryCode = 15,
            Subject = "La impresora no imprime", Description = "Atasco de papel en la impresora de la unidad.",
            Impact = OperatingImpact.Total, AlternativeAvailable = false,
        });

    public enum AccountChange { Deactivated, RoleChanged, PasswordReset }

    [Theory]
    [InlineData(AccountChange.Deactivated)]
    [InlineData(AccountChange.RoleChanged)]
    [InlineData(AccountChange.PasswordReset)]
    public async Task An_administrator_s_change_to_a_person_closes_their_connection_at_once(AccountChange change)
    {
        var (_, cookies) = await _app.SignInAsync("tecnico");
        await using var connection = Connect(cookies);
        var closed = Closed(connection);
        await connection.StartAsync();
        var admin = await _app.AddPersonAsync($"admin{Guid.NewGuid():N}"[..12], Role.Administrador, "Administradora");
        var users = _app.Service<UserAdministration>();

        await (change switch
        {
            AccountChange.Deactivated => users.DeactivateAsync(admin, _technician.UserId),
            AccountChange.RoleChanged => users.UpdateAsync(admin, _technician.UserId,
                new UserForm { UserName = "tecnico", FullName = "Luis Mendoza", Role = Role.Especialista }),
            _ => users.ResetPasswordAsync(admin, _technician.UserId, "Otra#Clave2026"),
        });

        // No clock moves: the administrator's command itself closes the connection, not a later periodic check.
        await closed.WaitAsync(TimeSpan.FromSeconds(10));
        connection.State.Should().Be(HubConnectionState.Disconnected);
    }

    [Fact]
    public async Task A_person_deactivated_elsewhere_is_disconnected_at_the_next_check_of_the_configured_interval()
    {
        var (_, cookies) = await _app.SignInAsync("tecnico");
        await using var connection = Connect(cookies);
        var closed = Closed(connection);
        await connection.StartAsync();
        // Straight in the database, as another SIGET server or a hand edit would: no signal in this process.
        await using (var db = _app.CreateDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == _technician.UserId)).IsActive = false;
            await db.SaveChangesAsync();
        }
        connection.State.Should().Be(HubConnectionState.Connected, "nothing told this process yet");

        _app.Clock.Advance(TimeSpan.FromSeconds(CheckSeconds));

        await closed.WaitAsync(TimeSpan.FromSeconds(10));
        connection.State.Should().Be(HubConnectionState.Disconnected);
    }

    private static Task Closed(HubConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        return closed.Task;
    }

    private HubConnection Connect(CookieContainer? cookies)
    {
        var url = new Uri(_app.Server.BaseAddress, QueueHub.Path.TrimStart('/'));
        return new HubConnectionBuilder()
            .WithUrl(url, o =>
            {
                o.Transports = HttpTransportType.LongPolling; // the in-memory test server speaks HTTP only
                o.HttpMessageHandlerFactory = _ => _app.Server.CreateHandler();
                // The test server's handler has no cookie container: send the sign-in cookie as a header.
                if (cookies is not null) o.Headers["Cookie"] = cookies.GetCookieHeader(url);
            })
            .Build();
    }

    private static TaskCompletionSource<HubTicketChanged> Listen(HubConnection connection)
    {
        var received = new TaskCompletionSource<HubTicketChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<HubTicketChanged>(QueueHub.TicketChangedMethod, c => received.TrySetResult(c));
        return received;
    }

    /// <summary>The message as a non-.NET client sees it: enums as names.</summary>
    private sealed record HubTicketChanged(int TicketId, string Number, string Action, string State, string Level,
        string? AssigneeId, string? AssigneeName, string Priority, DateTime? NextDueUtc, long Version, DateTime AtUtc, string? ActorId, string ActorName, bool Visible);
}

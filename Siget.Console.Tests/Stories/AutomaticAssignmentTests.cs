using Siget.Console.Services.Notifications;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Notifications;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

/// <summary>With "Asignacion:Automatic" on, a new ticket goes to the available level-1 technician with the fewest open tickets.</summary>
public sealed class AutomaticAssignmentTests : IAsyncLifetime
{
    private readonly SigetAppFactory _app = new(settings: new Dictionary<string, string> { ["Asignacion:Automatic"] = "true" });
    private Actor _busy = default!, _free = default!, _away = default!, _requester = default!;

    public async Task InitializeAsync()
    {
        _ = _app.Services;
        _busy = await _app.AddPersonAsync("tecnico1", Role.Tecnico, "Luis Mendoza Ríos");
        _free = await _app.AddPersonAsync("tecnico2", Role.Tecnico, "Ana Ruiz Salazar");
        _away = await _app.AddPersonAsync("tecnico3", Role.Tecnico, "Aaron Ausente Díaz"); // first by name, but away
        _requester = await _app.AddPersonAsync("usuario1", Role.Usuario, "María Flores Condori");
        await _app.Service<AgentAvailability>().SetAsync(_away, _away.UserId, false);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<Ticket> RegisterAsync() =>
        _app.Service<TicketRegistration>().RegisterAsync(_busy, HelpDeskFixture.Phoned(_requester));

    [Fact]
    public async Task New_tickets_go_to_the_least_loaded_available_technician_without_counting_as_a_first_response()
    {
        var first = await RegisterAsync();   // both at 0: alphabetical → Ana
        var second = await RegisterAsync();  // Ana 1, Luis 0 → Luis
        var third = await RegisterAsync();   // 1 and 1 → Ana

        new[] { first.AssigneeId, second.AssigneeId, third.AssigneeId }.Should().Equal(_free.UserId, _busy.UserId, _free.UserId);
        first.State.Should().Be(TicketState.EnProceso);
        first.FirstResponseAtUtc.Should().BeNull("nobody has answered the requester yet");
        first.History.Select(h => h.Action).Should().Equal(TicketAction.Registrar, TicketAction.Reasignar);
        first.History[^1].ActorName.Should().Be("Sistema");
        (await _app.Service<NotificationCenter>().LatestAsync(_free)).Should().Contain(n => n.Kind == NotificationKind.Asignacion && n.TicketId == first.Id);
    }

    [Fact]
    public async Task When_nobody_is_available_the_ticket_waits_in_the_queue()
    {
        await _app.Service<AgentAvailability>().SetAsync(_busy, _busy.UserId, false);
        await _app.Service<AgentAvailability>().SetAsync(_free, _free.UserId, false);

        var ticket = await RegisterAsync();

        (ticket.State, ticket.AssigneeId).Should().Be((TicketState.EnCola, (string?)null));
    }
}

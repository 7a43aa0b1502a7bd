using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

[Collection(HelpDeskCollection.Name)]
public class ResolvingATicketTests(HelpDeskFixture f)
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Resolving_without_the_actions_taken_is_refused_and_nothing_is_saved(string actions)
    {
        var ticket = await f.TakenAsync($"{HelpDeskFixture.NewTag()} sin acciones");
        var before = await f.FootprintAsync(ticket.Id);

        var resolve = () => f.Commands.ResolveAsync(f.Technician, ticket.Id, ticket.Version, actions);

        await resolve.Should().ThrowAsync<DomainException>().WithMessage("Complete las acciones realizadas.");
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
    }

    [Fact]
    public async Task Resolving_records_the_actions_taken_and_stops_the_SLA_clock()
    {
        var ticket = await f.TakenAsync($"{HelpDeskFixture.NewTag()} resolver");
        var now = f.App.Clock.GetUtcNow().UtcDateTime;

        await f.Commands.ResolveAsync(f.Technician, ticket.Id, ticket.Version, "Se limpió el rodillo y se imprimió una página de prueba.");

        var stored = await f.StoredAsync(ticket.Id);
        stored.State.Should().Be(TicketState.Resuelto);
        stored.Solution.Should().Be("Se limpió el rodillo y se imprimió una página de prueba.");
        stored.ResolvedAtUtc.Should().Be(now);
        stored.NextDueUtc.Should().BeNull();
        stored.AssigneeId.Should().Be(f.Technician.UserId);
        var row = await f.SingleNewHistoryRowAsync(ticket.Id, 2);
        row.Action.Should().Be(TicketAction.Resolver);
        row.ActorId.Should().Be(f.Technician.UserId);
        (row.FromState, row.ToState).Should().Be((TicketState.EnProceso, TicketState.Resuelto));
        row.Reason.Should().Be("Se limpió el rodillo y se imprimió una página de prueba.");
    }

    [Fact]
    public async Task A_queued_ticket_cannot_be_resolved_before_someone_takes_it()
    {
        var ticket = await f.RegisterAsync($"{HelpDeskFixture.NewTag()} en cola");
        var before = await f.FootprintAsync(ticket.Id);

        var resolve = () => f.Commands.ResolveAsync(f.Supervisor, ticket.Id, ticket.Version, "Hecho");

        await resolve.Should().ThrowAsync<DomainException>().WithMessage("No se puede resolver un ticket en estado En cola.");
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
    }

    [Fact]
    public async Task Only_the_assignee_resolves_a_ticket_in_process()
    {
        var ticket = await f.TakenAsync($"{HelpDeskFixture.NewTag()} de Luis");
        var before = await f.FootprintAsync(ticket.Id);

        var resolve = () => f.Commands.ResolveAsync(f.OtherTechnician, ticket.Id, ticket.Version, "Hecho por Ana");

        await resolve.Should().ThrowAsync<DomainException>().WithMessage("No tiene permiso para resolver este ticket*");
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
    }
}

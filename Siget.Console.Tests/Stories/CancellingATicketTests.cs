using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

[Collection(HelpDeskCollection.Name)]
public class CancellingATicketTests(HelpDeskFixture f)
{
    [Fact]
    public async Task A_supervisor_cancels_a_duplicate_with_a_reason()
    {
        var ticket = await f.TakenAsync($"{HelpDeskFixture.NewTag()} duplicado");
        var now = f.App.Clock.GetUtcNow().UtcDateTime;

        await f.Commands.CancelAsync(f.Supervisor, ticket.Id, ticket.Version, "Duplicado: el mismo caso ya está registrado.");

        var stored = await f.StoredAsync(ticket.Id);
        stored.State.Should().Be(TicketState.Anulado);
        stored.ClosedAtUtc.Should().Be(now);
        stored.NextDueUtc.Should().BeNull();
        var row = await f.SingleNewHistoryRowAsync(ticket.Id, 2);
        row.Action.Should().Be(TicketAction.Anular);
        row.ActorId.Should().Be(f.Supervisor.UserId);
        (row.FromState, row.ToState).Should().Be((TicketState.EnProceso, TicketState.Anulado));
        row.Reason.Should().Be("Duplicado: el mismo caso ya está registrado.");
    }

    [Fact]
    public async Task Cancelling_without_a_reason_is_refused_and_nothing_is_saved()
    {
        var ticket = await f.RegisterAsync($"{HelpDeskFixture.NewTag()} anular sin motivo");
        var before = await f.FootprintAsync(ticket.Id);

        var cancel = () => f.Commands.CancelAsync(f.Supervisor, ticket.Id, ticket.Version, "");

        await cancel.Should().ThrowAsync<DomainException>().WithMessage("Complete el motivo de la anulación.");
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
    }

    [Fact]
    public async Task Only_a_supervisor_cancels()
    {
        var ticket = await f.TakenAsync($"{HelpDeskFixture.NewTag()} anular técnico");
        var before = await f.FootprintAsync(ticket.Id);

        var cancel = () => f.Commands.CancelAsync(f.Technician, ticket.Id, ticket.Version, "Duplicado");

        await cancel.Should().ThrowAsync<DomainException>().WithMessage("No tiene permiso para anular este ticket*");
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
    }
}

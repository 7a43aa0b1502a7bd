using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

[Collection(HelpDeskCollection.Name)]
public class TakingATicketTests(HelpDeskFixture f)
{
    [Fact]
    public async Task Taking_a_queued_ticket_puts_it_En_proceso_with_me_as_assignee_and_one_history_row()
    {
        var ticket = await f.RegisterAsync($"{HelpDeskFixture.NewTag()} tomar");
        var now = f.App.Clock.GetUtcNow().UtcDateTime;

        var taken = await f.Commands.TakeAsync(f.Technician, ticket.Id, ticket.Version);

        var stored = await f.StoredAsync(ticket.Id);
        stored.State.Should().Be(TicketState.EnProceso);
        stored.AssigneeId.Should().Be(f.Technician.UserId);
        stored.AssigneeName.Should().Be("Luis Mendoza Ríos");
        stored.FirstResponseAtUtc.Should().Be(now, "taking the ticket is its first response");
        stored.NextDueUtc.Should().Be(stored.ResolutionDueUtc, "once answered, the resolution clock is the one that counts");
        stored.Version.Should().Be(ticket.Version + 1).And.Be(taken.Version);

        var row = await f.SingleNewHistoryRowAsync(ticket.Id, 1);
        row.Action.Should().Be(TicketAction.Tomar);
        row.ActorId.Should().Be(f.Technician.UserId);
        row.ActorName.Should().Be("Luis Mendoza Ríos");
        (row.FromState, row.ToState).Should().Be((TicketState.EnCola, TicketState.EnProceso));
        row.ToAssignee.Should().Be("Luis Mendoza Ríos");
    }

    [Fact]
    public async Task A_ticket_already_in_process_cannot_be_taken_again_and_stays_with_its_assignee()
    {
        var ticket = await f.TakenAsync($"{HelpDeskFixture.NewTag()} ya tomado");
        var before = await f.FootprintAsync(ticket.Id);

        var takeAgain = () => f.Commands.TakeAsync(f.OtherTechnician, ticket.Id, ticket.Version);

        await takeAgain.Should().ThrowAsync<DomainException>().WithMessage("No se puede tomar un ticket en estado En proceso.");
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
    }

    [Fact]
    public async Task A_specialist_cannot_take_a_level_1_ticket()
    {
        var ticket = await f.RegisterAsync($"{HelpDeskFixture.NewTag()} nivel 1");
        var before = await f.FootprintAsync(ticket.Id);

        var take = () => f.Commands.TakeAsync(f.Specialist, ticket.Id, ticket.Version);

        await take.Should().ThrowAsync<DomainException>();
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
    }
}

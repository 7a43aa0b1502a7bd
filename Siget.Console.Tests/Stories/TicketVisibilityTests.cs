using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

/// <summary>Ley 29733: each person reaches only the tickets their role lets them see, through every service.</summary>
[Collection(HelpDeskCollection.Name)]
public class TicketVisibilityTests(HelpDeskFixture f)
{
    [Fact]
    public async Task A_requester_lists_and_opens_only_their_own_tickets()
    {
        var tag = HelpDeskFixture.NewTag();
        var maria = await f.RegisterAsync($"{tag} de María", f.Requester);
        var pedro = await f.RegisterAsync($"{tag} de Pedro", f.OtherRequester);

        var queue = await f.Queries.QueueAsync(f.Requester, new QueueFilter { Search = tag }, 0, 50);

        queue.Rows.Select(r => r.Number).Should().Equal(maria.Number);
        queue.Total.Should().Be(1);
        (await f.Queries.GetAsync(f.Requester, maria.Number))!.Ticket.Subject.Should().Be($"{tag} de María");
        (await f.Queries.GetAsync(f.Requester, pedro.Number)).Should().BeNull();
    }

    [Fact]
    public async Task A_technician_sees_level_1_but_not_a_level_2_ticket_held_by_a_specialist()
    {
        var tag = HelpDeskFixture.NewTag();
        var queued = await f.RegisterAsync($"{tag} en cola");
        var colleagues = await f.TakenAsync($"{tag} de Ana", technician: f.OtherTechnician);
        var escalated = await f.TakenAsync($"{tag} escalado");
        escalated = await f.Commands.EscalateAsync(f.Technician, escalated.Id, escalated.Version, "N1-RECURSOS", "Excede el Nivel 1", null);
        escalated = await f.Commands.TakeAsync(f.Specialist, escalated.Id, escalated.Version);

        var queue = await f.Queries.QueueAsync(f.Technician, new QueueFilter { Search = tag }, 0, 50);

        queue.Rows.Select(r => r.Id).Should().BeEquivalentTo([queued.Id, colleagues.Id]);
        (await f.Queries.GetAsync(f.Technician, colleagues.Number)).Should().NotBeNull();
        (await f.Queries.GetAsync(f.Technician, escalated.Number)).Should().BeNull();
        (await f.Queries.GetAsync(f.Specialist, escalated.Number)).Should().NotBeNull();
        (await f.Queries.GetAsync(f.Specialist, queued.Number)).Should().BeNull("specialists work levels 2 and 3");
        (await f.Queries.QueueAsync(f.Supervisor, new QueueFilter { Search = tag }, 0, 50)).Total.Should().Be(3);
    }

    [Fact]
    public async Task A_command_on_a_ticket_the_person_cannot_see_is_not_found_and_changes_nothing()
    {
        var tag = HelpDeskFixture.NewTag();
        var escalated = await f.RegisterAsync($"{tag} nivel 2");
        escalated = await f.Commands.EscalateAsync(f.Technician, escalated.Id, escalated.Version, "N1-IMPACTO", "Afecta a toda la sede", null);
        var mariasResolved = await f.ResolvedAsync($"{tag} resuelto de María", f.Requester);
        var levelTwoBefore = await f.FootprintAsync(escalated.Id);
        var resolvedBefore = await f.FootprintAsync(mariasResolved.Id);

        await f.Invoking(x => x.Commands.TakeAsync(f.Technician, escalated.Id, escalated.Version))
            .Should().ThrowAsync<DomainException>().WithMessage("No se encontró el ticket.");
        await f.Invoking(x => x.Commands.TakeAsync(f.Vendor, escalated.Id, escalated.Version))
            .Should().ThrowAsync<DomainException>().WithMessage("No se encontró el ticket.");
        await f.Invoking(x => x.Commands.ReopenAsync(f.OtherRequester, mariasResolved.Id, mariasResolved.Version, "No funciona"))
            .Should().ThrowAsync<DomainException>().WithMessage("No se encontró el ticket.");
        await f.Invoking(x => x.Commands.FinalizeAsync(f.OtherRequester, mariasResolved.Id, mariasResolved.Version, new Satisfaction(5, null)))
            .Should().ThrowAsync<DomainException>().WithMessage("No se encontró el ticket.");

        (await f.FootprintAsync(escalated.Id)).Should().Be(levelTwoBefore);
        (await f.FootprintAsync(mariasResolved.Id)).Should().Be(resolvedBefore);
    }
}

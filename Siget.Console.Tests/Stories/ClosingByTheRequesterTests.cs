using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

/// <summary>After "Resuelto" the requester either agrees (Finalizar) or reopens with the reasons (Anexo 5).</summary>
[Collection(HelpDeskCollection.Name)]
public class ClosingByTheRequesterTests(HelpDeskFixture f)
{
    [Fact]
    public async Task The_requester_reopens_with_a_reason_and_the_ticket_returns_to_the_same_assignee()
    {
        var ticket = await f.ResolvedAsync($"{HelpDeskFixture.NewTag()} reabrir");

        await f.Commands.ReopenAsync(f.Requester, ticket.Id, ticket.Version, "La impresora volvió a atascarse esta mañana.");

        var stored = await f.StoredAsync(ticket.Id);
        stored.State.Should().Be(TicketState.EnProceso);
        stored.AssigneeId.Should().Be(f.Technician.UserId);
        stored.ResolvedAtUtc.Should().BeNull();
        stored.NextDueUtc.Should().Be(stored.ResolutionDueUtc, "the resolution clock runs again");
        var row = await f.SingleNewHistoryRowAsync(ticket.Id, 3);
        row.Action.Should().Be(TicketAction.Reabrir);
        row.ActorId.Should().Be(f.Requester.UserId);
        row.ActorName.Should().Be("María Flores Condori");
        (row.FromState, row.ToState).Should().Be((TicketState.Resuelto, TicketState.EnProceso));
        row.Reason.Should().Be("La impresora volvió a atascarse esta mañana.");
    }

    [Fact]
    public async Task Reopening_without_a_reason_is_refused_and_nothing_is_saved()
    {
        var ticket = await f.ResolvedAsync($"{HelpDeskFixture.NewTag()} reabrir sin motivo");
        var before = await f.FootprintAsync(ticket.Id);

        var reopen = () => f.Commands.ReopenAsync(f.Requester, ticket.Id, ticket.Version, " ");

        await reopen.Should().ThrowAsync<DomainException>().WithMessage("Complete el motivo de la reapertura.");
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
    }

    [Fact]
    public async Task The_technician_cannot_reopen_or_finalize_in_the_requesters_place()
    {
        var ticket = await f.ResolvedAsync($"{HelpDeskFixture.NewTag()} decide el usuario");
        var before = await f.FootprintAsync(ticket.Id);

        await f.Invoking(x => x.Commands.ReopenAsync(f.Technician, ticket.Id, ticket.Version, "No quedó bien"))
            .Should().ThrowAsync<DomainException>().WithMessage("No tiene permiso para reabrir este ticket*");
        await f.Invoking(x => x.Commands.FinalizeAsync(f.Technician, ticket.Id, ticket.Version, new Satisfaction(5, null)))
            .Should().ThrowAsync<DomainException>().WithMessage("No tiene permiso para finalizar este ticket*");

        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
    }

    [Fact]
    public async Task The_requester_finalizes_a_resolved_ticket_and_it_is_closed()
    {
        var ticket = await f.ResolvedAsync($"{HelpDeskFixture.NewTag()} finalizar");
        var now = f.App.Clock.GetUtcNow().UtcDateTime;

        await f.Commands.FinalizeAsync(f.Requester, ticket.Id, ticket.Version, new Satisfaction(5, null));

        var stored = await f.StoredAsync(ticket.Id);
        stored.State.Should().Be(TicketState.Finalizado);
        stored.ClosedAtUtc.Should().Be(now);
        stored.NextDueUtc.Should().BeNull();
        var row = await f.SingleNewHistoryRowAsync(ticket.Id, 3);
        row.Action.Should().Be(TicketAction.Finalizar);
        row.ActorId.Should().Be(f.Requester.UserId);
        (row.FromState, row.ToState).Should().Be((TicketState.Resuelto, TicketState.Finalizado));
        row.Reason.Should().Be("Calificación: 5 de 5");
    }

    [Fact]
    public async Task A_finalized_ticket_cannot_be_reopened()
    {
        var ticket = await f.ResolvedAsync($"{HelpDeskFixture.NewTag()} cerrado");
        ticket = await f.Commands.FinalizeAsync(f.Requester, ticket.Id, ticket.Version, new Satisfaction(5, null));
        var before = await f.FootprintAsync(ticket.Id);

        var reopen = () => f.Commands.ReopenAsync(f.Requester, ticket.Id, ticket.Version, "Otra vez falla");

        await reopen.Should().ThrowAsync<DomainException>().WithMessage("No se puede reabrir un ticket en estado Finalizado.");
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
    }
}

using Microsoft.EntityFrameworkCore;
using Siget.Console.Live;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Notifications;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

/// <summary>
/// Reassigning a colleague's ticket is the supervisor's act (issue 16 item 29). A técnico hands over or returns their own
/// ticket, and takes over a colleague's only while the colleague is marked Ausente, with a reason; the colleague is told.
/// </summary>
[Collection(HelpDeskCollection.Name)]
public class TakingOverAColleaguesTicketTests(HelpDeskFixture f)
{
    private AgentAvailability Availability => f.App.Service<AgentAvailability>();

    /// <summary>Two technicians of this test's own, so marking one Ausente disturbs no other test.</summary>
    private async Task<(Actor Holder, Actor Colleague)> PairAsync()
    {
        var tag = HelpDeskFixture.NewTag();
        return (await f.App.AddPersonAsync($"tit{tag}", Role.Tecnico, $"Titular {tag}"),
                await f.App.AddPersonAsync($"col{tag}", Role.Tecnico, $"Colega {tag}"));
    }

    [Fact]
    public async Task A_technician_cannot_hand_out_a_colleagues_ticket_nor_one_from_the_queue()
    {
        var (holder, colleague) = await PairAsync();
        var held = await f.TakenAsync($"{HelpDeskFixture.NewTag()} de otro", holder);
        var queued = await f.RegisterAsync($"{HelpDeskFixture.NewTag()} en cola");
        var (heldBefore, queuedBefore) = (await f.FootprintAsync(held.Id), await f.FootprintAsync(queued.Id));

        var grab = () => f.Commands.ReassignAsync(colleague, held.Id, held.Version, colleague.UserId, "Lo hago yo.");
        var handOut = () => f.Commands.ReassignAsync(colleague, queued.Id, queued.Version, holder.UserId, null);

        await grab.Should().ThrowAsync<DomainException>().WithMessage("No tiene permiso para reasignar este ticket.");
        await handOut.Should().ThrowAsync<DomainException>().WithMessage("No tiene permiso para reasignar este ticket.");
        (await f.FootprintAsync(held.Id)).Should().Be(heldBefore);
        (await f.FootprintAsync(queued.Id)).Should().Be(queuedBefore);
    }

    [Fact]
    public async Task A_technician_hands_over_their_own_ticket_and_returns_another_to_the_queue()
    {
        var (holder, colleague) = await PairAsync();
        var first = await f.TakenAsync($"{HelpDeskFixture.NewTag()} pasar", holder);
        var second = await f.TakenAsync($"{HelpDeskFixture.NewTag()} devolver", holder);

        await f.Commands.ReassignAsync(holder, first.Id, first.Version, colleague.UserId, "Cambio de turno.");
        await f.Commands.ReleaseAsync(holder, second.Id, second.Version, null);

        (await f.StoredAsync(first.Id)).AssigneeId.Should().Be(colleague.UserId);
        (await f.StoredAsync(second.Id)).AssigneeId.Should().BeNull();
    }

    [Fact]
    public async Task While_the_holder_is_available_a_colleague_cannot_take_the_ticket_over_nor_is_offered_to()
    {
        var (holder, colleague) = await PairAsync();
        var ticket = await f.TakenAsync($"{HelpDeskFixture.NewTag()} asumir disponible", holder);
        var before = await f.FootprintAsync(ticket.Id);

        (await f.Queries.GetAsync(colleague, ticket.Number))!.AllowedActions(colleague).Should().NotContain(TicketAction.Asumir);
        var takeOver = () => f.Commands.TakeOverAsync(colleague, ticket.Id, ticket.Version, "Lo necesito.");

        await takeOver.Should().ThrowAsync<DomainException>().WithMessage($"{holder.Name} está disponible:*");
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
    }

    [Fact]
    public async Task While_the_holder_is_away_a_colleague_takes_the_ticket_over_with_a_reason_and_the_holder_is_told()
    {
        var (holder, colleague) = await PairAsync();
        var ticket = await f.TakenAsync($"{HelpDeskFixture.NewTag()} asumir ausente", holder);
        await Availability.SetAsync(f.Supervisor, holder.UserId, available: false);
        var rows = (await f.HistoryAsync(ticket.Id)).Count;
        var heard = new List<TicketChanged>();
        using var _ = f.App.Service<TicketFeed>().Subscribe(f.Supervisor, c => { lock (heard) heard.Add(c); return Task.CompletedTask; });

        (await f.Queries.GetAsync(colleague, ticket.Number))!.AllowedActions(colleague).Should().Contain(TicketAction.Asumir);
        await f.Commands.TakeOverAsync(colleague, ticket.Id, ticket.Version, "Está de vacaciones y el usuario espera.");

        (await f.StoredAsync(ticket.Id)).AssigneeId.Should().Be(colleague.UserId);
        var row = await f.SingleNewHistoryRowAsync(ticket.Id, rows);
        (row.Action, row.ActorId, row.FromAssignee, row.ToAssignee, row.Reason)
            .Should().Be((TicketAction.Asumir, colleague.UserId, holder.Name, colleague.Name, "Está de vacaciones y el usuario espera."));
        await using var db = f.App.CreateDbContext();
        var told = await db.Notifications.Where(n => n.TicketId == ticket.Id && n.RecipientId == holder.UserId).ToListAsync();
        told.Should().ContainSingle(n => n.Kind == NotificationKind.Asignacion && n.Text.Contains(colleague.Name) && n.Text.Contains("vacaciones"));
        await f.App.Service<TicketFeed>().HandedOverAsync();
        lock (heard) heard.Should().ContainSingle(c => c.TicketId == ticket.Id && c.Action == TicketAction.Asumir);
    }

    [Fact]
    public async Task A_deactivated_holders_ticket_may_be_taken_over_too()
    {
        var (holder, colleague) = await PairAsync();
        var ticket = await f.TakenAsync($"{HelpDeskFixture.NewTag()} asumir inactivo", holder);
        await using (var db = f.App.CreateDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == holder.UserId)).IsActive = false;
            await db.SaveChangesAsync();
        }

        await f.Commands.TakeOverAsync(colleague, ticket.Id, ticket.Version, "Ya no trabaja en la UTI.");

        (await f.StoredAsync(ticket.Id)).AssigneeId.Should().Be(colleague.UserId);
    }
}

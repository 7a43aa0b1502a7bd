using Microsoft.EntityFrameworkCore;
using Siget.Console.Services;
using Siget.Core;
using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Services;

public class WorkingTicketsTests(TicketServicesFixture f) : IClassFixture<TicketServicesFixture>
{
    [Fact]
    public async Task A_ticket_goes_from_registration_to_the_vendor_and_back_to_the_requester_with_every_step_in_its_history()
    {
        var t = await f.RegisterAsync();
        t = await f.Commands.TakeAsync(f.Technician, t.Id, t.Version);
        t.State.Should().Be(TicketState.EnProceso);
        t = await f.Commands.EscalateAsync(f.Technician, t.Id, t.Version, "N1-RECURSOS", "No hay repuesto", null);
        (t.Level, t.State).Should().Be((SupportLevel.Nivel2, TicketState.EnCola));
        t = await f.Commands.TakeAsync(f.Specialist, t.Id, t.Version);
        t = await f.Commands.EscalateAsync(f.Specialist, t.Id, t.Version, "N2-INFRAESTRUCTURA", "En garantía", f.VendorCompanyId);
        t.VendorCompanyName.Should().Be("TecnoSoluciones");

        (await f.Queries.GetAsync(f.Vendor, t.Number)).Should().NotBeNull();
        (await f.Queries.GetAsync(f.OtherVendor, t.Number)).Should().BeNull();

        t = await f.Commands.TakeAsync(f.Vendor, t.Id, t.Version);
        await f.Invoking(x => x.Commands.ResolveAsync(f.Vendor, t.Id, t.Version, "")).Should().ThrowAsync<DomainException>();
        t = await f.Commands.ResolveAsync(f.Vendor, t.Id, t.Version, "Se cambió la fuente de poder en garantía.");
        t = await f.Commands.ReopenAsync(f.Requester, t.Id, t.Version, "Volvió a apagarse.");
        (t.State, t.AssigneeId).Should().Be((TicketState.EnProceso, f.Vendor.UserId));
        t = await f.Commands.ResolveAsync(f.Vendor, t.Id, t.Version, "Se reemplazó el equipo.");
        t = await f.Commands.FinalizeAsync(f.Requester, t.Id, t.Version);
        t.State.Should().Be(TicketState.Finalizado);

        await using var db = f.App.CreateDbContext();
        var history = await db.TicketHistory.Where(h => h.TicketId == t.Id).OrderBy(h => h.Id).ToListAsync();
        history.Select(h => h.Action).Should().Equal(TicketAction.Registrar, TicketAction.Tomar, TicketAction.Escalar, TicketAction.Tomar,
            TicketAction.Escalar, TicketAction.Tomar, TicketAction.Resolver, TicketAction.Reabrir, TicketAction.Resolver, TicketAction.Finalizar);
        history[7].Should().BeEquivalentTo(new { ActorId = f.Requester.UserId, FromState = TicketState.Resuelto, ToState = TicketState.EnProceso, Reason = "Volvió a apagarse." },
            o => o.ExcludingMissingMembers());
        (await db.Tickets.SingleAsync(x => x.Id == t.Id)).Version.Should().Be(history.Count);
    }

    [Fact]
    public async Task A_supervisor_cancels_with_a_reason()
    {
        var t = await f.RegisterAsync();
        await f.Invoking(x => x.Commands.CancelAsync(f.Supervisor, t.Id, t.Version, "")).Should().ThrowAsync<DomainException>();
        await f.Invoking(x => x.Commands.CancelAsync(f.Technician, t.Id, t.Version, "Duplicado")).Should().ThrowAsync<DomainException>();

        t = await f.Commands.CancelAsync(f.Supervisor, t.Id, t.Version, "Duplicado del 2026-000001");

        await using var db = f.App.CreateDbContext();
        (await db.Tickets.SingleAsync(x => x.Id == t.Id)).State.Should().Be(TicketState.Anulado);
        (await db.TicketHistory.CountAsync(h => h.TicketId == t.Id)).Should().Be(2);
    }

    [Fact]
    public async Task A_stale_screen_is_refused_and_the_first_change_is_kept()
    {
        var t = await f.RegisterAsync();
        var seenByBoth = t.Version;

        await f.Commands.TakeAsync(f.Technician, t.Id, seenByBoth);
        var second = () => f.Commands.TakeAsync(f.OtherTechnician, t.Id, seenByBoth);

        await second.Should().ThrowAsync<TicketConflictException>().WithMessage("El ticket fue modificado por otra persona*");
        await using var db = f.App.CreateDbContext();
        (await db.Tickets.SingleAsync(x => x.Id == t.Id)).AssigneeId.Should().Be(f.Technician.UserId);
        (await db.TicketHistory.CountAsync(h => h.TicketId == t.Id && h.Action == TicketAction.Tomar)).Should().Be(1);
    }

    [Fact]
    public async Task Two_contexts_saving_the_same_ticket_conflict_because_the_version_is_a_concurrency_token()
    {
        var t = await f.RegisterAsync();
        await using var first = f.App.CreateDbContext();
        await using var second = f.App.CreateDbContext();
        var a = await first.Tickets.SingleAsync(x => x.Id == t.Id);
        var b = await second.Tickets.SingleAsync(x => x.Id == t.Id);
        var now = f.App.Clock.GetUtcNow().UtcDateTime;
        a.Take(f.Technician, now);
        b.Take(f.OtherTechnician, now);

        await first.SaveChangesAsync();
        var act = () => second.SaveChangesAsync();

        await act.Should().ThrowAsync<DbUpdateConcurrencyException>();
    }

    [Fact]
    public async Task A_command_on_a_ticket_the_person_cannot_see_changes_nothing()
    {
        var t = await f.RegisterAsync();
        t = await f.Commands.TakeAsync(f.Technician, t.Id, t.Version);

        await f.Invoking(x => x.Commands.ResolveAsync(f.OtherRequester, t.Id, t.Version, "Hecho"))
            .Should().ThrowAsync<DomainException>().WithMessage("No se encontró el ticket.");
        await f.Invoking(x => x.Commands.TakeAsync(f.Vendor, t.Id, t.Version))
            .Should().ThrowAsync<DomainException>().WithMessage("No se encontró el ticket.");
        await using var db = f.App.CreateDbContext();
        (await db.Tickets.SingleAsync(x => x.Id == t.Id)).Version.Should().Be(t.Version);
    }

    [Fact]
    public async Task Reassigning_to_someone_of_another_level_or_inactive_is_refused()
    {
        var t = await f.RegisterAsync();
        await f.Invoking(x => x.Commands.ReassignAsync(f.Supervisor, t.Id, t.Version, f.Specialist.UserId, null))
            .Should().ThrowAsync<DomainException>().WithMessage("*Escalar*");
        await f.Invoking(x => x.Commands.ReassignAsync(f.Supervisor, t.Id, t.Version, f.Inactive.UserId, null))
            .Should().ThrowAsync<DomainException>().WithMessage("*inactiva*");

        t = await f.Commands.ReassignAsync(f.Supervisor, t.Id, t.Version, f.OtherTechnician.UserId, "Turno tarde");
        t.AssigneeName.Should().Be("Ana Ruiz");
    }
}

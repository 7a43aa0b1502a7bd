using Microsoft.EntityFrameworkCore;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Escalation;
using Siget.Core.Notifications;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

/// <summary>
/// Escalating by Anexo 3 read row by row (issue 16 item 27): to the vendor with the specialist's and the vendor's rows
/// together, by the specialist or the supervisor; to the Ejecutivo de la UTI (from Nivel 2 or 3) with row 4; never away
/// from the vendor with a reason for a vendor.
/// </summary>
[Collection(HelpDeskCollection.Name)]
public class EscalatingByTheMatrixTests(HelpDeskFixture f)
{
    private async Task<Ticket> AtNivel2Async(string subject, bool taken = true)
    {
        var ticket = await f.TakenAsync(subject);
        ticket = await f.Commands.EscalateAsync(f.Technician, ticket.Id, ticket.Version, "N1-RECURSOS", "Excede lo disponible en Nivel 1.", null);
        return taken ? await f.Commands.TakeAsync(f.Specialist, ticket.Id, ticket.Version) : ticket;
    }

    private async Task<Ticket> AtVendorAsync(string subject)
    {
        var ticket = await AtNivel2Async(subject);
        return await f.Commands.EscalateAsync(f.Specialist, ticket.Id, ticket.Version, "N2-INFRAESTRUCTURA", "Equipo en garantía.", f.VendorCompanyId);
    }

    [Theory]
    [InlineData("especialista", "N3-FABRICANTE")]
    [InlineData("supervisor", "N3-EXTERNO")]
    [InlineData("supervisor", "N2-AREAS")]
    public async Task A_reason_for_a_vendor_sends_a_level_2_case_to_the_vendor_company(string who, string criterion)
    {
        var ticket = await AtNivel2Async($"{HelpDeskFixture.NewTag()} al proveedor");
        var actor = who == "especialista" ? f.Specialist : f.Supervisor;

        await f.Commands.EscalateAsync(actor, ticket.Id, ticket.Version, criterion, "Lo cubre la garantía del fabricante.", f.VendorCompanyId);

        var stored = await f.StoredAsync(ticket.Id);
        (stored.Level, stored.VendorCompanyId).Should().Be((SupportLevel.Nivel3, f.VendorCompanyId));
        var row = (await f.HistoryAsync(ticket.Id))[^1];
        (row.Action, row.ActorId, row.CriterionCode, row.FromLevel, row.ToLevel)
            .Should().Be((TicketAction.Escalar, actor.UserId, criterion, SupportLevel.Nivel2, SupportLevel.Nivel3));
    }

    [Theory]
    [InlineData("N3-EXTERNO")]
    [InlineData("N3-FABRICANTE")]
    [InlineData("N3-NO-RESUELTO")]
    public async Task Taking_a_case_away_from_the_vendor_with_a_reason_for_a_vendor_is_refused_and_nothing_is_saved(string criterion)
    {
        var ticket = await AtVendorAsync($"{HelpDeskFixture.NewTag()} salir del proveedor");
        var before = await f.FootprintAsync(ticket.Id);

        var escalate = () => f.Commands.EscalateAsync(f.Specialist, ticket.Id, ticket.Version, criterion, "El proveedor no responde.", null);

        await escalate.Should().ThrowAsync<DomainException>().WithMessage("Elija un criterio de escalamiento de Nivel 3 · Proveedor.");
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
    }

    [Fact]
    public async Task The_specialist_takes_a_level_2_case_to_the_Ejecutivo_with_a_row_4_criterion_and_every_supervisor_is_told()
    {
        var ticket = await AtNivel2Async($"{HelpDeskFixture.NewTag()} a la jefatura");

        await f.Commands.EscalateAsync(f.Specialist, ticket.Id, ticket.Version, "N4-DECISION", "Hay que aprobar la compra de un servidor.", null);

        var stored = await f.StoredAsync(ticket.Id);
        (stored.Level, stored.State, stored.VendorCompanyId).Should().Be((SupportLevel.Nivel4, TicketState.EnCola, (int?)null));
        (await f.HistoryAsync(ticket.Id))[^1].CriterionCode.Should().Be("N4-DECISION");
        await using var db = f.App.CreateDbContext();
        (await db.Notifications.AnyAsync(n => n.TicketId == ticket.Id && n.RecipientId == f.Supervisor.UserId && n.Kind == NotificationKind.Escalamiento))
            .Should().BeTrue("a case for the Ejecutivo needs their decision");
    }
}

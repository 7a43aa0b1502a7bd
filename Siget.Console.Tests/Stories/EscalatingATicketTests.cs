using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

[Collection(HelpDeskCollection.Name)]
public class EscalatingATicketTests(HelpDeskFixture f)
{
    [Fact]
    public async Task Escalating_with_a_criterion_and_a_reason_sends_the_ticket_to_the_Nivel_2_queue()
    {
        var ticket = await f.TakenAsync($"{HelpDeskFixture.NewTag()} escalar");

        await f.Commands.EscalateAsync(f.Technician, ticket.Id, ticket.Version, "N1-RECURSOS", "Requiere reinstalar el controlador del servidor de impresión.", null);

        var stored = await f.StoredAsync(ticket.Id);
        stored.Level.Should().Be(SupportLevel.Nivel2);
        stored.State.Should().Be(TicketState.EnCola);
        stored.AssigneeId.Should().BeNull("the specialists take it from their queue");
        var row = await f.SingleNewHistoryRowAsync(ticket.Id, 2);
        row.Action.Should().Be(TicketAction.Escalar);
        row.ActorId.Should().Be(f.Technician.UserId);
        (row.FromState, row.ToState).Should().Be((TicketState.EnProceso, TicketState.EnCola));
        (row.FromLevel, row.ToLevel).Should().Be((SupportLevel.Nivel1, SupportLevel.Nivel2));
        row.FromAssignee.Should().Be("Luis Mendoza Ríos");
        row.CriterionCode.Should().Be("N1-RECURSOS");
        row.Reason.Should().Be("Requiere reinstalar el controlador del servidor de impresión.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Escalating_without_reason_is_refused_and_nothing_is_saved(string reason)
    {
        var ticket = await f.TakenAsync($"{HelpDeskFixture.NewTag()} sin motivo");
        var before = await f.FootprintAsync(ticket.Id);

        var escalate = () => f.Commands.EscalateAsync(f.Technician, ticket.Id, ticket.Version, "N1-RECURSOS", reason, null);

        await escalate.Should().ThrowAsync<DomainException>().WithMessage("Complete el motivo del escalamiento.");
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
    }

    [Fact]
    public async Task Escalating_with_a_criterion_of_another_level_is_refused_and_nothing_is_saved()
    {
        var ticket = await f.TakenAsync($"{HelpDeskFixture.NewTag()} criterio ajeno");
        var before = await f.FootprintAsync(ticket.Id);

        var escalate = () => f.Commands.EscalateAsync(f.Technician, ticket.Id, ticket.Version, "N2-INFRAESTRUCTURA", "Cambio de configuración", null);

        await escalate.Should().ThrowAsync<DomainException>().WithMessage("Elija un criterio de escalamiento de Nivel 1 · Soporte técnico.");
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
    }

    [Fact]
    public async Task A_technician_cannot_escalate_a_colleagues_ticket()
    {
        var ticket = await f.TakenAsync($"{HelpDeskFixture.NewTag()} de Ana", technician: f.OtherTechnician);
        var before = await f.FootprintAsync(ticket.Id);

        var escalate = () => f.Commands.EscalateAsync(f.Technician, ticket.Id, ticket.Version, "N1-IMPACTO", "Afecta a toda la sede", null);

        await escalate.Should().ThrowAsync<DomainException>().WithMessage("No tiene permiso para escalar este ticket*");
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
    }

    [Fact]
    public async Task Escalating_to_Nivel_3_without_a_vendor_company_is_refused_and_nothing_is_saved()
    {
        var ticket = await AtNivel2TakenBySpecialist($"{HelpDeskFixture.NewTag()} sin proveedor");
        var before = await f.FootprintAsync(ticket.Id);

        var escalate = () => f.Commands.EscalateAsync(f.Specialist, ticket.Id, ticket.Version, "N2-INFRAESTRUCTURA", "Equipo en garantía", null);

        await escalate.Should().ThrowAsync<DomainException>().WithMessage("Para escalar al Nivel 3 indique la empresa proveedora.");
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
    }

    [Fact]
    public async Task Escalating_to_a_vendor_whose_contract_ended_is_refused_and_nothing_is_saved()
    {
        var ticket = await AtNivel2TakenBySpecialist($"{HelpDeskFixture.NewTag()} contrato vencido");
        var before = await f.FootprintAsync(ticket.Id);

        var escalate = () => f.Commands.EscalateAsync(f.Specialist, ticket.Id, ticket.Version, "N2-INFRAESTRUCTURA", "Equipo en garantía", f.EndedContractCompanyId);

        await escalate.Should().ThrowAsync<DomainException>().WithMessage("La empresa proveedora elegida no existe o no tiene contrato vigente.");
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
    }

    [Fact]
    public async Task A_ticket_escalated_to_a_vendor_is_seen_and_worked_by_that_company_only()
    {
        var tag = HelpDeskFixture.NewTag();
        var ticket = await AtNivel2TakenBySpecialist($"{tag} al proveedor");

        ticket = await f.Commands.EscalateAsync(f.Specialist, ticket.Id, ticket.Version, "N2-INFRAESTRUCTURA", "Equipo en garantía del proveedor.", f.VendorCompanyId);

        var stored = await f.StoredAsync(ticket.Id);
        (stored.Level, stored.State).Should().Be((SupportLevel.Nivel3, TicketState.EnCola));
        stored.VendorCompanyId.Should().Be(f.VendorCompanyId);
        stored.VendorCompanyName.Should().Be(f.VendorCompanyName);
        var row = await f.SingleNewHistoryRowAsync(ticket.Id, 4);
        (row.FromLevel, row.ToLevel, row.ToAssignee).Should().Be((SupportLevel.Nivel2, SupportLevel.Nivel3, f.VendorCompanyName));

        (await f.Queries.GetAsync(f.Vendor, ticket.Number)).Should().NotBeNull();
        (await f.Queries.QueueAsync(f.Vendor, new QueueFilter { Search = tag }, 0, 10)).Rows.Should().ContainSingle(r => r.Id == ticket.Id);
        (await f.Queries.GetAsync(f.OtherVendor, ticket.Number)).Should().BeNull();
        (await f.Queries.QueueAsync(f.OtherVendor, new QueueFilter { Search = tag }, 0, 10)).Rows.Should().BeEmpty();

        var before = await f.FootprintAsync(ticket.Id);
        await f.Invoking(x => x.Commands.TakeAsync(f.OtherVendor, ticket.Id, ticket.Version))
            .Should().ThrowAsync<DomainException>().WithMessage("No se encontró el ticket.");
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);

        await f.Commands.TakeAsync(f.Vendor, ticket.Id, ticket.Version);
        (await f.StoredAsync(ticket.Id)).AssigneeId.Should().Be(f.Vendor.UserId);
    }

    private async Task<Ticket> AtNivel2TakenBySpecialist(string subject)
    {
        var ticket = await f.TakenAsync(subject);
        ticket = await f.Commands.EscalateAsync(f.Technician, ticket.Id, ticket.Version, "N1-RECURSOS", "Excede lo disponible en Nivel 1.", null);
        return await f.Commands.TakeAsync(f.Specialist, ticket.Id, ticket.Version);
    }
}

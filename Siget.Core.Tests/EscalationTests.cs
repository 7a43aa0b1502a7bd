using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Core.Tests;

public class EscalationTests
{
    private static readonly DateTime Later = TicketBuilder.Now.AddHours(1);

    [Fact]
    public void Escalating_moves_to_the_next_level_unassigned_and_records_criterion_and_reason()
    {
        var ticket = new TicketBuilder().InState(TicketState.EnProceso);

        ticket.Escalate(Actors.Technician, "N1-RECURSOS", "No hay repuesto en el almacén.", null, Later);

        ticket.Level.Should().Be(SupportLevel.Nivel2);
        ticket.State.Should().Be(TicketState.EnCola);
        ticket.AssigneeId.Should().BeNull();
        var entry = ticket.History[^1];
        entry.Action.Should().Be(TicketAction.Escalar);
        entry.FromLevel.Should().Be(SupportLevel.Nivel1);
        entry.ToLevel.Should().Be(SupportLevel.Nivel2);
        entry.CriterionCode.Should().Be("N1-RECURSOS");
        entry.Reason.Should().Be("No hay repuesto en el almacén.");
        entry.FromAssignee.Should().Be(Actors.Technician.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Escalating_without_reason_is_refused(string reason)
    {
        var ticket = new TicketBuilder().InState(TicketState.EnProceso);
        var act = () => ticket.Escalate(Actors.Technician, "N1-RECURSOS", reason, null, Later);
        act.Should().Throw<DomainException>().WithMessage("Complete el motivo del escalamiento.");
        ticket.Level.Should().Be(SupportLevel.Nivel1);
    }

    [Fact]
    public void A_reason_longer_than_the_limit_is_refused()
    {
        var ticket = new TicketBuilder().InState(TicketState.EnProceso);
        var act = () => ticket.Escalate(Actors.Technician, "N1-RECURSOS", new string('x', TicketLimits.ReasonMaxLength + 1), null, Later);
        act.Should().Throw<DomainException>().WithMessage($"Escriba como máximo {TicketLimits.ReasonMaxLength} caracteres*");
    }

    [Theory]
    [InlineData("N2-CONOCIMIENTO")]
    [InlineData("NO-EXISTE")]
    [InlineData(null)]
    public void The_criterion_must_belong_to_the_current_level(string? criterion)
    {
        var ticket = new TicketBuilder().InState(TicketState.EnProceso);
        var act = () => ticket.Escalate(Actors.Technician, criterion!, "Motivo", null, Later);
        act.Should().Throw<DomainException>().WithMessage("Elija un criterio de escalamiento de Nivel 1*");
    }

    [Fact]
    public void Escalating_to_level_3_names_the_vendor_company()
    {
        var ticket = new TicketBuilder().AtSpecialist();
        var withoutVendor = () => ticket.Escalate(Actors.Specialist, "N2-INFRAESTRUCTURA", "En garantía", null, Later);
        withoutVendor.Should().Throw<DomainException>().WithMessage("*empresa proveedora*");

        ticket.Escalate(Actors.Specialist, "N2-INFRAESTRUCTURA", "En garantía", Actors.VendorCompany, Later);

        ticket.Level.Should().Be(SupportLevel.Nivel3);
        ticket.VendorCompanyId.Should().Be(Actors.VendorCompany.Id);
        ticket.History[^1].ToAssignee.Should().Be(Actors.VendorCompany.Name);
    }

    [Fact]
    public void The_matrix_goes_from_level_1_to_Direccion_Ejecutiva_and_no_further()
    {
        var ticket = new TicketBuilder().AtVendor();
        ticket.Take(Actors.Vendor, Later);
        ticket.Escalate(Actors.Supervisor, "N3-NO-RESUELTO", "El proveedor no responde", null, Later);
        ticket.Level.Should().Be(SupportLevel.Nivel4);
        ticket.Escalate(Actors.Supervisor, "N4-DECISION", "Requiere aprobar una compra", null, Later);
        ticket.Level.Should().Be(SupportLevel.DireccionEjecutiva);

        ticket.AllowedActions(Actors.Supervisor).Should().NotContain(TicketAction.Escalar);
        var act = () => ticket.Escalate(Actors.Supervisor, "N4-DECISION", "Más arriba", null, Later);
        act.Should().Throw<DomainException>();
    }

    [Theory]
    [InlineData(SupportLevel.Nivel1, Role.Tecnico, true)]
    [InlineData(SupportLevel.Nivel1, Role.Especialista, false)]
    [InlineData(SupportLevel.Nivel2, Role.Especialista, true)]
    [InlineData(SupportLevel.Nivel2, Role.Tecnico, false)]
    [InlineData(SupportLevel.Nivel3, Role.Especialista, true)]
    [InlineData(SupportLevel.Nivel3, Role.Proveedor, false)]
    [InlineData(SupportLevel.Nivel4, Role.Supervisor, true)]
    [InlineData(SupportLevel.Nivel4, Role.Especialista, false)]
    [InlineData(SupportLevel.DireccionEjecutiva, Role.Supervisor, false)]
    [InlineData(SupportLevel.Nivel2, Role.Usuario, false)]
    public void Who_may_escalate_from_each_level_follows_the_responsible_column(SupportLevel level, Role role, bool expected)
    {
        EscalationMatrix.MayEscalateFrom(role, level).Should().Be(expected);
    }

    [Fact]
    public void Every_level_up_to_4_has_criteria_and_the_sla_criterion_is_a_level_1_one()
    {
        foreach (var level in new[] { SupportLevel.Nivel1, SupportLevel.Nivel2, SupportLevel.Nivel3, SupportLevel.Nivel4 })
            EscalationMatrix.CriteriaFrom(level).Should().NotBeEmpty();
        EscalationMatrix.CriteriaFrom(SupportLevel.Nivel1).Should().HaveCount(3);
        EscalationMatrix.CriteriaFrom(SupportLevel.Nivel2).Should().HaveCount(3);
        EscalationMatrix.CriteriaFrom(SupportLevel.Nivel3).Should().HaveCount(3);
        EscalationMatrix.CriteriaFrom(SupportLevel.Nivel4).Should().HaveCount(2);
        EscalationMatrix.Find(EscalationMatrix.NoProgressCriterionCode)!.From.Should().Be(SupportLevel.Nivel1);
    }

    [Fact]
    public void Reassigning_within_a_level_requires_someone_who_works_at_that_level()
    {
        var ticket = new TicketBuilder().InState(TicketState.EnProceso);
        var toSpecialist = () => ticket.Reassign(Actors.Supervisor, Actors.Specialist, null, Later);
        toSpecialist.Should().Throw<DomainException>().WithMessage("*no atiende tickets de Nivel 1*Escalar*");

        ticket.Reassign(Actors.Technician, Actors.OtherTechnician, "Tengo visita a un Tambo", Later);

        ticket.AssigneeId.Should().Be(Actors.OtherTechnician.UserId);
        ticket.Level.Should().Be(SupportLevel.Nivel1);
        var entry = ticket.History[^1];
        (entry.FromAssignee, entry.ToAssignee, entry.Reason).Should().Be((Actors.Technician.Name, Actors.OtherTechnician.Name, "Tengo visita a un Tambo"));
    }

    [Fact]
    public void At_level_3_only_users_of_that_company_take_the_ticket()
    {
        var ticket = new TicketBuilder().AtVendor();
        ticket.AllowedActions(Actors.OtherVendor).Should().NotContain(TicketAction.Tomar);
        var act = () => ticket.Take(Actors.OtherVendor, Later);
        act.Should().Throw<DomainException>();

        ticket.Take(Actors.Vendor, Later);
        ticket.AssigneeId.Should().Be(Actors.Vendor.UserId);
    }
}

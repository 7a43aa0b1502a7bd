using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Escalation;

public class EscalationTests
{
    private static readonly string[] AllCriteria =
    [
        "N1-RECURSOS", "N1-TIEMPO", "N1-IMPACTO", "N2-CONOCIMIENTO", "N2-INFRAESTRUCTURA", "N2-AREAS",
        "N3-EXTERNO", "N3-FABRICANTE", "N3-NO-RESUELTO", "N4-IMPACTO", "N4-DECISION",
    ];

    /// <summary>Where each criterion takes a ticket from each level (Anexo 3 row by row), written out by hand; absent: refused.</summary>
    private static readonly Dictionary<(SupportLevel, string), SupportLevel> Destinations = new()
    {
        [(SupportLevel.Nivel1, "N1-RECURSOS")] = SupportLevel.Nivel2,
        [(SupportLevel.Nivel1, "N1-TIEMPO")] = SupportLevel.Nivel2,
        [(SupportLevel.Nivel1, "N1-IMPACTO")] = SupportLevel.Nivel2,
        [(SupportLevel.Nivel2, "N2-CONOCIMIENTO")] = SupportLevel.Nivel3,
        [(SupportLevel.Nivel2, "N2-INFRAESTRUCTURA")] = SupportLevel.Nivel3,
        [(SupportLevel.Nivel2, "N2-AREAS")] = SupportLevel.Nivel3,
        [(SupportLevel.Nivel2, "N3-EXTERNO")] = SupportLevel.Nivel3,
        [(SupportLevel.Nivel2, "N3-FABRICANTE")] = SupportLevel.Nivel3,
        [(SupportLevel.Nivel2, "N3-NO-RESUELTO")] = SupportLevel.Nivel3,
        [(SupportLevel.Nivel2, "N4-IMPACTO")] = SupportLevel.Nivel4,
        [(SupportLevel.Nivel2, "N4-DECISION")] = SupportLevel.Nivel4,
        [(SupportLevel.Nivel3, "N4-IMPACTO")] = SupportLevel.Nivel4,
        [(SupportLevel.Nivel3, "N4-DECISION")] = SupportLevel.Nivel4,
        [(SupportLevel.Nivel4, "N4-IMPACTO")] = SupportLevel.DireccionEjecutiva,
        [(SupportLevel.Nivel4, "N4-DECISION")] = SupportLevel.DireccionEjecutiva,
    };

    public static TheoryData<SupportLevel, string> EveryLevelAndCriterion()
    {
        var data = new TheoryData<SupportLevel, string>();
        foreach (var level in new[] { SupportLevel.Nivel1, SupportLevel.Nivel2, SupportLevel.Nivel3, SupportLevel.Nivel4 })
            foreach (var code in AllCriteria)
                data.Add(level, code);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryLevelAndCriterion))]
    public void The_criterion_decides_the_destination_and_must_be_one_the_matrix_offers_from_the_tickets_level(SupportLevel level, string code)
    {
        var builder = new TicketBuilder().AtLevel(level);
        var ticket = builder.InState(TicketState.EnCola);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.Escalate(Actors.Supervisor, code, "Motivo suficiente.", Actors.VendorCompany, builder.Tick());

        if (Destinations.TryGetValue((level, code), out var destination))
        {
            act.Should().NotThrow();
            ticket.Level.Should().Be(destination);
            (ticket.History[^1].FromLevel, ticket.History[^1].ToLevel, ticket.History[^1].CriterionCode).Should().Be((level, destination, code));
        }
        else
        {
            act.Should().Throw<DomainException>().WithMessage($"Elija un criterio de escalamiento de {level.Label()}.");
            TicketSnapshot.Of(ticket).Should().Be(before);
        }
    }

    [Theory]
    [InlineData("N3-EXTERNO")]
    [InlineData("N3-FABRICANTE")]
    [InlineData("N3-NO-RESUELTO")]
    public void Leaving_the_vendor_level_with_a_reason_for_a_vendor_is_refused(string code)
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel3);
        var ticket = builder.InState(TicketState.EnProceso);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.Escalate(Actors.Specialist, code, "El proveedor no responde.", null, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage("Elija un criterio de escalamiento de Nivel 3 · Proveedor.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Theory]
    [InlineData(Person.Specialist)]
    [InlineData(Person.Supervisor)]
    public void From_level_2_a_reason_for_a_vendor_sends_the_case_to_the_vendor_company(Person person)
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel2);
        var ticket = builder.InState(TicketState.EnProceso);

        ticket.Escalate(Actors.Of(person), "N3-FABRICANTE", "Equipo en garantía del fabricante.", Actors.VendorCompany, builder.Tick());

        (ticket.Level, ticket.VendorCompanyId).Should().Be((SupportLevel.Nivel3, Actors.VendorCompany.Id));
    }

    [Fact]
    public void From_level_2_the_specialist_takes_a_case_straight_to_the_Ejecutivo_de_la_UTI_with_a_row_4_criterion()
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel2);
        var ticket = builder.InState(TicketState.EnProceso);

        ticket.Escalate(Actors.Specialist, "N4-DECISION", "Requiere aprobar la compra de un equipo.", Actors.VendorCompany, builder.Tick());

        (ticket.Level, ticket.State, ticket.VendorCompanyId).Should().Be((SupportLevel.Nivel4, TicketState.EnCola, (int?)null),
            "no vendor is involved on the way to the Ejecutivo");
        (ticket.History[^1].FromLevel, ticket.History[^1].ToLevel).Should().Be((SupportLevel.Nivel2, SupportLevel.Nivel4));
    }

    public static TheoryData<SupportLevel, TicketState, Person, SupportLevel[]> RoutesOffered() => new()
    {
        // level, state (En proceso: held by the worker of the level), who asks, where the escalation dialog may send it
        { SupportLevel.Nivel1, TicketState.EnProceso, Person.Technician, [SupportLevel.Nivel2] },
        { SupportLevel.Nivel1, TicketState.EnProceso, Person.OtherTechnician, [] },
        { SupportLevel.Nivel1, TicketState.EnCola, Person.OtherTechnician, [SupportLevel.Nivel2] },
        { SupportLevel.Nivel1, TicketState.EnProceso, Person.Supervisor, [SupportLevel.Nivel2] },
        { SupportLevel.Nivel1, TicketState.EnProceso, Person.Specialist, [] },
        { SupportLevel.Nivel2, TicketState.EnProceso, Person.Specialist, [SupportLevel.Nivel3, SupportLevel.Nivel4] },
        { SupportLevel.Nivel2, TicketState.EnProceso, Person.OtherSpecialist, [] },
        { SupportLevel.Nivel2, TicketState.EnProceso, Person.Supervisor, [SupportLevel.Nivel3, SupportLevel.Nivel4] },
        { SupportLevel.Nivel2, TicketState.EnProceso, Person.Technician, [] },
        { SupportLevel.Nivel2, TicketState.EnCola, Person.System, [] },
        { SupportLevel.Nivel3, TicketState.EnProceso, Person.OtherSpecialist, [SupportLevel.Nivel4] },
        { SupportLevel.Nivel3, TicketState.EnProceso, Person.Supervisor, [SupportLevel.Nivel4] },
        { SupportLevel.Nivel3, TicketState.EnProceso, Person.Vendor, [] },
        { SupportLevel.Nivel3, TicketState.EnCola, Person.System, [] },
        { SupportLevel.Nivel4, TicketState.EnProceso, Person.Supervisor, [SupportLevel.DireccionEjecutiva] },
        { SupportLevel.Nivel4, TicketState.EnProceso, Person.Specialist, [] },
        { SupportLevel.DireccionEjecutiva, TicketState.EnProceso, Person.Supervisor, [] },
        { SupportLevel.Nivel2, TicketState.Resuelto, Person.Supervisor, [] },
    };

    [Theory]
    [MemberData(nameof(RoutesOffered))]
    public void The_escalation_offers_each_person_the_destinations_the_matrix_lets_them_send_the_ticket_to(
        SupportLevel level, TicketState state, Person person, SupportLevel[] destinations)
    {
        var ticket = new TicketBuilder().AtLevel(level).InState(state);

        ticket.EscalationRoutes(Actors.Of(person)).Select(r => r.To).Should().Equal(destinations);
        ticket.AllowedActions(Actors.Of(person)).Contains(TicketAction.Escalar).Should().Be(destinations.Length > 0);
    }

    [Theory]
    [InlineData("NO-EXISTE")]
    [InlineData("n1-recursos")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_criterion_is_refused(string? code)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);

        var act = () => ticket.Escalate(Actors.Technician, code!, "Motivo", null, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage("Elija un criterio de escalamiento de Nivel 1 · Soporte técnico.");
        ticket.Level.Should().Be(SupportLevel.Nivel1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData(null)]
    public void Escalating_without_reason_is_refused(string? reason)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.Escalate(Actors.Technician, "N1-RECURSOS", reason!, null, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage("Complete el motivo del escalamiento.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Fact]
    public void A_reason_longer_than_the_limit_is_refused_and_one_at_the_limit_is_kept()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var before = TicketSnapshot.Of(ticket);

        var tooLong = () => ticket.Escalate(Actors.Technician, "N1-RECURSOS", new string('x', TicketLimits.ReasonMaxLength + 1), null, builder.Tick());

        tooLong.Should().Throw<DomainException>().WithMessage($"Escriba como máximo {TicketLimits.ReasonMaxLength} caracteres en el motivo del escalamiento.");
        TicketSnapshot.Of(ticket).Should().Be(before);

        ticket.Escalate(Actors.Technician, "N1-RECURSOS", new string('x', TicketLimits.ReasonMaxLength), null, builder.Tick());
        ticket.History[^1].Reason.Should().HaveLength(TicketLimits.ReasonMaxLength);
    }

    [Fact]
    public void Escalating_to_level_3_without_a_vendor_company_is_refused()
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel2);
        var ticket = builder.InState(TicketState.EnProceso);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.Escalate(Actors.Specialist, "N2-INFRAESTRUCTURA", "Equipo en garantía.", null, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage("Para escalar al Nivel 3 indique la empresa proveedora.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Fact]
    public void Escalating_to_level_3_hands_the_ticket_to_the_vendor_company()
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel2);
        var ticket = builder.InState(TicketState.EnProceso);

        ticket.Escalate(Actors.Specialist, "N2-INFRAESTRUCTURA", "Equipo en garantía.", Actors.OtherVendorCompany, builder.Tick());

        ticket.Level.Should().Be(SupportLevel.Nivel3);
        (ticket.VendorCompanyId, ticket.VendorCompanyName).Should().Be((Actors.OtherVendorCompany.Id, Actors.OtherVendorCompany.Name));
        ticket.State.Should().Be(TicketState.EnCola);
        ticket.AssigneeId.Should().BeNull();
        ticket.History[^1].ToAssignee.Should().Be(Actors.OtherVendorCompany.Name);
    }

    [Fact]
    public void A_vendor_named_when_escalating_to_level_2_is_ignored()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);

        ticket.Escalate(Actors.Technician, "N1-RECURSOS", "Necesita un especialista.", Actors.VendorCompany, builder.Tick());

        ticket.Level.Should().Be(SupportLevel.Nivel2);
        ticket.VendorCompanyId.Should().BeNull();
        ticket.History[^1].ToAssignee.Should().BeNull();
    }

    [Fact]
    public void Escalating_puts_the_ticket_unassigned_in_the_next_levels_queue_and_records_why()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var (version, entries) = (ticket.Version, ticket.History.Count);
        var (firstResponseDue, resolutionDue) = (ticket.FirstResponseDueUtc, ticket.ResolutionDueUtc);
        var now = builder.Tick();

        ticket.Escalate(Actors.Technician, "N1-RECURSOS", "  No hay repuesto en el almacén.  ", null, now);

        (ticket.Level, ticket.State, ticket.AssigneeId, ticket.AssigneeName)
            .Should().Be((SupportLevel.Nivel2, TicketState.EnCola, (string?)null, (string?)null));
        ticket.Version.Should().Be(version + 1);
        ticket.History.Should().HaveCount(entries + 1);
        var entry = ticket.History[^1];
        entry.Action.Should().Be(TicketAction.Escalar);
        (entry.ActorId, entry.AtUtc).Should().Be((Actors.Technician.UserId, now));
        (entry.FromLevel, entry.ToLevel).Should().Be((SupportLevel.Nivel1, SupportLevel.Nivel2));
        (entry.FromState, entry.ToState).Should().Be((TicketState.EnProceso, TicketState.EnCola));
        entry.CriterionCode.Should().Be("N1-RECURSOS");
        entry.Reason.Should().Be("No hay repuesto en el almacén.");
        entry.FromAssignee.Should().Be(Actors.Technician.Name);
        (ticket.FirstResponseDueUtc, ticket.ResolutionDueUtc).Should().Be((firstResponseDue, resolutionDue), "escalating does not restart the SLA");
    }

    [Fact]
    public void A_ticket_climbs_1_2_3_4_Direccion_Ejecutiva_by_the_responsible_of_each_level_and_no_further()
    {
        var builder = new TicketBuilder();
        var ticket = builder.Registered();

        ticket.Take(Actors.Technician, builder.Tick());
        ticket.Escalate(Actors.Technician, "N1-RECURSOS", "Falla del servidor.", null, builder.Tick());
        ticket.Level.Should().Be(SupportLevel.Nivel2);
        ticket.Take(Actors.Specialist, builder.Tick());
        ticket.Escalate(Actors.Specialist, "N2-INFRAESTRUCTURA", "Servidor en garantía.", Actors.VendorCompany, builder.Tick());
        ticket.Level.Should().Be(SupportLevel.Nivel3);
        ticket.Take(Actors.Vendor, builder.Tick());
        ticket.Escalate(Actors.Specialist, "N4-IMPACTO", "El proveedor no responde y la sede sigue sin servicio.", null, builder.Tick());
        ticket.Level.Should().Be(SupportLevel.Nivel4);
        ticket.Take(Actors.Supervisor, builder.Tick());
        ticket.Escalate(Actors.Supervisor, "N4-DECISION", "Requiere aprobar la compra de un servidor.", null, builder.Tick());
        ticket.Level.Should().Be(SupportLevel.DireccionEjecutiva);

        ticket.History.Where(h => h.Action == TicketAction.Escalar).Select(h => (h.FromLevel, h.ToLevel)).Should().Equal(
            (SupportLevel.Nivel1, SupportLevel.Nivel2), (SupportLevel.Nivel2, SupportLevel.Nivel3),
            (SupportLevel.Nivel3, SupportLevel.Nivel4), (SupportLevel.Nivel4, SupportLevel.DireccionEjecutiva));
        foreach (var person in Enum.GetValues<Person>())
            ticket.AllowedActions(Actors.Of(person)).Should().NotContain(TicketAction.Escalar);
        var before = TicketSnapshot.Of(ticket);
        var further = () => ticket.Escalate(Actors.Supervisor, "N4-DECISION", "Más arriba.", null, builder.Tick());
        further.Should().Throw<DomainException>();
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Fact]
    public void Escalating_beyond_Direccion_Ejecutiva_is_refused_because_it_is_the_top_not_for_lack_of_permission()
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.DireccionEjecutiva);
        var ticket = builder.InState(TicketState.EnProceso);

        var act = () => ticket.Escalate(Actors.Supervisor, "N4-DECISION", "Más arriba.", null, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage("El ticket ya está en el nivel más alto.");
    }

    [Fact]
    public void The_technician_holding_a_ticket_escalates_it_but_another_technician_cannot()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);

        var byOther = () => ticket.Escalate(Actors.OtherTechnician, "N1-RECURSOS", "Motivo", null, builder.Tick());
        byOther.Should().Throw<DomainException>().WithMessage("No tiene permiso para escalar este ticket*");

        ticket.Escalate(Actors.Technician, "N1-RECURSOS", "Motivo", null, builder.Tick());
        ticket.Level.Should().Be(SupportLevel.Nivel2);
    }

    [Fact]
    public void Any_technician_may_escalate_an_unassigned_level_1_ticket()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnCola);

        ticket.Escalate(Actors.OtherTechnician, "N1-IMPACTO", "Afecta a toda la sede.", null, builder.Tick());

        ticket.Level.Should().Be(SupportLevel.Nivel2);
    }

    [Fact]
    public void A_specialist_escalates_a_vendor_ticket_whoever_holds_it()
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel3);
        var ticket = builder.InState(TicketState.EnProceso);
        ticket.AssigneeId.Should().Be(Actors.Vendor.UserId);

        ticket.Escalate(Actors.OtherSpecialist, "N4-IMPACTO", "El proveedor incumple su SLA.", null, builder.Tick());

        ticket.Level.Should().Be(SupportLevel.Nivel4);
        ticket.History[^1].FromAssignee.Should().Be(Actors.Vendor.Name);
    }

    [Fact]
    public void A_technician_cannot_escalate_a_level_2_ticket()
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel2);
        var ticket = builder.InState(TicketState.EnCola);
        var act = () => ticket.Escalate(Actors.Technician, "N2-AREAS", "Motivo", Actors.VendorCompany, builder.Tick());
        act.Should().Throw<DomainException>().WithMessage("No tiene permiso para escalar este ticket*");
    }

    [Fact]
    public void The_system_escalates_only_from_level_1_the_route_of_the_SLA_engine()
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel2);
        var ticket = builder.InState(TicketState.EnCola);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.Escalate(Actor.System, "N2-CONOCIMIENTO", "Se superó el tiempo de resolución.", Actors.VendorCompany, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage("No tiene permiso para escalar este ticket*");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Fact]
    public void The_system_escalates_a_level_1_ticket_when_the_standard_time_passes()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);

        ticket.Escalate(Actor.System, EscalationMatrix.NoProgressCriterionCode, "Se superó el tiempo de resolución.", null, builder.Tick());

        ticket.Level.Should().Be(SupportLevel.Nivel2);
        (ticket.History[^1].ActorId, ticket.History[^1].CriterionCode).Should().Be(("sistema", "N1-TIEMPO"));
    }
}

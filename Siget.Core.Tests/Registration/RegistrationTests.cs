using Microsoft.Extensions.Time.Testing;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Sla;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Registration;

public class RegistrationTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(TicketBuilder.Start)); // never advanced
    private static DateTime Now => Clock.GetUtcNow().UtcDateTime;

    private static NewTicket Data(Channel channel, Actor requester, string? subject = "Sin internet",
        string? description = "No hay conexión en el Tambo desde la mañana.", TicketKind kind = TicketKind.Incidencia,
        OperatingImpact impact = OperatingImpact.Total, bool alternative = false, bool preferential = true) =>
        new(kind, channel, 21, subject!, description!, impact, alternative,
            new TicketRequester(requester.UserId, requester.Name, 9, "Tambo Paucartambo (Cusco)", preferential));

    private static Ticket Register(NewTicket data, Actor by, DateTime? at = null, SlaPolicy? sla = null) =>
        Ticket.Register(new TicketNumber(2026, 123), data, by, at ?? Now, sla ?? TicketBuilder.Sla);

    [Fact]
    public void A_registered_ticket_starts_in_the_level_1_queue_at_version_1_with_one_Registrar_entry()
    {
        var t = Register(Data(Channel.Telefono, Actors.Requester), Actors.Technician);

        t.Number.Should().Be("2026-000123");
        (t.Year, t.Sequence).Should().Be((2026, 123));
        (t.State, t.Level, t.Version).Should().Be((TicketState.EnCola, SupportLevel.Nivel1, 1L));
        (t.AssigneeId, t.VendorCompanyId, t.FirstResponseAtUtc, t.ResolvedAtUtc, t.ClosedAtUtc, t.Solution)
            .Should().Be(((string?)null, (int?)null, (DateTime?)null, (DateTime?)null, (DateTime?)null, (string?)null));
        (t.RegisteredAtUtc, t.UpdatedAtUtc).Should().Be((Now, Now));
        t.IsOpen.Should().BeTrue();

        var entry = t.History.Should().ContainSingle().Subject;
        entry.Action.Should().Be(TicketAction.Registrar);
        (entry.ActorId, entry.ActorName, entry.AtUtc).Should().Be((Actors.Technician.UserId, Actors.Technician.Name, Now));
        (entry.FromState, entry.ToState, entry.ToLevel).Should().Be(((TicketState?)null, TicketState.EnCola, SupportLevel.Nivel1));
        entry.Reason.Should().Be($"Canal: Teléfono · Para {Actors.Requester.Name} · Prioridad Alta", "registered on the requester's behalf");
        Register(Data(Channel.Intranet, Actors.Requester), Actors.Requester).History.Single().Reason
            .Should().Be("Canal: Intranet · Prioridad Alta", "who registered it is who asked");
    }

    [Fact]
    public void The_ticket_keeps_what_was_said_at_registration()
    {
        var t = Register(Data(Channel.CorreoElectronico, Actors.Requester), Actors.Specialist);

        (t.Kind, t.Channel, t.SubcategoryCode).Should().Be((TicketKind.Incidencia, Channel.CorreoElectronico, 21));
        (t.Subject, t.Description).Should().Be(("Sin internet", "No hay conexión en el Tambo desde la mañana."));
        (t.Impact, t.AlternativeAvailable, t.Preferential).Should().Be((OperatingImpact.Total, false, true));
        (t.RequesterId, t.RequesterName, t.UnitId, t.UnitName)
            .Should().Be((Actors.Requester.UserId, Actors.Requester.Name, 9, "Tambo Paucartambo (Cusco)"));
        (t.RegisteredById, t.RegisteredByName).Should().Be((Actors.Specialist.UserId, Actors.Specialist.Name));
    }

    [Theory]
    [InlineData(Channel.Intranet)]
    [InlineData(Channel.Sismonitor)]
    public void A_requester_registers_their_own_ticket_through_Intranet_or_SISMONITOR(Channel channel)
    {
        var t = Register(Data(channel, Actors.Requester), Actors.Requester);

        (t.Channel, t.RequesterId, t.RegisteredById).Should().Be((channel, Actors.Requester.UserId, Actors.Requester.UserId));
    }

    [Theory]
    [InlineData(Channel.Telefono)]
    [InlineData(Channel.Presencial)]
    [InlineData(Channel.CorreoElectronico)]
    public void A_requester_cannot_register_through_the_staff_channels(Channel channel)
    {
        var act = () => Register(Data(channel, Actors.Requester), Actors.Requester);
        act.Should().Throw<DomainException>().WithMessage("Desde el portal solo se registran tickets por Intranet o SISMONITOR.");
    }

    [Theory]
    [InlineData(Channel.Intranet)]
    [InlineData(Channel.Sismonitor)]
    public void A_requester_cannot_register_in_someone_elses_name(Channel channel)
    {
        var act = () => Register(Data(channel, Actors.OtherRequester), Actors.Requester);
        act.Should().Throw<DomainException>().WithMessage("Solo puede registrar tickets a su propio nombre.");
    }

    [Fact]
    public void A_requester_cannot_register_a_problem()
    {
        var act = () => Register(Data(Channel.Intranet, Actors.Requester, kind: TicketKind.Problema), Actors.Requester);
        act.Should().Throw<DomainException>().WithMessage("Los problemas los registra el personal de la UTI.");
    }

    public static TheoryData<Person, Channel> StaffAndTheirChannels()
    {
        var data = new TheoryData<Person, Channel>();
        foreach (var person in new[] { Person.Technician, Person.Specialist, Person.Supervisor })
            foreach (var channel in new[] { Channel.Telefono, Channel.Presencial, Channel.CorreoElectronico })
                data.Add(person, channel);
        return data;
    }

    [Theory]
    [MemberData(nameof(StaffAndTheirChannels))]
    public void UTI_staff_register_phone_walk_in_and_email_tickets_for_others(Person person, Channel channel)
    {
        var t = Register(Data(channel, Actors.Requester, kind: TicketKind.Problema), Actors.Of(person));

        (t.Channel, t.Kind, t.RequesterId, t.RegisteredById).Should().Be((channel, TicketKind.Problema, Actors.Requester.UserId, Actors.Of(person).UserId));
    }

    [Theory]
    [InlineData(Person.Technician, Channel.Intranet)]
    [InlineData(Person.Technician, Channel.Sismonitor)]
    [InlineData(Person.Specialist, Channel.Intranet)]
    [InlineData(Person.Specialist, Channel.Sismonitor)]
    [InlineData(Person.Supervisor, Channel.Intranet)]
    [InlineData(Person.Supervisor, Channel.Sismonitor)]
    public void UTI_staff_do_not_register_self_service_tickets(Person person, Channel channel)
    {
        var act = () => Register(Data(channel, Actors.Requester), Actors.Of(person));
        act.Should().Throw<DomainException>().WithMessage("El personal de la UTI registra tickets recibidos por teléfono, en forma presencial o por correo electrónico.");
    }

    [Theory]
    [InlineData(Person.Vendor, Channel.Telefono)]
    [InlineData(Person.Administrator, Channel.Telefono)]
    [InlineData(Person.Administrator, Channel.Intranet)]
    public void Vendors_and_administrators_do_not_register_tickets(Person person, Channel channel)
    {
        var act = () => Register(Data(channel, Actors.Requester), Actors.Of(person));
        act.Should().Throw<DomainException>().WithMessage("Su rol no permite registrar tickets.");
    }

    [Fact]
    public void The_system_registers_tickets_arriving_from_SISMONITOR_through_the_API()
    {
        var t = Register(Data(Channel.Sismonitor, Actors.Requester), Actor.System);
        (t.RegisteredById, t.RequesterId).Should().Be(("sistema", Actors.Requester.UserId));
    }

    [Theory]
    [InlineData("", "Descripción", "Complete el asunto.")]
    [InlineData("   ", "Descripción", "Complete el asunto.")]
    [InlineData(null, "Descripción", "Complete el asunto.")]
    [InlineData("Asunto", "", "Complete la descripción.")]
    [InlineData("Asunto", " \n ", "Complete la descripción.")]
    [InlineData("Asunto", null, "Complete la descripción.")]
    public void Subject_and_description_are_required(string? subject, string? description, string message)
    {
        var act = () => Register(Data(Channel.Telefono, Actors.Requester, subject, description), Actors.Technician);
        act.Should().Throw<DomainException>().WithMessage(message);
    }

    [Fact]
    public void Subject_and_description_are_bounded_and_trimmed()
    {
        var longSubject = () => Register(Data(Channel.Telefono, Actors.Requester, subject: new string('a', TicketLimits.SubjectMaxLength + 1)), Actors.Technician);
        longSubject.Should().Throw<DomainException>().WithMessage("Escriba como máximo 150 caracteres en el asunto.");
        var longDescription = () => Register(Data(Channel.Telefono, Actors.Requester, description: new string('a', TicketLimits.DescriptionMaxLength + 1)), Actors.Technician);
        longDescription.Should().Throw<DomainException>().WithMessage("Escriba como máximo 4000 caracteres en la descripción.");

        var atLimits = Register(Data(Channel.Telefono, Actors.Requester, new string('a', 150), new string('b', 4000)), Actors.Technician);
        (atLimits.Subject.Length, atLimits.Description.Length).Should().Be((150, 4000));
        var padded = Register(Data(Channel.Telefono, Actors.Requester, "  Sin internet  ", "\n Cae la red. \n"), Actors.Technician);
        (padded.Subject, padded.Description).Should().Be(("Sin internet", "Cae la red."));
    }

    [Fact]
    public void Unknown_channel_kind_or_impact_is_refused()
    {
        var channel = () => Register(Data((Channel)9, Actors.Requester), Actors.Technician);
        channel.Should().Throw<DomainException>().WithMessage("Indique el canal por el que llegó el ticket.");
        var kind = () => Register(Data(Channel.Telefono, Actors.Requester, kind: (TicketKind)0), Actors.Technician);
        kind.Should().Throw<DomainException>().WithMessage("Indique el tipo de ticket.");
        var impact = () => Register(Data(Channel.Telefono, Actors.Requester, impact: (OperatingImpact)7), Actors.Technician);
        impact.Should().Throw<DomainException>().WithMessage("Indique el impacto en la capacidad operativa.");
    }

    // Registered Wednesday 25 Nov 2026 10:00 Lima, a plain working week:
    //   Alta   1 h / 4 h   → Wed 11:00 / Wed 14:00
    //   Media  4 h / 16 h  → Wed 14:00 / Wed 7.5 h + Thu 8.5 h = Thu 17:00
    //   Baja   8 h / 40 h  → Wed 7.5 h + Thu 0.5 h = Thu 09:00 / 7.5 + 9 (Thu) + 9 (Fri) + 9 (Mon 30) = 34.5, + 5.5 h → Tue 1 Dec 14:00
    [Theory]
    [InlineData(OperatingImpact.Leve, true, Priority.Baja, 26, 9, 0, 12, 1, 14, 0)]
    [InlineData(OperatingImpact.Leve, false, Priority.Media, 25, 14, 0, 11, 26, 17, 0)]
    [InlineData(OperatingImpact.Parcial, true, Priority.Media, 25, 14, 0, 11, 26, 17, 0)]
    [InlineData(OperatingImpact.Parcial, false, Priority.Alta, 25, 11, 0, 11, 25, 14, 0)]
    [InlineData(OperatingImpact.Total, true, Priority.Media, 25, 14, 0, 11, 26, 17, 0)]
    [InlineData(OperatingImpact.Total, false, Priority.Alta, 25, 11, 0, 11, 25, 14, 0)]
    public void Priority_follows_from_the_two_questions_and_the_clocks_from_the_priority(
        OperatingImpact impact, bool alternative, Priority priority,
        int firstDay, int firstHour, int firstMinute, int resolutionMonth, int resolutionDay, int resolutionHour, int resolutionMinute)
    {
        var t = Register(Data(Channel.Telefono, Actors.Requester, impact: impact, alternative: alternative), Actors.Technician);

        t.Priority.Should().Be(priority);
        t.FirstResponseDueUtc.Should().Be(Lima.At(2026, 11, firstDay, firstHour, firstMinute));
        t.ResolutionDueUtc.Should().Be(Lima.At(2026, resolutionMonth, resolutionDay, resolutionHour, resolutionMinute));
        t.NextDueUtc.Should().Be(t.FirstResponseDueUtc);
    }

    [Fact]
    public void A_high_priority_ticket_phoned_in_on_Friday_at_17_00_is_due_on_Monday()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.FromHours(-5)));

        var t = Register(Data(Channel.Telefono, Actors.Requester), Actors.Technician, clock.GetUtcNow().UtcDateTime);

        t.Priority.Should().Be(Priority.Alta);
        t.FirstResponseDueUtc.Should().Be(Lima.At(2026, 11, 30, 9));   // 30 min on Friday + 30 min on Monday
        t.ResolutionDueUtc.Should().Be(Lima.At(2026, 11, 30, 12));     // 30 min on Friday + 3 h 30 on Monday
    }

    [Fact]
    public void A_ticket_registered_on_Saturday_starts_counting_on_Monday_at_08_30()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 22, 15, 0, TimeSpan.FromHours(-5)));

        var t = Register(Data(Channel.Intranet, Actors.Requester), Actors.Requester, clock.GetUtcNow().UtcDateTime);

        t.RegisteredAtUtc.Should().Be(Lima.At(2026, 11, 28, 22, 15));
        t.FirstResponseDueUtc.Should().Be(Lima.At(2026, 11, 30, 9, 30));
        t.ResolutionDueUtc.Should().Be(Lima.At(2026, 11, 30, 12, 30));
    }

    [Fact]
    public void The_clocks_use_the_targets_of_the_policy_given()
    {
        var tight = new SlaPolicy(new SlaTargets(
            new SlaTarget(TimeSpan.FromMinutes(15), TimeSpan.FromHours(2)),
            new SlaTarget(TimeSpan.FromHours(1), TimeSpan.FromHours(8)),
            new SlaTarget(TimeSpan.FromHours(2), TimeSpan.FromHours(24))), TicketBuilder.Calendar);

        var t = Register(Data(Channel.Telefono, Actors.Requester), Actors.Technician, Lima.At(2026, 11, 27, 17), tight);

        t.FirstResponseDueUtc.Should().Be(Lima.At(2026, 11, 27, 17, 15));
        t.ResolutionDueUtc.Should().Be(Lima.At(2026, 11, 30, 10));     // 30 min on Friday + 1 h 30 on Monday
    }
}

using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Core.Tests;

public class RegistrationAndNumberingTests
{
    private static NewTicket Data(Channel channel, Actor requester, string subject = "Sin internet", string description = "No hay conexión en el Tambo.",
        TicketKind kind = TicketKind.Incidencia) =>
        new(kind, channel, 21, subject, description, OperatingImpact.Total, false,
            new TicketRequester(requester.UserId, requester.Name, 9, "Tambo Paucartambo (Cusco)", true));

    [Fact]
    public void A_registered_ticket_starts_in_the_level_1_queue_with_one_history_entry_and_its_clocks()
    {
        var t = Ticket.Register(new TicketNumber(2026, 123), Data(Channel.Telefono, Actors.Requester), Actors.Technician, TicketBuilder.Now, TicketBuilder.Sla);

        t.Number.Should().Be("2026-000123");
        (t.State, t.Level, t.Version, t.Priority, t.Preferential).Should().Be((TicketState.EnCola, SupportLevel.Nivel1, 1L, Priority.Alta, true));
        t.RequesterId.Should().Be(Actors.Requester.UserId);
        t.RegisteredById.Should().Be(Actors.Technician.UserId);
        t.FirstResponseDueUtc.Should().Be(TicketBuilder.Now.AddHours(1));
        t.ResolutionDueUtc.Should().Be(TicketBuilder.Now.AddHours(4));
        t.History.Should().ContainSingle().Which.Action.Should().Be(TicketAction.Registrar);
    }

    [Theory]
    [InlineData(Channel.Telefono)]
    [InlineData(Channel.Presencial)]
    [InlineData(Channel.CorreoElectronico)]
    public void A_requester_registers_only_through_the_self_service_channels(Channel channel)
    {
        var act = () => Ticket.Register(new TicketNumber(2026, 1), Data(channel, Actors.Requester), Actors.Requester, TicketBuilder.Now, TicketBuilder.Sla);
        act.Should().Throw<DomainException>().WithMessage("*Intranet o SISMONITOR*");
        Ticket.Register(new TicketNumber(2026, 1), Data(Channel.Intranet, Actors.Requester), Actors.Requester, TicketBuilder.Now, TicketBuilder.Sla)
            .Channel.Should().Be(Channel.Intranet);
    }

    [Fact]
    public void A_requester_cannot_register_for_someone_else_nor_a_problem()
    {
        var forOther = () => Ticket.Register(new TicketNumber(2026, 1), Data(Channel.Intranet, Actors.OtherRequester), Actors.Requester, TicketBuilder.Now, TicketBuilder.Sla);
        forOther.Should().Throw<DomainException>().WithMessage("*a su propio nombre*");
        var problem = () => Ticket.Register(new TicketNumber(2026, 1), Data(Channel.Intranet, Actors.Requester, kind: TicketKind.Problema), Actors.Requester, TicketBuilder.Now, TicketBuilder.Sla);
        problem.Should().Throw<DomainException>();
    }

    [Fact]
    public void Staff_register_phone_walk_in_and_email_tickets_but_not_intranet_ones_and_vendors_register_none()
    {
        var intranet = () => Ticket.Register(new TicketNumber(2026, 1), Data(Channel.Intranet, Actors.Requester), Actors.Technician, TicketBuilder.Now, TicketBuilder.Sla);
        intranet.Should().Throw<DomainException>();
        var vendor = () => Ticket.Register(new TicketNumber(2026, 1), Data(Channel.Telefono, Actors.Requester), Actors.Vendor, TicketBuilder.Now, TicketBuilder.Sla);
        vendor.Should().Throw<DomainException>().WithMessage("Su rol no permite registrar tickets.");
    }

    [Theory]
    [InlineData("", "Descripción", "Complete el asunto.")]
    [InlineData("Asunto", " ", "Complete la descripción.")]
    public void Subject_and_description_are_required(string subject, string description, string message)
    {
        var act = () => Ticket.Register(new TicketNumber(2026, 1), Data(Channel.Telefono, Actors.Requester, subject, description), Actors.Technician, TicketBuilder.Now, TicketBuilder.Sla);
        act.Should().Throw<DomainException>().WithMessage(message);
    }

    [Fact]
    public void Texts_longer_than_their_limits_are_refused_and_others_are_trimmed()
    {
        var longSubject = () => Ticket.Register(new TicketNumber(2026, 1), Data(Channel.Telefono, Actors.Requester, new string('a', TicketLimits.SubjectMaxLength + 1)), Actors.Technician, TicketBuilder.Now, TicketBuilder.Sla);
        longSubject.Should().Throw<DomainException>().WithMessage("*150 caracteres en el asunto.");
        var longDescription = () => Ticket.Register(new TicketNumber(2026, 1), Data(Channel.Telefono, Actors.Requester, description: new string('a', TicketLimits.DescriptionMaxLength + 1)), Actors.Technician, TicketBuilder.Now, TicketBuilder.Sla);
        longDescription.Should().Throw<DomainException>().WithMessage("*4000 caracteres en la descripción.");
        Ticket.Register(new TicketNumber(2026, 1), Data(Channel.Telefono, Actors.Requester, "  Sin internet  "), Actors.Technician, TicketBuilder.Now, TicketBuilder.Sla)
            .Subject.Should().Be("Sin internet");
    }

    [Theory]
    [InlineData(2026, 1, "2026-000001")]
    [InlineData(2026, 123, "2026-000123")]
    [InlineData(2027, 1234567, "2027-1234567")]
    public void Ticket_numbers_are_a_readable_yearly_sequence(int year, int sequence, string text)
    {
        var number = new TicketNumber(year, sequence);
        number.ToString().Should().Be(text);
        TicketNumber.TryParse(text, out var parsed).Should().BeTrue();
        parsed.Should().Be(number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-12")]
    [InlineData("26-000001")]
    [InlineData("2026-00000A")]
    [InlineData("2026-000000")]
    [InlineData("abcd-000001")]
    public void Garbage_is_not_a_ticket_number(string? text)
    {
        TicketNumber.TryParse(text, out _).Should().BeFalse();
    }
}

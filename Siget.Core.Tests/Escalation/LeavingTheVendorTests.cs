using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Escalation;

/// <summary>
/// Leaving the vendor level ends the vendor's assignment (issue 16 item 30): whichever way a ticket leaves Nivel 3, no
/// vendor holds it any more, while the vendor keeps its read-only view (frozen when it left) and the history keeps
/// who held it.
/// </summary>
public class LeavingTheVendorTests
{
    /// <summary>Every way out of level 3: escalated or sent back, to a queue or to a person.</summary>
    public static TheoryData<string> WaysOut() => new() { "escalado a la cola", "escalado a una persona", "devuelto a Nivel 2", "devuelto a un especialista", "devuelto a Nivel 1" };

    private static void Leave(Ticket ticket, string way, DateTime now)
    {
        switch (way)
        {
            case "escalado a la cola": ticket.Escalate(Actors.Specialist, "N4-IMPACTO", "El proveedor no responde.", null, now); break;
            case "escalado a una persona": ticket.Escalate(Actors.Supervisor, "N4-DECISION", "Requiere una compra.", null, now, Actors.OtherSupervisor); break;
            case "devuelto a Nivel 2": ticket.SendBack(Actors.Supervisor, SupportLevel.Nivel2, "Lo resuelve la UTI.", null, now); break;
            case "devuelto a un especialista": ticket.SendBack(Actors.Supervisor, SupportLevel.Nivel2, "Lo resuelve la UTI.", null, now, Actors.OtherSpecialist); break;
            default: ticket.SendBack(Actors.Supervisor, SupportLevel.Nivel1, "Es un cambio de tóner.", null, now); break;
        }
    }

    [Theory]
    [MemberData(nameof(WaysOut))]
    public void Once_it_leaves_level_3_no_vendor_holds_the_ticket(string way)
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel3);
        var ticket = builder.InState(TicketState.EnProceso);
        ticket.HolderLabel.Should().Be(Actors.Vendor.Name);
        ticket.HoldingVendorName.Should().Be(Actors.VendorCompany.Name);
        var left = builder.Tick();

        Leave(ticket, way, left);

        ticket.HoldingVendorName.Should().BeNull();
        ticket.AssigneeId.Should().NotBe(Actors.Vendor.UserId);
        ticket.HolderLabel.Should().Be(ticket.AssigneeName ?? "Sin asignar").And.NotContain(Actors.VendorCompany.Name);
        ticket.History[^1].FromAssignee.Should().Be(Actors.Vendor.Name, "the history keeps who held it");
        TicketAccess.CanSee(Actors.Vendor, ticket).Should().BeTrue("the vendor keeps its read-only view");
        ticket.VisibleUntilUtc(Actors.Vendor).Should().Be(left, "frozen at the moment it left");
        ticket.MayReadInternalNotes(Actors.Vendor).Should().BeFalse();
        ticket.MayReplyPublicly(Actors.Vendor).Should().BeFalse();
        foreach (var person in new[] { Person.Vendor, Person.VendorColleague })
            ticket.AllowedActions(Actors.Of(person)).Should().BeEmpty();
    }

    [Fact]
    public void At_level_3_an_untaken_ticket_is_held_by_its_vendor_company()
    {
        var ticket = new TicketBuilder().AtLevel(SupportLevel.Nivel3).InState(TicketState.EnCola);

        ticket.HolderLabel.Should().Be($"{Actors.VendorCompany.Name} (sin asignar)");
    }

    [Theory]
    [InlineData(SupportLevel.Nivel1)]
    [InlineData(SupportLevel.Nivel2)]
    [InlineData(SupportLevel.Nivel4)]
    [InlineData(SupportLevel.DireccionEjecutiva)]
    public void Outside_level_3_the_holder_is_a_person_or_nobody(SupportLevel level)
    {
        var builder = new TicketBuilder().AtLevel(level);

        builder.InState(TicketState.EnCola).HolderLabel.Should().Be("Sin asignar");
        builder.InState(TicketState.EnProceso).HolderLabel.Should().Be(Actors.WorkerAt(level).Name);
        Ticket.HoldingVendor(level, Actors.VendorCompany.Name).Should().BeNull();
    }
}

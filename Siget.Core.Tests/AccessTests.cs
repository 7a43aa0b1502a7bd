using Siget.Core.Access;
using Siget.Core.Tickets;

namespace Siget.Core.Tests;

public class AccessTests
{
    private static readonly Ticket Mine = new TicketBuilder().For(Actors.Requester).Registered();
    private static readonly Ticket Others = new TicketBuilder().For(Actors.OtherRequester).Registered();
    private static readonly Ticket TakenByTechnician = new TicketBuilder().For(Actors.OtherRequester).InState(TicketState.EnProceso);
    private static readonly Ticket AtSpecialist = new TicketBuilder().AtSpecialist();
    private static readonly Ticket AtVendor = new TicketBuilder().AtVendor();
    private static readonly Ticket[] All = [Mine, Others, TakenByTechnician, AtSpecialist, AtVendor];

    private static IEnumerable<Ticket> Visible(Actor actor) => All.AsQueryable().Where(TicketAccess.VisibleTo(actor));

    [Fact]
    public void A_requester_sees_only_their_own_tickets()
    {
        Visible(Actors.Requester).Should().Contain(Mine).And.NotContain(Others);
        Visible(Actors.Requester).Should().OnlyContain(t => t.RequesterId == Actors.Requester.UserId);
        TicketAccess.CanSee(Actors.OtherRequester, Mine).Should().BeFalse();
    }

    [Fact]
    public void A_technician_sees_level_1_but_not_the_specialists_and_vendors_tickets()
    {
        Visible(Actors.Technician).Should().BeEquivalentTo([Mine, Others, TakenByTechnician]);
    }

    [Fact]
    public void A_specialist_sees_levels_2_and_3()
    {
        Visible(Actors.Specialist).Should().BeEquivalentTo([AtSpecialist, AtVendor]);
    }

    [Fact]
    public void A_vendor_sees_only_tickets_escalated_to_its_company()
    {
        Visible(Actors.Vendor).Should().BeEquivalentTo([AtVendor]);
        Visible(Actors.OtherVendor).Should().BeEmpty();
        Visible(new Actor("p-sin", "Sin empresa", Role.Proveedor)).Should().BeEmpty();
    }

    [Fact]
    public void Supervisors_and_administrators_see_everything()
    {
        Visible(Actors.Supervisor).Should().HaveCount(All.Length);
        Visible(Actors.Administrator).Should().HaveCount(All.Length);
    }

    [Fact]
    public void Only_UTI_staff_register_tickets_for_others()
    {
        new[] { Actors.Technician, Actors.Specialist, Actors.Supervisor }.Should().OnlyContain(a => TicketAccess.MayRegisterForOthers(a));
        new[] { Actors.Requester, Actors.Vendor, Actors.Administrator }.Should().NotContain(a => TicketAccess.MayRegisterForOthers(a));
    }

    [Fact]
    public void Internal_notes_are_for_UTI_staff_and_the_vendor_user_holding_the_ticket_never_for_the_requester()
    {
        var ticket = new TicketBuilder().AtVendor();
        ticket.MayReadInternalNotes(Actors.Vendor).Should().BeFalse();
        ticket.Take(Actors.Vendor, TicketBuilder.Now.AddHours(1));
        ticket.MayReadInternalNotes(Actors.Vendor).Should().BeTrue();
        ticket.MayReadInternalNotes(Actors.Technician).Should().BeTrue();
        ticket.MayReadInternalNotes(Actors.Requester).Should().BeFalse();

        var note = () => ticket.Reply(Actors.Requester, "nota", isInternal: true, TicketBuilder.Now);
        note.Should().Throw<DomainException>();
    }
}

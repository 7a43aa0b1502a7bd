using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Access;

public class TicketAccessTests
{
    // One ticket per kind of place a ticket can be, of two requesters.
    private static readonly Ticket Mine = new TicketBuilder().For(Actors.Requester).InState(TicketState.EnCola);
    private static readonly Ticket MineClosed = new TicketBuilder().For(Actors.Requester).InState(TicketState.Finalizado);
    private static readonly Ticket OthersQueued = new TicketBuilder().For(Actors.OtherRequester).InState(TicketState.EnCola);
    private static readonly Ticket TakenByTechnician = new TicketBuilder().For(Actors.OtherRequester).InState(TicketState.EnProceso);
    private static readonly Ticket AtSpecialistQueue = new TicketBuilder().For(Actors.OtherRequester).AtLevel(SupportLevel.Nivel2).InState(TicketState.EnCola);
    private static readonly Ticket HeldBySpecialist = new TicketBuilder().For(Actors.Requester).AtLevel(SupportLevel.Nivel2).InState(TicketState.EnProceso);
    private static readonly Ticket AtVendor = new TicketBuilder().For(Actors.OtherRequester).AtLevel(SupportLevel.Nivel3).InState(TicketState.EnProceso);
    private static readonly Ticket AtOtherVendor = new TicketBuilder().For(Actors.OtherRequester).AtLevel(SupportLevel.Nivel3)
        .EscalatedTo(Actors.OtherVendorCompany).InState(TicketState.EnCola);
    private static readonly Ticket AtHeadOfUti = new TicketBuilder().For(Actors.OtherRequester).AtLevel(SupportLevel.Nivel4)
        .EscalatedTo(Actors.OtherVendorCompany).InState(TicketState.EnProceso);

    private static readonly Ticket[] All =
        [Mine, MineClosed, OthersQueued, TakenByTechnician, AtSpecialistQueue, HeldBySpecialist, AtVendor, AtOtherVendor, AtHeadOfUti];

    private static List<Ticket> Visible(Actor actor) => All.AsQueryable().Where(TicketAccess.VisibleTo(actor)).ToList();

    [Fact]
    public void A_requester_sees_only_their_own_tickets_wherever_they_are()
    {
        Visible(Actors.Requester).Should().BeEquivalentTo([Mine, MineClosed, HeldBySpecialist]);
        Visible(Actors.OtherRequester).Should().BeEquivalentTo([OthersQueued, TakenByTechnician, AtSpecialistQueue, AtVendor, AtOtherVendor, AtHeadOfUti]);
    }

    [Fact]
    public void A_technician_sees_level_1_tickets_but_not_those_escalated_away()
    {
        Visible(Actors.Technician).Should().BeEquivalentTo([Mine, MineClosed, OthersQueued, TakenByTechnician]);
        Visible(Actors.OtherTechnician).Should().BeEquivalentTo([Mine, MineClosed, OthersQueued, TakenByTechnician]);
    }

    [Fact]
    public void A_technician_also_sees_tickets_assigned_to_them_at_another_level()
    {
        // Rosa holds a level-2 ticket; had her account the Técnico role, she would still see it, and no other técnico would.
        var rosaAsTechnician = Actors.Specialist with { Role = Role.Tecnico };

        Visible(rosaAsTechnician).Should().Contain(HeldBySpecialist).And.NotContain(AtSpecialistQueue);
        Visible(Actors.Technician).Should().NotContain(HeldBySpecialist);
    }

    [Fact]
    public void A_specialist_sees_levels_2_and_3_but_not_level_1_nor_the_head_of_UTI()
    {
        Visible(Actors.Specialist).Should().BeEquivalentTo([AtSpecialistQueue, HeldBySpecialist, AtVendor, AtOtherVendor]);
        Visible(Actors.OtherSpecialist).Should().BeEquivalentTo([AtSpecialistQueue, HeldBySpecialist, AtVendor, AtOtherVendor]);
    }

    [Fact]
    public void A_specialist_also_sees_tickets_assigned_to_them_at_another_level()
    {
        // Luis holds a level-1 ticket; with the Especialista role he still sees it, and other specialists do not.
        var luisAsSpecialist = Actors.Technician with { Role = Role.Especialista };

        Visible(luisAsSpecialist).Should().Contain(TakenByTechnician).And.NotContain(OthersQueued);
        Visible(Actors.Specialist).Should().NotContain(TakenByTechnician);
    }

    [Fact]
    public void A_vendor_sees_only_tickets_escalated_to_its_company()
    {
        Visible(Actors.Vendor).Should().Contain(AtVendor).And.OnlyContain(t => t.VendorCompanyId == Actors.VendorCompany.Id);
        Visible(Actors.VendorColleague).Should().Contain(AtVendor).And.OnlyContain(t => t.VendorCompanyId == Actors.VendorCompany.Id);
        Visible(Actors.OtherVendor).Should().Contain(AtOtherVendor).And.OnlyContain(t => t.VendorCompanyId == Actors.OtherVendorCompany.Id);
        Visible(Actors.OtherVendor).Should().NotContain(AtVendor);
    }

    [Fact]
    public void A_vendor_user_without_a_company_sees_nothing()
    {
        Visible(Actors.VendorWithoutCompany).Should().BeEmpty();
    }

    [Theory]
    [InlineData(Person.Supervisor)]
    [InlineData(Person.OtherSupervisor)]
    [InlineData(Person.Administrator)]
    [InlineData(Person.System)]
    public void Supervisors_administrators_and_the_system_see_everything(Person person)
    {
        Visible(Actors.Of(person)).Should().BeEquivalentTo(All);
    }

    [Fact]
    public void CanSee_agrees_with_the_query_filter_for_everyone_and_every_ticket()
    {
        foreach (var person in Enum.GetValues<Person>())
        {
            var actor = Actors.Of(person);
            var visible = Visible(actor);
            foreach (var ticket in All)
                TicketAccess.CanSee(actor, ticket).Should().Be(visible.Contains(ticket), $"{person} and ticket at {ticket.Level} {ticket.State}");
        }
    }

    [Theory]
    [InlineData(Person.Technician, true)]
    [InlineData(Person.Specialist, true)]
    [InlineData(Person.Supervisor, true)]
    [InlineData(Person.Requester, false)]
    [InlineData(Person.Vendor, false)]
    [InlineData(Person.Administrator, false)]
    public void Only_UTI_staff_register_tickets_for_others(Person person, bool expected)
    {
        TicketAccess.MayRegisterForOthers(Actors.Of(person)).Should().Be(expected);
    }
}

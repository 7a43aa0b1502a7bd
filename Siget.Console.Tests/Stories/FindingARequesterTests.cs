using Siget.Console.Tests.Infrastructure;
using Siget.Core;

namespace Siget.Console.Tests.Stories;

/// <summary>The "Persona que solicita la atención" box of the registration form asks <see cref="Siget.Console.Services.People.PeopleDirectory"/>.</summary>
[Collection(HelpDeskCollection.Name)]
public class FindingARequesterTests(HelpDeskFixture f)
{
    [Fact]
    public async Task A_technician_finds_active_staff_by_name_or_unit_with_their_preferential_status()
    {
        var byName = await f.People.SearchRequestersAsync(f.Technician, "Castillo");
        var byUnit = await f.People.SearchRequestersAsync(f.Technician, "Paucartambo");

        byName.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Id = f.Director.UserId, FullName = "Jorge Castillo Pérez", UnitName = "Dirección Ejecutiva", Preferential = true });
        byUnit.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Id = f.TamboWorker.UserId, Display = "Raúl Ccori Mamani · Tambo Paucartambo (Cusco)", Preferential = true });
    }

    [Fact]
    public async Task Inactive_people_and_vendor_users_are_not_offered_as_requesters()
    {
        var everyone = await f.People.SearchRequestersAsync(f.Technician, null);

        everyone.Select(p => p.Id).Should().Contain(f.Requester.UserId)
            .And.NotContain(f.Inactive.UserId)
            .And.NotContain(f.Vendor.UserId)
            .And.NotContain(f.OtherVendor.UserId);
    }

    [Fact]
    public async Task A_requester_cannot_look_up_other_people()
    {
        var search = () => f.People.SearchRequestersAsync(f.Requester, "a");

        await search.Should().ThrowAsync<DomainException>().WithMessage("Solo el personal de la UTI registra tickets para otras personas.");
    }

    [Fact]
    public async Task Typing_a_name_in_lower_case_finds_the_person()
    {
        // People type "flores" or "maría" into the box; the list must not depend on capital letters.
        var found = await f.People.SearchRequestersAsync(f.Technician, "flores condori");

        found.Select(p => p.Id).Should().Equal(f.Requester.UserId);
    }
}

using Siget.Console.Live;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;

namespace Siget.Console.Tests.Live;

/// <summary>The menu's counts come from one grouped read per feed version and are, for every role, exactly what
/// each person's own count query gives.</summary>
[Collection(HelpDeskCollection.Name)]
public class SharedQueueCountsTests(HelpDeskFixture f)
{
    private SharedQueueCounts Counts => f.App.Service<SharedQueueCounts>();

    private IEnumerable<Actor> Everyone() =>
        [f.Technician, f.OtherTechnician, f.Specialist, f.OtherSpecialist, f.Supervisor, f.Vendor, f.OtherVendor, f.Requester, f.OtherRequester, f.Director];

    [Fact]
    public async Task Every_role_gets_the_counts_of_its_own_query()
    {
        var tag = HelpDeskFixture.NewTag();
        await f.RegisterAsync($"{tag} en cola", f.Requester);
        await f.TakenAsync($"{tag} de Luis");
        await f.TakenAsync($"{tag} de Ana", technician: f.OtherTechnician, requester: f.OtherRequester);
        var escalated = await f.TakenAsync($"{tag} para nivel 2");
        await f.Commands.EscalateAsync(f.Technician, escalated.Id, escalated.Version, "N1-RECURSOS", "Requiere especialista", null);

        foreach (var actor in Everyone())
            (await Counts.CountsAsync(actor)).Should().Be(await f.Queries.CountsAsync(actor), $"{actor.Role} {actor.UserId}");
    }

    [Fact]
    public async Task A_published_change_is_in_the_next_counts()
    {
        var before = await Counts.CountsAsync(f.Technician);

        await f.TakenAsync($"{HelpDeskFixture.NewTag()} nuevo de Luis");

        var after = await Counts.CountsAsync(f.Technician);
        after.Mine.Should().Be(before.Mine + 1);
        after.AllOpen.Should().Be(before.AllOpen + 1);
        after.Should().Be(await f.Queries.CountsAsync(f.Technician));
    }
}

using Microsoft.EntityFrameworkCore;
using Siget.Console.Services.Board;
using Siget.Console.Services.People;
using Siget.Console.Services.Problems;
using Siget.Console.Services.Reports;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Reports;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

/// <summary>
/// Every list of people follows the reach of the person's tickets: a vendor finds only its own company's users, a
/// técnico no vendor user, a requester nobody. Checked for every role over every query that lists people, as the
/// services answer (a screen shows only what they return).
/// </summary>
[Collection(EveryRoleCollection.Name)]
public class PeopleListsTests(EveryRoleDesk f)
{
    /// <summary>Whom each role may find, written out by hand: the role and vendor company of a listed person.</summary>
    private bool MayFind(string label, Role role, int? company) => label switch
    {
        "solicitante" => false,
        "técnico" => role != Role.Proveedor,
        "proveedor" or "colega del proveedor" => role == Role.Proveedor && company == f.VendorCompanyId,
        "otra empresa" => role == Role.Proveedor && company == f.OtherVendorCompanyId,
        _ => true, // especialista (levels 2 and 3: every vendor), supervisor, administrador
    };

    [Fact]
    public async Task No_list_of_people_shows_anyone_beyond_the_reach_of_the_person_s_tickets()
    {
        var tag = HelpDeskFixture.NewTag();
        var atLevel1 = await f.TakenAsync($"{tag} nivel 1");
        var atLevel2 = await f.TakenAsync($"{tag} nivel 2");
        atLevel2 = await f.Commands.EscalateAsync(f.Technician, atLevel2.Id, atLevel2.Version, "N1-RECURSOS", "Requiere especialista.", null);
        atLevel2 = await f.Commands.TakeAsync(f.Specialist, atLevel2.Id, atLevel2.Version);
        var atLevel3 = await f.TakenAsync($"{tag} nivel 3");
        atLevel3 = await f.Commands.EscalateAsync(f.Technician, atLevel3.Id, atLevel3.Version, "N1-RECURSOS", "Requiere especialista.", null);
        atLevel3 = await f.Commands.TakeAsync(f.Specialist, atLevel3.Id, atLevel3.Version);
        atLevel3 = await f.Commands.EscalateAsync(f.Specialist, atLevel3.Id, atLevel3.Version, "N2-INFRAESTRUCTURA", "En garantía.", f.VendorCompanyId);
        atLevel3 = await f.Commands.TakeAsync(f.Vendor, atLevel3.Id, atLevel3.Version);

        var people = await PeopleByIdAsync();
        var lists = Lists(atLevel1, atLevel2, atLevel3);
        var findings = new List<string>();
        var vendorWorkers = new List<string>();
        foreach (var (label, _, actor) in f.Everyone)
        {
            foreach (var (query, list) in lists)
            {
                IReadOnlyList<string> ids;
                try { ids = await list(actor); }
                catch (DomainException) { continue; } // refused: nothing listed
                foreach (var id in ids.Where(id => !MayFind(label, people[id].Role, people[id].Company)))
                    findings.Add($"{query} lists {people[id].Name} ({people[id].Role}) to the {label}");
                if (label == "proveedor" && query == "asignado a (filtro de la cola)") vendorWorkers.AddRange(ids);
            }
        }

        findings.Should().BeEmpty();
        vendorWorkers.Should().BeEquivalentTo([f.Vendor.UserId, f.VendorColleague.UserId], "a vendor filters by the people of its own company");
    }

    /// <summary>Every query that lists people, as the ids of the people it returns to an actor.</summary>
    private IReadOnlyList<(string Query, Func<Actor, Task<IReadOnlyList<string>>> List)> Lists(Ticket atLevel1, Ticket atLevel2, Ticket atLevel3)
    {
        var period = ReportPeriod.ThisMonth(f.App.Clock.GetUtcNow().UtcDateTime);
        async Task<IReadOnlyList<string>> Ids<T>(Task<T> query, Func<T, IEnumerable<string>> ids) => ids(await query).ToList();
        return
        [
            ("solicitante (registro)", a => Ids(f.App.Service<PeopleDirectory>().SearchRequestersAsync(a, null), r => r.Select(p => p.Id))),
            ("asignado a (filtro de la cola)", a => Ids(f.App.Service<PeopleDirectory>().WorkersAsync(a), r => r.Select(p => p.Id))),
            ("reasignar en nivel 1", a => Ids(f.App.Service<PeopleDirectory>().AssigneeCandidatesAsync(a, atLevel1), r => r.Select(p => p.Id))),
            ("reasignar en nivel 2", a => Ids(f.App.Service<PeopleDirectory>().AssigneeCandidatesAsync(a, atLevel2), r => r.Select(p => p.Id))),
            ("reasignar en nivel 3", a => Ids(f.App.Service<PeopleDirectory>().AssigneeCandidatesAsync(a, atLevel3), r => r.Select(p => p.Id))),
            ("responsable de un problema", a => Ids(f.App.Service<ProblemQueries>().OwnerCandidatesAsync(a), r => r.Select(p => p.Id))),
            ("columnas del tablero", a => Ids(f.App.Service<SupervisorBoard>().LoadAsync(a),
                b => b.Levels.SelectMany(l => l.Columns).Select(c => c.Lane.PersonId).OfType<string>())),
            ("nombres de los reportes", a => Ids(f.App.Service<ReportQueries>().LoadAsync(a, period), d => d.Names.People.Keys)),
            ("desglose por persona", a => Ids(f.App.Service<ReportQueries>().BreakdownAsync(a, period, ReportDimension.Persona),
                r => r.Rows.Select(row => row.Key))),
            ("usuarios (administración)", a => Ids(f.App.Service<UserAdministration>().ListAsync(a, new UserQuery(), 0, UserAdministration.MaxTake),
                r => r.Rows.Select(u => u.Id))),
        ];
    }

    private async Task<Dictionary<string, (string Name, Role Role, int? Company)>> PeopleByIdAsync()
    {
        await using var db = f.App.CreateDbContext();
        return await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => (u.FullName, u.Role, u.VendorCompanyId));
    }
}

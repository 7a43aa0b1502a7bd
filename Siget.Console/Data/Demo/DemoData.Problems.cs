using Siget.Console.Data;
using Siget.Console.Services.People;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Priorities;
using Siget.Core.Problems;
using Siget.Core.Sla;
using Siget.Core.Tickets;

namespace Siget.Console.Data.Demo;

public static partial class DemoData
{
    private const int OutageCode = 21; // Sin internet
    private const string RecurringOutageTambo = "Tambo Santa Rosa";

    /// <summary>Six recent "no internet" incidents at one Tambo, unlinked: the problems page suggests a problem for them.</summary>
    private static IEnumerable<Ticket> RecurringOutage(List<ApplicationUser> people, ApplicationUser[] technicians, List<Unit> units,
        SlaPolicy sla, DateTime now, Dictionary<int, int> sequences)
    {
        var tambo = units.Single(u => u.Name.StartsWith(RecurringOutageTambo, StringComparison.Ordinal));
        var requesters = people.Where(p => p.Role == Role.Usuario).Take(6).ToList();
        for (var i = 0; i < requesters.Count; i++)
        {
            var registered = sla.Calendar.AddBusinessTime(now.AddHours(-(i * 13 + 2)), TimeSpan.Zero);
            if (registered >= now) registered = now.AddMinutes(-30 - i);
            var year = sla.Calendar.ToLocal(registered).Year;
            sequences[year] = sequences.GetValueOrDefault(year) + 1;
            var requester = requesters[i];
            yield return Ticket.Register(new TicketNumber(year, sequences[year]),
                new NewTicket(TicketKind.Incidencia, Channel.Telefono, OutageCode, "Sin internet en todo el Tambo",
                    $"Sin internet en el {tambo.Name} desde la mañana. Reportado por {requester.FullName}; la antena está encendida.",
                    OperatingImpact.Total, false, new TicketRequester(requester.Id, requester.FullName, tambo.Id, tambo.Name, true)),
                technicians[i % technicians.Length].ToActor(), registered, sla);
        }
    }

    /// <summary>A problem under analysis that explains some slow-internet incidents of the demo.</summary>
    private static async Task SeedProblemAsync(SigetDbContext db, List<Ticket> tickets, ApplicationUser specialist, ApplicationUser supervisor,
        SlaPolicy sla, DateTime now, CancellationToken ct)
    {
        var slow = tickets.Where(t => t.SubcategoryCode == 19 && t.Kind == TicketKind.Incidencia && t.State != TicketState.Anulado)
            .OrderByDescending(t => t.RegisteredAtUtc).Take(4).ToList();
        if (slow.Count == 0) return;
        var opened = slow.Min(t => t.RegisteredAtUtc).AddHours(1);
        var problem = Problem.Register(sla.Calendar.ToLocal(opened).Year, 1, "Lentitud de internet en varias sedes",
            "Varias unidades y Tambos reportan páginas que cargan muy lento en horas punta. Se sospecha saturación del enlace principal.",
            19, null, null, supervisor.ToActor(), opened);
        db.Problems.Add(problem);
        await db.SaveChangesAsync(ct);
        problem.Assign(supervisor.ToActor(), specialist.ToActor(), opened.AddMinutes(20));
        foreach (var incident in slow) problem.Link(specialist.ToActor(), incident, incident.RegisteredAtUtc > opened ? incident.RegisteredAtUtc.AddMinutes(30) : opened.AddMinutes(40));
        await db.SaveChangesAsync(ct);
    }
}

using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Services.People;

public sealed record PersonOption(string Id, string FullName, string UserName, string? UnitName, Classification? Classification, bool Preferential = false)
{
    public string Display => UnitName is null ? FullName : $"{FullName} · {UnitName}";
}

public sealed record VendorOption(int Id, string Name);

public sealed record UnitOption(int Id, string Name);

/// <summary>Finds people for the forms: requesters to register for, colleagues to reassign to, vendor companies.
/// Every list of people, here and elsewhere, starts from <see cref="ListedTo"/>.</summary>
public sealed class PeopleDirectory(IDbContextFactory<SigetDbContext> dbFactory)
{
    /// <summary>The people <paramref name="actor"/> may find in a list (<see cref="PeopleAccess"/>).</summary>
    public static IQueryable<ApplicationUser> ListedTo(IQueryable<ApplicationUser> users, Actor actor)
    {
        var scope = PeopleAccess.ListedTo(actor);
        var roles = scope.Roles.ToList();
        var company = scope.VendorCompanyId;
        return users.Where(u => roles.Contains(u.Role) && (u.Role != Role.Proveedor || company == null || u.VendorCompanyId == company));
    }

    /// <summary>The security stamp of each of these people who is still active; a session signed in with another
    /// stamp (or of someone missing here) is over.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> ActiveStampsAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.IsActive).ToDictionaryAsync(u => u.Id, u => u.SecurityStamp, ct);
    }

    public async Task<IReadOnlyList<PersonOption>> SearchRequestersAsync(Actor actor, string? text, CancellationToken ct = default)
    {
        if (!TicketAccess.MayRegisterForOthers(actor)) throw new DomainException("Solo el personal de la UTI registra tickets para otras personas.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = ListedTo(db.Users.AsNoTracking(), actor).Where(u => u.IsActive && u.Role != Role.Proveedor);
        if (Text.Search(text) is { } search)
        {
            foreach (var word in CatalogSearch.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                people = people.Where(u => u.SearchName.Contains(word) || (u.Unit != null && EF.Functions.Like(u.Unit.Name, $"%{word}%")));
        }
        var rows = await people.OrderBy(u => u.FullName).Take(20)
            .Select(u => new { u.Id, u.FullName, u.UserName, Unit = u.Unit != null ? u.Unit.Name : null, u.Classification, ServesCitizens = u.Unit != null && u.Unit.ServesCitizens })
            .ToListAsync(ct);
        return rows.Select(u => new PersonOption(u.Id, u.FullName, u.UserName!, u.Unit, u.Classification,
            QueueOrder.IsPreferential(u.Classification, u.ServesCitizens))).ToList();
    }

    /// <summary>Active, available people who work at the ticket's level (for level 3, users of its vendor company), for
    /// someone who sees the ticket.</summary>
    public async Task<IReadOnlyList<PersonOption>> AssigneeCandidatesAsync(Actor actor, Ticket ticket, CancellationToken ct = default)
    {
        if (!TicketAccess.CanSee(actor, ticket)) return [];
        var role = EscalationMatrix.WorkedBy(ticket.Level);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = ListedTo(db.Users.AsNoTracking(), actor).Where(u => u.IsActive && u.IsAvailable && u.Role == role && u.Id != ticket.AssigneeId);
        if (ticket.Level == SupportLevel.Nivel3) people = people.Where(u => u.VendorCompanyId == ticket.VendorCompanyId);
        return await people.OrderBy(u => u.FullName)
            .Select(u => new PersonOption(u.Id, u.FullName, u.UserName!, null, u.Classification))
            .ToListAsync(ct);
    }

    /// <summary>The people who may hold the tickets <paramref name="actor"/> sees (UTI staff, vendor users), for the
    /// "assigned to" filter.</summary>
    public async Task<IReadOnlyList<PersonOption>> WorkersAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ListedTo(db.Users.AsNoTracking(), actor)
            .Where(u => u.IsActive && (u.Role == Role.Tecnico || u.Role == Role.Especialista || u.Role == Role.Supervisor || u.Role == Role.Proveedor))
            .OrderBy(u => u.FullName)
            .Select(u => new PersonOption(u.Id, u.FullName, u.UserName!, null, u.Classification, false))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<UnitOption>> UnitsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Units.AsNoTracking().Where(u => u.Active).OrderBy(u => u.Name)
            .Select(u => new UnitOption(u.Id, u.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<VendorOption>> VendorsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.VendorCompanies.AsNoTracking().Where(v => v.Active).OrderBy(v => v.Name)
            .Select(v => new VendorOption(v.Id, v.Name)).ToListAsync(ct);
    }
}

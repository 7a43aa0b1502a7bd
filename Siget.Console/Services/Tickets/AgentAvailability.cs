using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Services.People;
using Siget.Core;
using Siget.Core.Access;

namespace Siget.Console.Services.Tickets;

/// <summary>A person's availability changed (for boards to redraw).</summary>
public sealed record AvailabilityChanged(string UserId, bool Available, string ChangedById);

/// <summary>
/// Disponible / Ausente for the people who work tickets. Each person sets their own; supervisors set anyone's.
/// Absent people receive no tickets, by hand or automatically; what they already hold stays with them.
/// </summary>
public sealed class AgentAvailability(IDbContextFactory<SigetDbContext> dbFactory)
{
    public event Func<AvailabilityChanged, Task>? Changed;

    public static bool WorksTickets(Role role) => role is Role.Tecnico or Role.Especialista or Role.Supervisor or Role.Proveedor;

    public async Task<bool> IsAvailableAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.IsAvailable).SingleOrDefaultAsync(ct);
    }

    public async Task SetAsync(Actor actor, string userId, bool available, CancellationToken ct = default)
    {
        if (userId != actor.UserId && actor.Role != Role.Supervisor)
            throw new DomainException("Solo el Ejecutivo de la UTI cambia la disponibilidad de otra persona.");
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var person = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.IsActive, ct)
            ?? throw new DomainException("La persona no existe o está inactiva.");
        if (!WorksTickets(person.Role)) throw new DomainException("Solo el personal que atiende tickets tiene disponibilidad.");
        if (person.IsAvailable == available) return;
        person.IsAvailable = available;
        await db.SaveChangesAsync(ct);
        if (Changed is { } handlers)
            foreach (var handler in handlers.GetInvocationList().Cast<Func<AvailabilityChanged, Task>>())
                _ = handler(new AvailabilityChanged(userId, available, actor.UserId));
    }
}

using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Core.Board;

public enum BoardMoveKind
{
    /// <summary>Dropped where it already was.</summary>
    Ninguno,
    Reasignar,
    Liberar,
    Escalar,
    Devolver,
    /// <summary>The board refuses the drop before asking anything; <see cref="BoardMove.Refusal"/> says why.</summary>
    Rechazado,
}

public sealed record BoardMove(BoardMoveKind Kind, string? Refusal = null)
{
    public static BoardMove None { get; } = new(BoardMoveKind.Ninguno);
    public static BoardMove Refused(string why) => new(BoardMoveKind.Rechazado, why);
}

/// <summary>
/// What dropping a ticket on a column means: to someone else of its level, a reassignment; to its level's queue, a
/// release; to a level the escalation matrix sends it to (<see cref="EscalationMatrix.RoutesFrom"/>), an escalation
/// (the dialog asks for a criterion of that route and a reason); to a lower level, a return (supervisors, with a
/// reason). The ticket's own rules still decide whether the person may do it.
/// </summary>
public static class BoardMoves
{
    public static BoardMove Plan(Ticket ticket, BoardLane target) =>
        Plan(ticket.Level, ticket.AssigneeId, ticket.VendorCompanyId, target);

    public static BoardMove Plan(SupportLevel level, string? assigneeId, int? vendorCompanyId, BoardLane target)
    {
        if (target.Level == level)
        {
            if (level == SupportLevel.Nivel3 && target.VendorCompanyId != vendorCompanyId)
                return BoardMove.Refused("Para cambiar de empresa proveedora, devuelva el ticket al Nivel 2 y escálelo de nuevo.");
            if (target.PersonId == assigneeId || (level == SupportLevel.Nivel3 && target.PersonId is null)) return BoardMove.None;
            return new(target.PersonId is null ? BoardMoveKind.Liberar : BoardMoveKind.Reasignar);
        }
        if (target.Level < level) return new(BoardMoveKind.Devolver);
        var targets = EscalationMatrix.RoutesFrom(level).Select(r => r.To).ToList();
        if (!targets.Contains(target.Level))
            return BoardMove.Refused(targets.Count == 0
                ? "El ticket ya está en el nivel más alto."
                : $"La matriz de escalamiento lleva un ticket de {level.Label()} a {string.Join(" o a ", targets.Select(l => l.Label()))}.");
        return new(BoardMoveKind.Escalar);
    }
}

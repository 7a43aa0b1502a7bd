using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Problems;

namespace Siget.Core.Tickets;

public sealed partial class Ticket
{
    /// <summary>The problem that explains this incident, if one was linked.</summary>
    public int? ProblemId { get; private set; }
    public string? ProblemNumber { get; private set; }

    /// <summary>Called by <see cref="Problem.Link"/>, which writes the problem's side of the same change.</summary>
    internal void LinkToProblem(Actor actor, Problem problem, DateTime nowUtc)
    {
        if (Kind == TicketKind.Peticion) throw new DomainException($"El ticket {Number} es una petición; a un problema se vinculan incidentes.");
        if (State == TicketState.Anulado) throw new DomainException($"El ticket {Number} está anulado; no se vincula a un problema.");
        if (ProblemNumber is not null)
            throw new DomainException($"El ticket {Number} ya está vinculado al problema {ProblemNumber}; desvincúlelo antes.");
        ProblemId = problem.Id;
        ProblemNumber = problem.Number;
        Note(TicketAction.VincularProblema, actor, nowUtc, $"{problem.Number} · {problem.Title}");
    }

    internal void UnlinkFromProblem(Actor actor, Problem problem, string? reason, DateTime nowUtc)
    {
        ProblemId = null;
        ProblemNumber = null;
        Note(TicketAction.DesvincularProblema, actor, nowUtc, reason is null ? problem.Number : $"{problem.Number} · {reason}");
    }

    /// <summary>A change that is not a move of the lifecycle (state, level and assignee stay): its entry and a new version.</summary>
    private void Note(TicketAction action, Actor actor, DateTime nowUtc, string reason)
    {
        Touch(nowUtc);
        _history.Add(new TicketHistoryEntry(nowUtc, actor, action) { FromState = State, ToState = State, Reason = reason });
    }
}

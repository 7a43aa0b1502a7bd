using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Core.Problems;

/// <summary>What resolving a problem can do with one of its open incidents, for the person resolving it.</summary>
public enum LinkedIncidentStep
{
    /// <summary>The person may resolve it as it is.</summary>
    Resolve,
    /// <summary>It waits in a queue the person may take from: taken, then resolved (two history entries).</summary>
    TakeThenResolve,
    /// <summary>Someone else holds it, or it is at a level the person does not work: it stays for them.</summary>
    Cannot,
}

/// <summary>
/// Resolving a problem offers to resolve its linked open incidents with a reference to it. The ticket's own
/// lifecycle decides what the person may do; this only reads it, so no incident is resolved behind its rules.
/// </summary>
public static class LinkedIncidents
{
    public static LinkedIncidentStep StepFor(Actor actor, Ticket incident)
    {
        if (!incident.IsOpen) return LinkedIncidentStep.Cannot;
        var allowed = incident.AllowedActions(actor);
        if (allowed.Contains(TicketAction.Resolver)) return LinkedIncidentStep.Resolve;
        if (incident.State == TicketState.EnCola && allowed.Contains(TicketAction.Tomar)) return LinkedIncidentStep.TakeThenResolve;
        return LinkedIncidentStep.Cannot;
    }

    /// <summary>Why an incident stays open, in words for the offer.</summary>
    public static string WhyNot(Ticket incident) => incident.AssigneeName is { } holder
        ? $"Lo atiende {holder} en {incident.Level.Label()}; lo resuelve quien lo tiene."
        : $"Está en la cola de {incident.Level.Label()}, que usted no atiende.";

    /// <summary>The incident's solution: the problem's, with its number, so the requester reads what was done.</summary>
    public static string SolutionFor(Problem problem)
    {
        var text = $"Resuelto con la solución del problema {problem.Number}: {problem.Solution}";
        return text.Length <= TicketLimits.SolutionMaxLength ? text : text[..(TicketLimits.SolutionMaxLength - 1)] + "…";
    }

    /// <summary>Resolves one linked incident with the problem's solution (taking it first when it waits in a queue).</summary>
    public static void Resolve(Actor actor, Problem problem, Ticket incident, DateTime nowUtc)
    {
        if (problem.State != ProblemState.Resuelto) throw new InvalidOperationException("Resolve the problem first.");
        if (incident.ProblemId != problem.Id) throw new DomainException($"El ticket {incident.Number} no está vinculado al problema {problem.Number}.");
        switch (StepFor(actor, incident))
        {
            case LinkedIncidentStep.TakeThenResolve:
                incident.Take(actor, nowUtc);
                break;
            case LinkedIncidentStep.Cannot:
                throw new DomainException($"No puede resolver el ticket {incident.Number}: {(incident.IsOpen ? WhyNot(incident) : "ya no está abierto.")}");
        }
        incident.Resolve(actor, SolutionFor(problem), nowUtc);
    }
}

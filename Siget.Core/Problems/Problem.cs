using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Tickets;

namespace Siget.Core.Problems;

public static class ProblemLimits
{
    public const int TitleMaxLength = 150;
    public const int DescriptionMaxLength = 4000;
    public const int AnalysisMaxLength = 4000;
    public const int ReasonMaxLength = 1000;
}

/// <summary>
/// The unknown cause of one or more incidents (SPEC: Problema), from registration to its solution. It links the
/// incidents it explains: linking and unlinking write one history entry on the problem and one on the incident, in
/// the same change. Every change bumps <see cref="Version"/>, the concurrency token.
/// </summary>
public sealed class Problem
{
    private readonly List<ProblemHistoryEntry> _history = [];

    private Problem() { Number = ""; Title = ""; Description = ""; RegisteredById = ""; RegisteredByName = ""; }

    public int Id { get; private set; }
    /// <summary>A readable yearly number: <c>PRB-2026-0007</c>.</summary>
    public string Number { get; private set; }
    public int Year { get; private set; }
    public int Sequence { get; private set; }
    public string Title { get; private set; }
    public string Description { get; private set; }
    public int SubcategoryCode { get; private set; }
    /// <summary>The unit or Tambo where it shows, when it is local to one.</summary>
    public int? UnitId { get; private set; }
    public string? UnitName { get; private set; }
    public ProblemState State { get; private set; }
    public string? OwnerId { get; private set; }
    public string? OwnerName { get; private set; }
    public string? RootCause { get; private set; }
    /// <summary>What lets people work meanwhile (the known error's workaround).</summary>
    public string? Workaround { get; private set; }
    public string? Solution { get; private set; }
    public string RegisteredById { get; private set; }
    public string RegisteredByName { get; private set; }
    public DateTime RegisteredAtUtc { get; private set; }
    public DateTime? ResolvedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public long Version { get; private set; }

    public IReadOnlyList<ProblemHistoryEntry> History => _history;

    public bool IsOpen => State.IsOpen();

    public static string FormatNumber(int year, int sequence) => $"PRB-{year:D4}-{sequence:D4}";

    public static Problem Register(int year, int sequence, string title, string description, int subcategoryCode,
        int? unitId, string? unitName, Actor actor, DateTime nowUtc)
    {
        ProblemAccess.EnsureManage(actor);
        var problem = new Problem
        {
            Number = FormatNumber(year, sequence),
            Year = year,
            Sequence = sequence,
            Title = Text.RequiredLine(title, ProblemLimits.TitleMaxLength, "el título del problema"),
            Description = Text.Required(description, ProblemLimits.DescriptionMaxLength, "la descripción del problema"),
            SubcategoryCode = subcategoryCode,
            UnitId = unitId,
            UnitName = unitId is null ? null : unitName,
            State = ProblemState.Abierto,
            RegisteredById = actor.UserId,
            RegisteredByName = actor.Name,
            RegisteredAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
            Version = 1,
        };
        problem._history.Add(new ProblemHistoryEntry(nowUtc, actor, ProblemAction.Registrar) { ToState = ProblemState.Abierto });
        return problem;
    }

    /// <summary>Gives the analysis to a specialist or the supervisor; an open problem starts its analysis.</summary>
    public void Assign(Actor actor, Actor owner, DateTime nowUtc)
    {
        ProblemAccess.EnsureManage(actor);
        EnsureOpen("asignar");
        if (!ProblemAccess.MayManage(owner)) throw new DomainException($"{owner.Name} no gestiona problemas; elija a un especialista o al Ejecutivo de la UTI.");
        if (owner.UserId == OwnerId) throw new DomainException($"El problema ya está a cargo de {owner.Name}.");
        var previous = State;
        var previousOwner = OwnerName;
        OwnerId = owner.UserId;
        OwnerName = owner.Name;
        if (State == ProblemState.Abierto) State = ProblemState.EnAnalisis;
        Record(ProblemAction.Asignar, actor, nowUtc, previous,
            reason: previousOwner is null ? $"A cargo de {owner.Name}" : $"De {previousOwner} a {owner.Name}");
    }

    /// <summary>The cause is known and people can work around it while the definitive solution comes.</summary>
    public void RecordKnownError(Actor actor, string rootCause, string workaround, DateTime nowUtc)
    {
        ProblemAccess.EnsureManage(actor);
        EnsureOpen("registrar el error conocido de");
        RootCause = Text.Required(rootCause, ProblemLimits.AnalysisMaxLength, "la causa raíz");
        Workaround = Text.Required(workaround, ProblemLimits.AnalysisMaxLength, "la solución temporal");
        var previous = State;
        State = ProblemState.ErrorConocido;
        Record(ProblemAction.RegistrarErrorConocido, actor, nowUtc, previous, reason: $"Causa raíz: {RootCause}");
    }

    public void Resolve(Actor actor, string rootCause, string solution, DateTime nowUtc)
    {
        ProblemAccess.EnsureManage(actor);
        EnsureOpen("resolver");
        RootCause = Text.Required(rootCause, ProblemLimits.AnalysisMaxLength, "la causa raíz");
        Solution = Text.Required(solution, ProblemLimits.AnalysisMaxLength, "la solución");
        var previous = State;
        State = ProblemState.Resuelto;
        ResolvedAtUtc = nowUtc;
        Record(ProblemAction.Resolver, actor, nowUtc, previous, reason: Solution);
    }

    /// <summary>The solution did not hold (the incidents came back): back to analysis.</summary>
    public void Reopen(Actor actor, string reason, DateTime nowUtc)
    {
        ProblemAccess.EnsureManage(actor);
        if (State != ProblemState.Resuelto) throw new DomainException("Solo se reabre un problema resuelto.");
        var why = Text.Required(reason, ProblemLimits.ReasonMaxLength, "el motivo de la reapertura");
        var previous = State;
        State = ProblemState.EnAnalisis;
        ResolvedAtUtc = null;
        Solution = null; // it did not hold; its text stays in the history
        Record(ProblemAction.Reabrir, actor, nowUtc, previous, reason: why);
    }

    public void Discard(Actor actor, string reason, DateTime nowUtc)
    {
        if (!ProblemAccess.MayDiscard(actor)) throw new DomainException("Solo el Ejecutivo de la UTI descarta un problema.");
        EnsureOpen("descartar");
        var why = Text.Required(reason, ProblemLimits.ReasonMaxLength, "el motivo");
        var previous = State;
        State = ProblemState.Descartado;
        Record(ProblemAction.Descartar, actor, nowUtc, previous, reason: why);
    }

    /// <summary>Links an incident this problem explains: one entry here, one on the incident.</summary>
    public void Link(Actor actor, Ticket incident, DateTime nowUtc)
    {
        if (!ProblemAccess.MayLink(actor)) throw new DomainException("No puede vincular incidentes a problemas.");
        if (State == ProblemState.Descartado) throw new DomainException($"El problema {Number} está descartado; no admite incidentes.");
        if (incident.ProblemId == Id && Id != 0) throw new DomainException($"El ticket {incident.Number} ya está vinculado a este problema.");
        incident.LinkToProblem(actor, this, nowUtc);
        Record(ProblemAction.VincularIncidente, actor, nowUtc, State, ticket: incident.Number, reason: incident.Subject);
    }

    public void Unlink(Actor actor, Ticket incident, string? reason, DateTime nowUtc)
    {
        if (!ProblemAccess.MayLink(actor)) throw new DomainException("No puede desvincular incidentes de problemas.");
        if (incident.ProblemId != Id) throw new DomainException($"El ticket {incident.Number} no está vinculado a este problema.");
        var why = Text.Optional(reason, ProblemLimits.ReasonMaxLength, "el motivo");
        incident.UnlinkFromProblem(actor, this, why, nowUtc);
        Record(ProblemAction.DesvincularIncidente, actor, nowUtc, State, ticket: incident.Number, reason: why ?? incident.Subject);
    }

    private void EnsureOpen(string verb)
    {
        if (!IsOpen) throw new DomainException($"No se puede {verb} un problema {State.Label().ToLowerInvariant()}.");
    }

    private void Record(ProblemAction action, Actor actor, DateTime nowUtc, ProblemState fromState, string? ticket = null, string? reason = null)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
        _history.Add(new ProblemHistoryEntry(nowUtc, actor, action)
        {
            FromState = fromState,
            ToState = State,
            TicketNumber = ticket,
            Reason = reason is { Length: > ProblemLimits.AnalysisMaxLength } ? reason[..(ProblemLimits.AnalysisMaxLength - 1)] + "…" : reason,
        });
    }
}

using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Core.Reports;

/// <summary>
/// The sets of tickets the report's numbers count. Each number on the dashboard is the size of one of these sets (or a
/// share of two), and its drill-down lists exactly the set: the same rule decides both.
/// </summary>
public enum ReportSet
{
    /// <summary>Registered in the period.</summary>
    Recibidos = 1,
    /// <summary>Resolved in the period (the current resolution; a reopened ticket counts when solved again). Cancelled
    /// tickets count as received and nowhere else.</summary>
    Resueltos,
    /// <summary>Received in the period and answered within the first-response target.</summary>
    RespuestaEnPlazo,
    /// <summary>Received in the period and answered late, or still unanswered past the target.</summary>
    RespuestaFueraDePlazo,
    /// <summary>Received in the period and resolved within the resolution target.</summary>
    ResolucionEnPlazo,
    /// <summary>Received in the period and resolved late, or still open past the target.</summary>
    ResolucionFueraDePlazo,
    /// <summary>Resolved in the period at Nivel 1 without escalation or reopening (first-contact resolution).</summary>
    PrimerContacto,
    /// <summary>Received in the period and escalated from <see cref="ReportFilter.Level"/> (any level when not given).</summary>
    Escalados,
    /// <summary>Resolved in the period and reopened at some point.</summary>
    Reabiertos,
    /// <summary>Closed in the period with a satisfaction rating.</summary>
    Calificados,
    /// <summary>Closed (finalised) in the period, rated or not.</summary>
    Cerrados,
    /// <summary>Open now, whatever the period (the backlog).</summary>
    Abiertos,
    /// <summary>Received in the period and at some point at <see cref="ReportFilter.Level"/> (the level's "atendidos").</summary>
    PasaronPorNivel,
    /// <summary>Open now, registered less than a day ago (and so on: the backlog's age, <see cref="ReportSets.Age"/>).</summary>
    AbiertosMenosDeUnDia,
    AbiertosDeUnoATresDias,
    AbiertosDeTresASieteDias,
    AbiertosMasDeSieteDias,
}

public static class ReportSets
{
    public static string Label(this ReportSet set) => set switch
    {
        ReportSet.Recibidos => "Recibidos",
        ReportSet.Resueltos => "Resueltos",
        ReportSet.RespuestaEnPlazo => "Primera respuesta en plazo",
        ReportSet.RespuestaFueraDePlazo => "Primera respuesta fuera de plazo",
        ReportSet.ResolucionEnPlazo => "Resueltos en plazo",
        ReportSet.ResolucionFueraDePlazo => "Resolución fuera de plazo",
        ReportSet.PrimerContacto => "Resueltos en el primer contacto (Nivel 1)",
        ReportSet.Escalados => "Escalados",
        ReportSet.Reabiertos => "Reabiertos",
        ReportSet.Calificados => "Calificados por el usuario",
        ReportSet.Cerrados => "Cerrados",
        ReportSet.Abiertos => "Abiertos ahora",
        ReportSet.PasaronPorNivel => "Atendidos en el nivel",
        ReportSet.AbiertosMenosDeUnDia => "Abiertos hace menos de 1 día",
        ReportSet.AbiertosDeUnoATresDias => "Abiertos hace 1 a 3 días",
        ReportSet.AbiertosDeTresASieteDias => "Abiertos hace 3 a 7 días",
        ReportSet.AbiertosMasDeSieteDias => "Abiertos hace más de 7 días",
        _ => set.ToString(),
    };

    /// <summary>Whether <paramref name="ticket"/> belongs to <paramref name="set"/> for <paramref name="period"/> at <paramref name="nowUtc"/>.</summary>
    public static bool Contains(this ReportSet set, ReportTicket ticket, ReportPeriod period, DateTime nowUtc, SupportLevel? level = null)
    {
        // A cancelled ticket (a duplicate, a mistake) was received, and counts nowhere else.
        if (ticket.Cancelled) return set == ReportSet.Recibidos && period.Contains(ticket.RegisteredAtUtc);
        var received = period.Contains(ticket.RegisteredAtUtc);
        var resolved = period.Contains(ticket.ResolvedAtUtc);
        return set switch
        {
            ReportSet.Recibidos => received,
            ReportSet.Resueltos => resolved,
            ReportSet.RespuestaEnPlazo => received && ResponseOnTime(ticket, nowUtc) == true,
            ReportSet.RespuestaFueraDePlazo => received && ResponseOnTime(ticket, nowUtc) == false,
            ReportSet.ResolucionEnPlazo => received && ResolutionOnTime(ticket, nowUtc) == true,
            ReportSet.ResolucionFueraDePlazo => received && ResolutionOnTime(ticket, nowUtc) == false,
            ReportSet.PrimerContacto => resolved && FirstContact(ticket),
            ReportSet.Escalados => received && ticket.Moves.Any(m => m.To > m.From && (level is null || m.From == level)),
            ReportSet.Reabiertos => resolved && ticket.Reopenings.Count > 0,
            ReportSet.Calificados => Closed(ticket, period) && ticket.SatisfactionRating is not null,
            ReportSet.Cerrados => Closed(ticket, period),
            ReportSet.Abiertos => ticket.State.IsOpen(),
            ReportSet.PasaronPorNivel => received && level is { } at && Visited(ticket, at),
            ReportSet.AbiertosMenosDeUnDia or ReportSet.AbiertosDeUnoATresDias or ReportSet.AbiertosDeTresASieteDias or ReportSet.AbiertosMasDeSieteDias
                => ticket.State.IsOpen() && Age(ticket, nowUtc) == set,
            _ => false,
        };
    }

    /// <summary>True when answered in time, false when late or overdue unanswered, null while its clock still runs or it was cancelled.</summary>
    public static bool? ResponseOnTime(ReportTicket ticket, DateTime nowUtc) => ticket switch
    {
        { Cancelled: true } => null,
        { FirstResponseAtUtc: { } at } => at <= ticket.FirstResponseDueUtc,
        _ => nowUtc > ticket.FirstResponseDueUtc ? false : null,
    };

    /// <summary>True when resolved in time, false when late or overdue unresolved, null while its clock still runs or it was cancelled.</summary>
    public static bool? ResolutionOnTime(ReportTicket ticket, DateTime nowUtc) => ticket switch
    {
        { Cancelled: true } => null,
        { ResolvedAtUtc: { } at } => at <= ticket.ResolutionDueUtc,
        _ => nowUtc > ticket.ResolutionDueUtc ? false : null,
    };

    /// <summary>Solved by Nivel 1 without escalating it and without the requester having to reopen it.</summary>
    public static bool FirstContact(ReportTicket ticket) =>
        ticket.ResolvedAtUtc is not null && ticket.Level == SupportLevel.Nivel1 && ticket.Moves.Count == 0 && ticket.Reopenings.Count == 0;

    /// <summary>The backlog's age bucket of a ticket, in calendar days since it was registered.</summary>
    public static ReportSet Age(ReportTicket ticket, DateTime nowUtc) => (nowUtc - ticket.RegisteredAtUtc).TotalDays switch
    {
        < 1 => ReportSet.AbiertosMenosDeUnDia,
        < 3 => ReportSet.AbiertosDeUnoATresDias,
        < 7 => ReportSet.AbiertosDeTresASieteDias,
        _ => ReportSet.AbiertosMasDeSieteDias,
    };

    /// <summary>Whether the ticket was at <paramref name="level"/> at some point (where it started, or a move to it).</summary>
    public static bool Visited(ReportTicket ticket, SupportLevel level) =>
        (ticket.Moves.Count > 0 ? ticket.Moves[0].From : ticket.Level) == level || ticket.Moves.Any(m => m.To == level);

    private static bool Closed(ReportTicket ticket, ReportPeriod period) =>
        ticket.State == TicketState.Finalizado && period.Contains(ticket.ClosedAtUtc);
}

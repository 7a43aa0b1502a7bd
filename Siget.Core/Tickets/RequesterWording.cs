using Siget.Core.Escalation;

namespace Siget.Core.Tickets;

/// <summary>How the requester (portal, citizen lookup) is told where their ticket is, in their words.</summary>
public static class RequesterWording
{
    /// <summary>What a requester reads about a cancellation for which no message was written for them (the reason is internal).</summary>
    public const string NeutralCancellationNote = "La UTI anuló este ticket. Si aún necesita ayuda, registre un nuevo ticket.";

    /// <summary>
    /// Where the ticket is and who is on it: "Escalado a especialista · esperando a un especialista", "Con proveedor
    /// externo · a cargo de Miguel Torres". A resolved ticket says who resolved it; a closed one (Finalizado, Anulado)
    /// is nowhere any more: null.
    /// </summary>
    public static string? WhereItIs(SupportLevel level, TicketState state, string? assigneeName)
    {
        if (state is TicketState.Finalizado or TicketState.Anulado || !Enum.IsDefined(state)) return null;
        if (state == TicketState.Resuelto) return assigneeName is null ? "Resuelto por la UTI" : $"Resuelto por {assigneeName}";
        var who = assigneeName is not null
            ? level == SupportLevel.DireccionEjecutiva ? $"seguimiento de {assigneeName}" : $"a cargo de {assigneeName}"
            : WaitingFor(level);
        return who is null ? level.RequesterLabel() : $"{level.RequesterLabel()} · {who}";
    }

    /// <summary>Who takes an unassigned ticket at each level. At level 4 and at the Dirección Ejecutiva the level's own
    /// label already says who reviews it.</summary>
    private static string? WaitingFor(SupportLevel level) => level switch
    {
        SupportLevel.Nivel1 => "esperando a un técnico",
        SupportLevel.Nivel2 => "esperando a un especialista",
        SupportLevel.Nivel3 => "esperando a la empresa proveedora",
        _ => null,
    };
}

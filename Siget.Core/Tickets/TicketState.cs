namespace Siget.Core.Tickets;

/// <summary>States of Anexo 5, plus Anulado (cancelled by a supervisor, e.g. a duplicate).</summary>
public enum TicketState
{
    EnCola = 1,
    EnProceso = 2,
    Resuelto = 3,
    Finalizado = 4,
    Anulado = 5,
}

public static class TicketStateNames
{
    public static string Label(this TicketState state) => state switch
    {
        TicketState.EnCola => "En cola",
        TicketState.EnProceso => "En proceso",
        TicketState.Resuelto => "Resuelto",
        TicketState.Finalizado => "Finalizado",
        TicketState.Anulado => "Anulado",
        _ => state.ToString(),
    };

    public static bool IsOpen(this TicketState state) => state is TicketState.EnCola or TicketState.EnProceso;

    public static IReadOnlyList<TicketState> Open { get; } = [TicketState.EnCola, TicketState.EnProceso];
}

namespace Siget.Core.Catalog;

public enum TicketKind
{
    Incidencia = 1,
    Peticion = 2,
    Problema = 3,
}

public static class TicketKindNames
{
    public static string Label(this TicketKind kind) => kind switch
    {
        TicketKind.Incidencia => "Incidencia",
        TicketKind.Peticion => "Petición",
        TicketKind.Problema => "Problema",
        _ => kind.ToString(),
    };
}

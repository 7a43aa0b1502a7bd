namespace Siget.Console.Services.Tickets;

/// <summary>Someone else changed the ticket after this screen loaded it; nothing was saved.</summary>
public sealed class TicketConflictException()
    : Exception("El ticket fue modificado por otra persona. Revise su estado actual antes de continuar.");

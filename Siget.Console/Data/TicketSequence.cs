namespace Siget.Console.Data;

/// <summary>The last ticket sequence used in a year; incremented inside the registering transaction.</summary>
public class TicketSequence
{
    public int Year { get; set; }
    public int Last { get; set; }
}

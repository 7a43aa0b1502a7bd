using System.Text;
using Siget.Core.Priorities;

namespace Siget.Console.Components.Shared;

/// <summary>The priority chip as markup (the queue's rows and the board's cards), in PriorityChip's colours.</summary>
public static class PriorityMarkup
{
    public static StringBuilder WriteChip(StringBuilder html, Priority priority, string element = "div") =>
        html.Append('<').Append(element).Append(" class=\"mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-").Append(Color(priority))
            .Append(" ma-0\" title=\"Prioridad ").Append(priority.Label()).Append("\"><span class=\"mud-chip-content\">")
            .Append(priority.Label()).Append("</span></").Append(element).Append('>');

    private static string Color(Priority priority) => priority switch
    {
        Priority.Alta => "error",
        Priority.Media => "warning",
        _ => "default",
    };
}

using System.Text;
using MudBlazor;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Components.Shared;

/// <summary>
/// The one style map of the priority and state chips. <see cref="PriorityChip"/> and <see cref="StateChip"/> give it to
/// MudBlazor's components; the queue's rows and the board's cards, written as strings to keep a thousand open screens
/// small, write MudBlazor's classes from it. A test renders the components and compares, so a MudBlazor upgrade that
/// renames a class fails a test instead of changing the queue's look.
/// </summary>
public static class ChipLook
{
    public const Variant PriorityVariant = Variant.Filled;
    public const Variant StateVariant = Variant.Outlined;
    public const Color PreferentialColor = Color.Warning;

    public static Color For(Priority priority) => priority switch
    {
        Priority.Alta => Color.Error,
        Priority.Media => Color.Warning,
        _ => Color.Default,
    };

    public static Color For(TicketState state) => state switch
    {
        TicketState.EnCola => Color.Info,
        TicketState.EnProceso => Color.Primary,
        TicketState.Resuelto => Color.Success,
        TicketState.Finalizado => Color.Dark,
        _ => Color.Default,
    };

    /// <summary>The classes of MudIcon's small svg in <see cref="PreferentialColor"/> with <c>ml-1</c>: the preferential star.</summary>
    public static readonly string PreferentialIconClass = $"mud-icon-root mud-svg-icon mud-{Name(PreferentialColor)}-text mud-icon-size-small ml-1";

    private static readonly Dictionary<Priority, string> PriorityClasses =
        Enum.GetValues<Priority>().ToDictionary(p => p, p => ChipClass(PriorityVariant, For(p)));

    private static readonly Dictionary<TicketState, string> StateClasses =
        Enum.GetValues<TicketState>().ToDictionary(s => s, s => ChipClass(StateVariant, For(s)));

    public static StringBuilder WritePriority(StringBuilder html, Priority priority, string element = "div") =>
        Write(html, element, PriorityClasses[priority], priority.Label(), $"Prioridad {priority.Label()}");

    public static StringBuilder WriteState(StringBuilder html, TicketState state, string element = "div") =>
        Write(html, element, StateClasses[state], state.Label(), title: null);

    /// <summary>What MudChip renders for a small chip with <c>Class="ma-0"</c>.</summary>
    private static string ChipClass(Variant variant, Color color) =>
        $"mud-chip mud-chip-{Name(variant)} mud-chip-size-small mud-chip-color-{Name(color)} ma-0";

    private static StringBuilder Write(StringBuilder html, string element, string classes, string text, string? title)
    {
        html.Append('<').Append(element).Append(" class=\"").Append(classes).Append('"');
        if (title is not null) html.Append(" title=\"").Append(title).Append('"');
        return html.Append("><span class=\"mud-chip-content\">").Append(text).Append("</span></").Append(element).Append('>');
    }

    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}

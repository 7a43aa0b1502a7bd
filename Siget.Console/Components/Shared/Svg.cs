using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace Siget.Console.Components.Shared;

/// <summary>
/// A MudBlazor icon as plain markup (the markup MudIcon renders), for screens that stay open all day: each MudIcon is
/// a component with its own render buffers, kept by every open circuit. Icons are decorative here (aria-hidden);
/// the element around them carries the label.
/// </summary>
public static class Svg
{
    private static readonly ConcurrentDictionary<(string Icon, string Size, string? Css), MarkupString> Built = new();

    public static MarkupString Icon(string icon, string size = "medium", string? css = null) =>
        Built.GetOrAdd((icon, size, css), key => new MarkupString(
            $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{key.Size}{(key.Css is null ? "" : " " + key.Css)}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{key.Icon}</svg>"));
}

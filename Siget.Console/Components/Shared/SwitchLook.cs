using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Siget.Console.Components.Shared;

/// <summary>
/// A small primary MudSwitch written as plain markup with MudBlazor's classes: a native checkbox with the switch role,
/// inside its label. The queue shows one on every open screen, and a MudSwitch there kept three components and a key
/// interceptor (with its JS interop metadata) per circuit all day. ChipLookTests compares it with the real MudSwitch.
/// </summary>
public static class SwitchLook
{
    public static RenderFragment Switch(object receiver, string id, bool on, string label, Func<bool, Task> changed) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-input-control mud-input-control-boolean-input");
        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "class", "mud-input-control-input-container");
        builder.OpenElement(4, "label");
        builder.AddAttribute(5, "class", "mud-switch mud-input-content-placement-end");
        builder.AddAttribute(6, "for", id);
        builder.OpenElement(7, "span");
        builder.AddAttribute(8, "class", "mud-switch-span mud-switch-span-small");
        builder.OpenElement(9, "span");
        builder.AddAttribute(10, "class", on
            ? "mud-button-root mud-icon-button mud-switch-base mud-ripple mud-ripple-switch mud-primary-text hover:mud-primary-hover mud-checked mud-switch-base-small"
            : "mud-button-root mud-icon-button mud-switch-base mud-ripple mud-ripple-switch mud-default-text hover:mud-default-hover mud-switch-base-small");
        builder.OpenElement(11, "span");
        builder.AddAttribute(12, "class", "mud-switch-button");
        Input(builder, receiver, id, on, changed);
        builder.OpenElement(20, "span");
        builder.AddAttribute(21, "class", "mud-switch-thumb-small d-flex align-center justify-center");
        builder.CloseElement();
        builder.CloseElement(); // mud-switch-button
        builder.CloseElement(); // mud-switch-base
        builder.OpenElement(22, "span");
        builder.AddAttribute(23, "class", on ? "mud-switch-track mud-primary" : "mud-switch-track mud-default");
        builder.CloseElement();
        builder.CloseElement(); // mud-switch-span
        builder.OpenElement(24, "span");
        builder.AddAttribute(25, "class", "mud-typography mud-typography-body1");
        builder.AddContent(26, label);
        builder.CloseElement();
        builder.CloseElement(); // label
        builder.CloseElement();
        builder.CloseElement();
    };

    private static void Input(RenderTreeBuilder builder, object receiver, string id, bool on, Func<bool, Task> changed)
    {
        builder.OpenElement(13, "input");
        builder.AddAttribute(14, "id", id);
        builder.AddAttribute(15, "type", "checkbox");
        builder.AddAttribute(16, "role", "switch");
        builder.AddAttribute(17, "class", "mud-switch-input");
        builder.AddAttribute(18, "checked", on);
        builder.AddAttribute(19, "onchange", EventCallback.Factory.Create<ChangeEventArgs>(receiver, e => changed(e.Value is true)));
        builder.CloseElement();
    }
}

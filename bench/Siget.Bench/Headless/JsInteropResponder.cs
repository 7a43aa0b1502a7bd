namespace Siget.Bench.Headless;

/// <summary>
/// Answers the server's JS interop calls (JS.BeginInvokeJS) the way a quiet browser would: success with a
/// null result, except where .NET expects a value type or a reference object, so that components don't
/// fail while deserialising the answer.
/// </summary>
internal static class JsInteropResponder
{
    // Microsoft.JSInterop.JSCallResultType, as sent in the 4th argument of JS.BeginInvokeJS.
    private const int ResultJSObjectReference = 1;
    private const int ResultJSStreamReference = 2;
    private const int ResultJSVoid = 3;

    /// <summary>The emulated viewport (also used for the Virtualize callbacks).</summary>
    public const int ViewportWidth = 1280;
    public const int ViewportHeight = 1000;

    // Results (JSON) for identifiers whose .NET caller expects a non-nullable or structured value.
    // MudBlazor 9 identifiers come from MudBlazor.min.js / its .NET callers; the rest are this app's.
    private static readonly Dictionary<string, string> KnownResults = new(StringComparer.Ordinal)
    {
        ["mudThemeProvider.isDarkMode"] = "false",
        ["mudResizeListener.matchMedia"] = "false",
        ["mudResizeListener.getBrowserWindowSize"] = $"{{\"height\":{ViewportHeight},\"width\":{ViewportWidth}}}",
        ["mudElementRef.getBoundingClientRect"] =
            $"{{\"top\":0,\"left\":0,\"width\":{ViewportWidth},\"height\":40,\"windowHeight\":{ViewportHeight},\"windowWidth\":{ViewportWidth},\"scrollX\":0,\"scrollY\":0}}",
        ["mudpopoverHelper.countProviders"] = "1",
        ["mudInput.getCaretPosition"] = "0",
        ["mudDragAndDrop.getDropIndexOnPosition"] = "-1",
        // MudBlazor probes that its JS is loaded (window.hasOwnProperty("mudElementRef")): in a browser it is.
        ["window.hasOwnProperty"] = "true",
        ["sigetAlerts.enabled"] = "false",
        ["sigetAlerts.setEnabled"] = "false",
    };

    /// <summary>JSON of the value blazor.web.js would put in [asyncHandle, true, value].</summary>
    public static string ResultJson(string identifier, int resultType, Func<long> nextJsObjectId)
    {
        switch (resultType)
        {
            case ResultJSVoid:
                return "null";
            case ResultJSObjectReference:
                // e.g. IJSRuntime.InvokeAsync<IJSObjectReference>("import", ...): hand out a fresh handle.
                return $"{{\"__jsObjectId\":{nextJsObjectId()}}}";
            case ResultJSStreamReference:
                return $"{{\"__jsObjectId\":{nextJsObjectId()},\"__jsStreamReferenceLength\":0}}";
        }

        return KnownResults.TryGetValue(identifier, out var json) ? json : "null";
    }
}

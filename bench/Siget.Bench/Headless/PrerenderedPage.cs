using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Siget.Bench.Headless;

/// <summary>
/// What blazor.web.js reads from a prerendered page before it starts a circuit: the interactive-server
/// component markers (<c>&lt;!--Blazor:{"type":"server",...}--&gt;</c>), the protected component state
/// (<c>&lt;!--Blazor-Server-Component-State:...--&gt;</c>) and <c>document.baseURI</c>.
/// </summary>
internal sealed partial class PrerenderedPage
{
    private PrerenderedPage(Uri baseUri, Uri location, IReadOnlyList<JsonObject> serverMarkers, string applicationState)
    {
        BaseUri = baseUri;
        Location = location;
        ServerMarkers = serverMarkers;
        ApplicationState = applicationState;
    }

    /// <summary>document.baseURI (the page URL resolved against &lt;base href&gt;).</summary>
    public Uri BaseUri { get; }

    /// <summary>location.href.</summary>
    public Uri Location { get; }

    /// <summary>Server markers in the order blazor.web.js registers them (sorted by "sequence"), each with the
    /// "uniqueId" the JS adds; these are sent verbatim as the "marker" of an "add" root-component operation.</summary>
    public IReadOnlyList<JsonObject> ServerMarkers { get; }

    /// <summary>The Blazor-Server-Component-State payload, or "" when the page has none.</summary>
    public string ApplicationState { get; }

    // Same patterns as blazor.web.js (Services/ComponentDescriptorDiscovery.ts): a comment whose text is
    // "Blazor:" followed by a JSON descriptor, and the base64 state comment.
    [GeneratedRegex("<!--(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex CommentRegex();

    [GeneratedRegex(@"^\s*Blazor:[^{]*(?<descriptor>.*)$", RegexOptions.Singleline)]
    private static partial Regex DescriptorRegex();

    [GeneratedRegex(@"^\s*Blazor-Server-Component-State:(?<state>[a-zA-Z0-9+/=]+)$")]
    private static partial Regex ServerStateRegex();

    [GeneratedRegex(@"<base\s[^>]*href\s*=\s*[""']([^""']*)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex BaseHrefRegex();

    public static PrerenderedPage Parse(string html, Uri location)
    {
        var baseMatch = BaseHrefRegex().Match(html);
        var baseUri = baseMatch.Success ? new Uri(location, System.Net.WebUtility.HtmlDecode(baseMatch.Groups[1].Value)) : location;

        var markers = new List<(int Sequence, JsonObject Marker)>();
        var state = "";
        var uniqueId = 0;
        foreach (Match comment in CommentRegex().Matches(html))
        {
            var text = comment.Groups[1].Value;
            var stateMatch = ServerStateRegex().Match(text);
            if (stateMatch.Success)
            {
                // blazor.web.js takes the first such comment it finds.
                if (state.Length == 0)
                {
                    state = stateMatch.Groups["state"].Value;
                }

                continue;
            }

            var descriptorMatch = DescriptorRegex().Match(text);
            if (!descriptorMatch.Success || descriptorMatch.Groups["descriptor"].Length == 0)
            {
                continue;
            }

            JsonObject? marker;
            try
            {
                marker = JsonNode.Parse(descriptorMatch.Groups["descriptor"].Value) as JsonObject;
            }
            catch (JsonException)
            {
                continue;
            }

            // End markers carry only "prerenderId"; only start markers have a "type".
            var type = marker?["type"]?.GetValue<string>();
            if (marker is null || type is null)
            {
                continue;
            }

            // The JS numbers every discovered descriptor (all render modes) in document order.
            marker["uniqueId"] = uniqueId++;
            if (type == "server")
            {
                markers.Add((marker["sequence"]?.GetValue<int>() ?? 0, marker));
            }
        }

        var ordered = markers.OrderBy(m => m.Sequence).Select(m => m.Marker).ToList();
        return new PrerenderedPage(baseUri, location, ordered, state);
    }

    /// <summary>
    /// The JSON that WebRootComponentManager sends to UpdateRootComponents for the first batch:
    /// {"batchId":1,"operations":[{"type":"add","ssrComponentId":1,"marker":{...}},...]}.
    /// ssrComponentId counts from 1 in registration order.
    /// </summary>
    public string BuildAddOperationsJson(int batchId)
    {
        var operations = new JsonArray();
        var ssrComponentId = 1;
        foreach (var marker in ServerMarkers)
        {
            operations.Add(new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = ssrComponentId++,
                ["marker"] = marker.DeepClone(),
            });
        }

        var batch = new JsonObject { ["batchId"] = batchId, ["operations"] = operations };
        return batch.ToJsonString();
    }
}

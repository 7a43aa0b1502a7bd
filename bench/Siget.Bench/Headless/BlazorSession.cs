using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Siget.Bench.Headless;

/// <summary>
/// One headless Blazor Server circuit, driven the way blazor.web.js (.NET 10, Blazor Web App model) drives it:
/// <list type="number">
/// <item>GET the page (prerendered), read the server component markers and Blazor-Server-Component-State.</item>
/// <item>GET _blazor/initializers (blazor.web.js loads JS initializers before starting).</item>
/// <item>Connect to /_blazor (negotiate + WebSockets, protocol "blazorpack").</item>
/// <item>invoke StartCircuit(baseUri, locationHref, "[]", state) → circuit id/secret.</item>
/// <item>send UpdateRootComponents({"batchId":1,"operations":[{"type":"add",...}]}, state).</item>
/// <item>Then: ack every JS.RenderBatch with OnRenderCompleted(batchId, null); answer every JS.BeginInvokeJS
/// with EndInvokeJSFromDotNet(handle, true, "[handle,true,result]"); feed Virtualize its spacer callback.</item>
/// </list>
/// </summary>
public sealed class BlazorSession : IAsyncDisposable
{
    private const string VirtualizeInit = "Blazor._internal.Virtualize.init";

    private readonly Uri _hubUri;
    private readonly PrerenderedPage _page;
    private readonly CookieContainer _cookies;
    private readonly string _origin;
    private readonly HttpClient _http;
    private readonly object _gate = new();
    private readonly List<(byte[] Text, TaskCompletionSource<DateTime> Done)> _waiters = [];

    private HubConnection? _connection;
    private ClientWebSocket? _socket;
    private TaskCompletionSource _closed = NewClosedSource();
    private long _nextBatchId = 2; // blazor.web.js RenderQueue starts at 2.
    private long _nextJsObjectId;
    private long _nextDotNetCallId;
    private long _renderBatches;
    private long _jsCalls;
    private bool _disposed;

    /// <summary>Diagnostics only (the probe sets it): logger factory for the SignalR client.</summary>
    internal static ILoggerFactory? DiagnosticLoggerFactory { get; set; }

    /// <summary>Diagnostics only: called with the session, identifier and arguments of every JS interop call.</summary>
    internal static Action<BlazorSession, string, string?>? JsCallObserver { get; set; }

    /// <summary>Diagnostics/tests: send any hub message on the current connection (e.g. a DispatchEventAsync call).</summary>
    internal Task SendHubMessageAsync(string method, object?[] args, CancellationToken ct)
        => (_connection ?? throw new InvalidOperationException("Not connected.")).SendCoreAsync(method, args, ct);

    private BlazorSession(Uri hubUri, PrerenderedPage page, CookieContainer cookies, HttpClient http)
    {
        _hubUri = hubUri;
        _page = page;
        _cookies = cookies;
        _http = http;
        _origin = page.Location.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>Raised for every render batch received (after it is acknowledged): the raw bytes.</summary>
    public event Action<ReadOnlyMemory<byte>>? RenderBatchReceived;

    /// <summary>The circuit id (secret) returned by StartCircuit, used by ConnectCircuit on reconnect.</summary>
    public string? CircuitId { get; private set; }

    /// <summary>Completes when the current connection closes (a new one is used after <see cref="ReconnectAsync"/>).</summary>
    public Task Closed => Volatile.Read(ref _closed).Task;

    /// <summary>Last message received through JS.Error (the server's "circuit failed" notice), if any.</summary>
    public string? LastError { get; private set; }

    /// <summary>Render batches received and acknowledged so far.</summary>
    public long RenderBatchCount => Interlocked.Read(ref _renderBatches);

    /// <summary>JS interop calls answered so far.</summary>
    public long JsCallCount => Interlocked.Read(ref _jsCalls);

    public static async Task<BlazorSession> StartAsync(Uri baseAddress, string path, CookieContainer cookies, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(cookies);

        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false });
        BlazorSession? session = null;
        try
        {
            var pageUri = new Uri(baseAddress, path);
            PrerenderedPage page;
            using (var response = await http.GetAsync(pageUri, ct).ConfigureAwait(false))
            {
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    // A 302 here is usually the sign-in page: the cookie container is not signed in.
                    throw new InvalidOperationException(
                        $"GET {pageUri} returned {(int)response.StatusCode} {response.Headers.Location}".TrimEnd());
                }

                var html = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                page = PrerenderedPage.Parse(html, pageUri);
            }

            if (page.ServerMarkers.Count == 0)
            {
                throw new InvalidOperationException($"{pageUri} has no interactive server component markers.");
            }

            // blazor.web.js fetches the JS initializers list before it starts Blazor Server.
            using (await http.GetAsync(new Uri(page.BaseUri, "_blazor/initializers"), ct).ConfigureAwait(false))
            {
            }

            session = new BlazorSession(new Uri(page.BaseUri, "_blazor"), page, cookies, http);
            await session.StartCircuitAsync(ct).ConfigureAwait(false);
            return session;
        }
        catch
        {
            // Once constructed, the session owns the HttpClient (and terminates a half-started circuit).
            if (session is not null)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                http.Dispose();
            }

            throw;
        }
    }

    private async Task StartCircuitAsync(CancellationToken ct)
    {
        // Web App model: the circuit starts with no components ("[]"); root components are added afterwards
        // by WebRootComponentManager through UpdateRootComponents. Both carry the prerendered state.
        var connection = await ConnectAsync(ct).ConfigureAwait(false);
        CircuitId = await connection.InvokeAsync<string?>(
            "StartCircuit", _page.BaseUri.AbsoluteUri, _page.Location.AbsoluteUri, "[]", _page.ApplicationState, ct).ConfigureAwait(false);
        if (string.IsNullOrEmpty(CircuitId))
        {
            throw new InvalidOperationException($"StartCircuit was refused. {LastError}".TrimEnd());
        }

        await connection.SendAsync("UpdateRootComponents", _page.BuildAddOperationsJson(1), _page.ApplicationState, ct).ConfigureAwait(false);
    }

    /// <summary>Completes when a render batch received from now on has <paramref name="text"/> in its string table.</summary>
    /// <returns>The UTC time that batch arrived.</returns>
    public async Task<DateTime> WaitForTextAsync(string text, CancellationToken ct)
    {
        var waiter = (Encoding.UTF8.GetBytes(text), new TaskCompletionSource<DateTime>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Item2.Task.WaitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>
    /// Like blazor.web.js reconnection: a new SignalR connection, then ConnectCircuit(circuitId). The server then
    /// resends the batches we had not acknowledged. Returns false when the server no longer has the circuit.
    /// Connection failures (server down) surface as exceptions so the caller can retry.
    /// </summary>
    public async Task<bool> ReconnectAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (CircuitId is null)
        {
            throw new InvalidOperationException("The circuit was never started.");
        }

        var old = _connection!;
        if (old.State == HubConnectionState.Connected)
        {
            return true;
        }

        await old.DisposeAsync().ConfigureAwait(false);
        var connection = await ConnectAsync(ct).ConfigureAwait(false);
        return await connection.InvokeAsync<bool>("ConnectCircuit", CircuitId, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Simulates a network drop: aborts the WebSocket (no SignalR close message, no disconnect beacon), so the
    /// server moves the circuit to its disconnected-circuits cache. Completes once the client saw the close.
    /// </summary>
    public async Task DropTransportAsync()
    {
        var closed = Closed;
        Volatile.Read(ref _socket)?.Abort();
        await closed.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }

    /// <summary>Closes the connection and, like blazor.web.js on dispose/pagehide, tells the server to
    /// terminate the circuit (POST _blazor/disconnect) so it does not linger in the disconnected cache.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_connection is not null)
        {
            try
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
            {
                // Already gone.
            }
        }

        if (CircuitId is not null)
        {
            try
            {
                using var form = new MultipartFormDataContent { { new StringContent(CircuitId), "circuitId" } };
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_page.BaseUri, "_blazor/disconnect")) { Content = form };
                request.Headers.TryAddWithoutValidation("Origin", _origin);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                using var response = await _http.SendAsync(request, cts.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                // Best effort, like navigator.sendBeacon: the server drops the circuit after its retention period anyway.
            }
        }

        lock (_gate)
        {
            foreach (var waiter in _waiters)
            {
                waiter.Done.TrySetCanceled();
            }
        }

        _http.Dispose();
        Volatile.Read(ref _closed).TrySetResult();
    }

    private async Task<HubConnection> ConnectAsync(CancellationToken ct)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(_hubUri, HttpTransportType.WebSockets, options =>
            {
                options.Cookies = _cookies;
                // The app refuses /_blazor requests from a foreign Origin (like a browser, send the page's).
                options.Headers["Origin"] = _origin;
                // Own the WebSocket so DropTransportAsync can abort it without a close handshake.
                options.WebSocketFactory = async (context, token) =>
                {
                    var socket = new ClientWebSocket();
                    socket.Options.Cookies = _cookies;
                    socket.Options.SetRequestHeader("Origin", _origin);
                    try
                    {
                        await socket.ConnectAsync(context.Uri, token).ConfigureAwait(false);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }

                    Volatile.Write(ref _socket, socket);
                    return socket;
                };
            });

        // HubConnection resolves the last registered IHubProtocol: ours, after the default JSON one.
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        if (DiagnosticLoggerFactory is { } loggerFactory)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        var connection = builder.Build();
        RegisterHandlers(connection);

        var closed = NewClosedSource();
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        try
        {
            await connection.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _connection = connection;
        Volatile.Write(ref _closed, closed);
        return connection;
    }

    private void RegisterHandlers(HubConnection connection)
    {
        connection.On<long, byte[]>("JS.RenderBatch", (batchId, data) => OnRenderBatchAsync(connection, batchId, data));

        // .NET 10 RemoteJSRuntime sends (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType).
        connection.On(
            "JS.BeginInvokeJS",
            [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)],
            args => OnBeginInvokeJSAsync(connection, (long)args[0]!, (string)args[1]!, (string?)args[2], (int)args[3]!));

        connection.On<string>("JS.Error", error => LastError = error);

        // Web App model: the server tells which SSR marker (selector = ssrComponentId) a root component renders
        // into; a headless client has no DOM to attach, but registering avoids binding errors.
        connection.On<int, string>("JS.AttachComponent", (_, _) => { });

        // Results of our BeginInvokeDotNetFromJS calls (Virtualize callbacks): nothing to do with them.
        connection.On<string?, bool, string?>("JS.EndInvokeDotNet", (_, _, _) => { });
        connection.On<long>("JS.EndUpdateRootComponents", _ => { });
        connection.On<int, bool>("JS.EndLocationChanging", (_, _) => { });
    }

    private async Task OnRenderBatchAsync(HubConnection connection, long batchId, byte[] data)
    {
        var arrived = DateTime.UtcNow;
        bool isNext;
        lock (_gate)
        {
            // Same rule as blazor.web.js RenderQueue: older ids (resent after a reconnect) are only re-acked,
            // a gap means "wait for the missing one" (SignalR keeps order, so it should not happen).
            isNext = batchId == _nextBatchId;
            if (isNext)
            {
                _nextBatchId++;
            }
            else if (batchId > _nextBatchId)
            {
                return;
            }
        }

        if (!isNext)
        {
            await AcknowledgeAsync(connection, batchId).ConfigureAwait(false);
            return;
        }

        List<TaskCompletionSource<DateTime>>? matched = null;
        lock (_gate)
        {
            foreach (var (text, done) in _waiters)
            {
                if (RenderBatchStrings.Contains(data, text))
                {
                    (matched ??= []).Add(done);
                }
            }
        }

        await AcknowledgeAsync(connection, batchId).ConfigureAwait(false);
        Interlocked.Increment(ref _renderBatches);
        if (matched is not null)
        {
            foreach (var done in matched)
            {
                done.TrySetResult(arrived);
            }
        }

        RenderBatchReceived?.Invoke(data);
    }

    private static async Task AcknowledgeAsync(HubConnection connection, long batchId)
    {
        try
        {
            await connection.SendAsync("OnRenderCompleted", batchId, null).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or WebSocketException or IOException or OperationCanceledException)
        {
            // Connection went away: the server resends unacknowledged batches after ConnectCircuit.
        }
    }

    private async Task OnBeginInvokeJSAsync(HubConnection connection, long asyncHandle, string identifier, string? argsJson, int resultType)
    {
        Interlocked.Increment(ref _jsCalls);
        JsCallObserver?.Invoke(this, identifier, argsJson);
        try
        {
            if (asyncHandle != 0)
            {
                var result = JsInteropResponder.ResultJson(identifier, resultType, () => Interlocked.Increment(ref _nextJsObjectId));
                var payload = string.Create(CultureInfo.InvariantCulture, $"[{asyncHandle},true,{result}]");
                await connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, payload).ConfigureAwait(false);
            }

            if (identifier == VirtualizeInit && TryGetDotNetObjectId(argsJson, out var dotNetObjectId))
            {
                // Virtualize.ts: an IntersectionObserver reports the "before" spacer at the top of a viewport of
                // ViewportHeight px, with nothing rendered between the spacers yet:
                // invokeMethodAsync("OnSpacerBeforeVisible", spacerSize, spacerSeparation, containerSize).
                // The server then asks its ItemsProvider for the first ceil(height/itemSize) + 2*overscan rows.
                // (The "after" spacer callback would land on the same window, so it is not sent.)
                var callId = Interlocked.Increment(ref _nextDotNetCallId).ToString(CultureInfo.InvariantCulture);
                var args = string.Create(CultureInfo.InvariantCulture, $"[0,0,{JsInteropResponder.ViewportHeight}]");
                await connection.SendAsync("BeginInvokeDotNetFromJS", callId, null, "OnSpacerBeforeVisible", dotNetObjectId, args)
                    .ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or WebSocketException or IOException or OperationCanceledException)
        {
            // Connection went away; nothing to answer any more.
        }
    }

    // Virtualize.init's first argument is the DotNetObjectReference, serialised as {"__dotNetObject":N}.
    private static bool TryGetDotNetObjectId(string? argsJson, out long id)
    {
        id = 0;
        if (argsJson is null)
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(argsJson);
            if (doc.RootElement.ValueKind == JsonValueKind.Array
                && doc.RootElement.GetArrayLength() > 0
                && doc.RootElement[0].ValueKind == JsonValueKind.Object
                && doc.RootElement[0].TryGetProperty("__dotNetObject", out var value)
                && value.TryGetInt64(out id))
            {
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    private static TaskCompletionSource NewClosedSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

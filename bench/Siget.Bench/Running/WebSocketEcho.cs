using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Siget.Bench.Running;

/// <summary>
/// The physical limit of a live push: a bare Kestrel WebSocket server in the benchmark process on loopback, no
/// SignalR, no Blazor. <see cref="EchoAsync"/> times small-message round trips; <see cref="BroadcastAsync"/> sends
/// one message to N open sockets and times its arrival at each (what "one change reaches N screens" costs at least).
/// </summary>
public sealed class WebSocketEcho : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<WebSocket> _serverSockets = [];
    private readonly Lock _gate = new();

    private WebSocketEcho(WebApplication app) => _app = app;

    private Uri Uri => new(_app.Urls.First().Replace("http://", "ws://") + "/ws");

    public static async Task<WebSocketEcho> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var echo = new WebSocketEcho(app);
        app.UseWebSockets();
        app.Map("/ws", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            lock (echo._gate) echo._serverSockets.Add(socket);
            var buffer = new byte[1024];
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (received.MessageType == WebSocketMessageType.Close) break;
                    await socket.SendAsync(buffer.AsMemory(0, received.Count), WebSocketMessageType.Binary, true, CancellationToken.None);
                }
            }
            catch (WebSocketException) { } // the client aborted: that is how the measurements end
            lock (echo._gate) echo._serverSockets.Remove(socket);
        });
        await app.StartAsync();
        return echo;
    }

    /// <summary>Round trips of a 64-byte message on one socket (after a warm-up).</summary>
    public async Task<Latencies> EchoAsync(int count, CancellationToken ct)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(Uri, ct);
        var message = new byte[64];
        var buffer = new byte[1024];
        var latencies = new Latencies();
        for (var i = 0; i < count + 50; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await socket.SendAsync(message, WebSocketMessageType.Binary, true, ct);
            await socket.ReceiveAsync(buffer, ct);
            if (i >= 50) latencies.Add(Stopwatch.GetElapsedTime(started));
        }
        socket.Abort();
        return latencies;
    }

    /// <summary>One 1 KB message written by the server to <paramref name="clients"/> sockets; each client's arrival time.</summary>
    public async Task<Latencies> BroadcastAsync(int clients, int rounds, CancellationToken ct)
    {
        var sockets = new List<ClientWebSocket>();
        try
        {
            for (var i = 0; i < clients; i++)
            {
                var s = new ClientWebSocket();
                await s.ConnectAsync(Uri, ct);
                sockets.Add(s);
            }
            while (true)
            {
                lock (_gate) if (_serverSockets.Count >= clients) break;
                await Task.Delay(10, ct);
            }
            var latencies = new Latencies();
            var message = new byte[1024];
            for (var round = 0; round < rounds; round++)
            {
                List<WebSocket> targets;
                lock (_gate) targets = [.. _serverSockets];
                var started = Stopwatch.GetTimestamp();
                var arrivals = sockets.Select(async s =>
                {
                    var buffer = new byte[2048];
                    await s.ReceiveAsync(buffer, ct);
                    return Stopwatch.GetElapsedTime(started);
                }).ToList();
                // The server's side: one write per socket, like a hub sending to each connection.
                foreach (var target in targets) _ = target.SendAsync(message, WebSocketMessageType.Binary, true, ct);
                foreach (var arrival in arrivals) latencies.Add(await arrival);
            }
            return latencies;
        }
        finally
        {
            foreach (var s in sockets)
            {
                s.Abort();
                s.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

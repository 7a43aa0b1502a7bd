using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Siget.Console.Tests.Api;

/// <summary>A real HTTP listener on a spare loopback port that records what it receives and answers as told.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(IReadOnlyDictionary<string, string> Headers, string Body);

    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<int> _answers = new();

    public WebhookReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/avisos";
    public Channel<Received> Requests { get; } = Channel.CreateUnbounded<Received>();
    /// <summary>While set, requests are held (not answered) until it completes.</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>The status codes of the next answers (200 after them).</summary>
    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses) _answers.Enqueue(status);
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!);
            await Requests.Writer.WriteAsync(new Received(headers, body));
            if (Hold is { } hold) await hold.Task;
            context.Response.StatusCode = _answers.TryDequeue(out var status) ? status : 200;
            context.Response.Close();
        }
    }

    public async Task<Received> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await Requests.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Hold?.TrySetResult();
        _listener.Close();
        try { await _loop; } catch (Exception) { /* closed */ }
    }
}

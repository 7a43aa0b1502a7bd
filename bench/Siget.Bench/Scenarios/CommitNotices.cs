using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Siget.Bench.Running;

namespace Siget.Bench.Scenarios;

/// <summary>
/// When a change was committed, seen from outside the server: /hubs/queue (signed in as a technician) is told of
/// every change the moment the service publishes it, right after its commit. Separates the command's own time
/// (browser, dialog, transaction) from the push that follows the commit.
/// </summary>
public sealed class CommitNotices : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<DateTime>> _notices = new();

    private CommitNotices(HubConnection connection) => _connection = connection;

    public static async Task<CommitNotices> ConnectAsync(BenchServer server, string userName, CancellationToken ct)
    {
        var cookies = await server.SignInAsync(userName);
        var origin = server.BaseUri.GetLeftPart(UriPartial.Authority);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseUri, "hubs/queue"), HttpTransportType.WebSockets, o =>
            {
                o.Cookies = cookies;
                o.Headers["Origin"] = origin; // the app accepts live connections from its own pages only
            })
            .Build();
        var notices = new CommitNotices(connection);
        connection.On<JsonElement>("ticketChanged", change =>
        {
            var at = DateTime.UtcNow;
            if (change.TryGetProperty("number", out var number) && number.GetString() is { Length: > 0 } n)
                notices.For(n).TrySetResult(at);
        });
        await connection.StartAsync(ct);
        return notices;
    }

    /// <summary>When the change of ticket <paramref name="number"/> was announced (wait for it after the command).</summary>
    public async Task<DateTime?> CommittedAtAsync(string number, TimeSpan limit)
    {
        try { return await For(number).Task.WaitAsync(limit); }
        catch (TimeoutException) { return null; }
        finally { _notices.TryRemove(number, out _); }
    }

    private TaskCompletionSource<DateTime> For(string number) =>
        _notices.GetOrAdd(number, _ => new TaskCompletionSource<DateTime>(TaskCreationOptions.RunContinuationsAsynchronously));

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}

using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Integrations;

/// <summary>A POST sent with an <c>Idempotency-Key</c>: which key, and the hash of what was asked.</summary>
public sealed record IdempotentRequest(int ApiKeyId, string Key, string RequestHash);

/// <summary>The answer kept for a replay.</summary>
public sealed record StoredAnswer(int Status, string Body, string? Location, string? ETag);

/// <summary>
/// How an idempotency record gets into the same transaction as the change it answers. A registration adds it itself
/// (<see cref="RegisterTicketRequest.AlsoSave"/>); a command on an existing ticket runs inside <see cref="ForCommand"/>, and
/// <see cref="IntegrationSaveInterceptor"/> adds it when that ticket is saved. A second request with the same key that
/// races the first one fails on the unique index and is answered with the first one's answer.
/// </summary>
public static class ApiIdempotency
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    public const int KeyMaxLength = ApiIdempotencyRecord.KeyMaxLength;

    private static readonly AsyncLocal<CommandScope?> Current = new();

    internal sealed class CommandScope(IdempotentRequest? request, int ticketId, Func<Ticket, StoredAnswer> answer, Action<SigetDbContext>? alsoSave)
    {
        public IdempotentRequest? Request { get; } = request;
        public int TicketId { get; } = ticketId;
        public Func<Ticket, StoredAnswer> Answer { get; } = answer;
        /// <summary>What else commits with the change (the API command's audit entry).</summary>
        public Action<SigetDbContext>? AlsoSave { get; } = alsoSave;
        public bool Written { get; set; }
    }

    /// <summary>While the returned scope lives, saving the ticket <paramref name="ticketId"/> also saves the answer (when the
    /// request has an idempotency key) and whatever <paramref name="alsoSave"/> adds, in the change's own transaction.</summary>
    public static IDisposable ForCommand(IdempotentRequest? request, int ticketId, Func<Ticket, StoredAnswer> answer,
        Action<SigetDbContext>? alsoSave = null)
    {
        if (request is null && alsoSave is null) return new Scope(Current.Value);
        var previous = Current.Value;
        Current.Value = new CommandScope(request, ticketId, answer, alsoSave);
        return new Scope(previous);
    }

    internal static CommandScope? Active => Current.Value;

    public static ApiIdempotencyRecord Record(IdempotentRequest request, StoredAnswer answer, DateTime nowUtc) => new()
    {
        ApiKeyId = request.ApiKeyId, IdempotencyKey = request.Key, RequestHash = request.RequestHash,
        StatusCode = answer.Status, ResponseBody = answer.Body, Location = answer.Location, ETag = answer.ETag, CreatedAtUtc = nowUtc,
    };

    private sealed class Scope(CommandScope? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}

/// <summary>The answers kept for replays, read for the endpoints (which do not touch the database themselves).</summary>
public sealed class ApiIdempotencyAnswers(IDbContextFactory<SigetDbContext> dbFactory)
{
    /// <summary>The kept answer for <paramref name="request"/>'s key with the hash of the request it answered; null if none.</summary>
    public async Task<(string RequestHash, StoredAnswer Answer)?> FindAsync(IdempotentRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.ApiIdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ApiKeyId == request.ApiKeyId && r.IdempotencyKey == request.Key, ct);
        return record is null ? null : (record.RequestHash, new StoredAnswer(record.StatusCode, record.ResponseBody, record.Location, record.ETag));
    }

    /// <summary>
    /// Runs a change that keeps its answer under <paramref name="request"/>'s key. When a concurrent twin with the same
    /// key committed first, the unique index refuses this one's transaction (nothing of it is written) and the result is
    /// null: the caller answers with the twin's kept answer. Any other failure is the caller's.
    /// </summary>
    public async Task<T?> OnceAsync<T>(IdempotentRequest? request, Func<Task<T>> change, CancellationToken ct) where T : class
    {
        try
        {
            return await change();
        }
        catch (DbUpdateException) when (request is not null)
        {
            if (await FindAsync(request, ct) is null) throw;
            return null;
        }
    }
}

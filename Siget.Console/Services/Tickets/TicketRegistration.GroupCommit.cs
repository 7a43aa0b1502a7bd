using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Telemetry;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Notifications;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Tickets;

/// <summary>A registration waiting for its turn to be written (already checked for what needs no database).</summary>
internal sealed record PendingRegistration(Actor Actor, RegisterTicketRequest Request, CitizenRequest? Citizen, string? RequesterId,
    string? AccessCode, CancellationToken Cancellation)
{
    public TaskCompletionSource<RegisteredTicket> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The trace of the request that registers (its ticket is written on the writer's own task).</summary>
    public ActivityContext Caller { get; } = Activity.Current?.Context ?? default;
}

/// <summary>
/// Group commit. A durable commit costs one flush of the disk (a few milliseconds here), and SQLite writes one
/// transaction at a time, so one commit per ticket caps registration at a few hundred per second. Registrations that
/// arrive while another group is being written wait and are then written together: one transaction, one flush, one
/// answer each after it. Nobody waits longer for it when alone (a group of one is written at once). A registration
/// the database refuses (an inactive requester, a retired service) fails alone; if the group as a whole cannot
/// commit, each of its registrations is written again on its own, so one never fails because of another.
/// </summary>
public sealed partial class TicketRegistration
{
    private const int MaxGroup = 64;
    private readonly Channel<PendingRegistration> _waiting = Channel.CreateUnbounded<PendingRegistration>(new() { SingleReader = true });
    private readonly Lock _writerGate = new();
    private Task? _writer;

    private async Task<RegisteredTicket> RegisterInGroupAsync(PendingRegistration pending)
    {
        EnsureWriter();
        await _waiting.Writer.WriteAsync(pending, pending.Cancellation);
        // Once queued, the answer is awaited without the caller's token: a ticket being committed is not abandoned halfway.
        return await pending.Done.Task;
    }

    private void EnsureWriter()
    {
        if (_writer is not null) return;
        // Without the first caller's context: the writer outlives that request (and its trace).
        lock (_writerGate)
            using (ExecutionContext.SuppressFlow())
                _writer ??= Task.Run(WriteGroupsAsync);
    }

    private async Task WriteGroupsAsync()
    {
        var group = new List<PendingRegistration>(MaxGroup);
        while (await _waiting.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && _waiting.Reader.TryRead(out var next))
            {
                if (next.Cancellation.IsCancellationRequested) next.Done.TrySetCanceled(next.Cancellation);
                else group.Add(next);
            }
            if (group.Count == 0) continue;
            // One span per write: a registration written alone continues its request's trace; a group links to each.
            using var span = group.Count == 1
                ? SigetTracing.Source.StartActivity("siget.tickets.register", ActivityKind.Internal, group[0].Caller)
                : SigetTracing.Source.StartActivity("siget.tickets.register", ActivityKind.Internal, default(ActivityContext),
                    links: group.Where(p => p.Caller != default).Select(p => new ActivityLink(p.Caller)));
            span?.SetTag("siget.tickets.group", group.Count);
            try
            {
                if (group.Count == 1) await WriteAloneAsync(group[0]);
                else await WriteGroupAsync(group);
            }
            catch (Exception ex)
            {
                // Never leave a caller waiting, and never stop writing for the others.
                foreach (var pending in group) pending.Done.TrySetException(ex);
            }
        }
    }

    private async Task WriteAloneAsync(PendingRegistration pending)
    {
        try
        {
            pending.Done.TrySetResult(await RegisterAloneAsync(pending, [], []));
        }
        catch (Exception ex)
        {
            pending.Done.TrySetException(ex);
        }
    }

    private async Task WriteGroupAsync(List<PendingRegistration> group)
    {
        var written = new List<(PendingRegistration Pending, Ticket Ticket, IReadOnlyList<Notification> Notices)>();
        var ready = new List<(PendingRegistration Pending, NewTicket Data)>();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            // What is only read is read first, outside the write lock; a refusal there fails that registration alone.
            foreach (var pending in group)
            {
                try
                {
                    ready.Add((pending, await NewTicketAsync(db, pending, CancellationToken.None)));
                }
                catch (DomainException ex)
                {
                    pending.Done.TrySetException(ex);
                }
            }
            if (ready.Count == 0) return;

            await using var transaction = await db.Database.BeginTransactionAsync();
            var now = clock.GetUtcNow().UtcDateTime;
            var sla = settings.Policy;
            var year = sla.Calendar.ToLocal(now).Year;
            var number = await ReserveNumbersAsync(db, year, ready.Count, CancellationToken.None);
            foreach (var (pending, data) in ready)
            {
                var ticket = Ticket.Register(new TicketNumber(year, number++), data, pending.Actor, now, sla, pending.AccessCode);
                db.Tickets.Add(ticket);
                if (settings.AutomaticAssignment)
                {
                    // Each assignment must see the ones before it in this group: save as we go (no commit yet).
                    await AssignAutomaticallyAsync(db, ticket, now, CancellationToken.None);
                    await db.SaveChangesAsync();
                }
                pending.Request.AlsoSave?.Invoke(db, ticket);
                written.Add((pending, ticket, []));
            }
            await db.SaveChangesAsync(); // the tickets get their ids; the notifications need them
            for (var i = 0; i < written.Count; i++)
            {
                var (pending, ticket, _) = written[i];
                var notices = RegistrationNotices(ticket, pending.Actor, now);
                db.Notifications.AddRange(notices);
                written[i] = (pending, ticket, notices);
            }
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (Exception)
        {
            // The group could not commit (a lost connection, a refusal only the database saw): nothing of it was kept.
            // Each registration is written on its own, and answers with its own outcome.
            foreach (var (pending, _) in ready) await WriteAloneAsync(pending);
            return;
        }

        foreach (var (pending, ticket, notices) in written)
        {
            feed.Publish(ticket, TicketAction.Registrar, pending.Actor);
            notifications.Publish(notices);
            pending.Done.TrySetResult(new RegisteredTicket(ticket, pending.AccessCode));
        }
    }
}

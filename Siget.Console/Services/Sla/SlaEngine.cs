using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Siget.Console.Data;
using Siget.Console.Live;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Notifications;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Notifications;
using Siget.Core.Sla;
using Siget.Core.Tickets;
using Siget.Console.Telemetry;

namespace Siget.Console.Services.Sla;

/// <summary>The "Sla:Engine" configuration section.</summary>
public sealed class SlaEngineOptions
{
    public const string Section = "Sla:Engine";
    public const string FormerSection = "Sla:Motor";

    /// <summary>Seconds between passes; 0 turns the automatic passes off.</summary>
    [Range(0, 86_400, ErrorMessage = "debe estar entre {1} y {2}.")]
    public int IntervalSeconds { get; set; } = 60;
    /// <summary>Tickets reviewed per transaction: keeps each write short so requests are never held up.</summary>
    [Range(1, 10_000, ErrorMessage = "debe estar entre {1} y {2}.")]
    public int BatchSize { get; set; } = 100;
    /// <summary>The starting value of <see cref="SigetSettings.AutoFinalizeBusinessDays"/> (administrators change it later).</summary>
    [Range(0, 30, ErrorMessage = "debe estar entre {1} y {2}.")]
    public int AutoFinalizeBusinessDays { get; set; } = 3;
}

/// <summary>What one pass did.</summary>
public sealed record SlaPassResult(int OpenTickets, int Reviewed, int Alerts, int Escalated, int AutoFinalized = 0);

/// <summary>
/// Watches every open ticket's clocks. Each pass reads a small projection of the open tickets, picks those with a
/// warning or breach due, and reviews them in bounded batches: the domain (<see cref="Ticket.ReviewSla"/>) marks what it
/// tells and escalates for lack of progress; the marks, the escalation and the notifications commit together, so a
/// restart, an overlapping pass or a clock jump never tells (or escalates) twice. Passes never overlap in one process.
/// </summary>
public sealed class SlaEngine(IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock, SettingsStore settings, TicketFeed feed,
    NotificationFeed notifications, IOptions<SlaEngineOptions> options, ILogger<SlaEngine> logger, SigetMetrics metrics) : BackgroundService
{
    private const int ConflictAttempts = 3;
    private readonly SemaphoreSlim _pass = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IntervalSeconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "SLA engine pass failed; the next pass retries");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public Task<SlaPassResult> RunOnceAsync(CancellationToken ct = default) => SigetTracing.PassAsync("sla", () => RunPassAsync(ct));

    private async Task<SlaPassResult> RunPassAsync(CancellationToken ct)
    {
        await _pass.WaitAsync(ct);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var sla = settings.Policy;
            List<(int Id, SlaWatch Watch)> open;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                open = (await db.Tickets.AsNoTracking()
                    .Where(t => t.State == TicketState.EnCola || t.State == TicketState.EnProceso)
                    .Select(t => new { t.Id, t.RegisteredAtUtc, t.FirstResponseDueUtc, t.ResolutionDueUtc, t.FirstResponseAtUtc, t.ResolvedAtUtc, t.SlaMarks })
                    .ToListAsync(ct))
                    .Select(t => (t.Id, new SlaWatch(t.RegisteredAtUtc, t.FirstResponseDueUtc, t.ResolutionDueUtc, t.FirstResponseAtUtc, t.ResolvedAtUtc, t.SlaMarks)))
                    .ToList();
            }
            var due = open.Where(t => t.Watch.NextAlertAtUtc(sla) <= now).Select(t => t.Id).ToList();

            int alerts = 0, escalated = 0;
            foreach (var batch in due.Chunk(Math.Max(1, options.Value.BatchSize)))
            {
                var (a, e) = await ReviewBatchAsync(batch, now, sla, ct);
                alerts += a;
                escalated += e;
            }
            var finalized = await SigetTracing.PassAsync("autofinalizar", () => FinalizeUnansweredAsync(now, ct));
            if (due.Count > 0 || finalized > 0)
                logger.LogInformation("SLA pass: {Open} open, {Reviewed} reviewed, {Alerts} alerts, {Escalated} escalated, {Finalized} finalised",
                    open.Count, due.Count, alerts, escalated, finalized);
            return new SlaPassResult(open.Count, due.Count, alerts, escalated, finalized);
        }
        finally
        {
            metrics.SlaPassCompleted(System.Diagnostics.Stopwatch.GetElapsedTime(started));
            _pass.Release();
        }
    }

    /// <summary>Resolved tickets the requester did not answer within the configured business days: closed by Sistema.</summary>
    private async Task<int> FinalizeUnansweredAsync(DateTime now, CancellationToken ct)
    {
        var days = settings.AutoFinalizeBusinessDays;
        if (days <= 0) return 0;
        var sla = settings.Policy;
        List<int> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var resolved = await db.Tickets.AsNoTracking().Where(t => t.State == TicketState.Resuelto && t.ResolvedAtUtc != null)
                .Select(t => new { t.Id, t.ResolvedAtUtc }).ToListAsync(ct);
            ids = resolved.Where(t => sla.Calendar.AddBusinessDays(t.ResolvedAtUtc!.Value, days) <= now).Select(t => t.Id).ToList();
        }
        var note = $"Finalizado automáticamente: el usuario no respondió en {Plural.Of(days, "día hábil", "días hábiles")} desde la solución.";
        var count = 0;
        foreach (var batch in ids.Chunk(Math.Max(1, options.Value.BatchSize)))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var tickets = await db.Tickets.Where(t => batch.Contains(t.Id) && t.State == TicketState.Resuelto).ToListAsync(ct);
            var notices = new List<Notification>();
            foreach (var ticket in tickets)
            {
                var assignee = ticket.AssigneeId;
                ticket.Finalize(Actor.System, now, note: note);
                notices.AddRange(TicketNotices.ForChange(new TicketChange(ticket, TicketAction.Finalizar, Actor.System, assignee, TicketState.Resuelto), [], now));
            }
            db.Notifications.AddRange(notices);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                continue; // the requester acted meanwhile; the next pass looks again
            }
            foreach (var ticket in tickets) feed.Publish(ticket, TicketAction.Finalizar, Actor.System);
            notifications.Publish(notices);
            count += tickets.Count;
        }
        return count;
    }

    private async Task<(int Alerts, int Escalated)> ReviewBatchAsync(int[] ids, DateTime now, SlaPolicy sla, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var supervisors = await NotificationCenter.SupervisorIdsAsync(db, ct);
            var tickets = await db.Tickets.Where(t => ids.Contains(t.Id)).ToListAsync(ct);
            var escalated = new List<Ticket>();
            var notices = new List<Notification>();
            var alerts = 0;
            foreach (var ticket in tickets)
            {
                var assignee = ticket.AssigneeId;
                var review = ticket.ReviewSla(sla, now);
                if (!review.Any) continue;
                alerts += review.Alerts.Count;
                if (review.Escalated) escalated.Add(ticket);
                notices.AddRange(TicketNotices.ForSla(ticket, review, assignee, supervisors, now));
            }
            db.Notifications.AddRange(notices);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConflictAttempts)
            {
                continue; // someone changed one of these tickets meanwhile: review the batch again from fresh data
            }
            foreach (var ticket in escalated) feed.Publish(ticket, TicketAction.Escalar, Actor.System);
            notifications.Publish(notices);
            return (alerts, escalated.Count);
        }
    }
}

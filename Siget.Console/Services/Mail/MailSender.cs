using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Siget.Console.Data;
using Siget.Console.Telemetry;
using Siget.Core;
using Siget.Core.Access;

namespace Siget.Console.Services.Mail;

/// <summary>
/// Delivers the outbox. Each pass claims due rows with a conditional update (so two senders never send one row at the
/// same time), sends them and marks them sent. A sender that dies after sending and before marking leaves the claim to
/// expire; the next pass sends the same message again, with the same Message-ID, which the recipient's system takes as
/// one. Transient failures wait and retry with a growing delay; permanent ones (5xx) are recorded for the administrator.
/// </summary>
public sealed class MailSender(IDbContextFactory<SigetDbContext> dbFactory, MailConnections connections, MailComposer composer,
    TimeProvider clock, ILogger<MailSender> log) : BackgroundService
{
    public const int BatchSize = 200;
    public const int MaxAttempts = 8;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Raised after the server accepted a message and before it is marked sent.</summary>
    public event Action<IReadOnlyList<long>>? Sent;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = connections.Options;
        if (!o.SendingEnabled || o.SendIntervalSeconds <= 0) return;
        log.LogInformation("Envío de correo activo hacia {Server}", o.Smtp.ToString());
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await SendPendingAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex) { log.LogWarning(ex, "La pasada del envío de correo falló; se reintentará"); }
            try { await Task.Delay(TimeSpan.FromSeconds(o.SendIntervalSeconds), clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>One pass: sends what is due now. Returns how many rows were sent.</summary>
    public Task<int> SendPendingAsync(CancellationToken ct = default) => SigetTracing.PassAsync("correo-envio", () => SendDueAsync(ct));

    private async Task<int> SendDueAsync(CancellationToken ct)
    {
        if (!connections.Options.SendingEnabled) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.Set<OutboxMail>().AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pendiente && m.NextAttemptUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .OrderBy(m => m.Id).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0) return 0;

        var groups = due.Where(m => m.DigestKey is null).Select(m => (IReadOnlyList<OutboxMail>)[m])
            .Concat(due.Where(m => m.DigestKey is not null).GroupBy(m => m.DigestKey).Select(g => (IReadOnlyList<OutboxMail>)g.ToList()))
            .ToList();
        SmtpClient? smtp = null;
        var sent = 0;
        try
        {
            foreach (var group in groups)
            {
                var ids = group.Select(m => m.Id).ToList();
                var claimed = await db.Set<OutboxMail>()
                    .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Pendiente && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, now + Lease).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
                if (claimed != ids.Count)
                {
                    // Another sender took some of them: give back what we took; they are retried on the next pass.
                    await db.Set<OutboxMail>().Where(m => ids.Contains(m.Id) && m.ClaimedUntilUtc == now + Lease)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), ct);
                    continue;
                }
                MimeMessage message;
                try
                {
                    message = await composer.ComposeAsync(db, group, ct);
                }
                catch (Exception ex) when (ex is ParseException or FormatException or ArgumentException)
                {
                    await FailAsync(db, ids, $"Mensaje inválido: {ex.Message}", ct);
                    continue;
                }
                try
                {
                    smtp ??= await connections.SmtpAsync(ct);
                    await smtp.SendAsync(message, ct);
                }
                catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
                {
                    log.LogWarning("Correo {Ids} rechazado por el servidor ({Code}): {Error}", string.Join(",", ids), (int)ex.StatusCode, ex.Message);
                    await FailAsync(db, ids, $"Rechazado por el servidor ({(int)ex.StatusCode}): {ex.Message}", ct);
                    if (ex.ErrorCode != SmtpErrorCode.RecipientNotAccepted) Drop(ref smtp);
                    continue;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    var attempts = group.Max(m => m.Attempts) + 1;
                    log.LogWarning("No se pudo enviar el correo {Ids} (intento {Attempt}): {Error}", string.Join(",", ids), attempts, ex.Message);
                    if (attempts >= MaxAttempts) await FailAsync(db, ids, $"Sin entregar tras {attempts} intentos: {ex.Message}", ct);
                    else
                        await db.Set<OutboxMail>().Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
                            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
                            .SetProperty(m => m.NextAttemptUtc, now + Backoff(attempts))
                            .SetProperty(m => m.LastError, Truncate(ex.Message)), ct);
                    Drop(ref smtp);
                    continue;
                }
                Sent?.Invoke(ids);
                var at = clock.GetUtcNow().UtcDateTime;
                await db.Set<OutboxMail>().Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.Enviado).SetProperty(m => m.SentAtUtc, at)
                    .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null).SetProperty(m => m.LastError, (string?)null), ct);
                sent += ids.Count;
            }
        }
        finally
        {
            if (smtp is not null)
            {
                try { if (smtp.IsConnected) await smtp.DisconnectAsync(true, CancellationToken.None); } catch { /* closing anyway */ }
                smtp.Dispose();
            }
        }
        return sent;
    }

    /// <summary>The outbox for the administrator's mail page: counts by state and the latest 100 mails not sent.</summary>
    public async Task<OutboxSummary> OutboxAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.Role != Role.Administrador) throw new DomainException("Solo los administradores ven la bandeja de salida.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Set<OutboxMail>().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(OutboxStatus status) => counts.FirstOrDefault(c => c.Key == status)?.Count ?? 0;
        var unsent = await db.Set<OutboxMail>().AsNoTracking().Where(m => m.Status != OutboxStatus.Enviado).OrderByDescending(m => m.Id).Take(100)
            .Select(m => new OutboxMailRow(m.Id, m.CreatedAtUtc, m.ToAddress, m.TicketNumber, m.Status, m.Attempts, m.LastError)).ToListAsync(ct);
        return new OutboxSummary(Count(OutboxStatus.Pendiente), Count(OutboxStatus.Enviado), Count(OutboxStatus.Fallido), unsent);
    }

    /// <summary>An administrator sends a failed (or waiting) mail again now.</summary>
    public async Task RetryAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<OutboxMail>().Where(m => m.Id == id && m.Status != OutboxStatus.Enviado).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Pendiente).SetProperty(m => m.NextAttemptUtc, now)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null).SetProperty(m => m.Attempts, 0), ct);
    }

    /// <summary>1, 2, 4… minutes, at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    private static async Task FailAsync(SigetDbContext db, List<long> ids, string error, CancellationToken ct) =>
        await db.Set<OutboxMail>().Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Fallido).SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
            .SetProperty(m => m.LastError, Truncate(error)), ct);

    private static string Truncate(string s) => s.Length > 1000 ? s[..1000] : s;

    private static void Drop(ref SmtpClient? smtp)
    {
        smtp?.Dispose();
        smtp = null;
    }
}

using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;
using MimeKit.Tnef;
using Siget.Console.Data;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Tickets;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Mail;

/// <summary>Told when «Correo entrante» changed, so open lists refresh themselves.</summary>
public sealed class IncomingMailFeed
{
    public event Action? Changed;
    public void Publish() => Changed?.Invoke();
}

/// <summary>What a technician fills in to turn a message into a ticket (subject and description come prefilled).</summary>
public sealed class ConvertMailRequest
{
    public string? RequesterId { get; set; }
    public TicketKind Kind { get; set; } = TicketKind.Incidencia;
    public int? SubcategoryCode { get; set; }
    public string Subject { get; set; } = "";
    public string Description { get; set; } = "";
    public OperatingImpact? Impact { get; set; }
    public bool? AlternativeAvailable { get; set; }
}

/// <summary>
/// The help-desk mailbox's messages once read: stored once (unique Message-ID), then sorted. Automatic and looping mail
/// is ignored; mail whose sender is not vouched for by a trusted server's Authentication-Results is quarantined; a reply
/// to a ticket becomes a public reply of its requester or of staff who may reply; the rest waits in «Correo entrante»
/// for a technician, who turns it into a ticket or discards it.
/// </summary>
public sealed class IncomingMail(IDbContextFactory<SigetDbContext> dbFactory, IOptions<MailOptions> options, TimeProvider clock,
    AttachmentStore store, TicketConversation conversation, TicketRegistration registration, IncomingMailFeed feed,
    ILogger<IncomingMail> log)
{
    public const int ListMax = 200;

    /// <summary>Stores a message read from the mailbox unless it was stored before (by this reader, an earlier run or
    /// another reader). Returns the new row, or null when it was already there.</summary>
    public async Task<InboundMail?> StoreAsync(string messageId, byte[] raw, MimeMessage? message, string? refusal, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<InboundMail>().AnyAsync(m => m.MessageId == messageId, ct)) return null;
        var from = message?.From.Mailboxes.FirstOrDefault();
        var row = new InboundMail
        {
            MessageId = messageId,
            FromAddress = MailAddresses.Clean(from?.Address, 256).ToLowerInvariant(),
            FromName = MailAddresses.Clean(from?.Name, 200),
            Subject = MailAddresses.Clean(message?.Subject, 500),
            Size = raw.LongLength,
            ReceivedAtUtc = clock.GetUtcNow().UtcDateTime,
            Status = refusal is null ? InboundStatus.Recibido : InboundStatus.Rechazado,
            Note = refusal,
        };
        if (refusal is null)
        {
            using var content = new MemoryStream(raw);
            row.RawStoredName = await store.SaveAsync(content, ct);
        }
        db.Set<InboundMail>().Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (row.RawStoredName is not null) store.Delete(row.RawStoredName);
            return null; // another reader stored it first: the unique Message-ID decided
        }
        if (refusal is not null)
        {
            log.LogWarning("Correo {MessageId} de {From} rechazado: {Reason}", messageId, row.FromAddress, refusal);
            feed.Publish();
        }
        return row;
    }

    /// <summary>A Message-ID for a message that has none (or an unusable one): a hash of its bytes, the same every time.</summary>
    public static string IdentityOf(MimeMessage? message, byte[] raw)
    {
        var id = message?.MessageId;
        if (!string.IsNullOrWhiteSpace(id) && id.Length <= InboundMail.MessageIdMaxLength - 2 && !id.Any(char.IsControl)) return id;
        return "sha256:" + Convert.ToHexString(SHA256.HashData(raw)).ToLowerInvariant();
    }

    /// <summary>Sorts every stored message not yet sorted (those of a reader that stopped half-way included).</summary>
    public async Task<int> ProcessPendingAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await db.Set<InboundMail>().AsNoTracking().Where(m => m.Status == InboundStatus.Recibido).OrderBy(m => m.Id).Take(500).ToListAsync(ct);
        var done = 0;
        foreach (var row in pending)
        {
            try
            {
                await ProcessAsync(row, verified: false, ct);
                done++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "El correo {Id} ({MessageId}) no se pudo procesar; queda apartado", row.Id, row.MessageId);
                await SetAsync(row, InboundStatus.Error, $"No se pudo procesar: {ex.GetType().Name}: {ex.Message}", ct);
            }
        }
        if (pending.Count > 0) feed.Publish();
        return done;
    }

    private async Task ProcessAsync(InboundMail row, bool verified, CancellationToken ct)
    {
        var message = await LoadAsync(row, ct);
        var o = options.Value;

        if (!verified)
        {
            if ((LoopReason(message, row, o) ?? await TooManyAsync(row, o, ct)) is { } why)
            {
                log.LogInformation("Correo {MessageId} de {From} ignorado: {Reason}", row.MessageId, row.FromAddress, why);
                await SetAsync(row, InboundStatus.Ignorado, why, ct);
                return;
            }
            if (SpoofReason(message, row, o) is { } spoof)
            {
                log.LogWarning("Correo {MessageId} de {From} en cuarentena: {Reason}", row.MessageId, row.FromAddress, spoof);
                await SetAsync(row, InboundStatus.Cuarentena, spoof, ct);
                return;
            }
        }

        var body = MailTextTrimmer.Trim(MailTextTrimmer.TextOf(message));
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await db.Set<InboundMail>().Where(m => m.Id == row.Id && m.Version == row.Version)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Body, Clip(body, 20_000)), ct);
        }

        var references = message.References.ToList();
        if (message.InReplyTo is { } inReplyTo) references.Insert(0, inReplyTo);
        var number = MailAddresses.TicketNumberFrom(references, message.Subject);
        var refusal = number is null ? null : await ReplyAsync(row, message, number, body, ct);
        if (number is not null && refusal is null) return;
        await SetAsync(row, InboundStatus.Nuevo, number is null ? null : $"Menciona el ticket {number}, pero no se agregó como respuesta: {refusal}", ct);
        if (number is null) await RegisterAutomaticallyAsync(row, body, o.AutoRegister, ct);
    }

    /// <summary>A new request from one of the institution's own people, when the agency chose so: registered at once by
    /// «Sistema», low priority until a technician reviews it. If it cannot be, it simply stays in «Correo entrante».</summary>
    private async Task RegisterAutomaticallyAsync(InboundMail row, string body, MailAutoRegistration auto, CancellationToken ct)
    {
        if (!auto.Enabled || !auto.Domains.Any(d => string.Equals(d.Trim(), MailAddresses.DomainOf(row.FromAddress), StringComparison.OrdinalIgnoreCase)))
            return;
        if (await MatchRequesterAsync(row.FromAddress, ct) is not { Length: > 0 } requesterId) return;
        try
        {
            var ticket = await ConvertAsync(Actor.System, row.Id, new ConvertMailRequest
            {
                RequesterId = requesterId, Kind = TicketKind.Incidencia, SubcategoryCode = auto.ServiceCode,
                Subject = string.IsNullOrWhiteSpace(row.Subject) ? "(sin asunto)" : row.Subject,
                Description = string.IsNullOrWhiteSpace(body) ? "(correo sin texto)" : body,
                Impact = OperatingImpact.Leve, AlternativeAvailable = true,
            }, ct);
            log.LogInformation("Correo {MessageId} de {From} registrado automáticamente como {Number}", row.MessageId, row.FromAddress, ticket.Number);
        }
        catch (DomainException ex)
        {
            log.LogWarning("Correo {MessageId}: no se registró automáticamente ({Reason}); queda en Correo entrante", row.MessageId, ex.Message);
        }
    }

    /// <summary>Adds the message to its ticket as a public reply of its sender; else why not (then it waits in «Correo entrante»).</summary>
    private async Task<string?> ReplyAsync(InboundMail row, MimeMessage message, string number, string body, CancellationToken ct)
    {
        Ticket? ticket;
        ApplicationUser? person;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Number == number, ct);
            var normalized = row.FromAddress.ToUpperInvariant();
            person = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized && u.IsActive).OrderBy(u => u.Id).FirstOrDefaultAsync(ct);
        }
        if (ticket is null) return "el ticket no existe.";
        if (person is null) return "la dirección del remitente no es de ninguna persona registrada.";
        var actor = person.ToActor();
        if (!ticket.MayReplyPublicly(actor)) return $"{person.FullName} no puede responder en ese ticket.";
        if (ticket.State is TicketState.Finalizado or TicketState.Anulado) return $"el ticket está {ticket.State.Label().ToLowerInvariant()}.";

        var (files, refused) = Attachments(message);
        var text = string.IsNullOrWhiteSpace(body) ? "(Respuesta por correo sin texto)" : body;
        if (refused.Count > 0)
            text += "\n\nAdjuntos no aceptados:\n" + string.Join("\n", refused.Select(r => $"- {r}"));
        var resolved = ticket.State == TicketState.Resuelto;
        if (resolved) text += "\n\n(Llegó por correo cuando el ticket ya estaba resuelto; no se reabrió.)";
        var now = clock.GetUtcNow().UtcDateTime;
        var scope = new InboundScope
        {
            InboundId = row.Id, Version = row.Version, NewStatus = InboundStatus.Respuesta, TicketNumber = number, Flagged = resolved,
            Note = resolved ? "Respuesta a un ticket resuelto: revisar (no se reabrió)." : refused.Count > 0 ? $"{refused.Count} adjunto(s) no aceptado(s)." : null,
            HandledById = person.Id, HandledAtUtc = now,
        };
        if (refused.Count > 0 && options.Value.SendingEnabled)
            scope.ExtraOutbox.Add(new OutboxMail
            {
                MessageId = MailAddresses.NewMessageId(number, MailAddresses.DomainOf(options.Value.Sender.Address)),
                RecipientId = person.Id, ToAddress = row.FromAddress, ToName = person.FullName, Kind = OutboxKinds.AdjuntosRechazados,
                TicketId = ticket.Id, TicketNumber = number, InReplyTo = row.MessageId.StartsWith("sha256:") ? null : row.MessageId,
                Text = "Su respuesta se agregó al ticket, pero estos adjuntos no se aceptaron:\n" + string.Join("\n", refused.Select(r => $"- {r}")),
                Status = OutboxStatus.Pendiente, CreatedAtUtc = now, NextAttemptUtc = now,
            });
        try
        {
            using (scope.Enter())
                await conversation.ReplyAsync(actor, ticket.Id, Clip(text, TicketMessage.BodyMaxLength), isInternal: false, files, ct);
        }
        catch (TicketConflictException)
        {
            return null; // another reader added it first (the row's version moved): handled once
        }
        catch (DomainException ex)
        {
            return ex.Message;
        }
        finally
        {
            foreach (var f in files) await f.Content.DisposeAsync();
        }
        log.LogInformation("Correo {MessageId} agregado como respuesta al ticket {Number}", row.MessageId, number);
        return null;
    }

    /// <summary>Attachments that pass the same rules as the screens; the others by name with the reason.</summary>
    internal static (List<UploadedFile> Accepted, List<string> Refused) Attachments(MimeMessage message)
    {
        var accepted = new List<UploadedFile>();
        var refused = new List<string>();
        var parts = new List<MimePart>();
        foreach (var entity in message.Attachments)
        {
            if (entity is TnefPart tnef)
            {
                try { parts.AddRange(tnef.ExtractAttachments().OfType<MimePart>()); }
                catch (Exception) { refused.Add("winmail.dat: no se pudo leer (formato de Outlook)."); }
            }
            else if (entity is MimePart part) parts.Add(part);
            else if (entity is MessagePart) refused.Add("mensaje reenviado adjunto: no se admite.");
        }
        foreach (var part in parts)
        {
            var name = AttachmentRules.CleanFileName(part.FileName ?? "adjunto");
            if (accepted.Count >= AttachmentRules.MaxPerMessage) { refused.Add($"«{name}»: se admiten hasta {AttachmentRules.MaxPerMessage} archivos."); continue; }
            var content = new MemoryStream();
            try
            {
                part.Content?.DecodeTo(content);
                content.Position = 0;
                AttachmentRules.Check(name, content, content.Length);
                content.Position = 0;
                accepted.Add(new UploadedFile(name, content, content.Length));
            }
            catch (Exception ex) when (ex is DomainException or FormatException or IOException or InvalidOperationException)
            {
                content.Dispose();
                refused.Add(ex is DomainException ? ex.Message : $"«{name}»: no se pudo leer.");
            }
        }
        return (accepted, refused);
    }

    /// <summary>Why a message is automatic or a loop (never answered), or null.</summary>
    internal static string? LoopReason(MimeMessage message, InboundMail row, MailOptions o)
    {
        var auto = message.Headers[HeaderId.AutoSubmitted];
        if (!string.IsNullOrWhiteSpace(auto) && !auto.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase)) return $"mensaje automático (Auto-Submitted: {MailAddresses.Clean(auto, 60)}).";
        var precedence = message.Headers[HeaderId.Precedence]?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "list" or "junk" or "auto_reply") return $"mensaje masivo o automático (Precedence: {precedence}).";
        foreach (var h in new[] { "X-Autoreply", "X-Autorespond", "X-AutoReply-From", "X-Mail-Autoreply", "X-Autogenerated", "X-FC-MachineGenerated" })
            if (message.Headers.Contains(h)) return $"respuesta automática ({h}).";
        if (message.Headers["X-Auto-Response-Suppress"] is null && message.Headers["List-Id"] is not null) return "mensaje de una lista de correo (List-Id).";
        if (string.IsNullOrEmpty(row.FromAddress)) return "mensaje sin remitente.";
        if (o.IsOwnAddress(row.FromAddress)) return "mensaje de una dirección de SIGET (bucle).";
        if (row.FromAddress.StartsWith("mailer-daemon@", StringComparison.OrdinalIgnoreCase) || row.FromAddress.StartsWith("postmaster@", StringComparison.OrdinalIgnoreCase))
            return "aviso del sistema de correo (rebote).";
        return null;
    }

    private async Task<string?> TooManyAsync(InboundMail row, MailOptions o, CancellationToken ct)
    {
        if (o.MaxPerSenderPerMinute <= 0) return null;
        var since = row.ReceivedAtUtc.AddMinutes(-1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recent = await db.Set<InboundMail>().CountAsync(m => m.FromAddress == row.FromAddress && m.ReceivedAtUtc >= since && m.Id < row.Id, ct);
        return recent >= o.MaxPerSenderPerMinute ? $"más de {o.MaxPerSenderPerMinute} mensajes por minuto de este remitente (posible bucle)." : null;
    }

    /// <summary>Why the From cannot be trusted, or null: a trusted receiving server must report DMARC pass, or DKIM or SPF
    /// pass for the From's domain.</summary>
    internal static string? SpoofReason(MimeMessage message, InboundMail row, MailOptions o)
    {
        var domain = MailAddresses.DomainOf(row.FromAddress).ToLowerInvariant();
        var trusted = o.TrustedServers.Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).ToHashSet();
        if (trusted.Count == 0) return "no hay servidores de confianza configurados (Mail:TrustedServers): no se puede verificar el remitente.";
        var sawTrusted = false;
        foreach (var header in message.Headers.Where(h => h.Id == HeaderId.AuthenticationResults))
        {
            if (!AuthenticationResults.TryParse(header.RawValue, out var results)) continue;
            if (results.AuthenticationServiceIdentifier is not { } serv || !trusted.Contains(serv.ToLowerInvariant())) continue;
            sawTrusted = true;
            foreach (var r in results.Results)
            {
                if (!string.Equals(r.Result, "pass", StringComparison.OrdinalIgnoreCase)) continue;
                var method = r.Method.ToLowerInvariant();
                var subject = method switch
                {
                    "dmarc" => Property(r, "header", "from"),
                    "dkim" => Property(r, "header", "d") ?? Property(r, "header", "i"),
                    "spf" => Property(r, "smtp", "mailfrom") ?? Property(r, "smtp", "helo"),
                    _ => null,
                };
                if (subject is null) continue;
                var d = MailAddresses.DomainOf(subject.Contains('@') ? subject : "x@" + subject).ToLowerInvariant();
                if (d == domain || domain.EndsWith("." + d, StringComparison.Ordinal)) return null;
            }
        }
        return sawTrusted
            ? $"el servidor de confianza no confirmó (SPF, DKIM o DMARC) que el mensaje venga de {domain}."
            : "no trae el resultado de autenticación de un servidor de confianza (Authentication-Results).";
    }

    private static string? Property(AuthenticationMethodResult r, string type, string name) =>
        r.Properties.FirstOrDefault(p => string.Equals(p.PropertyType, type, StringComparison.OrdinalIgnoreCase)
                                         && string.Equals(p.Property, name, StringComparison.OrdinalIgnoreCase))?.Value;

    // ---- staff actions ----

    public static bool MayWork(Actor actor) => actor.Role is Role.Tecnico or Role.Especialista or Role.Supervisor or Role.Administrador;
    public static bool MayAdminister(Actor actor) => actor.Role is Role.Supervisor or Role.Administrador;

    public async Task<IReadOnlyList<InboundMailRow>> ListAsync(Actor actor, IReadOnlyCollection<InboundStatus> states, CancellationToken ct = default)
    {
        if (!MayWork(actor) || (states.Contains(InboundStatus.Cuarentena) && !MayAdminister(actor)))
            throw new DomainException("No tiene permiso para ver el correo entrante.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<InboundMail>().AsNoTracking().Where(m => states.Contains(m.Status))
            .OrderByDescending(m => m.ReceivedAtUtc).ThenByDescending(m => m.Id).Take(ListMax)
            .Select(m => new InboundMailRow(m.Id, m.FromAddress, m.FromName, m.Subject, m.Body, m.ReceivedAtUtc, m.Status, m.Note, m.TicketNumber))
            .ToListAsync(ct);
    }

    /// <summary>The person whose address sent the message, if any (to preselect the requester).</summary>
    public async Task<string?> MatchRequesterAsync(string fromAddress, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var normalized = fromAddress.ToUpperInvariant();
        return await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized && u.IsActive).OrderBy(u => u.Id).Select(u => u.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>A technician turns a new message into a ticket of channel «Correo electrónico», with its accepted attachments
    /// and the original message; the message row changes in the same transaction, so two technicians cannot both convert it.</summary>
    public async Task<Ticket> ConvertAsync(Actor actor, long id, ConvertMailRequest request, CancellationToken ct = default)
    {
        if (!MayWork(actor) && actor.Role != Role.Sistema) throw new DomainException("Solo el personal de la UTI registra tickets desde el correo.");
        var row = await GetAsync(id, ct);
        if (row.Status != InboundStatus.Nuevo) throw new DomainException("Este correo ya fue atendido por otra persona.");
        var message = await LoadAsync(row, ct);
        var (files, refused) = Attachments(message);
        var description = request.Description;
        if (refused.Count > 0) description += "\n\nAdjuntos del correo no aceptados:\n" + string.Join("\n", refused.Select(r => $"- {r}"));
        if (row.RawStoredName is not null)
        {
            var original = new MemoryStream();
            await using (var raw = store.OpenRead(row.RawStoredName)) await raw.CopyToAsync(original, ct);
            original.Position = 0;
            try
            {
                AttachmentRules.Check("correo-original.txt", original, original.Length);
                original.Position = 0;
                if (files.Count < AttachmentRules.MaxPerMessage) files.Add(new UploadedFile("correo-original.txt", original, original.Length));
            }
            catch (DomainException) { original.Dispose(); } // kept on the message row anyway
        }
        var scope = new InboundScope
        {
            InboundId = row.Id, Version = row.Version, NewStatus = InboundStatus.Convertido, HandledById = actor.UserId,
            HandledAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        try
        {
            using (scope.Enter())
            {
                var registered = await registration.RegisterWithCodeAsync(actor, new RegisterTicketRequest
                {
                    RequesterId = request.RequesterId, Channel = Channel.CorreoElectronico, Kind = request.Kind, SubcategoryCode = request.SubcategoryCode,
                    Subject = request.Subject, Description = Clip(description, 4000), Impact = request.Impact, AlternativeAvailable = request.AlternativeAvailable,
                }, files, ct);
                feed.Publish();
                return registered.Ticket;
            }
        }
        catch (TicketConflictException) { throw new DomainException("Este correo ya fue atendido por otra persona."); }
        catch (DbUpdateConcurrencyException) { throw new DomainException("Este correo ya fue atendido por otra persona."); }
        finally
        {
            foreach (var f in files) await f.Content.DisposeAsync();
        }
    }

    public async Task DiscardAsync(Actor actor, long id, string reason, CancellationToken ct = default)
    {
        if (!MayWork(actor)) throw new DomainException("Solo el personal de la UTI descarta correos.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Indique por qué se descarta el correo.");
        await ChangeAsync(actor, id, InboundStatus.Nuevo, InboundStatus.Descartado, $"Descartado: {MailAddresses.Clean(reason, 500)}", ct);
    }

    /// <summary>The administrator vouches for a quarantined message: it is sorted as if verified.</summary>
    public async Task ReleaseAsync(Actor actor, long id, CancellationToken ct = default)
    {
        if (!MayAdminister(actor)) throw new DomainException("Solo el administrador o el supervisor liberan la cuarentena.");
        var row = await GetAsync(id, ct);
        if (row.Status != InboundStatus.Cuarentena) throw new DomainException("Este correo ya no está en cuarentena.");
        await ProcessAsync(row, verified: true, ct);
        feed.Publish();
    }

    public async Task DeleteQuarantinedAsync(Actor actor, long id, CancellationToken ct = default)
    {
        if (!MayAdminister(actor)) throw new DomainException("Solo el administrador o el supervisor eliminan correos de la cuarentena.");
        var row = await GetAsync(id, ct);
        await ChangeAsync(actor, id, InboundStatus.Cuarentena, InboundStatus.Descartado, "Eliminado de la cuarentena.", ct);
        if (row.RawStoredName is not null) store.Delete(row.RawStoredName);
    }

    private async Task ChangeAsync(Actor actor, long id, InboundStatus from, InboundStatus to, string note, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Set<InboundMail>().Where(m => m.Id == id && m.Status == from).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, to).SetProperty(m => m.Note, note).SetProperty(m => m.HandledById, actor.UserId)
            .SetProperty(m => m.HandledAtUtc, now).SetProperty(m => m.Version, m => m.Version + 1), ct);
        if (changed == 0) throw new DomainException("Este correo ya fue atendido por otra persona.");
        feed.Publish();
    }

    private async Task<InboundMail> GetAsync(long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<InboundMail>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new DomainException("No se encontró el correo.");
    }

    private async Task<MimeMessage> LoadAsync(InboundMail row, CancellationToken ct)
    {
        if (row.RawStoredName is null) throw new InvalidOperationException("El mensaje original no se guardó.");
        await using var raw = store.OpenRead(row.RawStoredName);
        return await MimeMessage.LoadAsync(raw, ct);
    }

    /// <summary>A message that cannot be processed: kept with its error, out of the way of the next ones.</summary>
    public async Task SetAsideAsync(InboundMail row, string error, CancellationToken ct)
    {
        log.LogWarning("Correo {MessageId} apartado: {Error}", row.MessageId, error);
        await SetAsync(row, InboundStatus.Error, error, ct);
        feed.Publish();
    }

    private async Task SetAsync(InboundMail row, InboundStatus status, string? note, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Set<InboundMail>().Where(m => m.Id == row.Id && m.Version == row.Version).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, status).SetProperty(m => m.Note, note == null ? null : Clip(note, 2000)).SetProperty(m => m.Version, m => m.Version + 1), ct);
    }

    private static string Clip(string s, int max) => s.Length > max ? s[..(max - 1)] + "…" : s;
}

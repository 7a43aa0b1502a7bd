using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;
using Siget.Console.Telemetry;

namespace Siget.Console.Services.Mail;

/// <summary>
/// Reads the help-desk mailbox: each message is stored once (its Message-ID is unique in the database) and moved to the
/// processed folder, then sorted. With two readers, or after a restart, a message seen again is only moved. Waits with
/// IMAP IDLE when the server has it, else polls. A message that cannot be read is set aside with its error; the next
/// one is read.
/// </summary>
public sealed class MailReader(MailConnections connections, IncomingMail incoming, TimeProvider clock, ILogger<MailReader> log) : BackgroundService
{
    public const int HeaderLimitBytes = 1024 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = connections.Options;
        if (!o.ReadingEnabled || o.ReadIntervalSeconds <= 0) return;
        log.LogInformation("Lectura del buzón {Server} activa", o.Imap.ToString());
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var imap = await connections.ImapAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested && imap.IsConnected)
                {
                    await ReadAsync(imap, stoppingToken);
                    if (imap.Capabilities.HasFlag(ImapCapabilities.Idle))
                    {
                        var inbox = await imap.GetFolderAsync(o.Imap.Folder, stoppingToken);
                        using var done = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                        done.CancelAfter(TimeSpan.FromMinutes(9)); // servers drop idle sessions after about 30 minutes
                        void Arrived(object? s, EventArgs e) => done.Cancel();
                        inbox.CountChanged += Arrived;
                        try { await imap.IdleAsync(done.Token, stoppingToken); }
                        finally { inbox.CountChanged -= Arrived; }
                    }
                    else await Task.Delay(TimeSpan.FromSeconds(o.ReadIntervalSeconds), clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex)
            {
                log.LogWarning("Lectura del buzón falló ({Error}); se reintentará", ex.Message);
                try { await Task.Delay(TimeSpan.FromSeconds(Math.Max(5, o.ReadIntervalSeconds)), clock, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
    }

    /// <summary>One pass over the mailbox: returns how many new messages were stored.</summary>
    public async Task<int> ReadOnceAsync(CancellationToken ct = default)
    {
        if (!connections.Options.ReadingEnabled) return 0;
        using var imap = await connections.ImapAsync(ct);
        var stored = await ReadAsync(imap, ct);
        await imap.DisconnectAsync(true, ct);
        return stored;
    }

    private Task<int> ReadAsync(ImapClient imap, CancellationToken ct) => SigetTracing.PassAsync("correo-lectura", () => ReadNewAsync(imap, ct));

    private async Task<int> ReadNewAsync(ImapClient imap, CancellationToken ct)
    {
        var o = connections.Options;
        var inbox = await imap.GetFolderAsync(o.Imap.Folder, ct);
        await inbox.OpenAsync(FolderAccess.ReadWrite, ct);
        var processed = await ProcessedFolderAsync(imap, ct);
        var uids = await inbox.SearchAsync(SearchQuery.NotDeleted, ct);
        var stored = 0;
        foreach (var uid in uids)
        {
            try
            {
                if (await StoreOneAsync(inbox, uid, o, ct)) stored++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not IOException and not ImapProtocolException)
            {
                log.LogWarning(ex, "El mensaje {Uid} del buzón no se pudo leer", uid);
                continue; // left in the inbox: read again next time (or moved by hand)
            }
            try
            {
                if (imap.Capabilities.HasFlag(ImapCapabilities.Move)) await inbox.MoveToAsync(uid, processed, ct);
                else
                {
                    await inbox.CopyToAsync(uid, processed, ct);
                    await inbox.AddFlagsAsync(uid, MessageFlags.Deleted | MessageFlags.Seen, true, ct);
                    if (imap.Capabilities.HasFlag(ImapCapabilities.UidPlus)) await inbox.ExpungeAsync([uid], ct);
                }
            }
            catch (ImapCommandException ex)
            {
                // Another reader moved it first: it is stored once either way.
                log.LogDebug("El mensaje {Uid} ya no estaba en el buzón: {Error}", uid, ex.Message);
            }
        }
        await incoming.ProcessPendingAsync(ct);
        return stored;
    }

    private async Task<bool> StoreOneAsync(IMailFolder inbox, UniqueId uid, MailOptions o, CancellationToken ct)
    {
        var summary = (await inbox.FetchAsync([uid], MessageSummaryItems.Size | MessageSummaryItems.Envelope, ct)).FirstOrDefault();
        if (summary is null) return false;
        var size = (long)(summary.Size ?? 0);
        if (size > o.MaxMessageBytes)
        {
            // Not downloaded: its headers say who sent it, and staff see the note.
            var headers = await inbox.GetHeadersAsync(uid, ct);
            var head = new MimeMessage(headers);
            var raw = System.Text.Encoding.UTF8.GetBytes(string.Concat(headers.Select(h => h.ToString() + "\n")));
            var id = IncomingMail.IdentityOf(head, raw);
            return await incoming.StoreAsync(id, raw, head,
                $"Supera el tamaño máximo ({size / (1024 * 1024.0):0.#} MB; el límite es {o.MaxMessageBytes / (1024 * 1024.0):0.#} MB): no se leyó. Pida al remitente que lo envíe en partes o por otra vía.", ct) is not null;
        }
        byte[] bytes;
        await using (var stream = await inbox.GetStreamAsync(uid, ct))
        using (var buffer = new MemoryStream())
        {
            await stream.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        if (bytes.Length == 0) return false; // moved away by another reader meanwhile
        MimeMessage? message = null;
        string? problem = null;
        try
        {
            using var parse = new MemoryStream(bytes);
            var parser = new MimeParser(new ParserOptions { MaxMimeDepth = 32 }, parse, MimeFormat.Entity);
            message = await parser.ParseMessageAsync(ct);
            if (message.Headers.Sum(h => (long)h.RawValue.Length + h.Field.Length) > HeaderLimitBytes) problem = "Cabeceras demasiado grandes: no se procesa.";
        }
        catch (Exception ex) when (ex is FormatException or ParseException or ArgumentException)
        {
            problem = $"Mensaje MIME mal formado: {ex.Message}";
        }
        var messageId = IncomingMail.IdentityOf(problem is null ? message : null, bytes);
        if (problem is not null)
        {
            var row = await incoming.StoreAsync(messageId, bytes, message, null, ct);
            if (row is not null) await incoming.SetAsideAsync(row, problem, ct);
            return row is not null;
        }
        return await incoming.StoreAsync(messageId, bytes, message, null, ct) is not null;
    }

    private async Task<IMailFolder> ProcessedFolderAsync(ImapClient imap, CancellationToken ct)
    {
        var name = connections.Options.Imap.ProcessedFolder;
        try
        {
            return await imap.GetFolderAsync(name, ct);
        }
        catch (FolderNotFoundException)
        {
            var root = imap.GetFolder(imap.PersonalNamespaces[0]);
            try { return (await root.CreateAsync(name, true, ct))!; }
            catch (ImapCommandException) { return await imap.GetFolderAsync(name, ct); } // another reader created it
        }
    }
}

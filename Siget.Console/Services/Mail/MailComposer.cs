using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Siget.Console.Data;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Tickets;
using Siget.Core.Notifications;
using Siget.Core.Sla;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Mail;

/// <summary>Turns outbox rows into messages: Spanish HTML and text, fixed subject tag, threading and loop headers.</summary>
public sealed class MailComposer(IOptions<MailOptions> options, SettingsStore settings)
{
    private static readonly CultureInfo Peru = new("es-PE");

    public async Task<MimeMessage> ComposeAsync(SigetDbContext db, IReadOnlyList<OutboxMail> rows, CancellationToken ct)
    {
        var o = options.Value;
        var first = rows[0];
        var domain = MailAddresses.DomainOf(o.Sender.Address);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(MailAddresses.Clean(o.Sender.Name, 120), o.Sender.Address));
        message.To.Add(new MailboxAddress(MailAddresses.Clean(first.ToName, 120), MailAddresses.Clean(first.ToAddress, 256)));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        message.Date = first.CreatedAtUtc;

        if (rows.Count > 1)
        {
            message.MessageId = $"siget.resumen.{rows.Min(r => r.Id)}-{rows.Max(r => r.Id)}-{rows.Count}@{domain}";
            message.Subject = $"[SIGET] Resumen de alertas de SLA ({rows.Count})";
            var lines = rows.Select(r => $"{r.TicketNumber}: {r.Text}").ToList();
            var text = new StringBuilder("Alertas de SLA de los últimos minutos:\n\n");
            foreach (var l in lines) text.Append("- ").Append(l).Append('\n');
            text.Append($"\nCola: {o.BaseUrl.TrimEnd('/')}/\n\nMensaje automático de SIGET; no responda a este resumen.\n");
            var html = new StringBuilder("<p>Alertas de SLA de los últimos minutos:</p><ul>");
            foreach (var r in rows)
                html.Append($"<li><a href=\"{Link(o, r.TicketNumber)}\">{WebUtility.HtmlEncode(r.TicketNumber)}</a>: {WebUtility.HtmlEncode(r.Text)}</li>");
            html.Append("</ul><p style=\"color:#666\">Mensaje automático de SIGET; no responda a este resumen.</p>");
            message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
            return message;
        }

        message.MessageId = first.MessageId;
        var root = MailAddresses.ThreadRoot(first.TicketNumber, domain);
        message.InReplyTo = first.InReplyTo ?? root;
        message.References.Add(root);
        if (first.InReplyTo is not null) message.References.Add(first.InReplyTo);

        var ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == first.TicketId, ct);
        var subject = MailAddresses.Clean(ticket?.Subject, 200);
        message.Subject = $"{MailAddresses.SubjectTag(first.TicketNumber)} {subject}".TrimEnd();

        var latest = await db.TicketMessages.AsNoTracking().Where(m => m.TicketId == first.TicketId && !m.Internal)
            .OrderByDescending(m => m.AtUtc).ThenByDescending(m => m.Id).FirstOrDefaultAsync(ct);
        var state = ticket is null ? null : ticket.State.Label();
        var where = ticket is null ? null : RequesterWording.WhereItIs(ticket.Level, ticket.State, ticket.AssigneeName);
        var calendar = settings.Policy.Calendar;
        var link = Link(o, first.TicketNumber);

        var t = new StringBuilder();
        t.Append(MailAddresses.ReplyAboveMarker).Append("\n\n");
        t.Append(first.Text).Append("\n\n");
        if (first.Kind == OutboxKinds.AdjuntosRechazados)
            t.Append("Este aviso responde a su correo. No responda si no necesita agregar nada.\n\n");
        t.Append($"Ticket {first.TicketNumber}: {subject}\n");
        if (state is not null) t.Append($"Estado: {state}{(where is null ? "" : $" ({where})")}\n");
        if (latest is not null)
            t.Append($"\nÚltimo mensaje ({MailAddresses.Clean(latest.AuthorName)}, {calendar.ToLocal(latest.AtUtc).ToString("dd/MM/yyyy HH:mm", Peru)}):\n{latest.Body}\n");
        t.Append($"\nVer el ticket: {link}\n\n");
        t.Append("Para responder, escriba encima de la primera línea de este correo. Mensaje automático de la mesa de ayuda (SIGET).\n");

        var h = new StringBuilder();
        h.Append($"<p style=\"color:#888;font-size:12px\">{WebUtility.HtmlEncode(MailAddresses.ReplyAboveMarker)}</p>");
        h.Append($"<p>{WebUtility.HtmlEncode(first.Text)}</p>");
        h.Append($"<p><strong>Ticket {WebUtility.HtmlEncode(first.TicketNumber)}</strong>: {WebUtility.HtmlEncode(subject)}<br>");
        if (state is not null) h.Append($"Estado: <strong>{WebUtility.HtmlEncode(state)}</strong>{(where is null ? "" : $" ({WebUtility.HtmlEncode(where)})")}");
        h.Append("</p>");
        if (latest is not null)
            h.Append($"<p>Último mensaje ({WebUtility.HtmlEncode(latest.AuthorName)}, {calendar.ToLocal(latest.AtUtc).ToString("dd/MM/yyyy HH:mm", Peru)}):</p>")
             .Append($"<blockquote style=\"white-space:pre-wrap;border-left:3px solid #ccc;margin:0;padding-left:8px\">{WebUtility.HtmlEncode(latest.Body)}</blockquote>");
        h.Append($"<p><a href=\"{link}\">Ver el ticket en SIGET</a></p>");
        h.Append("<p style=\"color:#666;font-size:12px\">Para responder, escriba encima de la primera línea de este correo. Mensaje automático de la mesa de ayuda (SIGET).</p>");
        message.Body = new BodyBuilder { TextBody = t.ToString(), HtmlBody = h.ToString() }.ToMessageBody();
        return message;
    }

    private static string Link(MailOptions o, string number) => $"{o.BaseUrl.TrimEnd('/')}/tickets/{Uri.EscapeDataString(number)}";
}

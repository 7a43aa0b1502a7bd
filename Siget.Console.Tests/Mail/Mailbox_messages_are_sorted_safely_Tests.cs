using System.Text;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Siget.Console.Services.Sla;
using Siget.Console.Services.Tickets;
using Siget.Console.Services.Mail;
using Siget.Core.Catalog;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Mail;

/// <summary>SIGET reads its help-desk mailbox on a real IMAP server (Dovecot) and sorts each message once.</summary>
[Collection(MailCollection.Name)]
public sealed class Mailbox_messages_are_sorted_safely_Tests(MailServers servers) : IAsyncLifetime
{
    private MailDesk _desk = default!;

    public async Task InitializeAsync() => _desk = await MailDesk.StartAsync(servers);

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private MimeMessage From(string address, string subject, string body, bool authenticated = true, string? inReplyTo = null)
    {
        var m = new MimeMessage();
        m.From.Add(new MailboxAddress("Remitente", address));
        m.To.Add(new MailboxAddress("Mesa de ayuda", MailDesk.HelpDeskAddress));
        m.Subject = subject;
        m.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("correo.entidad.gob.pe");
        if (inReplyTo is not null) { m.InReplyTo = inReplyTo; m.References.Add(inReplyTo); }
        var domain = address[(address.IndexOf('@') + 1)..];
        if (authenticated)
            m.Headers.Add("Authentication-Results", $"{MailDesk.TrustedServer}; spf=pass smtp.mailfrom={address}; dkim=pass header.d={domain}; dmarc=pass header.from={domain}");
        m.Body = new TextPart("plain") { Text = body };
        return m;
    }

    private async Task<List<InboundMail>> ReadAsync()
    {
        await _desk.Reader.ReadOnceAsync();
        return await _desk.InboundAsync();
    }

    [Fact]
    public async Task A_reply_to_a_notification_becomes_a_public_reply_of_the_requester_without_quote_or_signature()
    {
        var ticket = await _desk.TakenAsync($"Monitor {_desk.Tag}");
        var body = $"Ya funciona, gracias.\n\n-- \nMaría Flores\nUnidad de Administración\n\nEl 2 dic 2026, a las 10:00, SIGET <{MailDesk.HelpDeskAddress}> escribió:\n> {MailAddresses.ReplyAboveMarker}\n> Hay una nueva respuesta";
        await servers.DeliverAsync(_desk.Mailbox, From(_desk.AddressOf(_desk.Requester), $"RE: [SIGET {ticket.Number}] Monitor", body,
            inReplyTo: $"siget.{ticket.Number}.abc@entidad.gob.pe"));

        var rows = await ReadAsync();

        rows.Should().ContainSingle().Which.Status.Should().Be(InboundStatus.Respuesta);
        await using var db = _desk.App.CreateDbContext();
        var messages = await db.TicketMessages.AsNoTracking().Where(m => m.TicketId == ticket.Id).ToListAsync();
        var reply = messages.Single(m => m.AuthorId == _desk.Requester.UserId);
        reply.Internal.Should().BeFalse();
        reply.Body.Should().Be("Ya funciona, gracias.");
        (await servers.InboxCountAsync(_desk.Mailbox)).Should().Be(0, "handled messages are moved out of the inbox");
        // The technician is told by the bell, and by mail (a requester's reply is not "important", so only the bell).
        (await db.Notifications.AnyAsync(n => n.RecipientId == _desk.Technician.UserId && n.TicketId == ticket.Id && n.Kind == Siget.Core.Notifications.NotificationKind.RespuestaDelUsuario)).Should().BeTrue();
    }

    [Fact]
    public async Task A_reply_to_a_resolved_ticket_is_added_and_flagged_without_reopening_it()
    {
        var taken = await _desk.TakenAsync($"Resuelto {_desk.Tag}");
        var resolved = await _desk.App.Service<TicketCommands>().ResolveAsync(_desk.Technician, taken.Id, taken.Version, "Se cambió el cable.");
        await servers.DeliverAsync(_desk.Mailbox, From(_desk.AddressOf(_desk.Requester), $"Re: [SIGET {resolved.Number}] x", "Sigue fallando a veces."));

        var row = (await ReadAsync()).Single();

        row.Status.Should().Be(InboundStatus.Respuesta);
        row.Flagged.Should().BeTrue();
        await using var db = _desk.App.CreateDbContext();
        (await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == resolved.Id)).State.Should().Be(TicketState.Resuelto);
    }

    [Fact]
    public async Task A_new_message_waits_in_Correo_entrante_and_a_technician_turns_it_into_a_ticket()
    {
        var message = From(_desk.AddressOf(_desk.Requester), "No puedo entrar a la VPN", "Desde ayer la VPN dice credenciales inválidas.");
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        var builder = new BodyBuilder { TextBody = "Desde ayer la VPN dice credenciales inválidas." };
        builder.Attachments.Add("captura.pdf", pdf, new ContentType("application", "pdf"));
        message.Body = builder.ToMessageBody();
        await servers.DeliverAsync(_desk.Mailbox, message);

        var row = (await ReadAsync()).Single();
        row.Status.Should().Be(InboundStatus.Nuevo);
        var incoming = _desk.Incoming;
        (await incoming.ListAsync(_desk.Technician, [InboundStatus.Nuevo])).Should().ContainSingle(m => m.Id == row.Id);
        (await incoming.MatchRequesterAsync(row.FromAddress)).Should().Be(_desk.Requester.UserId);

        var ticket = await incoming.ConvertAsync(_desk.Technician, row.Id, new ConvertMailRequest
        {
            RequesterId = _desk.Requester.UserId, SubcategoryCode = 5, Subject = row.Subject, Description = row.Body,
            Impact = OperatingImpact.Parcial, AlternativeAvailable = true,
        });

        ticket.Channel.Should().Be(Channel.CorreoElectronico);
        ticket.RequesterId.Should().Be(_desk.Requester.UserId);
        ticket.Subject.Should().Be("No puedo entrar a la VPN");
        await using var db = _desk.App.CreateDbContext();
        var files = await db.TicketAttachments.AsNoTracking().Where(a => a.TicketId == ticket.Id).Select(a => a.FileName).ToListAsync();
        files.Should().Contain("captura.pdf").And.Contain("correo-original.txt");
        var after = (await _desk.InboundAsync()).Single();
        after.Status.Should().Be(InboundStatus.Convertido);
        after.TicketNumber.Should().Be(ticket.Number);
        // A second technician cannot convert it again.
        var again = () => incoming.ConvertAsync(_desk.Technician, row.Id, new ConvertMailRequest
        {
            RequesterId = _desk.Requester.UserId, SubcategoryCode = 5, Subject = "x", Description = "x", Impact = OperatingImpact.Parcial, AlternativeAvailable = true,
        });
        await again.Should().ThrowAsync<Siget.Core.DomainException>();
    }

    [Fact]
    public async Task With_automatic_registration_on_a_request_from_the_institution_s_own_people_becomes_a_ticket_at_once()
    {
        await using var desk = await MailDesk.StartAsync(servers, new Dictionary<string, string>
        {
            ["Mail:AutoRegister:Enabled"] = "true", ["Mail:AutoRegister:Domains:0"] = "entidad.gob.pe", ["Mail:AutoRegister:ServiceCode"] = "5",
        });
        var own = From(desk.AddressOf(desk.Requester), "La impresora no imprime", "Sale la hoja en blanco.");
        var stranger = From("vecino@gmail.com", "Consulta", "¿Atienden los sábados?");
        var unsigned = From(desk.AddressOf(desk.Requester), "Sin firma", "Texto.", authenticated: false);
        foreach (var m in new[] { own, stranger, unsigned }) await servers.DeliverAsync(desk.Mailbox, m);

        await desk.Reader.ReadOnceAsync();

        var rows = (await desk.InboundAsync()).ToDictionary(r => r.Subject);
        rows["La impresora no imprime"].Status.Should().Be(InboundStatus.Convertido);
        rows["Consulta"].Status.Should().Be(InboundStatus.Nuevo, "an address outside the institution waits for a technician");
        rows["Sin firma"].Status.Should().Be(InboundStatus.Cuarentena, "unauthenticated mail is never attributed, let alone registered");
        await using var db = desk.App.CreateDbContext();
        var ticket = await db.Tickets.Include(t => t.History).AsNoTracking().SingleAsync(t => t.Number == rows["La impresora no imprime"].TicketNumber);
        (ticket.Channel, ticket.RequesterId, ticket.Priority).Should().Be((Channel.CorreoElectronico, desk.Requester.UserId, Priority.Baja));
        ticket.History.Single().ActorName.Should().Be("Sistema");
    }

    [Fact]
    public async Task A_message_without_a_trusted_authentication_result_is_quarantined_and_never_attributed()
    {
        var ticket = await _desk.TakenAsync($"Suplantación {_desk.Tag}");
        var spoofed = From(_desk.AddressOf(_desk.Requester), $"Re: [SIGET {ticket.Number}]", "Cierren mi ticket.", authenticated: false);
        spoofed.Headers.Add("Authentication-Results", $"mx.atacante.example; dmarc=pass header.from=entidad.gob.pe");
        await servers.DeliverAsync(_desk.Mailbox, spoofed);
        var failing = From(_desk.AddressOf(_desk.Requester), $"Re: [SIGET {ticket.Number}]", "Otro.", authenticated: false);
        failing.Headers.Add("Authentication-Results", $"{MailDesk.TrustedServer}; spf=fail smtp.mailfrom=entidad.gob.pe; dmarc=fail header.from=entidad.gob.pe");
        await servers.DeliverAsync(_desk.Mailbox, failing);

        var rows = await ReadAsync();

        rows.Should().HaveCount(2).And.OnlyContain(r => r.Status == InboundStatus.Cuarentena);
        await using var db = _desk.App.CreateDbContext();
        (await db.TicketMessages.AnyAsync(m => m.TicketId == ticket.Id && m.AuthorId == _desk.Requester.UserId)).Should().BeFalse();
        (await _desk.Incoming.ListAsync(_desk.Supervisor, [InboundStatus.Cuarentena])).Should().HaveCount(2);
    }

    [Fact]
    public async Task Automatic_replies_and_loops_are_ignored_and_never_answered()
    {
        var ticket = await _desk.TakenAsync($"Bucle {_desk.Tag}");
        var ooo = From(_desk.AddressOf(_desk.Requester), $"Fuera de la oficina: [SIGET {ticket.Number}]", "Estoy de vacaciones.");
        ooo.Headers.Add("Auto-Submitted", "auto-replied");
        var bulk = From("boletin@entidad.gob.pe", "Boletín", "Noticias");
        bulk.Headers.Add("Precedence", "bulk");
        var xauto = From("alguien@entidad.gob.pe", "Respuesta automática", "No estoy");
        xauto.Headers.Add("X-Autoreply", "yes");
        var own = From(MailDesk.HelpDeskAddress, $"[SIGET {ticket.Number}] eco", "eco");
        foreach (var m in new[] { ooo, bulk, xauto, own }) await servers.DeliverAsync(_desk.Mailbox, m);
        var before = (await _desk.OutboxAsync()).Count;

        var rows = await ReadAsync();

        rows.Should().HaveCount(4).And.OnlyContain(r => r.Status == InboundStatus.Ignorado);
        (await _desk.OutboxAsync()).Should().HaveCount(before, "SIGET never answers an automatic message");
        _desk.App.Log.Should().Contain(l => l.Contains("ignorado"));
    }

    [Fact]
    public async Task A_refused_attachment_is_listed_on_the_ticket_and_the_sender_is_told()
    {
        var ticket = await _desk.TakenAsync($"Adjuntos {_desk.Tag}");
        var message = From(_desk.AddressOf(_desk.Requester), $"Re: [SIGET {ticket.Number}]", "");
        var builder = new BodyBuilder { TextBody = "Adjunto el instalador y el registro." };
        builder.Attachments.Add("programa.exe", Encoding.ASCII.GetBytes("MZ\x90\x00 binario"), new ContentType("application", "octet-stream"));
        builder.Attachments.Add("falso.pdf", Encoding.ASCII.GetBytes("esto no es un pdf"), new ContentType("application", "pdf"));
        builder.Attachments.Add("registro.txt", Encoding.UTF8.GetBytes("línea 1\nlínea 2\n"), new ContentType("text", "plain"));
        message.Body = builder.ToMessageBody();
        await servers.DeliverAsync(_desk.Mailbox, message);

        (await ReadAsync()).Single().Status.Should().Be(InboundStatus.Respuesta);

        await using var db = _desk.App.CreateDbContext();
        var reply = await db.TicketMessages.AsNoTracking().Include(m => m.Attachments).SingleAsync(m => m.TicketId == ticket.Id && m.AuthorId == _desk.Requester.UserId);
        reply.Attachments.Select(a => a.FileName).Should().BeEquivalentTo(["registro.txt"]);
        reply.Body.Should().Contain("Adjuntos no aceptados").And.Contain("programa.exe").And.Contain("falso.pdf");
        await _desk.Sender.SendPendingAsync();
        var told = (await servers.ReceivedForAsync(_desk.AddressOf(_desk.Requester))).Where(m => (m.TextBody ?? "").Contains("estos adjuntos no se aceptaron")).ToList();
        told.Should().ContainSingle();
        told[0].TextBody.Should().Contain("programa.exe");
        told[0].InReplyTo.Should().Be(message.MessageId);
    }

    [Fact]
    public async Task Malformed_odd_and_oversized_messages_never_stop_the_reader()
    {
        var raw = "From: =?x-unknown-charset?B?w6HDqQ==?= <raro@entidad.gob.pe>\r\nTo: mesadeayuda@entidad.gob.pe\r\nSubject: =?utf-8?Q?roto?=\r\n"
                  + "Content-Type: multipart/mixed; boundary=\"nunca-cierra\"\r\n" + "X-Largo: " + new string('a', 5000) + "\r\n\r\n"
                  + "--nunca-cierra\r\nContent-Type: text/plain; charset=windows-9999\r\nContent-Transfer-Encoding: base64\r\n\r\n@@@no es base64@@@\r\n"
                  + "--nunca-cierra\r\nContent-Type: application/ms-tnef; name=winmail.dat\r\nContent-Disposition: attachment; filename=winmail.dat\r\nContent-Transfer-Encoding: base64\r\n\r\neJ8+IgAAAAAA\r\n";
        await servers.DeliverRawAsync(_desk.Mailbox, Encoding.Latin1.GetBytes(raw));
        var noId = Encoding.ASCII.GetBytes("From: sinid@entidad.gob.pe\r\nSubject: sin Message-ID\r\n\r\nhola\r\n");
        await servers.DeliverRawAsync(_desk.Mailbox, noId);
        var big = From(_desk.AddressOf(_desk.Requester), "Video", "mire el video");
        var builder = new BodyBuilder { TextBody = "mire el video" };
        builder.Attachments.Add("video.zip", new byte[3 * 1024 * 1024], new ContentType("application", "zip"));
        big.Body = builder.ToMessageBody();
        await servers.DeliverAsync(_desk.Mailbox, big);
        await servers.DeliverAsync(_desk.Mailbox, From(_desk.AddressOf(_desk.Requester), "Después de todo", "Este sí se lee."));

        await using var small = await MailDesk.StartAsync(servers, new Dictionary<string, string> { ["Mail:MaxMessageBytes"] = (1024 * 1024).ToString() });
        // The same messages, in the second desk's own mailbox.
        foreach (var m in new[] { Encoding.Latin1.GetBytes(raw), noId }) await servers.DeliverRawAsync(small.Mailbox, m);
        await servers.DeliverAsync(small.Mailbox, big);
        await servers.DeliverAsync(small.Mailbox, From(small.AddressOf(small.Requester), "Después de todo", "Este sí se lee."));

        await small.Reader.ReadOnceAsync();
        var rows = await small.InboundAsync();

        rows.Should().HaveCount(4);
        rows.Should().Contain(r => r.Subject == "Después de todo" && r.Status == InboundStatus.Nuevo);
        rows.Should().Contain(r => r.Subject == "Video" && r.Status == InboundStatus.Rechazado && r.Note!.Contains("tamaño máximo"));
        rows.Should().OnlyContain(r => r.Status != InboundStatus.Recibido, "every message was sorted, set aside or refused");
        (await servers.InboxCountAsync(small.Mailbox)).Should().Be(0);
    }

    [Fact]
    public async Task More_messages_from_one_sender_in_a_minute_than_allowed_are_ignored_as_a_loop()
    {
        for (var i = 0; i < 12; i++)
            await servers.DeliverAsync(_desk.Mailbox, From("robot@entidad.gob.pe", $"Alerta {i}", $"Alerta {i}."));

        var rows = await ReadAsync();

        rows.Count(r => r.Status == InboundStatus.Nuevo).Should().Be(10);
        rows.Count(r => r.Status == InboundStatus.Ignorado).Should().Be(2);
        rows.Where(r => r.Status == InboundStatus.Ignorado).Should().OnlyContain(r => r.Note!.Contains("por minuto"));
    }

    [Fact]
    public async Task Two_readers_at_once_handle_each_message_once()
    {
        var ticket = await _desk.TakenAsync($"Dos lectores {_desk.Tag}");
        for (var i = 0; i < 8; i++)
            await servers.DeliverAsync(_desk.Mailbox, From(_desk.AddressOf(_desk.Requester), $"Re: [SIGET {ticket.Number}] {i}", $"Respuesta número {i}."));
        await servers.DeliverAsync(_desk.Mailbox, From(_desk.AddressOf(_desk.Requester), "Nuevo pedido", "Necesito un mouse."));

        // Two readers of the same SIGET, at the same time (as two instances over one database would).
        var other = new MailReader(_desk.App.Service<MailConnections>(), _desk.Incoming, _desk.App.Clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MailReader>.Instance);
        await Task.WhenAll(_desk.Reader.ReadOnceAsync(), other.ReadOnceAsync());
        await Task.WhenAll(_desk.Reader.ReadOnceAsync(), other.ReadOnceAsync()); // a restart reads the mailbox again

        var rows = await _desk.InboundAsync();
        rows.Should().HaveCount(9);
        rows.Select(r => r.MessageId).Should().OnlyHaveUniqueItems();
        await using var db = _desk.App.CreateDbContext();
        var replies = await db.TicketMessages.AsNoTracking().Where(m => m.TicketId == ticket.Id && m.AuthorId == _desk.Requester.UserId).Select(m => m.Body).ToListAsync();
        replies.Should().HaveCount(8).And.OnlyHaveUniqueItems();
        (await servers.InboxCountAsync(_desk.Mailbox)).Should().Be(0);
    }
}

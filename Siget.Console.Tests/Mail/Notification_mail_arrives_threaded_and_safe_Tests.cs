using Siget.Console.Services.Sla;
using Siget.Console.Services.Tickets;
using Siget.Console.Services.Mail;
using Siget.Core.Access;

namespace Siget.Console.Tests.Mail;

/// <summary>Notifications go out by mail through the outbox to a real SMTP server (smtp4dev), read back over IMAP.</summary>
[Collection(MailCollection.Name)]
public sealed class Notification_mail_arrives_threaded_and_safe_Tests(MailServers servers) : IAsyncLifetime
{
    private MailDesk _desk = default!;

    public async Task InitializeAsync() => _desk = await MailDesk.StartAsync(servers);

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task A_reply_by_UTI_reaches_the_requester_with_the_subject_tag_loop_headers_and_thread()
    {
        var ticket = await _desk.TakenAsync($"Impresora sin tóner {_desk.Tag}");
        await _desk.App.Service<TicketConversation>().ReplyAsync(_desk.Technician, ticket.Id, "Mañana le cambiamos el tóner.", isInternal: false);

        // The mail rows were written with the notifications; nothing has been sent yet.
        var outbox = await _desk.OutboxAsync();
        outbox.Should().Contain(m => m.ToAddress == _desk.AddressOf(_desk.Requester) && m.Status == OutboxStatus.Pendiente);
        outbox.Should().NotContain(m => m.ToAddress == _desk.AddressOf(_desk.Technician), "nobody is mailed about what they did themselves");

        await _desk.Sender.SendPendingAsync();

        var received = await servers.ReceivedForAsync(_desk.AddressOf(_desk.Requester));
        received.Should().NotBeEmpty();
        var reply = received.Single(m => (m.TextBody ?? "").Contains("Hay una nueva respuesta"));
        reply.TextBody.Should().Contain("Mañana le cambiamos el tóner.", "the latest public message is in the mail");
        reply.Subject.Should().Be($"[SIGET {ticket.Number}] Impresora sin tóner {_desk.Tag}");
        reply.Headers["Auto-Submitted"].Should().Be("auto-generated");
        reply.MessageId.Should().StartWith($"siget.{ticket.Number}.");
        reply.InReplyTo.Should().Be($"siget.{ticket.Number}@entidad.gob.pe");
        reply.References.Should().Contain($"siget.{ticket.Number}@entidad.gob.pe");
        reply.TextBody.Should().StartWith(MailAddresses.ReplyAboveMarker);
        reply.TextBody.Should().Contain("Estado: En proceso").And.Contain($"https://siget.entidad.gob.pe/tickets/{ticket.Number}");
        reply.HtmlBody.Should().Contain("Ver el ticket en SIGET");
        reply.From.Mailboxes.Single().Address.Should().Be(MailDesk.HelpDeskAddress);

        // Every mail of the ticket carries the same thread root.
        received.Where(m => (m.Subject ?? "").Contains(ticket.Number)).Should().OnlyContain(m => m.References.Contains($"siget.{ticket.Number}@entidad.gob.pe"));
        (await _desk.OutboxAsync()).Should().OnlyContain(m => m.Status == OutboxStatus.Enviado);
    }

    [Fact]
    public async Task A_name_or_subject_with_line_breaks_never_becomes_a_header()
    {
        var intruder = await _desk.AddPersonAsync("intruso", Role.Usuario, "Eva\r\nBcc: victima@example.com\r\nX-Evil: 1");
        var ticket = await _desk.RegisterAsync($"Asunto {_desk.Tag}\r\nBcc: otra@example.com\nX-Injected: si", intruder);
        var taken = await _desk.App.Service<TicketCommands>().TakeAsync(_desk.Technician, ticket.Id, ticket.Version);
        await _desk.App.Service<TicketCommands>().ResolveAsync(_desk.Technician, taken.Id, taken.Version, "Listo.\r\nBcc: x@example.com");

        await _desk.Sender.SendPendingAsync();

        var received = await servers.ReceivedForAsync(_desk.AddressOf(intruder));
        received.Should().NotBeEmpty();
        foreach (var m in received)
        {
            m.Bcc.Count.Should().Be(0);
            m.Headers.Contains("X-Injected").Should().BeFalse();
            m.Headers.Contains("X-Evil").Should().BeFalse();
            m.Subject.Should().NotContain("\n").And.NotContain("\r");
            m.To.Mailboxes.Should().ContainSingle().Which.Address.Should().Be(_desk.AddressOf(intruder));
        }
        (await servers.ReceivedForAsync("victima@example.com")).Should().BeEmpty();
        (await servers.ReceivedForAsync("otra@example.com")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_sender_that_dies_between_sending_and_marking_sends_the_same_message_again_and_loses_nothing()
    {
        var ticket = await _desk.TakenAsync($"Sin red {_desk.Tag}");
        await _desk.App.Service<TicketConversation>().ReplyAsync(_desk.Technician, ticket.Id, "Revisamos el switch.", isInternal: false);
        var requester = _desk.AddressOf(_desk.Requester);

        // The "crash": the process stops right after the server accepted the mail, before it was marked sent.
        using var crash = new CancellationTokenSource();
        IReadOnlyList<long> interrupted = [];
        void Die(IReadOnlyList<long> ids) { interrupted = ids; crash.Cancel(); }
        _desk.Sender.Sent += Die;
        var act = () => _desk.Sender.SendPendingAsync(crash.Token);
        await act.Should().ThrowAsync<OperationCanceledException>();
        _desk.Sender.Sent -= Die;
        (await _desk.OutboxAsync()).Should().Contain(m => m.Status == OutboxStatus.Pendiente, "the mark never happened");

        // Restarted: the claim runs out and the mail goes again, with the same Message-ID.
        _desk.App.Clock.Advance(MailSender.Lease + TimeSpan.FromSeconds(1));
        await _desk.Sender.SendPendingAsync();
        await _desk.Sender.SendPendingAsync();

        var outbox = await _desk.OutboxAsync();
        outbox.Should().OnlyContain(m => m.Status == OutboxStatus.Enviado);
        var received = await servers.ReceivedForAsync(requester);
        foreach (var row in outbox.Where(m => m.ToAddress == requester))
            received.Should().Contain(m => m.MessageId == row.MessageId, "no mail is lost");
        var twice = outbox.Single(m => m.Id == interrupted.Single()).MessageId;
        received.Count(m => m.MessageId == twice).Should().Be(2, "the server accepted the interrupted one twice, under one Message-ID");
        received.Select(m => m.MessageId).Distinct().Count().Should().Be(outbox.Count(m => m.ToAddress == requester),
            "a client shows messages with one Message-ID once: no visible duplicate");
    }

    [Fact]
    public async Task A_person_who_chose_no_mail_gets_none_and_important_only_gets_only_important()
    {
        var preferences = _desk.App.Service<MailPreferences>();
        (await preferences.GetAsync(_desk.Requester)).Should().Be(MailPreferenceLevel.Todos);
        (await preferences.GetAsync(_desk.Technician)).Should().Be(MailPreferenceLevel.Importantes);
        await preferences.SetAsync(_desk.Requester, MailPreferenceLevel.Ninguno);
        var before = (await _desk.OutboxAsync()).Count;

        var ticket = await _desk.TakenAsync($"Sin correo {_desk.Tag}");
        await _desk.App.Service<TicketConversation>().ReplyAsync(_desk.Technician, ticket.Id, "Hola.", isInternal: false);

        var outbox = (await _desk.OutboxAsync()).Skip(before).ToList();
        outbox.Should().NotContain(m => m.RecipientId == _desk.Requester.UserId);
        await preferences.SetAsync(_desk.Requester, MailPreferenceLevel.Todos);
    }

    [Fact]
    public async Task A_burst_of_SLA_alerts_to_one_supervisor_goes_out_as_one_digest()
    {
        for (var i = 0; i < 5; i++) await _desk.RegisterAsync($"SLA {i} {_desk.Tag}");
        // Hours later the SLA engine finds all of them late.
        _desk.App.Clock.Advance(TimeSpan.FromHours(30));
        await _desk.App.Service<SlaEngine>().RunOnceAsync();
        var supervisor = _desk.AddressOf(_desk.Supervisor);
        var rows = (await _desk.OutboxAsync()).Where(m => m.ToAddress == supervisor).ToList();
        rows.Count.Should().BeGreaterThan(4);

        await _desk.Sender.SendPendingAsync();
        (await servers.ReceivedForAsync(supervisor)).Should().BeEmpty("alerts wait for the end of the digest window");

        _desk.App.Clock.Advance(TimeSpan.FromMinutes(5));
        await _desk.Sender.SendPendingAsync();
        var digests = await servers.ReceivedForAsync(supervisor);
        digests.Should().ContainSingle();
        digests[0].Subject.Should().StartWith("[SIGET] Resumen de alertas de SLA");
        foreach (var i in Enumerable.Range(0, 5)) digests[0].TextBody.Should().Contain("Venció el plazo");
    }
}

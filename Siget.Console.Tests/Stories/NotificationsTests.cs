using Siget.Console.Live;
using Siget.Console.Services.Notifications;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Notifications;

namespace Siget.Console.Tests.Stories;

/// <summary>Notifications are stored for their recipient (to read later) and pushed live; each person sees only their own.</summary>
[Collection(HelpDeskCollection.Name)]
public class NotificationsTests(HelpDeskFixture f)
{
    private NotificationCenter Center => f.App.Service<NotificationCenter>();

    private async Task<Actor> NewTechnicianAsync() =>
        await f.App.AddPersonAsync($"n{HelpDeskFixture.NewTag()}", Role.Tecnico, "Norma Yupanqui Llave");

    [Fact]
    public async Task An_assignment_is_stored_for_the_assignee_pushed_live_and_marked_read()
    {
        var norma = await NewTechnicianAsync();
        var live = new TaskCompletionSource<Notification>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = f.App.Service<NotificationFeed>().Subscribe(norma.UserId, n => { live.TrySetResult(n); return Task.CompletedTask; });
        var ticket = await f.RegisterAsync($"{HelpDeskFixture.NewTag()} para Norma");

        await f.Commands.ReassignAsync(f.Supervisor, ticket.Id, ticket.Version, norma.UserId, "Tiene menos carga.");

        var pushed = await live.Task.WaitAsync(TimeSpan.FromSeconds(5));
        pushed.Kind.Should().Be(NotificationKind.Asignacion);
        pushed.Text.Should().Contain(ticket.Number);
        (await Center.UnreadCountAsync(norma)).Should().Be(1);
        var stored = (await Center.LatestAsync(norma)).Should().ContainSingle().Subject;
        stored.TicketNumber.Should().Be(ticket.Number);

        await Center.MarkReadAsync(f.Technician, stored.Id); // someone else's: no effect
        (await Center.UnreadCountAsync(norma)).Should().Be(1);
        await Center.MarkReadAsync(norma, stored.Id);
        (await Center.UnreadCountAsync(norma)).Should().Be(0);
        (await Center.LatestAsync(norma)).Single().IsRead.Should().BeTrue();
    }

    [Fact]
    public async Task Replies_tell_the_other_side_requester_replies_the_assignee_staff_replies_the_requester_notes_nobody()
    {
        var norma = await NewTechnicianAsync();
        var requester = await f.App.AddPersonAsync($"u{HelpDeskFixture.NewTag()}", Role.Usuario, "Elena Chávez Rojas");
        var ticket = await f.Registration.RegisterAsync(f.Technician, HelpDeskFixture.Phoned(requester, subject: $"{HelpDeskFixture.NewTag()} respuestas"));
        ticket = await f.Commands.TakeAsync(norma, ticket.Id, ticket.Version);
        var conversation = f.App.Service<TicketConversation>();

        await conversation.ReplyAsync(norma, ticket.Id, "¿Desde cuándo ocurre?", isInternal: false);
        await conversation.ReplyAsync(norma, ticket.Id, "Revisar el cableado.", isInternal: true);
        await conversation.ReplyAsync(requester, ticket.Id, "Desde ayer en la tarde.", isInternal: false);

        var toRequester = await Center.LatestAsync(requester);
        toRequester.Should().Contain(n => n.Kind == NotificationKind.RespuestaDeLaUti)
            .And.Contain(n => n.Kind == NotificationKind.CambioDeEstado, "taking the ticket moved it to En proceso");
        toRequester.Should().HaveCount(2, "the internal note tells the requester nothing");
        (await Center.LatestAsync(norma)).Should().ContainSingle()
            .Which.Should().Match<Notification>(n => n.Kind == NotificationKind.RespuestaDelUsuario && n.Text.Contains("Elena Chávez Rojas"));
    }

    [Fact]
    public async Task Mark_all_read_clears_only_my_own()
    {
        var norma = await NewTechnicianAsync();
        var other = await NewTechnicianAsync();
        foreach (var who in new[] { norma, norma, other })
        {
            var t = await f.RegisterAsync($"{HelpDeskFixture.NewTag()} varios");
            await f.Commands.ReassignAsync(f.Supervisor, t.Id, t.Version, who.UserId, null);
        }

        await Center.MarkAllReadAsync(norma);

        (await Center.UnreadCountAsync(norma)).Should().Be(0);
        (await Center.UnreadCountAsync(other)).Should().Be(1);
    }
}

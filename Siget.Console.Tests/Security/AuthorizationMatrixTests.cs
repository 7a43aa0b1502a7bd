using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Board;
using Siget.Console.Services.Notifications;
using Siget.Console.Services.People;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Security;

/// <summary>
/// Ley 29733 / ISO 27001 access control, as a matrix over the services (not the screens): each role against each
/// query and command, on concrete tickets in the situations where the answer differs. The expectations are written
/// by hand from the rules (Usuario: own tickets; Técnico: level 1 and assigned; Especialista: levels 2–3 and
/// assigned; Proveedor: only tickets escalated to its company; Supervisor and Administrador: all) and the lifecycle
/// table; a ticket someone may not see behaves as if it did not exist. Every refusal must leave the ticket unchanged.
/// </summary>
[Collection(HelpDeskCollection.Name)]
public class AuthorizationMatrixTests(HelpDeskFixture f)
{
    /// <summary>Who acts. Owner is María (requester of every ticket here); OtherUser is Pedro; Vendor belongs to the
    /// company the level-3 tickets are escalated to, OtherVendor to another company.</summary>
    public enum Who { Owner, OtherUser, Technician, OtherTechnician, Specialist, Vendor, OtherVendor, Supervisor, Administrator }

    /// <summary>María's ticket, in one of the situations the rules tell apart.</summary>
    public enum Situation
    {
        /// <summary>Level 1, En cola.</summary>
        Queued,
        /// <summary>Level 1, En proceso, held by the technician (Luis).</summary>
        TakenByTechnician,
        /// <summary>Level 1, Resuelto by the technician, waiting for María.</summary>
        Resolved,
        /// <summary>Escalated to level 2, En cola.</summary>
        AtLevel2,
        /// <summary>Escalated to level 3, to the vendor's company, En cola.</summary>
        AtVendor,
        /// <summary>Level 3, taken by the vendor user.</summary>
        TakenByVendor,
    }

    public enum Command { Take, Reassign, Release, Escalate, SendBack, Resolve, Reopen, Finalize, Cancel }

    public enum Outcome
    {
        Done,
        /// <summary>"No se encontró el ticket." — the ticket does not exist for this person.</summary>
        NotFound,
        /// <summary>Seen, but the lifecycle table does not let this person do it.</summary>
        NoPermission,
        /// <summary>Only UTI staff (and the vendor user holding the ticket) write internal notes.</summary>
        NotesAreForStaff,
        /// <summary>Seen, but may not reply publicly.</summary>
        MayNotReply,
    }

    // ---------------------------------------------------------------- seeing: GetAsync, QueueAsync, CountsAsync

    [Theory]
    //          who                  level 1 en cola  level 2  level 3 (vendor's company)
    [InlineData(Who.Owner,           true,            true,    true)]
    [InlineData(Who.OtherUser,       false,           false,   false)]
    [InlineData(Who.Technician,      true,            false,   false)]
    [InlineData(Who.Specialist,      false,           true,    true)]
    [InlineData(Who.Vendor,          false,           false,   true)]
    [InlineData(Who.OtherVendor,     false,           false,   false)]
    [InlineData(Who.Supervisor,      true,            true,    true)]
    [InlineData(Who.Administrator,   true,            true,    true)]
    public async Task Who_sees_which_ticket_in_the_detail_the_queue_and_the_counts(Who who, bool level1, bool level2, bool atVendor)
    {
        var actor = await ActorAsync(who);
        var tag = HelpDeskFixture.NewTag();
        var countsBefore = await f.Queries.CountsAsync(actor);
        var tickets = new[]
        {
            (Ticket: await SituationAsync(Situation.Queued, tag), Visible: level1),
            (Ticket: await SituationAsync(Situation.AtLevel2, tag), Visible: level2),
            (Ticket: await SituationAsync(Situation.AtVendor, tag), Visible: atVendor),
        };
        var expected = tickets.Where(t => t.Visible).Select(t => t.Ticket.Id).ToList();

        foreach (var (ticket, visible) in tickets)
        {
            var detail = await f.Queries.GetAsync(actor, ticket.Number);
            if (visible) detail.Should().NotBeNull($"{who} may see {ticket.Subject}").And.Subject.As<TicketDetail>().Ticket.Id.Should().Be(ticket.Id);
            else detail.Should().BeNull($"{who} may not see {ticket.Subject}");
        }
        var queue = await f.Queries.QueueAsync(actor, new QueueFilter { Search = tag }, 0, 50);
        queue.Rows.Select(r => r.Id).Should().BeEquivalentTo(expected, $"the queue of {who} lists exactly what they may see");
        queue.Total.Should().Be(expected.Count);
        var countsAfter = await f.Queries.CountsAsync(actor);
        (countsAfter.AllOpen - countsBefore.AllOpen).Should().Be(expected.Count, $"the counts of {who} include only what they may see");
    }

    // ---------------------------------------------------------------- commands of the lifecycle

    [Theory]
    [InlineData(Command.Take, Situation.Queued, Who.Owner, Outcome.NoPermission)]
    [InlineData(Command.Take, Situation.Queued, Who.OtherUser, Outcome.NotFound)]
    [InlineData(Command.Take, Situation.Queued, Who.Technician, Outcome.Done)]
    [InlineData(Command.Take, Situation.Queued, Who.Vendor, Outcome.NotFound)]
    [InlineData(Command.Take, Situation.Queued, Who.Supervisor, Outcome.Done)]
    [InlineData(Command.Take, Situation.Queued, Who.Administrator, Outcome.NoPermission)]
    [InlineData(Command.Take, Situation.AtVendor, Who.Vendor, Outcome.Done)]
    [InlineData(Command.Take, Situation.AtVendor, Who.OtherVendor, Outcome.NotFound)]
    [InlineData(Command.Take, Situation.AtVendor, Who.Specialist, Outcome.NoPermission)]
    [InlineData(Command.Reassign, Situation.TakenByTechnician, Who.Technician, Outcome.Done)]
    [InlineData(Command.Reassign, Situation.TakenByTechnician, Who.Supervisor, Outcome.Done)]
    [InlineData(Command.Reassign, Situation.TakenByTechnician, Who.Owner, Outcome.NoPermission)]
    [InlineData(Command.Reassign, Situation.TakenByTechnician, Who.Administrator, Outcome.NoPermission)]
    [InlineData(Command.Release, Situation.TakenByTechnician, Who.Technician, Outcome.Done)]
    [InlineData(Command.Release, Situation.TakenByTechnician, Who.OtherTechnician, Outcome.NoPermission)]
    [InlineData(Command.Release, Situation.TakenByTechnician, Who.Supervisor, Outcome.Done)]
    [InlineData(Command.Escalate, Situation.TakenByTechnician, Who.Technician, Outcome.Done)]
    [InlineData(Command.Escalate, Situation.TakenByTechnician, Who.OtherTechnician, Outcome.NoPermission)]
    [InlineData(Command.Escalate, Situation.AtVendor, Who.Specialist, Outcome.Done)]
    [InlineData(Command.Escalate, Situation.AtVendor, Who.Vendor, Outcome.NoPermission)]
    [InlineData(Command.SendBack, Situation.AtLevel2, Who.Supervisor, Outcome.Done)]
    [InlineData(Command.SendBack, Situation.AtLevel2, Who.Specialist, Outcome.NoPermission)]
    [InlineData(Command.SendBack, Situation.AtLevel2, Who.Technician, Outcome.NotFound)]
    [InlineData(Command.Resolve, Situation.TakenByTechnician, Who.Technician, Outcome.Done)]
    [InlineData(Command.Resolve, Situation.TakenByTechnician, Who.OtherTechnician, Outcome.NoPermission)]
    [InlineData(Command.Resolve, Situation.TakenByVendor, Who.Vendor, Outcome.Done)]
    [InlineData(Command.Resolve, Situation.TakenByVendor, Who.OtherVendor, Outcome.NotFound)]
    [InlineData(Command.Reopen, Situation.Resolved, Who.Owner, Outcome.Done)]
    [InlineData(Command.Reopen, Situation.Resolved, Who.OtherUser, Outcome.NotFound)]
    [InlineData(Command.Reopen, Situation.Resolved, Who.Technician, Outcome.NoPermission)]
    [InlineData(Command.Reopen, Situation.Resolved, Who.Supervisor, Outcome.Done)]
    [InlineData(Command.Finalize, Situation.Resolved, Who.Owner, Outcome.Done)]
    [InlineData(Command.Finalize, Situation.Resolved, Who.OtherUser, Outcome.NotFound)]
    [InlineData(Command.Finalize, Situation.Resolved, Who.Supervisor, Outcome.NoPermission)]
    [InlineData(Command.Finalize, Situation.Resolved, Who.Administrator, Outcome.NoPermission)]
    [InlineData(Command.Cancel, Situation.Queued, Who.Supervisor, Outcome.Done)]
    [InlineData(Command.Cancel, Situation.Queued, Who.Technician, Outcome.NoPermission)]
    [InlineData(Command.Cancel, Situation.Queued, Who.Vendor, Outcome.NotFound)]
    public async Task Who_may_run_which_command(Command command, Situation situation, Who who, Outcome expected)
    {
        var actor = await ActorAsync(who);
        var ticket = await SituationAsync(situation, HelpDeskFixture.NewTag());
        var before = await f.FootprintAsync(ticket.Id);

        var run = () => RunAsync(command, actor, ticket);

        if (expected == Outcome.Done)
        {
            await run.Should().NotThrowAsync();
            var after = await f.FootprintAsync(ticket.Id);
            after.Version.Should().BeGreaterThan(before.Version);
            var row = await f.SingleNewHistoryRowAsync(ticket.Id, before.HistoryRows);
            (row.Action, row.ActorId).Should().Be((ActionOf(command), actor.UserId));
        }
        else
        {
            (await run.Should().ThrowAsync<DomainException>()).Which.Message.Should().Match(Refusal(expected, command));
            (await f.FootprintAsync(ticket.Id)).Should().Be(before, "a refused command changes nothing");
        }
    }

    // ---------------------------------------------------------------- conversation: replies and internal notes

    [Theory]
    [InlineData(Situation.Queued, Who.Owner, false, Outcome.Done)]
    [InlineData(Situation.Queued, Who.OtherUser, false, Outcome.NotFound)]
    [InlineData(Situation.Queued, Who.Technician, false, Outcome.Done)]
    [InlineData(Situation.Queued, Who.Administrator, false, Outcome.MayNotReply)]
    [InlineData(Situation.Queued, Who.Owner, true, Outcome.NotesAreForStaff)]
    [InlineData(Situation.Queued, Who.Supervisor, true, Outcome.Done)]
    [InlineData(Situation.AtVendor, Who.Vendor, false, Outcome.Done)]
    [InlineData(Situation.AtVendor, Who.OtherVendor, false, Outcome.NotFound)]
    [InlineData(Situation.AtVendor, Who.Vendor, true, Outcome.NotesAreForStaff)]
    [InlineData(Situation.TakenByVendor, Who.Vendor, true, Outcome.Done)]
    public async Task Who_may_reply_or_write_an_internal_note(Situation situation, Who who, bool isInternal, Outcome expected)
    {
        var actor = await ActorAsync(who);
        var ticket = await SituationAsync(situation, HelpDeskFixture.NewTag());
        var before = await f.FootprintAsync(ticket.Id);
        var messagesBefore = await MessagesAsync(ticket.Id);

        var reply = () => Conversation.ReplyAsync(actor, ticket.Id, "Se revisó el equipo en sitio.", isInternal);

        if (expected == Outcome.Done)
        {
            var message = (await reply.Should().NotThrowAsync()).Subject;
            (message.AuthorId, message.Internal).Should().Be((actor.UserId, isInternal));
            (await MessagesAsync(ticket.Id)).Should().Be(messagesBefore + 1);
        }
        else
        {
            (await reply.Should().ThrowAsync<DomainException>()).Which.Message.Should().Match(Refusal(expected, null));
            (await MessagesAsync(ticket.Id)).Should().Be(messagesBefore, "a refused reply stores nothing");
            (await f.FootprintAsync(ticket.Id)).Should().Be(before);
        }
    }

    // ---------------------------------------------------------------- attachments of replies and of internal notes

    [Theory]
    //          ticket                   who                   public file  internal note's file
    [InlineData(Situation.Queued,        Who.Owner,            true,        false)]
    [InlineData(Situation.Queued,        Who.OtherUser,        false,       false)]
    [InlineData(Situation.Queued,        Who.Technician,       true,        true)]
    [InlineData(Situation.Queued,        Who.Specialist,       false,       false)]
    [InlineData(Situation.Queued,        Who.Vendor,           false,       false)]
    [InlineData(Situation.Queued,        Who.Supervisor,       true,        true)]
    [InlineData(Situation.Queued,        Who.Administrator,    true,        true)]
    [InlineData(Situation.AtVendor,      Who.Vendor,           true,        false)]
    [InlineData(Situation.AtVendor,      Who.OtherVendor,      false,       false)]
    [InlineData(Situation.TakenByVendor, Who.Vendor,           true,        true)]
    public async Task Who_may_open_which_attachment_and_read_which_note(Situation situation, Who who, bool publicFile, bool noteFile)
    {
        var actor = await ActorAsync(who);
        var ticket = await SituationAsync(situation, HelpDeskFixture.NewTag());
        var (publicId, noteId) = await AddFilesAsync(ticket);

        (await OpenAsync(actor, publicId)).Should().Be(publicFile ? "registro público\n" : null);
        (await OpenAsync(actor, noteId)).Should().Be(noteFile ? "solo UTI\n" : null);
        var detail = await f.Queries.GetAsync(actor, ticket.Number);
        if (!publicFile) detail.Should().BeNull("whoever may not open the public file may not see the ticket at all");
        else detail!.Messages.Any(m => m.Internal).Should().Be(noteFile, "the ticket page shows internal notes only to whoever may read them");
    }

    // ---------------------------------------------------------------- the two refusals the law cares about most

    [Fact]
    public async Task A_requester_reaching_another_requester_s_ticket_finds_nothing_anywhere_and_changes_nothing()
    {
        var tag = HelpDeskFixture.NewTag();
        var countsBefore = await f.Queries.CountsAsync(f.OtherRequester);
        var ticket = await SituationAsync(Situation.TakenByTechnician, tag);
        var (publicId, noteId) = await AddFilesAsync(ticket);
        var before = await f.FootprintAsync(ticket.Id);
        var messagesBefore = await MessagesAsync(ticket.Id);

        (await f.Queries.GetAsync(f.OtherRequester, ticket.Number)).Should().BeNull();
        var queue = await f.Queries.QueueAsync(f.OtherRequester, new QueueFilter { Search = tag }, 0, 50);
        (queue.Rows.Count, queue.Total).Should().Be((0, 0));
        (await f.Queries.CountsAsync(f.OtherRequester)).Should().Be(countsBefore, "María's ticket is not counted for Pedro");
        await Conversation.Invoking(c => c.ReplyAsync(f.OtherRequester, ticket.Id, "¿Ya está listo?", false))
            .Should().ThrowAsync<DomainException>().WithMessage("No se encontró el ticket.");
        (await OpenAsync(f.OtherRequester, publicId)).Should().BeNull();
        (await OpenAsync(f.OtherRequester, noteId)).Should().BeNull();
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
        (await MessagesAsync(ticket.Id)).Should().Be(messagesBefore);

        // The same ticket, reached by its owner, is there: the refusals above are about Pedro, not about the ticket.
        (await f.Queries.GetAsync(f.Requester, ticket.Number)).Should().NotBeNull();
        (await OpenAsync(f.Requester, publicId)).Should().Be("registro público\n");
        (await OpenAsync(f.Requester, noteId)).Should().BeNull("an internal note's file is never the requester's");
    }

    [Fact]
    public async Task A_vendor_reaching_a_ticket_escalated_to_another_company_finds_nothing_anywhere_and_changes_nothing()
    {
        var tag = HelpDeskFixture.NewTag();
        var countsBefore = await f.Queries.CountsAsync(f.Vendor);
        var ticket = await SituationAsync(Situation.AtLevel2, tag);
        ticket = await f.Commands.EscalateAsync(f.Specialist, ticket.Id, ticket.Version, "N2-INFRAESTRUCTURA",
            "Switch en garantía de Redes Andinas.", f.OtherVendorCompanyId);
        var (publicId, noteId) = await AddFilesAsync(ticket);
        var before = await f.FootprintAsync(ticket.Id);
        var messagesBefore = await MessagesAsync(ticket.Id);

        (await f.Queries.GetAsync(f.Vendor, ticket.Number)).Should().BeNull();
        var queue = await f.Queries.QueueAsync(f.Vendor, new QueueFilter { Search = tag }, 0, 50);
        (queue.Rows.Count, queue.Total).Should().Be((0, 0));
        (await f.Queries.CountsAsync(f.Vendor)).Should().Be(countsBefore, "another company's ticket is not counted");
        await Conversation.Invoking(c => c.ReplyAsync(f.Vendor, ticket.Id, "Enviamos un técnico.", false))
            .Should().ThrowAsync<DomainException>().WithMessage("No se encontró el ticket.");
        await f.Commands.Invoking(c => c.TakeAsync(f.Vendor, ticket.Id, ticket.Version))
            .Should().ThrowAsync<DomainException>().WithMessage("No se encontró el ticket.");
        (await OpenAsync(f.Vendor, publicId)).Should().BeNull();
        (await OpenAsync(f.Vendor, noteId)).Should().BeNull();
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
        (await MessagesAsync(ticket.Id)).Should().Be(messagesBefore);

        (await f.Queries.GetAsync(f.OtherVendor, ticket.Number)).Should().NotBeNull("the company it was escalated to sees it");
        (await OpenAsync(f.OtherVendor, publicId)).Should().Be("registro público\n");
    }

    // ---------------------------------------------------------------- services reserved to a role

    [Theory]
    //          who                  board (supervisors)  audit (admins)  user accounts (admins)  requester search (UTI staff)
    [InlineData(Who.Owner,           false,               false,          false,                  false)]
    [InlineData(Who.Technician,      false,               false,          false,                  true)]
    [InlineData(Who.Specialist,      false,               false,          false,                  true)]
    [InlineData(Who.Vendor,          false,               false,          false,                  false)]
    [InlineData(Who.Supervisor,      true,                false,          false,                  true)]
    [InlineData(Who.Administrator,   false,               true,           true,                   false)]
    public async Task Board_audit_accounts_and_requester_search_answer_only_their_roles_with_a_Spanish_refusal(
        Who who, bool board, bool audit, bool accounts, bool requesters)
    {
        var actor = await ActorAsync(who);

        await Expect(board, () => f.App.Service<SupervisorBoard>().LoadAsync(actor),
            "Solo el Ejecutivo de la UTI usa el tablero.", b => b.Levels.Should().NotBeEmpty());
        await Expect(audit, () => f.App.Service<AuditLog>().SearchAsync(actor, new AuditFilter(), 0, 10),
            "Solo los administradores consultan la auditoría.", r => r.Total.Should().BeGreaterThanOrEqualTo(r.Rows.Count));
        await Expect(accounts, () => f.App.Service<UserAdministration>().ListAsync(actor, new UserQuery("Flores Condori"), 0, 10),
            "Solo un administrador gestiona las cuentas.", r => r.Rows.Select(u => u.Id).Should().Contain(f.Requester.UserId));
        await Expect(requesters, () => f.People.SearchRequestersAsync(actor, "Flores Condori"),
            "Solo el personal de la UTI registra tickets para otras personas.", r => r.Select(p => p.Id).Should().Contain(f.Requester.UserId));

        static async Task Expect<T>(bool allowed, Func<Task<T>> call, string refusal, Action<T> check)
        {
            if (allowed) check((await call.Should().NotThrowAsync()).Subject);
            else (await call.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be(refusal);
        }
    }

    [Theory]
    [InlineData(Who.Supervisor, true)]
    [InlineData(Who.Technician, false)]
    [InlineData(Who.Administrator, false)]
    [InlineData(Who.Owner, false)]
    public async Task Only_a_supervisor_sets_someone_else_s_availability(Who who, bool allowed)
    {
        var actor = await ActorAsync(who);
        var someone = (await ExtrasAsync()).AwayTechnician;
        var availability = f.App.Service<AgentAvailability>();
        try
        {
            var set = () => availability.SetAsync(actor, someone.UserId, available: false);

            if (allowed) await set.Should().NotThrowAsync();
            else (await set.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be("Solo el Ejecutivo de la UTI cambia la disponibilidad de otra persona.");
            (await availability.IsAvailableAsync(someone)).Should().Be(!allowed);
        }
        finally
        {
            await availability.SetAsync(someone, someone.UserId, available: true);
        }
    }

    [Theory]
    [InlineData(Who.Owner, Channel.Intranet, null)]
    [InlineData(Who.Owner, Channel.Telefono, "Desde el portal solo se registran tickets por Intranet o SISMONITOR.")]
    [InlineData(Who.Vendor, Channel.Telefono, "Su rol no permite registrar tickets.")]
    [InlineData(Who.Administrator, Channel.Telefono, "Su rol no permite registrar tickets.")]
    public async Task Who_may_register_a_ticket_and_for_whom(Who who, Channel channel, string? refusal)
    {
        var actor = await ActorAsync(who);
        var tag = HelpDeskFixture.NewTag();
        // Everyone asks for the ticket to be Pedro's: only UTI staff register on behalf of someone else.
        var request = HelpDeskFixture.Phoned(f.OtherRequester, subject: $"{tag} registro", channel: channel);
        var stored = await f.CountsAsync();

        var register = () => f.Registration.RegisterAsync(actor, request);

        if (refusal is null)
        {
            var ticket = (await register.Should().NotThrowAsync()).Subject;
            ticket.RequesterId.Should().Be(actor.UserId, "a Usuario registers only in their own name");
            (await f.Queries.GetAsync(f.OtherRequester, ticket.Number)).Should().BeNull();
        }
        else
        {
            (await register.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be(refusal);
            (await f.CountsAsync()).Should().Be(stored, "a refused registration saves nothing");
        }
    }

    [Fact]
    public async Task A_person_neither_reads_nor_marks_someone_else_s_notifications()
    {
        var ticket = await SituationAsync(Situation.TakenByTechnician, HelpDeskFixture.NewTag());
        var notices = f.App.Service<NotificationCenter>();
        var mariasNotice = (await notices.LatestAsync(f.Requester, 100)).First(n => n.TicketId == ticket.Id);
        mariasNotice.IsRead.Should().BeFalse();

        await notices.MarkReadAsync(f.OtherRequester, mariasNotice.Id);
        await notices.MarkAllReadAsync((await ExtrasAsync()).SpareTechnician);

        (await notices.LatestAsync(f.OtherRequester, 100)).Should().NotContain(n => n.TicketId == ticket.Id);
        (await notices.LatestAsync(f.Requester, 100)).Single(n => n.Id == mariasNotice.Id).IsRead.Should().BeFalse("only María marks her notifications");
    }

    // ---------------------------------------------------------------- helpers

    private TicketConversation Conversation => f.App.Service<TicketConversation>();

    /// <summary>People this class adds once to the shared app: an administrator, a spare technician to reassign to and
    /// one whose availability the tests toggle (so the fixture's people keep theirs).</summary>
    private sealed record Extras(Actor Administrator, Actor SpareTechnician, Actor AwayTechnician);

    private static readonly ConditionalWeakTable<HelpDeskFixture, Task<Extras>> ExtrasByFixture = new();

    private Task<Extras> ExtrasAsync() => ExtrasByFixture.GetValue(f, static fixture => CreateExtrasAsync(fixture));

    private static async Task<Extras> CreateExtrasAsync(HelpDeskFixture fixture)
    {
        var tag = HelpDeskFixture.NewTag();
        return new Extras(
            await fixture.App.AddPersonAsync($"admin{tag}", Role.Administrador, "Zoila Administradora Matriz"),
            await fixture.App.AddPersonAsync($"suplente{tag}", Role.Tecnico, "Zenón Suplente Matriz"),
            await fixture.App.AddPersonAsync($"turno{tag}", Role.Tecnico, "Zacarías Turno Matriz"));
    }

    private async Task<Actor> ActorAsync(Who who) => who switch
    {
        Who.Owner => f.Requester,
        Who.OtherUser => f.OtherRequester,
        Who.Technician => f.Technician,
        Who.OtherTechnician => f.OtherTechnician,
        Who.Specialist => f.Specialist,
        Who.Vendor => f.Vendor,
        Who.OtherVendor => f.OtherVendor,
        Who.Supervisor => f.Supervisor,
        Who.Administrator => (await ExtrasAsync()).Administrator,
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    /// <summary>A new ticket of María's in <paramref name="situation"/>, reached the way people reach it.</summary>
    private async Task<Ticket> SituationAsync(Situation situation, string tag)
    {
        var subject = $"{tag} {situation}";
        switch (situation)
        {
            case Situation.Queued:
                return await f.RegisterAsync(subject, f.Requester);
            case Situation.TakenByTechnician:
                return await f.TakenAsync(subject, requester: f.Requester);
            case Situation.Resolved:
                return await f.ResolvedAsync(subject, f.Requester);
            case Situation.AtLevel2:
            {
                var t = await f.TakenAsync(subject, requester: f.Requester);
                return await f.Commands.EscalateAsync(f.Technician, t.Id, t.Version, "N1-RECURSOS", "Excede lo disponible en Nivel 1.", null);
            }
            case Situation.AtVendor:
            {
                var t = await SituationAsync(Situation.AtLevel2, tag);
                t = await f.Commands.TakeAsync(f.Specialist, t.Id, t.Version);
                return await f.Commands.EscalateAsync(f.Specialist, t.Id, t.Version, "N2-INFRAESTRUCTURA", "Equipo en garantía del proveedor.", f.VendorCompanyId);
            }
            case Situation.TakenByVendor:
            {
                var t = await SituationAsync(Situation.AtVendor, tag);
                return await f.Commands.TakeAsync(f.Vendor, t.Id, t.Version);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(situation));
        }
    }

    private async Task<Ticket> RunAsync(Command command, Actor actor, Ticket t) => command switch
    {
        Command.Take => await f.Commands.TakeAsync(actor, t.Id, t.Version),
        Command.Reassign => await f.Commands.ReassignAsync(actor, t.Id, t.Version, (await ExtrasAsync()).SpareTechnician.UserId, "Cambio de turno."),
        Command.Release => await f.Commands.ReleaseAsync(actor, t.Id, t.Version, "Sale de comisión."),
        Command.Escalate => t.Level switch
        {
            SupportLevel.Nivel1 => await f.Commands.EscalateAsync(actor, t.Id, t.Version, "N1-RECURSOS", "Excede lo disponible en Nivel 1.", null),
            SupportLevel.Nivel2 => await f.Commands.EscalateAsync(actor, t.Id, t.Version, "N2-INFRAESTRUCTURA", "Equipo en garantía.", f.VendorCompanyId),
            _ => await f.Commands.EscalateAsync(actor, t.Id, t.Version, "N4-IMPACTO", "El proveedor no responde según su contrato.", null),
        },
        Command.SendBack => await f.Commands.SendBackAsync(actor, t.Id, t.Version, t.Level - 1, "Lo resuelve el nivel anterior.", null),
        Command.Resolve => await f.Commands.ResolveAsync(actor, t.Id, t.Version, "Se reemplazó el cartucho y se imprimió una prueba."),
        // Anyone but the requester reopens only on their behalf, saying who asked and how (6.6).
        Command.Reopen => await f.Commands.ReopenAsync(actor, t.Id, t.Version, "La impresora volvió a fallar.",
            actor.UserId == t.RequesterId ? null : new ReopenRequest(t.RequesterName, Siget.Core.Catalog.Channel.Telefono)),
        Command.Finalize => await f.Commands.FinalizeAsync(actor, t.Id, t.Version, new Satisfaction(4, null)),
        Command.Cancel => await f.Commands.CancelAsync(actor, t.Id, t.Version, "Ticket duplicado."),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    private static TicketAction ActionOf(Command command) => command switch
    {
        Command.Take => TicketAction.Tomar,
        Command.Reassign => TicketAction.Reasignar,
        Command.Release => TicketAction.Liberar,
        Command.Escalate => TicketAction.Escalar,
        Command.SendBack => TicketAction.Devolver,
        Command.Resolve => TicketAction.Resolver,
        Command.Reopen => TicketAction.Reabrir,
        Command.Finalize => TicketAction.Finalizar,
        Command.Cancel => TicketAction.Anular,
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    /// <summary>The Spanish refusal each outcome shows (a FluentAssertions wildcard pattern).</summary>
    private static string Refusal(Outcome outcome, Command? command) => outcome switch
    {
        Outcome.NotFound => "No se encontró el ticket.",
        Outcome.NoPermission => $"No tiene permiso para {Verb(command!.Value)} este ticket*",
        Outcome.NotesAreForStaff => "Solo el personal de la UTI escribe notas internas.",
        Outcome.MayNotReply => "No puede responder en este ticket.",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    private static string Verb(Command command) => command switch
    {
        Command.Take => "tomar",
        Command.Reassign => "reasignar",
        Command.Release => "liberar",
        Command.Escalate => "escalar",
        Command.SendBack => "devolver",
        Command.Resolve => "resolver",
        Command.Reopen => "reabrir",
        Command.Finalize => "finalizar",
        Command.Cancel => "anular",
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    private static UploadedFile TextFile(string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new UploadedFile(name, new MemoryStream(bytes), bytes.Length);
    }

    /// <summary>Someone working the ticket adds a public reply with a file and an internal note with another.</summary>
    private async Task<(long PublicFile, long NoteFile)> AddFilesAsync(Ticket ticket)
    {
        var author = ticket.Level == SupportLevel.Nivel1 ? f.Technician : f.Specialist;
        var reply = await Conversation.ReplyAsync(author, ticket.Id, "Adjunto el registro.", false, [TextFile("registro.txt", "registro público\n")]);
        var note = await Conversation.ReplyAsync(author, ticket.Id, "Clave del equipo.", true, [TextFile("interno.txt", "solo UTI\n")]);
        return (reply.Attachments[0].Id, note.Attachments[0].Id);
    }

    /// <summary>The file's text as <paramref name="actor"/> gets it, or null when it does not exist for them.</summary>
    private async Task<string?> OpenAsync(Actor actor, long attachmentId)
    {
        var opened = await Conversation.OpenAttachmentAsync(actor, attachmentId);
        if (opened is not { } file) return null;
        await using var content = file.Content;
        using var reader = new StreamReader(content, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private async Task<int> MessagesAsync(int ticketId)
    {
        await using var db = f.App.CreateDbContext();
        return await db.TicketMessages.CountAsync(m => m.TicketId == ticketId);
    }
}

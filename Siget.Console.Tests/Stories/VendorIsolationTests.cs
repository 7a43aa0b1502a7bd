using System.Text;
using Siget.Console.Live;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

/// <summary>A vendor sees what was escalated to its company; once the ticket leaves, it keeps a read-only view of
/// what happened until then, and nothing newer: not in lists, counts, the page, attachments or live events.</summary>
[Collection(HelpDeskCollection.Name)]
public class VendorIsolationTests(HelpDeskFixture f)
{
    private static UploadedFile TextFile(string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new UploadedFile(name, new MemoryStream(bytes), bytes.Length);
    }

    /// <summary>A ticket at level 3 with the vendor's company, taken by the vendor, with one reply and one file.</summary>
    private async Task<(Ticket Ticket, long EarlyAttachment)> AtVendorAsync(string tag)
    {
        var ticket = await f.TakenAsync($"{tag} garantía");
        ticket = await f.Commands.EscalateAsync(f.Technician, ticket.Id, ticket.Version, "N1-RECURSOS", "Requiere especialista.", null);
        ticket = await f.Commands.TakeAsync(f.Specialist, ticket.Id, ticket.Version);
        ticket = await f.Commands.EscalateAsync(f.Specialist, ticket.Id, ticket.Version, "N2-INFRAESTRUCTURA", "Equipo en garantía.", f.VendorCompanyId);
        ticket = await f.Commands.TakeAsync(f.Vendor, ticket.Id, ticket.Version);
        var early = await f.App.Service<TicketConversation>().ReplyAsync(f.Vendor, ticket.Id, "Revisamos la placa; pedimos repuesto.", false,
            [TextFile("informe.txt", "informe técnico")]);
        return (await f.StoredAsync(ticket.Id), early.Attachments.Single().Id);
    }

    [Fact]
    public async Task While_the_ticket_is_at_level_3_the_vendor_works_it_and_another_vendor_never_sees_it()
    {
        var tag = HelpDeskFixture.NewTag();
        var (ticket, attachment) = await AtVendorAsync(tag);

        (await f.Queries.QueueAsync(f.Vendor, new QueueFilter { Search = tag }, 0, 10)).Rows.Should().ContainSingle(r => r.Id == ticket.Id);
        (await f.Queries.GetAsync(f.Vendor, ticket.Number))!.Frozen.Should().BeFalse();
        (await f.Queries.QueueAsync(f.OtherVendor, new QueueFilter { Search = tag }, 0, 10)).Rows.Should().BeEmpty();
        (await f.Queries.GetAsync(f.OtherVendor, ticket.Number)).Should().BeNull();
        (await f.App.Service<TicketConversation>().OpenAttachmentAsync(f.OtherVendor, attachment)).Should().BeNull();
    }

    [Fact]
    public async Task After_the_ticket_leaves_the_vendor_keeps_a_read_only_view_of_what_it_saw_and_nothing_newer()
    {
        var tag = HelpDeskFixture.NewTag();
        var (ticket, early) = await AtVendorAsync(tag);
        var heard = new List<TicketChanged>();
        using var _ = f.App.Service<TicketFeed>().Subscribe(f.Vendor, c => { lock (heard) heard.Add(c); return Task.CompletedTask; });

        f.App.Clock.Advance(TimeSpan.FromMinutes(1));
        ticket = await f.Commands.EscalateAsync(f.Specialist, ticket.Id, ticket.Version, "N4-DECISION", "El proveedor no tiene repuesto: decide la jefatura.", null);
        var leftAt = ticket.VendorLeftAtUtc;
        f.App.Clock.Advance(TimeSpan.FromMinutes(1));
        ticket = await f.Commands.TakeAsync(f.Supervisor, ticket.Id, ticket.Version);
        var late = await f.App.Service<TicketConversation>().ReplyAsync(f.Supervisor, ticket.Id, "Se compra un equipo nuevo.", false,
            [TextFile("orden.txt", "orden de compra")]);

        leftAt.Should().NotBeNull();
        (await f.Queries.QueueAsync(f.Vendor, new QueueFilter { Search = tag, States = Enum.GetValues<TicketState>() }, 0, 10)).Rows
            .Should().BeEmpty("its lists are its current work at level 3");
        var page = (await f.Queries.GetAsync(f.Vendor, ticket.Number))!;
        page.Frozen.Should().BeTrue();
        page.FrozenAtUtc.Should().Be(leftAt);
        page.Messages.Select(m => m.Body).Should().Equal("Revisamos la placa; pedimos repuesto.");
        page.History.Should().OnlyContain(h => h.AtUtc <= leftAt).And.Contain(h => h.Action == TicketAction.Escalar && h.ToLevel == SupportLevel.Nivel4);
        page.History.Should().NotContain(h => h.Action == TicketAction.Tomar && h.ActorId == f.Supervisor.UserId);
        page.Ticket.AllowedActions(f.Vendor).Should().BeEmpty();
        page.Ticket.MayReplyPublicly(f.Vendor).Should().BeFalse();
        var conversation = f.App.Service<TicketConversation>();
        (await conversation.OpenAttachmentAsync(f.Vendor, early)).Should().NotBeNull("it saw that file");
        (await conversation.OpenAttachmentAsync(f.Vendor, late.Attachments.Single().Id)).Should().BeNull("that file came after it left");
        await Task.Delay(100);
        await f.App.Service<TicketFeed>().HandedOverAsync(); // every change published so far has reached the subscriber
        lock (heard) heard.Where(c => c.TicketId == ticket.Id).Should().BeEmpty("nothing after it left reaches its screens");
    }

    [Fact]
    public async Task Sent_back_to_the_same_vendor_the_ticket_is_its_work_again()
    {
        var tag = HelpDeskFixture.NewTag();
        var (ticket, _) = await AtVendorAsync(tag);
        ticket = await f.Commands.EscalateAsync(f.Specialist, ticket.Id, ticket.Version, "N4-DECISION", "Sin repuesto.", null);

        await f.Commands.SendBackAsync(f.Supervisor, ticket.Id, ticket.Version, SupportLevel.Nivel3, "Llegó el repuesto: que lo instale el proveedor.", f.VendorCompanyId);

        var page = (await f.Queries.GetAsync(f.Vendor, ticket.Number))!;
        page.Frozen.Should().BeFalse();
        (await f.Queries.QueueAsync(f.Vendor, new QueueFilter { Search = tag }, 0, 10)).Rows.Should().ContainSingle();
    }
}

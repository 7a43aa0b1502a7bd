using System.Text;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Catalog;
using Siget.Core.Priorities;

namespace Siget.Console.Tests.Stories;

/// <summary>A requester sends files with a new ticket from the portal: same limits as replies, all or nothing.</summary>
[Collection(HelpDeskCollection.Name)]
public class RegisteringWithFilesTests(HelpDeskFixture f)
{
    private static UploadedFile File(string name, byte[] bytes) => new(name, new MemoryStream(bytes), bytes.Length);

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private RegisterTicketRequest FromPortal(string subject) => new()
    {
        Channel = Channel.Intranet, Kind = TicketKind.Incidencia, SubcategoryCode = 15, Subject = subject,
        Description = "La impresora muestra este error.", Impact = OperatingImpact.Leve, AlternativeAvailable = true,
    };

    [Fact]
    public async Task The_files_arrive_with_the_ticket_and_only_its_requester_and_the_UTI_can_open_them()
    {
        var registered = await f.Registration.RegisterWithCodeAsync(f.Requester, FromPortal($"{HelpDeskFixture.NewTag()} con captura"),
            files: [File("error.png", Png), File("detalle.txt", Encoding.UTF8.GetBytes("Código de error E-204"))]);

        var page = (await f.Queries.GetAsync(f.Requester, registered.Ticket.Number))!;
        var message = page.Messages.Should().ContainSingle().Subject;
        message.Body.Should().Be("Archivos adjuntos al registrar el ticket.");
        message.Attachments.Select(a => a.FileName).Should().Equal("error.png", "detalle.txt");
        page.Ticket.FirstResponseAtUtc.Should().BeNull("sending files is not an answer from the UTI");
        var conversation = f.App.Service<TicketConversation>();
        var attachment = message.Attachments.First().Id;
        (await conversation.OpenAttachmentAsync(f.Requester, attachment)).Should().NotBeNull();
        (await conversation.OpenAttachmentAsync(f.Technician, attachment)).Should().NotBeNull();
        (await conversation.OpenAttachmentAsync(f.OtherRequester, attachment)).Should().BeNull();
    }

    [Fact]
    public async Task A_file_of_a_kind_not_allowed_stops_the_registration_and_nothing_is_written()
    {
        var tag = HelpDeskFixture.NewTag();
        var before = await f.CountsAsync();

        var register = () => f.Registration.RegisterWithCodeAsync(f.Requester, FromPortal($"{tag} con ejecutable"),
            files: [File("error.png", Png), File("programa.exe", [0x4D, 0x5A, 0x90, 0x00, 0x03])]);

        (await register.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("programa.exe");
        (await f.CountsAsync()).Should().Be(before);
        await using var db = f.App.CreateDbContext();
        (await db.Tickets.AnyAsync(t => t.Subject.Contains(tag))).Should().BeFalse();
    }
}

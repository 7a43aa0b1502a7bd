using System.Net;
using System.Text;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Api;

public class AttachmentDownloadTests(HelpDeskFixture f) : IClassFixture<HelpDeskFixture>
{
    private static UploadedFile File(string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new UploadedFile(name, new MemoryStream(bytes), bytes.Length);
    }

    private async Task<(Ticket Ticket, long PublicFile, long NoteFile)> TicketWithFilesAsync()
    {
        var ticket = await f.RegisterAsync("Adjuntos del registro", f.Requester);
        var conversation = f.App.Service<TicketConversation>();
        var reply = await conversation.ReplyAsync(f.Technician, ticket.Id, "Adjunto el registro", false, [File("registro.log", "error 42\n")]);
        var note = await conversation.ReplyAsync(f.Technician, ticket.Id, "Clave del equipo", true, [File("interno.txt", "solo UTI\n")]);
        return (ticket, reply.Attachments[0].Id, note.Attachments[0].Id);
    }

    [Fact]
    public async Task The_requester_downloads_a_public_file_as_an_attachment_that_the_browser_will_not_sniff()
    {
        var (_, publicFile, _) = await TicketWithFilesAsync();
        var (client, _) = await f.App.SignInAsync("usuario1");

        var response = await client.GetAsync($"/adjuntos/{publicFile}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileName.Should().Be("registro.log");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        (await response.Content.ReadAsStringAsync()).Should().Be("error 42\n");
    }

    [Fact]
    public async Task Files_answer_404_to_whoever_may_not_see_them()
    {
        var (_, publicFile, noteFile) = await TicketWithFilesAsync();
        var (requester, _) = await f.App.SignInAsync("usuario1");
        var (other, _) = await f.App.SignInAsync("usuario2");
        var (vendor, _) = await f.App.SignInAsync("proveedor");
        var (technician, _) = await f.App.SignInAsync("tecnico1");

        (await requester.GetAsync($"/adjuntos/{noteFile}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync($"/adjuntos/{publicFile}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await vendor.GetAsync($"/adjuntos/{publicFile}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await technician.GetAsync($"/adjuntos/{noteFile}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await technician.GetAsync("/adjuntos/999999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var anonymous = await f.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync($"/adjuntos/{publicFile}");
        anonymous.StatusCode.Should().Be(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().Should().Contain("/cuenta/ingresar");
    }

    [Fact]
    public async Task A_refused_file_saves_neither_the_message_nor_any_file()
    {
        var ticket = await f.RegisterAsync("Adjuntos rechazados");
        var conversation = f.App.Service<TicketConversation>();
        int messagesBefore;
        await using (var db = f.App.CreateDbContext()) messagesBefore = db.TicketMessages.Count();

        var act = () => conversation.ReplyAsync(f.Technician, ticket.Id, "Dos archivos", false,
            [File("bueno.txt", "hola\n"), File("captura.png", "esto no es una imagen")]);

        await act.Should().ThrowAsync<DomainException>().WithMessage("«captura.png» no es un archivo PNG válido*");
        await using var after = f.App.CreateDbContext();
        after.TicketMessages.Count().Should().Be(messagesBefore);
        after.TicketAttachments.Count(a => a.TicketId == ticket.Id).Should().Be(0);
    }

    [Fact]
    public async Task Eleven_files_in_one_message_are_refused()
    {
        var ticket = await f.RegisterAsync("Adjuntos rechazados");
        var files = Enumerable.Range(1, 11).Select(i => File($"f{i}.txt", "x\n")).ToList();
        var act = () => f.App.Service<TicketConversation>().ReplyAsync(f.Technician, ticket.Id, "Muchos", false, files);
        await act.Should().ThrowAsync<DomainException>().WithMessage("Se admiten hasta 10 archivos por mensaje.");
    }
}

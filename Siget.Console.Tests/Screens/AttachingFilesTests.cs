using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Siget.Console.Components.Tickets;
using Siget.Console.Services.Knowledge;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Screens;

/// <summary>
/// Every place where files are attached (the portal's new request, the staff's registration form, the reply box): a
/// file refused when picked stays listed with its reason, and nothing is sent until the person removes it; so a ticket
/// or reply never goes without a file the person thinks is attached.
/// </summary>
[Collection(ScreensCollection.Name)]
public class AttachingFilesTests : ScreenContext
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Oversized = new byte[AttachmentRules.MaxBytes + 1];

    private IRenderedComponent<MudPopoverProvider> _popovers = default!;
    private readonly List<RegisteredTicket> _registered = [];

    public AttachingFilesTests(HelpDeskFixture desk) : base(desk)
    {
        Bunit.Services.AddSingleton(desk.App.Service<TicketConversation>());
        Bunit.Services.AddSingleton(desk.App.Service<KnowledgeSearch>());
        Bunit.Services.AddSingleton(desk.App.Service<SelfService>());
        Bunit.Services.AddSingleton(desk.App.Service<MarkdownRenderer>());
    }

    /// <summary>Signs in, then draws the popovers (no service may be added once something is rendered).</summary>
    private void Start(Actor actor)
    {
        SignIn(actor);
        _popovers = RenderPopoverProvider();
    }

    public enum Form { Portal, Staff }

    public static TheoryData<Form, string, int> RefusedFiles() => new()
    {
        { Form.Portal, "pesa más de 10 MB", 0 },
        { Form.Staff, "pesa más de 10 MB", 0 },
        { Form.Portal, "tipo no permitido", 1 },
        { Form.Staff, "está vacío", 2 },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_refused_file_stops_the_registration_until_it_is_removed(Form which, string reason, int kind)
    {
        Start(which == Form.Portal ? Desk.Requester : Desk.Technician);
        var tag = HelpDeskFixture.NewTag();
        var form = Bunit.Render<RegisterTicketForm>(p => p
            .Add(x => x.SelfService, which == Form.Portal)
            .Add(x => x.OnRegistered, (RegisteredTicket t) => _registered.Add(t)));
        Fill(form, which, $"{tag} con archivos");
        var (name, content) = kind switch
        {
            0 => ("escaneo.pdf", Oversized),
            1 => ("programa.exe", Png),
            _ => ("vacio.txt", Array.Empty<byte>()),
        };
        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Png, "captura.png"), InputFileContent.CreateFromBinary(content, name));
        form.WaitForAssertion(() => form.Find(".upload-refused").TextContent.Should().Contain(name).And.Contain(reason));
        var before = await Desk.CountsAsync();

        Submit(form, which);

        form.WaitForAssertion(() => form.Find("#registro-error").TextContent.Should().Contain(name).And.Contain("Quítelo para poder enviar"));
        _registered.Should().BeEmpty();
        (await Desk.CountsAsync()).Should().Be(before, "nothing is registered while a refused file is listed");

        form.Find($"button[aria-label='Quitar {name}']").Click();
        form.FindAll(".upload-refused").Should().BeEmpty();
        Submit(form, which);

        form.WaitForAssertion(() => _registered.Should().ContainSingle(), TimeSpan.FromSeconds(5));
        (await AttachmentNamesAsync(_registered[0].Ticket.Id)).Should().Equal("captura.png");
    }

    [Fact]
    public async Task A_reply_with_a_refused_file_is_not_sent_until_the_file_is_removed()
    {
        Start(Desk.Technician);
        var ticket = await Desk.RegisterAsync($"{HelpDeskFixture.NewTag()} respuesta con archivos");
        var box = Bunit.Render<ReplyBox>(p => p
            .Add(x => x.Actor, Desk.Technician).Add(x => x.TicketId, ticket.Id).Add(x => x.MayWriteNotes, true));
        box.Find("#respuesta-texto").Input("Adjunto el registro del equipo.");
        Desk.App.Clock.Advance(TimeSpan.FromSeconds(1)); // the box's typing pause (MudBlazor's debounce runs on TimeProvider)
        box.WaitForAssertion(() => box.Find("#respuesta-enviar").HasAttribute("disabled").Should().BeFalse());
        box.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Oversized, "registro-completo.log"),
            InputFileContent.CreateFromBinary("Error E-204"u8.ToArray(), "registro.txt"));
        box.WaitForAssertion(() => box.Find(".upload-refused").TextContent.Should().Contain("registro-completo.log").And.Contain("pesa más de 10 MB"));

        box.Find("#respuesta-enviar").Click();

        box.WaitForAssertion(() => box.Find(".mud-alert").TextContent.Should().Contain("Quítelo para poder enviar"));
        (await MessagesAsync(ticket.Id)).Should().Be(0);
        box.Find("#respuesta-texto").GetAttribute("value").Should().Be("Adjunto el registro del equipo.", "the reply stays in the box");

        box.Find("button[aria-label='Quitar registro-completo.log']").Click();
        box.Find("#respuesta-enviar").Click();

        box.WaitForAssertion(() => MessagesAsync(ticket.Id).GetAwaiter().GetResult().Should().Be(1), TimeSpan.FromSeconds(5));
        (await AttachmentNamesAsync(ticket.Id)).Should().Equal("registro.txt");
    }

    private void Fill(IRenderedComponent<RegisterTicketForm> form, Form which, string subject)
    {
        if (which == Form.Staff)
        {
            Pick(form, "#solicitante", "María", "María Flores Condori");
            Choose(form, "Teléfono");
        }
        Pick(form, "#servicio", "impresora", "Impresora");
        form.Find("#asunto").Input(subject);
        form.Find("#descripcion").Input("Adjunto la captura del error que muestra la impresora.");
        Choose(form, "Leve (alrededor del 10 %)");
        Choose(form, "Sí, hay alternativa");
    }

    private static void Submit(IRenderedComponent<RegisterTicketForm> form, Form which) =>
        form.FindAll("button").Single(b => b.TextContent.Contains(which == Form.Portal ? "Enviar solicitud" : "Registrar ticket")).Click();

    private static void Choose(IRenderedComponent<RegisterTicketForm> form, string label) =>
        form.FindAll("label").Single(l => l.TextContent.Trim() == label).QuerySelector("input")!.Click();

    private void Pick(IRenderedComponent<RegisterTicketForm> form, string selector, string typed, string option)
    {
        var input = form.Find(selector);
        input.Focus();
        input.Input(typed);
        form.Find(selector).KeyUp(new KeyboardEventArgs { Key = typed[^1..] });
        Desk.App.Clock.Advance(TimeSpan.FromSeconds(1)); // the autocomplete's typing pause
        _popovers.WaitForAssertion(() => Options().Select(i => i.TextContent).Should().Contain(t => t.Contains(option)), TimeSpan.FromSeconds(5));
        Options().First(i => i.TextContent.Contains(option)).Click();
        form.WaitForAssertion(() => form.Find(selector).GetAttribute("value").Should().Contain(option));
    }

    private IReadOnlyList<IElement> Options() => _popovers.FindAll(".mud-popover-open .mud-list-item");

    private async Task<List<string>> AttachmentNamesAsync(int ticketId)
    {
        await using var db = Desk.App.CreateDbContext();
        return await db.TicketAttachments.Where(a => a.TicketId == ticketId).OrderBy(a => a.Id).Select(a => a.FileName).ToListAsync();
    }

    private async Task<int> MessagesAsync(int ticketId)
    {
        await using var db = Desk.App.CreateDbContext();
        return await db.TicketMessages.CountAsync(m => m.TicketId == ticketId);
    }
}

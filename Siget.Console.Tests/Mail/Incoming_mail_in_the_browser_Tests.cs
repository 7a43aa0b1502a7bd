using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Siget.Console.Services.Tickets;
using Microsoft.Playwright;
using MimeKit;
using Siget.Console.Services.Mail;
using Siget.Console.Tests.Browser;

namespace Siget.Console.Tests.Mail;

/// <summary>A technician works «Correo entrante» in Chromium: the message read from Dovecot becomes a ticket.</summary>
[Collection(MailCollection.Name)]
public sealed class Incoming_mail_in_the_browser_Tests(MailServers servers)
{
    private sealed class MailBrowser(IReadOnlyDictionary<string, string> settings) : BrowserFixture(settings);

    [Fact]
    public async Task A_technician_turns_a_message_into_a_ticket_from_Correo_entrante()
    {
        var mailbox = servers.NewMailbox();
        var browser = new MailBrowser(new Dictionary<string, string>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1", ["Mail:Smtp:Port"] = servers.SmtpPort.ToString(), ["Mail:Smtp:Security"] = "None",
            ["Mail:Imap:Host"] = "127.0.0.1", ["Mail:Imap:Port"] = servers.DovecotPort.ToString(), ["Mail:Imap:Security"] = "None",
            ["Mail:Imap:User"] = mailbox, ["Mail:Imap:Password"] = MailServers.Password,
            ["Mail:Sender:Address"] = MailDesk.HelpDeskAddress, ["Mail:TrustedServers:0"] = MailDesk.TrustedServer,
            ["Mail:SendIntervalSeconds"] = "0", ["Mail:ReadIntervalSeconds"] = "0",
        });
        await browser.InitializeAsync();
        try
        {
            const string address = "usuario1.navegador@entidad.gob.pe";
            await using (var db = browser.App.CreateDbContext())
            {
                var user = await db.Users.SingleAsync(u => u.UserName == "usuario1");
                user.Email = address;
                user.NormalizedEmail = address.ToUpperInvariant();
                await db.SaveChangesAsync();
            }
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress("Usuario Uno", address));
            message.To.Add(new MailboxAddress("Mesa", MailDesk.HelpDeskAddress));
            message.Subject = "La VPN no conecta desde casa";
            message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("entidad.gob.pe");
            message.Headers.Add("Authentication-Results", $"{MailDesk.TrustedServer}; dmarc=pass header.from=entidad.gob.pe");
            message.Body = new TextPart("plain") { Text = "Buenos días, la VPN dice credenciales inválidas desde ayer.\n\n-- \nUsuario Uno" };
            await servers.DeliverAsync(mailbox, message);
            await browser.App.Services.GetRequiredService<MailReader>().ReadOnceAsync();

            var page = await browser.SignedInPageAsync("tecnico1");
            await page.GotoAsync($"{browser.BaseUrl}/correo-entrante");
            await BrowserFixture.WaitForCircuitAsync(page);
            await page.GetByText("La VPN no conecta desde casa").First.ClickAsync();
            await Assertions.Expect(page.Locator("#correo-asunto")).ToHaveValueAsync("La VPN no conecta desde casa");
            await Assertions.Expect(page.GetByText("Reconocido por su dirección de correo.")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/siget-mail/correo-entrante-1366.png", FullPage = true });

            await page.Locator("#correo-servicio").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = "Conexión VPN" }).First.ClickAsync();
            await page.GetByText("Parcial (alrededor del 30 %)").ClickAsync();
            await page.GetByLabel("Sí").ClickAsync();
            await page.ClickAsync("#correo-registrar");
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/tickets/\\d{4}-\\d{6}$"));

            var rows = await browser.App.Services.GetRequiredService<IncomingMail>().ListAsync(
                (await browser.App.CreateDbContext().Users.SingleAsync(u => u.UserName == "tecnico1")).ToActor(), [InboundStatus.Convertido]);
            rows.Should().ContainSingle(r => r.Subject == "La VPN no conecta desde casa");

            var phone = await browser.SignedInPageAsync("tecnico1", width: 390);
            await phone.GotoAsync($"{browser.BaseUrl}/correo-entrante");
            await BrowserFixture.WaitForCircuitAsync(phone);
            await phone.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/siget-mail/correo-entrante-390.png", FullPage = true });
            var admin = await browser.SignedInPageAsync("admin");
            await admin.GotoAsync($"{browser.BaseUrl}/admin/correo");
            await BrowserFixture.WaitForCircuitAsync(admin);
            await admin.ClickAsync("#correo-probar-imap");
            await Assertions.Expect(admin.GetByText("Conexión correcta")).ToBeVisibleAsync();
            await admin.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/siget-mail/admin-correo-1366.png", FullPage = true });
            var prefs = await browser.SignedInPageAsync("usuario1", width: 390);
            await prefs.GotoAsync($"{browser.BaseUrl}/cuenta/avisos");
            await BrowserFixture.WaitForCircuitAsync(prefs);
            await prefs.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/siget-mail/avisos-390.png", FullPage = true });
        }
        finally
        {
            await browser.DisposeAsync();
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Siget.Console.Services.Sla;
using Siget.Console.Services.Tickets;
using Siget.Console.Services.Mail;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Mail;

/// <summary>
/// A SIGET of its own (fresh SQLite file) whose mail goes to the run's smtp4dev and which reads its own Dovecot mailbox.
/// The loops are off: tests run the sender's and reader's passes themselves. People have addresses at entidad.gob.pe.
/// </summary>
public sealed class MailDesk : IAsyncDisposable
{
    public const string HelpDeskAddress = "mesadeayuda@entidad.gob.pe";
    public const string TrustedServer = "mx.entidad.gob.pe";

    private MailDesk(MailServers servers, string mailbox, SigetAppFactory app)
    {
        Servers = servers;
        Mailbox = mailbox;
        App = app;
    }

    public MailServers Servers { get; }
    public string Mailbox { get; }
    public SigetAppFactory App { get; }
    public Actor Technician { get; private set; } = default!;
    public Actor Supervisor { get; private set; } = default!;
    public Actor Requester { get; private set; } = default!;
    public string Tag { get; } = "m" + Guid.NewGuid().ToString("N")[..6];

    public string AddressOf(Actor person) => $"{person.UserId[..8]}.{Tag}@entidad.gob.pe";

    public MailSender Sender => App.Service<MailSender>();
    public MailReader Reader => App.Service<MailReader>();
    public IncomingMail Incoming => App.Service<IncomingMail>();

    public static async Task<MailDesk> StartAsync(MailServers servers, IReadOnlyDictionary<string, string>? extra = null)
    {
        var mailbox = servers.NewMailbox();
        var settings = new Dictionary<string, string>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = servers.SmtpPort.ToString(),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:Imap:Host"] = "127.0.0.1",
            ["Mail:Imap:Port"] = servers.DovecotPort.ToString(),
            ["Mail:Imap:Security"] = "None",
            ["Mail:Imap:User"] = mailbox,
            ["Mail:Imap:Password"] = MailServers.Password,
            ["Mail:Sender:Address"] = HelpDeskAddress,
            ["Mail:BaseUrl"] = "https://siget.entidad.gob.pe",
            ["Mail:TrustedServers:0"] = TrustedServer,
            ["Mail:SendIntervalSeconds"] = "0",
            ["Mail:ReadIntervalSeconds"] = "0",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) settings[k] = v;
        var desk = new MailDesk(servers, mailbox, new SigetAppFactory(settings: settings));
        await desk.InitializeAsync();
        return desk;
    }

    private async Task InitializeAsync()
    {
        _ = App.Services;
        var unit = await App.AddUnitAsync("Unidad de Administración");
        Technician = await App.AddPersonAsync("tecnico1", Role.Tecnico, "Luis Mendoza Ríos");
        Supervisor = await App.AddPersonAsync("supervisor", Role.Supervisor, "Carmen Quispe Huamán");
        Requester = await App.AddPersonAsync("usuario1", Role.Usuario, "María Flores Condori", unit.Id, Classification.Especialista);
        foreach (var person in new[] { Technician, Supervisor, Requester }) await SetAddressAsync(person, AddressOf(person));
    }

    public async Task SetAddressAsync(Actor person, string address)
    {
        await using var db = App.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Id == person.UserId);
        user.Email = address;
        user.NormalizedEmail = address.ToUpperInvariant();
        await db.SaveChangesAsync();
    }

    public async Task<Actor> AddPersonAsync(string userName, Role role, string fullName)
    {
        var person = await App.AddPersonAsync(userName, role, fullName);
        await SetAddressAsync(person, AddressOf(person));
        return person;
    }

    public Task<Ticket> RegisterAsync(string subject, Actor? requester = null) =>
        App.Service<TicketRegistration>().RegisterAsync(Technician, HelpDeskFixture.Phoned(requester ?? Requester, subject: subject));

    public async Task<Ticket> TakenAsync(string subject)
    {
        var ticket = await RegisterAsync(subject);
        return await App.Service<TicketCommands>().TakeAsync(Technician, ticket.Id, ticket.Version);
    }

    public async Task<List<OutboxMail>> OutboxAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.Set<OutboxMail>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public async Task<List<InboundMail>> InboundAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.Set<InboundMail>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

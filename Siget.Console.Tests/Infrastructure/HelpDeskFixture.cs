using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Services.Administration;
using Siget.Console.Services.People;
using Siget.Console.Services.Tickets;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Infrastructure;

/// <summary>
/// One running SIGET (empty database, no demo data) with the people the ticket stories need: two technicians,
/// two specialists, a supervisor, requesters of ordinary, top-management and citizen-facing units, users of two
/// vendor companies, an inactive person and a vendor whose contract ended. Tests that share it keep out of each
/// other's way by putting a <see cref="NewTag"/> in their subjects and filtering on it.
/// </summary>
public class HelpDeskFixture : IAsyncLifetime
{
    public HelpDeskFixture() : this(null) { }

    protected HelpDeskFixture(DateTimeOffset? now) => App = new SigetAppFactory(now: now);

    public SigetAppFactory App { get; }

    public Actor Technician { get; private set; } = default!;
    public Actor OtherTechnician { get; private set; } = default!;
    public Actor Specialist { get; private set; } = default!;
    public Actor OtherSpecialist { get; private set; } = default!;
    public Actor Supervisor { get; private set; } = default!;
    /// <summary>María, Especialista of an office that does not serve citizens: an ordinary requester.</summary>
    public Actor Requester { get; private set; } = default!;
    /// <summary>Pedro, De Apoyo of another office that does not serve citizens: an ordinary requester.</summary>
    public Actor OtherRequester { get; private set; } = default!;
    public Actor Director { get; private set; } = default!;
    public Actor Executive { get; private set; } = default!;
    /// <summary>Raúl, De Apoyo at a Tambo (serves citizens).</summary>
    public Actor TamboWorker { get; private set; } = default!;
    public Actor Vendor { get; private set; } = default!;
    public Actor OtherVendor { get; private set; } = default!;
    public Actor Inactive { get; private set; } = default!;
    public int VendorCompanyId { get; private set; }
    public string VendorCompanyName { get; private set; } = "";
    public int OtherVendorCompanyId { get; private set; }
    public int EndedContractCompanyId { get; private set; }
    public int AdministrationUnitId { get; private set; }

    public TicketRegistration Registration => App.Service<TicketRegistration>();
    public TicketCommands Commands => App.Service<TicketCommands>();
    public TicketQueries Queries => App.Service<TicketQueries>();
    public PeopleDirectory People => App.Service<PeopleDirectory>();
    public ServiceCatalog Catalog => App.Service<ServiceCatalog>();

    public async Task InitializeAsync()
    {
        _ = App.Services; // starts the host, which applies the migrations

        var administration = await App.AddUnitAsync("Unidad de Administración");
        AdministrationUnitId = administration.Id;
        var planning = await App.AddUnitAsync("Unidad de Planeamiento y Presupuesto");
        var direction = await App.AddUnitAsync("Dirección Ejecutiva");
        var tambo = await App.AddUnitAsync("Tambo Paucartambo (Cusco)", servesCitizens: true, kind: UnitKind.Tambo);

        Technician = await App.AddPersonAsync("tecnico1", Role.Tecnico, "Luis Mendoza Ríos");
        OtherTechnician = await App.AddPersonAsync("tecnico2", Role.Tecnico, "Ana Ruiz Salazar");
        Specialist = await App.AddPersonAsync("especialista", Role.Especialista, "Rosa Paredes Vargas");
        OtherSpecialist = await App.AddPersonAsync("especialista2", Role.Especialista, "Jaime Salinas Ortiz");
        Supervisor = await App.AddPersonAsync("supervisor", Role.Supervisor, "Carmen Quispe Huamán");
        Requester = await App.AddPersonAsync("usuario1", Role.Usuario, "María Flores Condori", administration.Id, Classification.Especialista);
        OtherRequester = await App.AddPersonAsync("usuario2", Role.Usuario, "Pedro Huamán Quispe", planning.Id, Classification.DeApoyo);
        Director = await App.AddPersonAsync("director", Role.Usuario, "Jorge Castillo Pérez", direction.Id, Classification.DirectorEjecutivo);
        Executive = await App.AddPersonAsync("ejecutiva", Role.Usuario, "Lucía Ramos Gutiérrez", planning.Id, Classification.Ejecutivo);
        TamboWorker = await App.AddPersonAsync("tambo1", Role.Usuario, "Raúl Ccori Mamani", tambo.Id, Classification.DeApoyo);

        var company = await App.AddVendorAsync("TecnoSoluciones Perú S.A.C.");
        VendorCompanyId = company.Id;
        VendorCompanyName = company.Name;
        Vendor = await App.AddPersonAsync("proveedor", Role.Proveedor, "Miguel Torres Aguilar", vendorCompanyId: company.Id);
        var other = await App.AddVendorAsync("Redes Andinas E.I.R.L.");
        OtherVendorCompanyId = other.Id;
        OtherVendor = await App.AddPersonAsync("proveedor2", Role.Proveedor, "Sofía Lazo Ugarte", vendorCompanyId: other.Id);
        var ended = await App.AddVendorAsync("Contrato Vencido S.A.");
        EndedContractCompanyId = ended.Id;

        Inactive = await App.AddPersonAsync("retirado", Role.Usuario, "Hugo Zúñiga Campos", administration.Id, Classification.DeApoyo);
        await using var db = App.CreateDbContext();
        (await db.Users.SingleAsync(u => u.Id == Inactive.UserId)).IsActive = false;
        (await db.VendorCompanies.SingleAsync(v => v.Id == ended.Id)).Active = false;
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>A short random word to put in subjects, so a test can find its own tickets in a shared database.</summary>
    public static string NewTag() => "t" + Guid.NewGuid().ToString("N")[..7];

    /// <summary>What a technician types for a phoned-in incident.</summary>
    public static RegisterTicketRequest Phoned(Actor requester, OperatingImpact? impact = OperatingImpact.Total, bool? alternative = false,
        string subject = "La impresora no imprime", int? code = 15, Channel channel = Channel.Telefono) => new()
    {
        RequesterId = requester.UserId,
        Channel = channel,
        Kind = TicketKind.Incidencia,
        SubcategoryCode = code,
        Subject = subject,
        Description = "La impresora de la unidad muestra atasco de papel y no imprime nada.",
        Impact = impact,
        AlternativeAvailable = alternative,
    };

    /// <summary>A technician registers a phoned-in ticket.</summary>
    public Task<Ticket> RegisterAsync(string subject, Actor? requester = null, OperatingImpact impact = OperatingImpact.Total,
        bool alternative = false) =>
        Registration.RegisterAsync(Technician, Phoned(requester ?? Requester, impact, alternative, subject));

    /// <summary>A registered ticket taken by <paramref name="technician"/> (the technician by default).</summary>
    public async Task<Ticket> TakenAsync(string subject, Actor? technician = null, Actor? requester = null)
    {
        var ticket = await RegisterAsync(subject, requester);
        return await Commands.TakeAsync(technician ?? Technician, ticket.Id, ticket.Version);
    }

    /// <summary>A ticket taken and resolved by the technician, waiting for the requester.</summary>
    public async Task<Ticket> ResolvedAsync(string subject, Actor? requester = null)
    {
        var ticket = await TakenAsync(subject, requester: requester);
        return await Commands.ResolveAsync(Technician, ticket.Id, ticket.Version, "Se retiró el papel atascado y se imprimió una página de prueba.");
    }

    /// <summary>What a user would see change on a ticket: version, state, level, assignee and the number of history rows.</summary>
    public async Task<TicketFootprint> FootprintAsync(int id)
    {
        var ticket = await StoredAsync(id);
        return new TicketFootprint(ticket.Version, ticket.State, ticket.Level, ticket.AssigneeId, (await HistoryAsync(id)).Count);
    }

    /// <summary>Asserts that exactly one history row was added since <paramref name="rowsBefore"/> and returns it.</summary>
    public async Task<TicketHistoryEntry> SingleNewHistoryRowAsync(int id, int rowsBefore)
    {
        var rows = await HistoryAsync(id);
        rows.Should().HaveCount(rowsBefore + 1, "each successful command writes exactly one history row");
        return rows[^1];
    }

    /// <summary>What the database holds about tickets as a whole, to prove that a refusal saved nothing.</summary>
    public async Task<StoredCounts> CountsAsync()
    {
        await using var db = App.CreateDbContext();
        var sequences = await db.TicketSequences.AsNoTracking().OrderBy(s => s.Year).Select(s => $"{s.Year}:{s.Last}").ToListAsync();
        return new StoredCounts(await db.Tickets.CountAsync(), await db.TicketHistory.CountAsync(), string.Join(",", sequences));
    }

    /// <summary>The ticket as the database has it now.</summary>
    public async Task<Ticket> StoredAsync(int id)
    {
        await using var db = App.CreateDbContext();
        return await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == id);
    }

    /// <summary>The ticket's history rows as the database has them, oldest first.</summary>
    public async Task<List<TicketHistoryEntry>> HistoryAsync(int id)
    {
        await using var db = App.CreateDbContext();
        return await db.TicketHistory.AsNoTracking().Where(h => h.TicketId == id).OrderBy(h => h.Id).ToListAsync();
    }
}

public sealed record StoredCounts(int Tickets, int HistoryRows, string Sequences);

public sealed record TicketFootprint(long Version, TicketState State, Siget.Core.Escalation.SupportLevel Level, string? AssigneeId, int HistoryRows);

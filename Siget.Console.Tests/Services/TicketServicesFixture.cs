using Siget.Console.Services;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Services;

/// <summary>One app over a fresh SQLite file per test class, with the people the stories need.</summary>
public class TicketServicesFixture : IAsyncLifetime
{
    public SigetAppFactory App { get; } = new();
    public Actor Technician { get; private set; } = default!;
    public Actor OtherTechnician { get; private set; } = default!;
    public Actor Specialist { get; private set; } = default!;
    public Actor Supervisor { get; private set; } = default!;
    public Actor Requester { get; private set; } = default!;
    public Actor OtherRequester { get; private set; } = default!;
    public Actor Director { get; private set; } = default!;
    public Actor Vendor { get; private set; } = default!;
    public Actor OtherVendor { get; private set; } = default!;
    public Actor Inactive { get; private set; } = default!;
    public int VendorCompanyId { get; private set; }

    public TicketRegistration Registration => App.Service<TicketRegistration>();
    public TicketCommands Commands => App.Service<TicketCommands>();
    public TicketQueries Queries => App.Service<TicketQueries>();

    public async Task InitializeAsync()
    {
        _ = App.Services; // start: migrations run
        var administration = await App.AddUnitAsync("Unidad de Administración");
        var tambo = await App.AddUnitAsync("Tambo Paucartambo", servesCitizens: true, kind: Siget.Console.Data.UnitKind.Tambo);
        Technician = await App.AddPersonAsync("tecnico1", Role.Tecnico, "Luis Mendoza");
        OtherTechnician = await App.AddPersonAsync("tecnico2", Role.Tecnico, "Ana Ruiz");
        Specialist = await App.AddPersonAsync("especialista", Role.Especialista, "Rosa Paredes");
        Supervisor = await App.AddPersonAsync("supervisor", Role.Supervisor, "Carmen Quispe");
        Requester = await App.AddPersonAsync("usuario1", Role.Usuario, "María Flores", administration.Id, Classification.Especialista);
        OtherRequester = await App.AddPersonAsync("usuario2", Role.Usuario, "Pedro Huamán", tambo.Id, Classification.DeApoyo);
        Director = await App.AddPersonAsync("director", Role.Usuario, "Jorge Castillo", administration.Id, Classification.DirectorEjecutivo);
        var company = await App.AddVendorAsync("TecnoSoluciones");
        VendorCompanyId = company.Id;
        Vendor = await App.AddPersonAsync("proveedor", Role.Proveedor, "Miguel Torres", vendorCompanyId: company.Id);
        var other = await App.AddVendorAsync("OtraEmpresa");
        OtherVendor = await App.AddPersonAsync("ajeno", Role.Proveedor, "Otro Proveedor", vendorCompanyId: other.Id);
        Inactive = await App.AddPersonAsync("retirado", Role.Usuario, "Persona Retirada");
        await using var db = App.CreateDbContext();
        db.Users.Single(u => u.Id == Inactive.UserId).IsActive = false;
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public static RegisterTicketRequest Phoned(Actor requester, OperatingImpact impact = OperatingImpact.Total, bool alternative = false,
        string subject = "La impresora no imprime", int code = 15) => new()
    {
        RequesterId = requester.UserId, Channel = Channel.Telefono, Kind = TicketKind.Incidencia, SubcategoryCode = code,
        Subject = subject, Description = "Atasco de papel en la impresora de la unidad.", Impact = impact, AlternativeAvailable = alternative,
    };

    public Task<Ticket> RegisterAsync(Actor? requester = null, OperatingImpact impact = OperatingImpact.Total, bool alternative = false, string subject = "La impresora no imprime") =>
        Registration.RegisterAsync(Technician, Phoned(requester ?? Requester, impact, alternative, subject));
}

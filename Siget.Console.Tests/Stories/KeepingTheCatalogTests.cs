using Microsoft.EntityFrameworkCore;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Access;

namespace Siget.Console.Tests.Stories;

/// <summary>Administrators add, rename and retire catalog services; retired ones leave the forms but stay on old tickets.</summary>
public sealed class KeepingTheCatalogTests : IAsyncLifetime
{
    private readonly SigetAppFactory _app = new();
    private Actor _admin = default!, _technician = default!, _requester = default!;

    public async Task InitializeAsync()
    {
        _ = _app.Services;
        _admin = await _app.AddPersonAsync("admin", Role.Administrador, "Administrador del Sistema");
        _technician = await _app.AddPersonAsync("tecnico1", Role.Tecnico, "Luis Mendoza Ríos");
        _requester = await _app.AddPersonAsync("usuario1", Role.Usuario, "María Flores Condori");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private ServiceCatalog Catalog => _app.Service<ServiceCatalog>();

    [Fact]
    public async Task A_new_service_gets_the_next_code_and_is_offered_right_away()
    {
        var before = await Catalog.AllEntriesAsync(_admin);
        var printers = before.First(e => e.Name == "Impresora").CategoryId;

        var code = await Catalog.AddAsync(_admin, printers, "Escáner de documentos");

        code.Should().Be(before.Max(e => e.Code) + 1);
        (await Catalog.ActiveEntriesAsync()).Should().Contain(e => e.Code == code && e.Name == "Escáner de documentos" && e.CategoryId == printers);
        var again = () => Catalog.AddAsync(_admin, printers, "  Escáner de documentos ");
        (await again.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("ya tiene un servicio llamado «Escáner de documentos»");
    }

    [Fact]
    public async Task A_retired_service_leaves_the_forms_is_refused_for_new_tickets_and_stays_on_old_ones()
    {
        var old = await _app.Service<TicketRegistration>().RegisterAsync(_technician, HelpDeskFixture.Phoned(_requester, code: 15));

        await Catalog.SetRetiredAsync(_admin, 15, retired: true);

        (await Catalog.ActiveEntriesAsync()).Should().NotContain(e => e.Code == 15);
        var register = () => _app.Service<TicketRegistration>().RegisterAsync(_technician, HelpDeskFixture.Phoned(_requester, code: 15));
        (await register.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be("El servicio «Impresora» fue retirado del catálogo; elija otro.");
        (await _app.Service<TicketQueries>().GetAsync(_technician, old.Number))!.Subcategory.Should().Be("Impresora");

        await Catalog.SetRetiredAsync(_admin, 15, retired: false);
        (await Catalog.ActiveEntriesAsync()).Should().Contain(e => e.Code == 15);
    }

    [Fact]
    public async Task Renaming_is_audited_with_the_old_and_new_names()
    {
        await Catalog.RenameAsync(_admin, 21, "Sin conexión a internet");

        (await Catalog.ActiveEntriesAsync()).Single(e => e.Code == 21).Name.Should().Be("Sin conexión a internet");
        await using var db = _app.CreateDbContext();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "Catálogo modificado");
        (entry.Before, entry.After, entry.ActorName).Should().Be(("Inoperativo", "Sin conexión a internet", "Administrador del Sistema"));
    }

    [Fact]
    public async Task Only_administrators_keep_the_catalog()
    {
        var rename = () => Catalog.RenameAsync(_technician, 21, "Otro nombre");
        (await rename.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be("Solo un administrador modifica el catálogo.");
        (await Catalog.ActiveEntriesAsync()).Single(e => e.Code == 21).Name.Should().NotBe("Otro nombre");
    }
}

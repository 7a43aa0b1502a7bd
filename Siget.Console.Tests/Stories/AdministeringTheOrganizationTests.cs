using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Services.Administration;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Access;

namespace Siget.Console.Tests.Stories;

/// <summary>Administrators keep the vendor companies and the units and Tambos; every change is audited.</summary>
[Collection(HelpDeskCollection.Name)]
public class AdministeringTheOrganizationTests(HelpDeskFixture f)
{
    private OrganizationAdministration Organization => f.App.Service<OrganizationAdministration>();

    private Task<Actor> AdminAsync() => f.App.AddPersonAsync($"adm{HelpDeskFixture.NewTag()}", Role.Administrador, "Administradora de Prueba");

    private async Task<List<AuditEntry>> AuditAboutAsync(string subject)
    {
        await using var db = f.App.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Subject == subject).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task A_vendor_company_is_created_and_edited_with_before_and_after_in_the_audit()
    {
        var admin = await AdminAsync();
        var name = $"Servicios Andinos {HelpDeskFixture.NewTag()} S.A.C.";

        var id = await Organization.SaveVendorAsync(admin, null, new VendorForm { Name = name, ContractReference = "Contrato 021-2026", ContractSlaHours = 24 });
        await Organization.SaveVendorAsync(admin, id, new VendorForm { Name = name, ContractReference = "Contrato 021-2026", ContractSlaHours = 12, Active = false });

        var stored = (await Organization.VendorsAsync(admin)).Single(v => v.Id == id);
        (stored.ContractSlaHours, stored.Active).Should().Be((12, false));
        (await f.People.VendorsAsync()).Should().NotContain(v => v.Id == id, "a company without a contract is not offered for escalation");
        var audit = await AuditAboutAsync(name);
        audit.Select(a => a.Action).Should().Equal("Proveedor creado", "Proveedor modificado");
        audit[1].Before.Should().Contain("\"PlazoHoras\":24").And.Contain("\"Activa\":true");
        audit[1].After.Should().Contain("\"PlazoHoras\":12").And.Contain("\"Activa\":false");
    }

    [Theory]
    [InlineData("", 24, "Complete el nombre de la empresa.")]
    [InlineData("Otra Empresa", 0, "El plazo del contrato va de 1 a 2000 horas.")]
    [InlineData("TecnoSoluciones Perú S.A.C.", 24, "Ya existe una empresa proveedora llamada «TecnoSoluciones Perú S.A.C.».")]
    public async Task Invalid_vendor_data_is_refused_in_Spanish_and_nothing_is_saved(string name, int hours, string message)
    {
        var admin = await AdminAsync();
        var before = (await Organization.VendorsAsync(admin)).Count;

        var save = () => Organization.SaveVendorAsync(admin, null, new VendorForm { Name = name, ContractSlaHours = hours });

        (await save.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be(message);
        (await Organization.VendorsAsync(admin)).Should().HaveCount(before);
    }

    [Fact]
    public async Task A_Tambo_that_serves_citizens_is_added_and_offered_to_the_forms()
    {
        var admin = await AdminAsync();
        var name = $"Tambo Chacas {HelpDeskFixture.NewTag()} (Áncash)";

        var id = await Organization.SaveUnitAsync(admin, null, new UnitForm { Name = name, Kind = UnitKind.Tambo, ServesCitizens = true });

        (await Organization.UnitsAsync(admin)).Should().ContainSingle(u => u.Id == id && u.Kind == UnitKind.Tambo && u.ServesCitizens);
        (await f.People.UnitsAsync()).Should().Contain(u => u.Id == id);
        (await AuditAboutAsync(name)).Should().ContainSingle(a => a.Action == "Unidad creada" && a.ActorName == "Administradora de Prueba");
    }

    [Theory]
    [InlineData(Role.Supervisor)]
    [InlineData(Role.Tecnico)]
    [InlineData(Role.Usuario)]
    public async Task Only_administrators_keep_the_organisation(Role role)
    {
        var someone = new Actor("x", "Alguien", role);

        await ((Func<Task>)(() => Organization.VendorsAsync(someone))).Should().ThrowAsync<DomainException>();
        await ((Func<Task>)(() => Organization.SaveUnitAsync(someone, null, new UnitForm { Name = "Unidad X" }))).Should().ThrowAsync<DomainException>()
            .WithMessage("Solo un administrador gestiona proveedores y unidades.");
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Services.People;
using Siget.Core;
using Siget.Core.Access;

namespace Siget.Console.Services.Administration;

public sealed class VendorForm
{
    public string Name { get; set; } = "";
    public string? ContractReference { get; set; }
    public int? ContractSlaHours { get; set; }
    public string? Contact { get; set; }
    public bool Active { get; set; } = true;
}

public sealed class UnitForm
{
    public string Name { get; set; } = "";
    public UnitKind Kind { get; set; } = UnitKind.Unidad;
    public bool ServesCitizens { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>A vendor company as the administration screen lists it.</summary>
public sealed record VendorRow(int Id, string Name, string? ContractReference, int? ContractSlaHours, string? Contact, bool Active);

/// <summary>A unit or Tambo as the administration screen lists it.</summary>
public sealed record UnitRow(int Id, string Name, UnitKind Kind, bool ServesCitizens, bool Active);

/// <summary>Vendor companies (level 3) and the organisation's units and Tambos, kept by administrators; every change audited.</summary>
public sealed class OrganizationAdministration(IDbContextFactory<SigetDbContext> dbFactory, AuditLog audit)
{
    public async Task<IReadOnlyList<VendorRow>> VendorsAsync(Actor actor, CancellationToken ct = default)
    {
        EnsureAdministrator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.VendorCompanies.AsNoTracking().OrderBy(v => v.Name)
            .Select(v => new VendorRow(v.Id, v.Name, v.ContractReference, v.ContractSlaHours, v.Contact, v.Active)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<UnitRow>> UnitsAsync(Actor actor, CancellationToken ct = default)
    {
        EnsureAdministrator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Units.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new UnitRow(u.Id, u.Name, u.Kind, u.ServesCitizens, u.Active)).ToListAsync(ct);
    }

    /// <summary>Creates (<paramref name="id"/> null) or updates a vendor company.</summary>
    public async Task<int> SaveVendorAsync(Actor actor, int? id, VendorForm form, CancellationToken ct = default)
    {
        EnsureAdministrator(actor);
        var name = DomainException.About(nameof(VendorForm.Name), () => Text.RequiredLine(form.Name, 200, "el nombre de la empresa"));
        if (form.ContractSlaHours is int hours && hours is < 1 or > 2000)
            throw new DomainException("El plazo del contrato va de 1 a 2000 horas.", nameof(VendorForm.ContractSlaHours));
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        if (await db.VendorCompanies.AnyAsync(v => v.Name == name && v.Id != id, ct))
            throw new DomainException($"Ya existe una empresa proveedora llamada «{name}».", nameof(VendorForm.Name));
        var vendor = id is int existing
            ? await db.VendorCompanies.SingleOrDefaultAsync(v => v.Id == existing, ct) ?? throw new DomainException("La empresa proveedora no existe.")
            : db.VendorCompanies.Add(new VendorCompany()).Entity;
        var before = id is null ? null : Describe(vendor);
        vendor.Name = name;
        vendor.ContractReference = DomainException.About(nameof(VendorForm.ContractReference), () => Text.OptionalLine(form.ContractReference, 100, "la referencia del contrato"));
        vendor.ContractSlaHours = form.ContractSlaHours;
        vendor.Contact = DomainException.About(nameof(VendorForm.Contact), () => Text.OptionalLine(form.Contact, 200, "el contacto"));
        vendor.Active = form.Active;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor.UserId, actor.Name, id is null ? "Proveedor creado" : "Proveedor modificado", name, before, Describe(vendor), ct: ct);
        return vendor.Id;
    }

    /// <summary>Creates (<paramref name="id"/> null) or updates a unit or Tambo.</summary>
    public async Task<int> SaveUnitAsync(Actor actor, int? id, UnitForm form, CancellationToken ct = default)
    {
        EnsureAdministrator(actor);
        var name = DomainException.About(nameof(UnitForm.Name), () => Text.RequiredLine(form.Name, 200, "el nombre de la unidad o Tambo"));
        if (!Enum.IsDefined(form.Kind)) throw new DomainException("Indique si es una unidad o un Tambo.", nameof(UnitForm.Kind));
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        if (await db.Units.AnyAsync(u => u.Name == name && u.Id != id, ct))
            throw new DomainException($"Ya existe una unidad o Tambo llamado «{name}».", nameof(UnitForm.Name));
        var unit = id is int existing
            ? await db.Units.SingleOrDefaultAsync(u => u.Id == existing, ct) ?? throw new DomainException("La unidad o Tambo no existe.")
            : db.Units.Add(new Unit()).Entity;
        var before = id is null ? null : Describe(unit);
        unit.Name = name;
        unit.Kind = form.Kind;
        unit.ServesCitizens = form.ServesCitizens;
        unit.Active = form.Active;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor.UserId, actor.Name, id is null ? "Unidad creada" : "Unidad modificada", name, before, Describe(unit), ct: ct);
        return unit.Id;
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Describe(VendorCompany v) => JsonSerializer.Serialize(new
    {
        Nombre = v.Name, Contrato = v.ContractReference, PlazoHoras = v.ContractSlaHours, Contacto = v.Contact, Activa = v.Active,
    }, Json);

    private static string Describe(Unit u) => JsonSerializer.Serialize(new
    {
        Nombre = u.Name, Tipo = u.Kind.ToString(), AtiendeCiudadanos = u.ServesCitizens, Activa = u.Active,
    }, Json);

    private static void EnsureAdministrator(Actor actor)
    {
        if (actor.Role != Role.Administrador) throw new DomainException("Solo un administrador gestiona proveedores y unidades.");
    }
}

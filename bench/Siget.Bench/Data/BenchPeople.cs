using Microsoft.AspNetCore.Identity;
using Siget.Console.Data;
using Siget.Console.Services.People;
using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Priorities;

namespace Siget.Bench.Data;

/// <summary>A requester as tickets need them: who, where, and whether they are served first.</summary>
public sealed record BenchRequester(Actor Actor, Unit Unit, bool Preferential);

/// <summary>
/// The people, units and vendor companies of the generated help desk, written through EF (they are few) with one
/// password hash shared by every account (hashing 2,300 passwords would take minutes and prove nothing).
/// User names are predictable so scenarios can sign in: tec001…, esp001…, prov001…, sup01…, adm01, usr0001….
/// </summary>
public sealed class BenchPeople
{
    public const string Password = "Bench#2026";

    public required IReadOnlyList<Unit> Units { get; init; }
    public required IReadOnlyList<VendorRef> Vendors { get; init; }
    public required IReadOnlyList<Actor> Technicians { get; init; }
    public required IReadOnlyList<Actor> Specialists { get; init; }
    /// <summary>Vendor users, each with their company in <see cref="Actor.VendorCompanyId"/>.</summary>
    public required IReadOnlyList<Actor> VendorUsers { get; init; }
    public required IReadOnlyList<Actor> Supervisors { get; init; }
    /// <summary>Technicians and specialists who left: inactive accounts that still appear in old tickets.</summary>
    public required IReadOnlyList<Actor> FormerStaff { get; init; }
    public required IReadOnlyList<BenchRequester> Requesters { get; init; }

    public static string TechnicianName(int i) => $"tec{i + 1:D3}";
    public static string SpecialistName(int i) => $"esp{i + 1:D3}";
    public static string SupervisorName(int i) => $"sup{i + 1:D2}";
    public static string RequesterName(int i) => $"usr{i + 1:D4}";

    private static readonly string[] FirstNames =
    [
        "María", "José", "Luis", "Ana", "Carlos", "Rosa", "Jorge", "Carmen", "Juan", "Lucía", "Pedro", "Elena", "Miguel",
        "Patricia", "Víctor", "Gladys", "Raúl", "Silvia", "César", "Nancy", "Julio", "Flor", "Walter", "Yolanda", "Hugo",
    ];
    private static readonly string[] Surnames =
    [
        "Quispe", "Flores", "Huamán", "Mamani", "Rojas", "Sánchez", "García", "Vargas", "Mendoza", "Chávez", "Ramírez",
        "Torres", "Condori", "Paredes", "Salazar", "Ríos", "Castillo", "Ccori", "Huanca", "Apaza", "Gutiérrez", "Espinoza",
    ];
    private static readonly string[] Regions =
        ["Áncash", "Apurímac", "Ayacucho", "Cusco", "Huancavelica", "Huánuco", "Junín", "Loreto", "Pasco", "Puno", "Amazonas", "Cajamarca"];

    public static async Task<BenchPeople> CreateAsync(SigetDbContext db, BenchSizes sizes, Random random)
    {
        var units = new List<Unit>();
        for (var i = 0; i < 40; i++) units.Add(new Unit { Name = $"Unidad {i + 1:D2} · {UnitNames[i % UnitNames.Length]}", Kind = UnitKind.Unidad, ServesCitizens = i % 5 == 0 });
        for (var i = 0; i < 60; i++) units.Add(new Unit { Name = $"Tambo {Surnames[i % Surnames.Length]} {i + 1:D2} ({Regions[i % Regions.Length]})", Kind = UnitKind.Tambo, ServesCitizens = true });
        db.Units.AddRange(units);
        var companies = Enumerable.Range(1, 6).Select(i => new VendorCompany
        {
            Name = $"Proveedor {i:D2} S.A.C.", ContractReference = $"Contrato N.° {i:D3}-2024-UTI", ContractSlaHours = 8 + 8 * (i % 3), Active = true,
        }).ToList();
        db.VendorCompanies.AddRange(companies);
        await db.SaveChangesAsync();

        var hash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Password);
        var uti = units[0];
        ApplicationUser User(string userName, Role role, Unit? unit, Classification? classification, int? vendorId = null, bool active = true)
        {
            var fullName = $"{FirstNames[random.Next(FirstNames.Length)]} {Surnames[random.Next(Surnames.Length)]} {Surnames[random.Next(Surnames.Length)]}";
            var user = new ApplicationUser
            {
                UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), Email = $"{userName}@siget.example",
                NormalizedEmail = $"{userName}@SIGET.EXAMPLE", EmailConfirmed = true, PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
                FullName = fullName, Role = role, UnitId = unit?.Id, Classification = classification, VendorCompanyId = vendorId, IsActive = active,
            };
            db.Users.Add(user);
            return user;
        }

        var technicians = Enumerable.Range(0, sizes.Technicians).Select(i => User(TechnicianName(i), Role.Tecnico, uti, Classification.DeApoyo)).ToList();
        var specialists = Enumerable.Range(0, sizes.Specialists).Select(i => User(SpecialistName(i), Role.Especialista, uti, Classification.Especialista)).ToList();
        var vendorUsers = Enumerable.Range(0, sizes.VendorUsers).Select(i => User($"prov{i + 1:D3}", Role.Proveedor, null, null, companies[i % companies.Count].Id)).ToList();
        var supervisors = Enumerable.Range(0, sizes.Supervisors).Select(i => User(SupervisorName(i), Role.Supervisor, uti, Classification.Ejecutivo)).ToList();
        for (var i = 0; i < sizes.Administrators; i++) User($"adm{i + 1:D2}", Role.Administrador, uti, Classification.Especialista);
        var former = Enumerable.Range(0, sizes.FormerStaff).Select(i =>
            User($"ex{i + 1:D3}", i % 3 == 0 ? Role.Especialista : Role.Tecnico, uti, Classification.DeApoyo, active: false)).ToList();
        var requesters = Enumerable.Range(0, sizes.Requesters).Select(i =>
        {
            // A few directors and executives (served first), most staff in units, the rest in Tambos.
            var classification = i % 50 == 0 ? Classification.DirectorEjecutivo : i % 12 == 0 ? Classification.Ejecutivo
                : i % 3 == 0 ? Classification.Especialista : Classification.DeApoyo;
            var unit = units[i % 4 == 3 ? 40 + random.Next(60) : 1 + random.Next(39)];
            return (User: User(RequesterName(i), Role.Usuario, unit, classification), Unit: unit, classification);
        }).ToList();
        await db.SaveChangesAsync();

        return new BenchPeople
        {
            Units = units,
            Vendors = companies.Select(c => new VendorRef(c.Id, c.Name)).ToList(),
            Technicians = technicians.Select(u => u.ToActor()).ToList(),
            Specialists = specialists.Select(u => u.ToActor()).ToList(),
            VendorUsers = vendorUsers.Select(u => u.ToActor()).ToList(),
            Supervisors = supervisors.Select(u => u.ToActor()).ToList(),
            FormerStaff = former.Select(u => u.ToActor()).ToList(),
            Requesters = requesters.Select(r => new BenchRequester(r.User.ToActor(), r.Unit,
                QueueOrder.IsPreferential(r.classification, r.Unit.ServesCitizens))).ToList(),
        };
    }

    private static readonly string[] UnitNames =
    [
        "Oficina de Administración", "Oficina de Planeamiento", "Oficina de Asesoría Jurídica", "Unidad de Recursos Humanos",
        "Unidad de Abastecimiento", "Unidad de Contabilidad", "Unidad de Tesorería", "Dirección de Operaciones",
        "Dirección de Articulación", "Oficina de Comunicaciones", "Órgano de Control Institucional", "Unidad de Archivo",
    ];
}

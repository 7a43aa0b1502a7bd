using Siget.Core.Access;
using Siget.Core.Escalation;

namespace Siget.Core.Tests.Support;

/// <summary>The people of the tests by name, so theories can list them (enums show up in test names).</summary>
public enum Person
{
    Requester,
    OtherRequester,
    Technician,
    OtherTechnician,
    Specialist,
    OtherSpecialist,
    Vendor,
    VendorColleague,
    OtherVendor,
    VendorWithoutCompany,
    Supervisor,
    OtherSupervisor,
    Administrator,
    System,
}

/// <summary>One actor per role, a second of most, and vendor users of two companies.</summary>
public static class Actors
{
    public static readonly VendorRef VendorCompany = new(7, "TecnoSoluciones SAC");
    public static readonly VendorRef OtherVendorCompany = new(8, "Redes Andinas SRL");

    public static readonly Actor Requester = new("u-maria", "María Flores", Role.Usuario);
    public static readonly Actor OtherRequester = new("u-pedro", "Pedro Huamán", Role.Usuario);
    public static readonly Actor Technician = new("t-luis", "Luis Mendoza", Role.Tecnico);
    public static readonly Actor OtherTechnician = new("t-ana", "Ana Ruiz", Role.Tecnico);
    public static readonly Actor Specialist = new("e-rosa", "Rosa Paredes", Role.Especialista);
    public static readonly Actor OtherSpecialist = new("e-jorge", "Jorge Salas", Role.Especialista);
    public static readonly Actor Vendor = new("p-miguel", "Miguel Torres", Role.Proveedor, VendorCompany.Id);
    public static readonly Actor VendorColleague = new("p-lucia", "Lucía Vargas", Role.Proveedor, VendorCompany.Id);
    public static readonly Actor OtherVendor = new("p-raul", "Raúl Ccori", Role.Proveedor, OtherVendorCompany.Id);
    public static readonly Actor VendorWithoutCompany = new("p-sin", "Proveedor sin empresa", Role.Proveedor);
    public static readonly Actor Supervisor = new("s-carmen", "Carmen Quispe", Role.Supervisor);
    public static readonly Actor OtherSupervisor = new("s-julio", "Julio Ramos", Role.Supervisor);
    public static readonly Actor Administrator = new("a-admin", "Administrador", Role.Administrador);

    public static Actor Of(Person person) => person switch
    {
        Person.Requester => Requester,
        Person.OtherRequester => OtherRequester,
        Person.Technician => Technician,
        Person.OtherTechnician => OtherTechnician,
        Person.Specialist => Specialist,
        Person.OtherSpecialist => OtherSpecialist,
        Person.Vendor => Vendor,
        Person.VendorColleague => VendorColleague,
        Person.OtherVendor => OtherVendor,
        Person.VendorWithoutCompany => VendorWithoutCompany,
        Person.Supervisor => Supervisor,
        Person.OtherSupervisor => OtherSupervisor,
        Person.Administrator => Administrator,
        Person.System => Actor.System,
        _ => throw new ArgumentOutOfRangeException(nameof(person)),
    };

    /// <summary>Who takes a ticket at each level in these tests (level 3: a user of <see cref="VendorCompany"/>).</summary>
    public static Actor WorkerAt(SupportLevel level) => level switch
    {
        SupportLevel.Nivel1 => Technician,
        SupportLevel.Nivel2 => Specialist,
        SupportLevel.Nivel3 => Vendor,
        _ => Supervisor,
    };

    /// <summary>A second person who works at the same level as <see cref="WorkerAt"/>.</summary>
    public static Actor ColleagueAt(SupportLevel level) => level switch
    {
        SupportLevel.Nivel1 => OtherTechnician,
        SupportLevel.Nivel2 => OtherSpecialist,
        SupportLevel.Nivel3 => VendorColleague,
        _ => OtherSupervisor,
    };

    /// <summary>The "responsable de escalamiento" of Anexo 3 for each level.</summary>
    public static Actor EscalatorFrom(SupportLevel level) => level switch
    {
        SupportLevel.Nivel1 => Technician,
        SupportLevel.Nivel2 => Specialist,
        SupportLevel.Nivel3 => Specialist,
        _ => Supervisor,
    };
}

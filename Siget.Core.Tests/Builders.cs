using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Sla;
using Siget.Core.Tickets;

namespace Siget.Core.Tests;

/// <summary>The people of the tests, one per role, and a second of some.</summary>
public static class Actors
{
    public static readonly Actor Requester = new("u-maria", "María Flores", Role.Usuario);
    public static readonly Actor OtherRequester = new("u-pedro", "Pedro Huamán", Role.Usuario);
    public static readonly Actor Technician = new("t-luis", "Luis Mendoza", Role.Tecnico);
    public static readonly Actor OtherTechnician = new("t-ana", "Ana Ruiz", Role.Tecnico);
    public static readonly Actor Specialist = new("e-rosa", "Rosa Paredes", Role.Especialista);
    public static readonly Actor Vendor = new("p-miguel", "Miguel Torres", Role.Proveedor, VendorCompanyId: 7);
    public static readonly Actor OtherVendor = new("p-otro", "Otro Proveedor", Role.Proveedor, VendorCompanyId: 8);
    public static readonly Actor Supervisor = new("s-carmen", "Carmen Quispe", Role.Supervisor);
    public static readonly Actor Administrator = new("a-admin", "Administrador", Role.Administrador);

    public static readonly VendorRef VendorCompany = new(7, "TecnoSoluciones");
}

/// <summary>Tickets registered through the domain and moved along real transitions.</summary>
public sealed class TicketBuilder
{
    public static readonly SlaPolicy Sla = new(SlaTargets.Default, BusinessCalendar.PeruDefault(2026, 2027));
    public static readonly DateTime Now = new(2026, 11, 25, 15, 0, 0, DateTimeKind.Utc); // Wednesday 10:00 Lima

    private static int _sequence;
    private OperatingImpact _impact = OperatingImpact.Parcial;
    private bool _alternative = true;
    private Actor _requester = Actors.Requester;
    private bool _preferential;
    private DateTime _at = Now;

    public TicketBuilder WithImpact(OperatingImpact impact, bool alternative) { _impact = impact; _alternative = alternative; return this; }
    public TicketBuilder For(Actor requester) { _requester = requester; return this; }
    public TicketBuilder Preferential() { _preferential = true; return this; }
    public TicketBuilder At(DateTime utc) { _at = utc; return this; }

    public Ticket Registered() => Ticket.Register(new TicketNumber(2026, Interlocked.Increment(ref _sequence)),
        new NewTicket(TicketKind.Incidencia, Channel.Telefono, 15, "La impresora no imprime", "Atasco de papel.",
            _impact, _alternative, new TicketRequester(_requester.UserId, _requester.Name, 3, "Unidad de Administración", _preferential)),
        Actors.Technician, _at, Sla);

    public Ticket InState(TicketState state)
    {
        var t = Registered();
        if (state == TicketState.EnCola) return t;
        t.Take(Actors.Technician, _at.AddMinutes(5));
        if (state == TicketState.EnProceso) return t;
        if (state == TicketState.Anulado) { t.Cancel(Actors.Supervisor, "Duplicado", _at.AddMinutes(6)); return t; }
        t.Resolve(Actors.Technician, "Se retiró el papel atascado y se probó la impresión.", _at.AddMinutes(10));
        if (state == TicketState.Resuelto) return t;
        t.Finalize(_requester, _at.AddMinutes(20));
        return t;
    }

    /// <summary>Escalated to level 2 and taken by the specialist.</summary>
    public Ticket AtSpecialist()
    {
        var t = InState(TicketState.EnProceso);
        t.Escalate(Actors.Technician, "N1-RECURSOS", "Requiere revisar el servidor de impresión.", null, _at.AddMinutes(7));
        t.Take(Actors.Specialist, _at.AddMinutes(8));
        return t;
    }

    /// <summary>Escalated to the vendor company (level 3), unassigned.</summary>
    public Ticket AtVendor()
    {
        var t = AtSpecialist();
        t.Escalate(Actors.Specialist, "N2-INFRAESTRUCTURA", "Equipo en garantía.", Actors.VendorCompany, _at.AddMinutes(9));
        return t;
    }
}

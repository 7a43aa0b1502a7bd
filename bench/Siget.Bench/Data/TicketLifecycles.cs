using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Sla;
using Siget.Core.Tickets;

namespace Siget.Bench.Data;

/// <summary>A generated ticket with its messages; a citizen's requester fields replace the staff placeholder on write.</summary>
public sealed record GeneratedTicket(int Id, Ticket Ticket, IReadOnlyList<TicketMessage> Messages, GeneratedCitizen? Citizen);

public sealed record GeneratedCitizen(string RequesterId, string Document);

/// <summary>
/// Lives tickets through the real domain (<see cref="Ticket"/>'s own transitions, so every rule, due time and history
/// entry is the product's): registration, taking, replies, escalations, vendor work, resolution, reopening, closing
/// by the requester (with a rating) or by Sistema, and cancellations. Open tickets stop part-way, at every level.
/// </summary>
public sealed class TicketLifecycles(BenchPeople people, Func<int, SlaPolicy> policyForYear, DateTime nowUtc, int seed)
{
    private readonly Random _random = new(seed);
    private readonly int[] _subcategoryWeights = SubcategoryWeights(seed);
    private readonly string _citizenHash = AccessCode.Hash("BENCH-0000");

    /// <summary>The citizen's access-code hash written for every generated citizen ticket (hashing each would take hours).</summary>
    public string CitizenAccessCodeHash => _citizenHash;

    private enum Stop { EnColaN1, EnProcesoN1, EnColaN2, EnProcesoN2, Vendor, Nivel4, Direccion, Resuelto, Closed }

    public GeneratedTicket Create(int id, TicketNumber number, DateTime registeredAtUtc, bool open)
    {
        var stop = open ? PickOpenStop() : Stop.Closed;
        var requester = people.Requesters[Skewed(people.Requesters.Count)];
        var channel = PickChannel();
        var citizen = !channel.IsSelfService() && channel != Channel.CorreoElectronico && _random.Next(100) < 12;
        var code = _subcategoryWeights[_random.Next(_subcategoryWeights.Length)];
        var kind = _random.Next(100) switch { < 68 => TicketKind.Incidencia, < 98 => TicketKind.Peticion, _ => TicketKind.Problema };
        if (channel.IsSelfService() && kind == TicketKind.Problema) kind = TicketKind.Incidencia;
        var sub = SeedCatalog.Subcategories.First(s => s.Code == code);
        var registeredBy = channel.IsSelfService() ? requester.Actor : Worker(people.Technicians, registeredAtUtc);
        var data = new NewTicket(kind, channel, code, $"{sub.Name}: {Subjects[_random.Next(Subjects.Length)]}",
            $"{Descriptions[_random.Next(Descriptions.Length)]} Unidad: {requester.Unit.Name}.",
            (OperatingImpact)_random.Next(1, 4), _random.Next(3) == 0,
            new TicketRequester(requester.Actor.UserId, requester.Actor.Name, requester.Unit.Id, requester.Unit.Name, requester.Preferential || citizen));
        var ticket = Ticket.Register(number, data, registeredBy, registeredAtUtc, policyForYear(registeredAtUtc.Year));
        var messages = new List<TicketMessage>();
        var at = registeredAtUtc;
        var limit = open ? nowUtc.AddMinutes(-1) : DateTime.MaxValue;

        DateTime Later(double minMinutes, double maxMinutes)
        {
            var next = at.AddMinutes(minMinutes + _random.NextDouble() * (maxMinutes - minMinutes));
            // Open tickets are recent: squeeze their steps in before now.
            at = next < limit ? next : at.AddTicks(Math.Max(1, (limit - at).Ticks / 4));
            return at;
        }

        if (!open && _random.Next(100) < 3)
        {
            ticket.Cancel(people.Supervisors[_random.Next(people.Supervisors.Count)], "Registrado por duplicado.", Later(5, 240));
            return new GeneratedTicket(id, ticket, messages, citizen ? Citizen() : null);
        }
        if (stop == Stop.EnColaN1) return Done();

        var holder = Worker(people.Technicians, at);
        ticket.Take(holder, Later(2, 90));
        if (_random.Next(100) < 85) messages.Add(ticket.Reply(holder, Replies[_random.Next(Replies.Length)], false, Later(1, 45)));
        if (_random.Next(100) < 10) messages.Add(ticket.Reply(holder, "Se revisó el equipo en sitio; pendiente de confirmar con el usuario.", true, Later(5, 60)));
        if (!citizen && _random.Next(100) < 20) messages.Add(WithAttachment(ticket.Reply(requester.Actor, "Adjunto captura del error.", false, Later(5, 120)), requester.Actor));
        if (stop == Stop.EnProcesoN1) return Done();

        var climb = stop switch
        {
            Stop.EnColaN2 or Stop.EnProcesoN2 => 2,
            Stop.Vendor => 3,
            Stop.Nivel4 or Stop.Direccion => 4,
            _ => _random.Next(100) switch { < 74 => 1, < 92 => 2, < 99 => 3, _ => 4 },
        };
        if (climb >= 2)
        {
            ticket.Escalate(holder, Criterion(SupportLevel.Nivel1, SupportLevel.Nivel2), "Requiere conocimiento especializado.", null, Later(30, 480));
            if (stop == Stop.EnColaN2) return Done();
            holder = Worker(people.Specialists, at);
            ticket.Take(holder, Later(10, 240));
            if (_random.Next(100) < 60) messages.Add(ticket.Reply(holder, "Estamos revisando la configuración del servicio.", false, Later(10, 120)));
            if (stop == Stop.EnProcesoN2) return Done();
        }
        if (climb >= 3)
        {
            var vendorUser = people.VendorUsers[_random.Next(people.VendorUsers.Count)];
            var vendor = people.Vendors.First(v => v.Id == vendorUser.VendorCompanyId);
            ticket.Escalate(holder, Criterion(SupportLevel.Nivel2, SupportLevel.Nivel3), "Falla cubierta por la garantía del proveedor.", vendor, Later(60, 960));
            holder = vendorUser;
            ticket.Take(holder, Later(30, 600));
            messages.Add(ticket.Reply(holder, "Se programó la visita técnica del proveedor.", false, Later(30, 480)));
            if (stop == Stop.Vendor) return Done();
        }
        if (climb >= 4)
        {
            var supervisor = people.Supervisors[_random.Next(people.Supervisors.Count)];
            ticket.Escalate(supervisor, Criterion(SupportLevel.Nivel3, SupportLevel.Nivel4), "El proveedor no cumplió el plazo de su contrato.", null, Later(240, 2880));
            if (stop == Stop.Nivel4) return Done();
            holder = supervisor;
            ticket.Take(holder, Later(30, 600));
            if (stop == Stop.Direccion)
            {
                // Rare: the head of UTI takes it to Dirección Ejecutiva (investment, emergency change) and it waits there.
                ticket.Escalate(holder, Criterion(SupportLevel.Nivel4, SupportLevel.DireccionEjecutiva), "Requiere decisión de la Dirección Ejecutiva.", null, Later(60, 480));
                return Done();
            }
        }

        ticket.Resolve(holder, Solutions[_random.Next(Solutions.Length)], Later(30, 2400));
        if (!citizen && _random.Next(100) < 4)
        {
            ticket.Reopen(requester.Actor, "El problema volvió a presentarse.", Later(60, 1440));
            ticket.Resolve(holder, "Se reemplazó el componente defectuoso y se verificó con el usuario.", Later(60, 1440));
        }
        if (stop == Stop.Resuelto) return Done();

        if (!citizen && _random.Next(100) < 55)
            ticket.Finalize(requester.Actor, Later(30, 2880), new Satisfaction(Rating(), _random.Next(4) == 0 ? "Gracias por la atención." : null));
        else
            ticket.Finalize(Actor.System, Later(4320, 7200), note: "Finalizado por Sistema: el solicitante no respondió en 3 días hábiles.");
        return Done();

        GeneratedTicket Done()
        {
            // Open tickets carry the SLA alerts already given, as the engine would have left them.
            if (ticket.IsOpen) ticket.ReviewSla(policyForYear(nowUtc.Year), nowUtc);
            return new GeneratedTicket(id, ticket, messages, citizen ? Citizen() : null);
        }
        GeneratedCitizen Citizen() => new($"{TicketRequester.CitizenPrefix}{Guid.NewGuid():N}", $"{_random.Next(10_000_000, 99_999_999)}");
    }

    /// <summary>
    /// A ticket waiting in the level-2 queue, priority Alta and preferential, registered long before every other open
    /// ticket: sent back to level 1 it sorts first in every technician's queue (the live-push scenario's change).
    /// </summary>
    public GeneratedTicket CreateSendBackCandidate(int id, TicketNumber number, DateTime registeredAtUtc)
    {
        var requester = people.Requesters.FirstOrDefault(r => r.Preferential) ?? people.Requesters[0];
        var registeredBy = people.Technicians[id % people.Technicians.Count];
        var data = new NewTicket(TicketKind.Incidencia, Channel.Telefono, _subcategoryWeights[id % _subcategoryWeights.Length],
            "Sin servicio de red en el Tambo", $"No hay conexión en toda la sede. Unidad: {requester.Unit.Name}.", OperatingImpact.Total, false,
            new TicketRequester(requester.Actor.UserId, requester.Actor.Name, requester.Unit.Id, requester.Unit.Name, Preferential: true));
        var ticket = Ticket.Register(number, data, registeredBy, registeredAtUtc, policyForYear(registeredAtUtc.Year));
        ticket.Take(registeredBy, registeredAtUtc.AddMinutes(5));
        var messages = new List<TicketMessage> { ticket.Reply(registeredBy, "Se revisó el enlace; requiere al especialista de redes.", false, registeredAtUtc.AddMinutes(10)) };
        ticket.Escalate(registeredBy, Criterion(SupportLevel.Nivel1, SupportLevel.Nivel2), "Requiere conocimiento especializado.", null, registeredAtUtc.AddMinutes(20));
        ticket.ReviewSla(policyForYear(nowUtc.Year), nowUtc);
        return new GeneratedTicket(id, ticket, messages, null);
    }

    /// <summary>A ticket whose page has <paramref name="entries"/> timeline entries (history and messages) for the ticket-page scenario.</summary>
    public GeneratedTicket CreateLongTimeline(int id, TicketNumber number, DateTime registeredAtUtc, int entries)
    {
        var requester = people.Requesters[0];
        var technicians = people.Technicians;
        var data = new NewTicket(TicketKind.Incidencia, Channel.Intranet, _subcategoryWeights[0], "Falla intermitente de la red en el piso 3",
            "La conexión se cae varias veces al día.", OperatingImpact.Parcial, false,
            new TicketRequester(requester.Actor.UserId, requester.Actor.Name, requester.Unit.Id, requester.Unit.Name, requester.Preferential));
        var ticket = Ticket.Register(number, data, requester.Actor, registeredAtUtc, policyForYear(registeredAtUtc.Year));
        var messages = new List<TicketMessage>();
        var at = registeredAtUtc;
        var step = (nowUtc.AddHours(-1) - registeredAtUtc) / (entries + 1);
        var i = 0;
        while (ticket.History.Count + messages.Count < entries)
        {
            at += step;
            var technician = technicians[i++ % technicians.Count];
            if (ticket.State == TicketState.EnCola) ticket.Take(technician, at);
            else
            {
                var holder = technicians.First(t => t.UserId == ticket.AssigneeId);
                if (i % 3 == 0) ticket.Release(holder, "Cambio de turno.", at);
                else messages.Add(ticket.Reply(holder, $"Seguimiento {i}: se revisó el switch del piso 3.", i % 5 == 0, at));
            }
        }
        return new GeneratedTicket(id, ticket, messages, null);
    }

    private TicketMessage WithAttachment(TicketMessage message, Actor by)
    {
        var kind = _random.Next(3) switch { 0 => AttachmentRules.Png, 1 => AttachmentRules.Pdf, _ => AttachmentRules.Jpeg };
        message.Attach(new TicketAttachment(message.TicketId, $"captura{kind.Extensions[0]}", kind, _random.Next(20_000, 900_000),
            Guid.NewGuid().ToString("N"), by, message.AtUtc));
        return message;
    }

    private Stop PickOpenStop() => _random.Next(100) switch
    {
        < 30 => Stop.EnColaN1,
        < 62 => Stop.EnProcesoN1,
        < 70 => Stop.EnColaN2,
        < 80 => Stop.EnProcesoN2,
        < 87 => Stop.Vendor,
        < 89 => Stop.Nivel4,
        < 90 => Stop.Direccion,
        _ => Stop.Resuelto,
    };

    private Channel PickChannel() => _random.Next(100) switch
    {
        < 42 => Channel.Intranet,
        < 52 => Channel.Sismonitor,
        < 72 => Channel.Telefono,
        < 84 => Channel.Presencial,
        _ => Channel.CorreoElectronico,
    };

    private string Criterion(SupportLevel from, SupportLevel to)
    {
        var criteria = EscalationMatrix.CriteriaFor(from, to).Where(c => c.Code != EscalationMatrix.NoProgressCriterionCode).ToList();
        return criteria[_random.Next(criteria.Count)].Code;
    }

    private int Rating() => _random.Next(100) switch { < 4 => 1, < 10 => 2, < 25 => 3, < 55 => 4, _ => 5 };

    /// <summary>Staff who worked the ticket: in older years, often someone who has since left.</summary>
    private Actor Worker(IReadOnlyList<Actor> active, DateTime atUtc)
    {
        var former = people.FormerStaff.Where(f => f.Role == active[0].Role).ToList();
        if (former.Count > 0 && atUtc < nowUtc.AddYears(-1) && _random.Next(100) < 40) return former[_random.Next(former.Count)];
        return active[Skewed(active.Count)];
    }

    /// <summary>A few people and services get most tickets (roughly Zipf).</summary>
    private int Skewed(int count) => (int)Math.Min(count - 1, Math.Floor(count * Math.Pow(_random.NextDouble(), 1.8)));

    /// <summary>Each subcategory repeated by a Zipf-like weight, in a shuffled order: printers and passwords dominate, all 43 occur.</summary>
    private static int[] SubcategoryWeights(int seed)
    {
        var codes = SeedCatalog.Subcategories.Select(s => s.Code).ToArray();
        new Random(seed).Shuffle(codes);
        return codes.SelectMany((code, rank) => Enumerable.Repeat(code, Math.Max(1, (int)(400 / Math.Pow(rank + 1, 0.9))))).ToArray();
    }

    private static readonly string[] Subjects =
    [
        "no funciona desde esta mañana", "solicito atención urgente", "error al iniciar", "falla intermitente", "requiere instalación",
        "no imprime", "lentitud en el servicio", "acceso denegado", "solicitud de alta", "se perdió la configuración",
    ];
    private static readonly string[] Descriptions =
    [
        "Desde temprano el equipo no responde y hay usuarios esperando.",
        "Al intentar ingresar aparece un mensaje de error y no deja continuar.",
        "Se necesita para el trámite de hoy; por favor atender a la brevedad.",
        "El problema ocurre varias veces al día desde la semana pasada.",
    ];
    private static readonly string[] Replies =
    [
        "Buen día, ya estamos revisando su caso.", "Se tomó acceso remoto al equipo para revisar.",
        "Por favor reinicie el equipo y confírmenos si persiste.", "Un técnico se acercará a su oficina en breve.",
    ];
    private static readonly string[] Solutions =
    [
        "Se reinstaló el controlador y se verificó el funcionamiento con el usuario.", "Se restableció la contraseña y se validó el acceso.",
        "Se reemplazó el cable de red dañado.", "Se configuró el servicio y se entregó al usuario.", "Se liberó espacio en disco y se actualizó el sistema.",
    ];
}

using Microsoft.Extensions.Time.Testing;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Sla;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Support;

/// <summary>
/// Tickets registered through <see cref="Ticket.Register"/> and moved along real transitions only.
/// Every step advances the builder's <see cref="Clock"/> by five minutes, so history times are distinct.
/// </summary>
public sealed class TicketBuilder
{
    public static readonly BusinessCalendar Calendar = BusinessCalendar.PeruDefault(2026, 2027);
    public static readonly SlaPolicy Sla = new(SlaTargets.Default, Calendar);

    /// <summary>Wednesday 25 Nov 2026, 10:00 in Lima: a working morning, far from any holiday.</summary>
    public static readonly DateTime Start = Lima.At(2026, 11, 25, 10);

    public static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    public const string Solution = "Se retiró el papel atascado y se imprimió una página de prueba.";

    private static int _sequence;

    private Actor _requester = Actors.Requester;
    private Actor _registeredBy = Actors.Technician;
    private Channel _channel = Channel.Telefono;
    private TicketKind _kind = TicketKind.Incidencia;
    private OperatingImpact _impact = OperatingImpact.Parcial;
    private bool _alternative = true;
    private bool _preferential;
    private SupportLevel _level = SupportLevel.Nivel1;
    private VendorRef _vendor = Actors.VendorCompany;

    public FakeTimeProvider Clock { get; private set; } = new(new DateTimeOffset(Start));
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public TicketBuilder For(Actor requester) { _requester = requester; return this; }
    public TicketBuilder RegisteredBy(Actor actor, Channel channel) { _registeredBy = actor; _channel = channel; return this; }
    public TicketBuilder OfKind(TicketKind kind) { _kind = kind; return this; }
    public TicketBuilder WithImpact(OperatingImpact impact, bool alternativeAvailable) { _impact = impact; _alternative = alternativeAvailable; return this; }
    public TicketBuilder Preferential() { _preferential = true; return this; }
    /// <summary>Registers at <paramref name="utc"/> (a fresh clock: a fake clock cannot go back).</summary>
    public TicketBuilder At(DateTime utc) { Clock = new FakeTimeProvider(new DateTimeOffset(utc)); return this; }
    /// <summary>Escalates (from En cola, by the responsible person of each level) up to <paramref name="level"/>.</summary>
    public TicketBuilder AtLevel(SupportLevel level) { _level = level; return this; }
    /// <summary>The vendor company a level-3 escalation names.</summary>
    public TicketBuilder EscalatedTo(VendorRef vendor) { _vendor = vendor; return this; }

    public NewTicket Data() => new(_kind, _channel, 15, "La impresora no imprime", "Atasco de papel en la bandeja 2.",
        _impact, _alternative, new TicketRequester(_requester.UserId, _requester.Name, 3, "Unidad de Administración", _preferential));

    public Ticket Registered()
    {
        var ticket = Ticket.Register(new TicketNumber(2026, Interlocked.Increment(ref _sequence)), Data(), _registeredBy, Now, Sla);
        for (var level = SupportLevel.Nivel1; level < _level; level++)
            ticket.Escalate(Actors.EscalatorFrom(level), EscalationMatrix.CriteriaFor(level, level + 1)[0].Code,
                "Requiere el siguiente nivel.", _vendor, Tick());
        return ticket;
    }

    /// <summary>En cola: unassigned. En proceso: taken by <see cref="Actors.WorkerAt"/>. Resuelto: resolved by them.
    /// Finalizado: closed by the requester. Anulado: cancelled by the supervisor while en proceso.</summary>
    public Ticket InState(TicketState state)
    {
        var ticket = Registered();
        if (state == TicketState.EnCola) return ticket;
        var worker = _level == SupportLevel.Nivel3 && _vendor == Actors.OtherVendorCompany ? Actors.OtherVendor : Actors.WorkerAt(_level);
        ticket.Take(worker, Tick());
        if (state == TicketState.EnProceso) return ticket;
        if (state == TicketState.Anulado)
        {
            ticket.Cancel(Actors.Supervisor, "Duplicado de otro ticket.", Tick());
            return ticket;
        }
        ticket.Resolve(worker, Solution, Tick());
        if (state == TicketState.Resuelto) return ticket;
        ticket.Finalize(_requester, Tick(), new Satisfaction(5, null));
        return ticket;
    }

    /// <summary>Moves the clock on one step and returns the new "now".</summary>
    public DateTime Tick()
    {
        Clock.Advance(Step);
        return Now;
    }
}

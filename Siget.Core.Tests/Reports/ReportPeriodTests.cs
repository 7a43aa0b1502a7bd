using Siget.Core.Access;
using Siget.Core.Reports;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Reports;

public class ReportPeriodTests
{
    [Fact]
    public void A_period_is_whole_days_in_Lima_both_ends_included()
    {
        var april = ReportPeriod.Month(2026, 4);

        (april.From, april.To, april.Days).Should().Be((new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), 30));
        april.FromUtc.Should().Be(new DateTime(2026, 4, 1, 5, 0, 0, DateTimeKind.Utc));
        april.ToUtc.Should().Be(new DateTime(2026, 5, 1, 5, 0, 0, DateTimeKind.Utc));
        april.Contains(new DateTime(2026, 5, 1, 4, 59, 59, DateTimeKind.Utc)).Should().BeTrue("still 30 April in Lima");
        april.Contains(new DateTime(2026, 5, 1, 5, 0, 0, DateTimeKind.Utc)).Should().BeFalse();
    }

    [Fact]
    public void This_month_is_the_Lima_month_from_its_first_day_to_today()
    {
        // 03:00 UTC on 1 December is still 30 November in Lima.
        var period = ReportPeriod.ThisMonth(new DateTime(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc));

        (period.From, period.To).Should().Be((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void A_reversed_or_too_long_period_is_refused_in_Spanish()
    {
        var reversed = () => new ReportPeriod(new DateOnly(2026, 4, 2), new DateOnly(2026, 4, 1));
        var tooLong = () => new ReportPeriod(new DateOnly(2024, 1, 1), new DateOnly(2026, 1, 2));

        reversed.Should().Throw<DomainException>().WithMessage("La fecha final del periodo debe ser igual o posterior a la inicial.");
        tooLong.Should().Throw<DomainException>().WithMessage("El periodo puede abarcar como máximo 731 días*");
        ((Action)(() => ReportPeriod.Month(2026, 13))).Should().Throw<DomainException>();
    }

    [Theory]
    [InlineData(Role.Supervisor, true)]
    [InlineData(Role.Administrador, true)]
    [InlineData(Role.Usuario, false)]
    [InlineData(Role.Tecnico, false)]
    [InlineData(Role.Especialista, false)]
    public void Reports_are_for_the_supervisor_and_the_administrator(Role role, bool allowed)
    {
        var actor = new Actor("x", "X", role);

        ReportAccess.MayView(actor).Should().Be(allowed);
        var scope = () => ReportAccess.Scope(actor);
        if (allowed) scope.Should().NotThrow();
        else scope.Should().Throw<DomainException>().WithMessage("Los reportes son para*");
    }

    [Fact]
    public void A_vendor_s_figures_cover_only_the_tickets_escalated_to_its_company()
    {
        var vendor = new Actor("p", "Proveedor", Role.Proveedor, VendorCompanyId: 7);
        var rule = ReportAccess.Scope(vendor).Compile();

        ReportAccess.MayView(vendor).Should().BeTrue();
        ReportAccess.SeesWholeService(vendor).Should().BeFalse();
        ReportAccess.MayView(new Actor("q", "Sin empresa", Role.Proveedor)).Should().BeFalse("a vendor user without a company sees nothing");
        var (ours, theirs, none) = (Escalated(7), Escalated(8), Escalated(null));
        (rule(ours), rule(theirs), rule(none)).Should().Be((true, false, false));
    }

    private static Ticket Escalated(int? vendor)
    {
        var ticket = new TicketBuilder().Registered();
        if (vendor is null) return ticket;
        var specialist = Actors.Specialist;
        ticket.Take(Actors.Technician, ticket.RegisteredAtUtc.AddMinutes(1));
        ticket.Escalate(Actors.Technician, "N1-RECURSOS", "Requiere especialista", null, ticket.RegisteredAtUtc.AddMinutes(2), specialist);
        ticket.Escalate(specialist, "N2-CONOCIMIENTO", "Lo ve el fabricante", new Siget.Core.Escalation.VendorRef(vendor.Value, $"Empresa {vendor}"), ticket.RegisteredAtUtc.AddMinutes(3));
        return ticket;
    }
}

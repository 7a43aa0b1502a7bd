using Siget.Console.Services.Reports;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Escalation;
using Siget.Core.Reports;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Reports;

/// <summary>
/// The reports over a database of their own, filled through the real services on a fake clock: what the services did
/// is what the figures count, within each person's reach.
/// </summary>
public class ReportQueriesTests(ReportDesk desk) : IClassFixture<ReportDesk>
{
    private HelpDeskFixture Desk => desk.Desk;
    private ReportQueries Reports => Desk.App.Service<ReportQueries>();

    [Fact]
    public async Task The_figures_count_what_the_services_did_with_business_hours_from_the_clock()
    {
        var data = await Reports.LoadAsync(Desk.Supervisor, desk.November);
        var figures = data.Report.Figures(data.Tickets, desk.November, data.AtUtc, data.Names.ContractHours);

        figures.Received.Should().Be(4);
        figures.Resolved.Should().Be(1);
        figures.Resolution.Should().Be(new DurationStats(1, TimeSpan.FromHours(2.5), TimeSpan.FromHours(2.5)), "taken after 30 min, resolved 2 h later");
        figures.FirstContact.Should().Be(new Share(1, 1));
        figures.Backlog.Total.Should().Be(3);
        var levels = figures.Levels.ToDictionary(l => l.Level);
        levels[SupportLevel.Nivel1].EscalationRate.Should().Be(new Share(2, 4));
        levels[SupportLevel.Nivel2].EscalationRate.Should().Be(new Share(2, 2));
        figures.Vendors.Select(v => (v.VendorCompanyId, v.Received)).Should().BeEquivalentTo(
            [(Desk.VendorCompanyId, 1), (Desk.OtherVendorCompanyId, 1)]);
        data.Names.Vendor(Desk.VendorCompanyId).Should().Be("TecnoSoluciones Perú S.A.C.");
    }

    [Fact]
    public async Task A_vendor_s_report_holds_only_the_tickets_escalated_to_its_company()
    {
        var ours = await Reports.LoadAsync(Desk.Vendor, desk.November);
        var theirs = await Reports.LoadAsync(Desk.OtherVendor, desk.November);

        ours.Tickets.Select(t => t.Number).Should().Equal(desk.ToVendor.Number);
        theirs.Tickets.Select(t => t.Number).Should().Equal(desk.ToOtherVendor.Number);
        ours.WholeService.Should().BeFalse();
    }

    [Fact]
    public async Task Requesters_technicians_and_specialists_get_no_report()
    {
        foreach (var actor in new[] { Desk.Requester, Desk.Technician, Desk.Specialist })
        {
            var load = () => Reports.LoadAsync(actor, desk.November);

            await load.Should().ThrowAsync<DomainException>(actor.Name)
                .WithMessage("Los reportes son para el Ejecutivo de la UTI, el administrador y las empresas proveedoras.");
        }
    }

    [Fact]
    public async Task A_drill_down_lists_exactly_the_tickets_its_number_counts()
    {
        var escalatedFromOne = new ReportFilter(desk.November, ReportSet.Escalados, Level: SupportLevel.Nivel1);
        var (data, tickets) = await Reports.DrillDownAsync(Desk.Supervisor, escalatedFromOne);
        var figures = data.Report.Figures(data.Tickets, desk.November, data.AtUtc);

        tickets.Select(t => t.Number).Should().BeEquivalentTo([desk.ToVendor.Number, desk.ToOtherVendor.Number]);
        tickets.Should().HaveCount(figures.Levels.Single(l => l.Level == SupportLevel.Nivel1).EscalatedFrom);
        var (_, byChannel) = await Reports.DrillDownAsync(Desk.Supervisor,
            new ReportFilter(desk.November, ReportSet.Recibidos, ReportDimension.Canal, nameof(Siget.Core.Catalog.Channel.Intranet)));
        byChannel.Select(t => t.Number).Should().Equal(desk.Waiting.Number);
    }

    [Fact]
    public async Task A_ticket_registered_after_a_report_was_read_shows_in_the_next_one()
    {
        var before = await Reports.LoadAsync(Desk.Supervisor, desk.Later);
        var ticket = await Desk.ResolvedAsync($"{HelpDeskFixture.NewTag()} después del reporte");

        var after = await Reports.LoadAsync(Desk.Supervisor, desk.Later);

        before.Tickets.Should().NotContain(t => t.Id == ticket.Id);
        after.Tickets.Should().Contain(t => t.Id == ticket.Id, "a change to any ticket makes the kept figures stale");
    }

    [Fact]
    public async Task A_ticket_sent_back_from_the_vendor_leaves_its_report_but_stays_in_the_supervisor_s()
    {
        var ticket = await desk.ToVendorAsync($"{HelpDeskFixture.NewTag()} devuelto por el proveedor", Desk.VendorCompanyId);
        ticket = await Desk.Commands.SendBackAsync(Desk.Supervisor, ticket.Id, ticket.Version, SupportLevel.Nivel2, "Lo resuelve la UTI", null, Desk.Specialist.UserId);
        await Desk.Commands.ResolveAsync(Desk.Specialist, ticket.Id, ticket.Version, "Se reconfiguró el servidor.");

        var vendors = await Reports.LoadAsync(Desk.Vendor, desk.Later);
        var supervisors = await Reports.LoadAsync(Desk.Supervisor, desk.Later);

        vendors.Tickets.Should().NotContain(t => t.Id == ticket.Id, "what happens after a ticket leaves the company is not the vendor's");
        supervisors.Tickets.Should().Contain(t => t.Id == ticket.Id);
    }

    [Fact]
    public async Task A_vendor_may_not_break_its_figures_down_by_the_UTI_s_people()
    {
        var byPerson = () => Reports.BreakdownAsync(Desk.Vendor, desk.November, ReportDimension.Persona);
        var drill = () => Reports.DrillDownAsync(Desk.Vendor, new ReportFilter(desk.November, ReportSet.Recibidos, ReportDimension.Persona, Desk.Technician.UserId));

        await byPerson.Should().ThrowAsync<DomainException>().WithMessage("El desglose por persona asignada es solo para el Ejecutivo de la UTI y el administrador.");
        await drill.Should().ThrowAsync<DomainException>();
        (await Reports.BreakdownAsync(Desk.Vendor, desk.November, ReportDimension.Canal)).Rows.Should().ContainSingle();
    }
}

using Siget.Console.Tests.Infrastructure;
using Siget.Core.Catalog;
using Siget.Core.Reports;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Reports;

/// <summary>
/// A help desk of its own for the report tests, with four November tickets made on the fake clock (Wednesday
/// 25 November 2026, from 10:00 Lima): one solved at Nivel 1 in 2.5 business hours, one escalated to each vendor
/// company, and one waiting in the queue, received by Intranet.
/// </summary>
public sealed class ReportDesk : IAsyncLifetime
{
    public HelpDeskFixture Desk { get; } = new();

    public ReportPeriod November { get; } = ReportPeriod.Month(2026, 11);

    /// <summary>December, when the clock stands after the set-up: the tests that make tickets of their own make them here
    /// (resolved, so November's open backlog stays the same).</summary>
    public ReportPeriod Later { get; } = ReportPeriod.Month(2026, 12);

    public Ticket Solved { get; private set; } = default!;
    public Ticket ToVendor { get; private set; } = default!;
    public Ticket ToOtherVendor { get; private set; } = default!;
    public Ticket Waiting { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await Desk.InitializeAsync();
        var clock = Desk.App.Clock;
        Solved = await Desk.RegisterAsync("Impresora atascada");
        clock.Advance(TimeSpan.FromMinutes(30));
        Solved = await Desk.Commands.TakeAsync(Desk.Technician, Solved.Id, Solved.Version);
        clock.Advance(TimeSpan.FromHours(2));
        Solved = await Desk.Commands.ResolveAsync(Desk.Technician, Solved.Id, Solved.Version, "Se retiró el papel atascado.");

        ToVendor = await ToVendorAsync("Servidor de correo caído", Desk.VendorCompanyId);
        ToOtherVendor = await ToVendorAsync("Enlace de datos intermitente", Desk.OtherVendorCompanyId);
        Waiting = await Desk.Registration.RegisterAsync(Desk.OtherRequester,
            HelpDeskFixture.Phoned(Desk.OtherRequester, subject: "Sin acceso a la intranet", channel: Channel.Intranet));
        // December: November is over, and what the tests add falls in Later.
        clock.Advance(TimeSpan.FromDays(6));
    }

    public async Task<Ticket> ToVendorAsync(string subject, int vendorCompanyId)
    {
        var ticket = await Desk.TakenAsync(subject);
        ticket = await Desk.Commands.EscalateAsync(Desk.Technician, ticket.Id, ticket.Version, "N1-RECURSOS", "Requiere especialista", null);
        return await Desk.Commands.EscalateAsync(Desk.Supervisor, ticket.Id, ticket.Version, "N2-CONOCIMIENTO", "Lo ve el fabricante", vendorCompanyId);
    }

    public Task DisposeAsync() => Desk.DisposeAsync();
}

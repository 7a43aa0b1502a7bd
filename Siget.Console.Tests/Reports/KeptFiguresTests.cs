using Microsoft.EntityFrameworkCore;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Reports;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Reports;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Reports;

/// <summary>
/// The figures kept in each change's transaction equal the ones worked out from the tickets' history, on the report
/// tests' hand-worked November.
/// </summary>
public class KeptFiguresTests(ReportDesk desk) : IClassFixture<ReportDesk>
{
    [Fact]
    public async Task The_kept_figures_of_the_hand_worked_month_equal_the_ones_from_history()
    {
        var data = await desk.Desk.App.Service<ReportQueries>().LoadAsync(desk.Desk.Supervisor, desk.November);

        KeptFigures.ShouldEqualHistory(data);
        var solved = data.Tickets.Single(t => t.Id == desk.Solved.Id).Kept!;
        solved.Resolution.Should().Be(TimeSpan.FromHours(2.5), "taken after 30 min, resolved 2 h later");
        solved.EndedStays.Should().Equal(new Dictionary<SupportLevel, TimeSpan> { [SupportLevel.Nivel1] = TimeSpan.FromHours(2.5) });
        var toVendor = data.Tickets.Single(t => t.Id == desk.ToVendor.Id).Kept!;
        toVendor.Escalations.Should().Be(2);
        toVendor.RunningStay!.Value.Level.Should().Be(SupportLevel.Nivel3, "still open with the vendor");
    }
}

/// <summary>
/// A month of commands drawn from a fixed seed through the real services (register, take, escalate, send back,
/// resolve, reopen, close, cancel) on the fake clock; then the administrator changes the calendar, which rebuilds the
/// figures from history.
/// </summary>
public class KeptFiguresOfAGeneratedMonthTests : IAsyncLifetime
{
    private readonly HelpDeskFixture _desk = new();
    private Actor _administrator = default!;
    private ReportPeriod _month = default!;

    public async Task InitializeAsync()
    {
        await _desk.InitializeAsync();
        _administrator = await _desk.App.AddPersonAsync("admin", Role.Administrador, "Elena Díaz Torres");
        var start = ReportPeriod.LimaDate(_desk.App.Clock.GetUtcNow().UtcDateTime);
        await GeneratedMonth.RunAsync(_desk, new Random(2026), days: 30);
        _month = new ReportPeriod(start, ReportPeriod.LimaDate(_desk.App.Clock.GetUtcNow().UtcDateTime));
    }

    public Task DisposeAsync() => _desk.DisposeAsync();

    private ReportQueries Reports => _desk.App.Service<ReportQueries>();

    [Fact]
    public async Task The_kept_figures_of_a_generated_month_equal_the_ones_from_history_and_again_after_a_change_of_calendar()
    {
        var data = await Reports.LoadAsync(_desk.Supervisor, _month);
        data.Tickets.Should().HaveCountGreaterThan(50);
        data.Tickets.Should().Contain(t => t.Moves.Count > 1).And.Contain(t => t.Reopenings.Count > 0).And.Contain(t => t.Cancelled)
            .And.Contain(t => t.State == TicketState.Finalizado).And.Contain(t => t.State.IsOpen());
        KeptFigures.ShouldEqualHistory(data);

        // A shorter working day and a decreed holiday: the figures kept so far were worked out on the old calendar.
        var settings = _desk.App.Service<SettingsStore>();
        var changed = settings.Current;
        changed.Sla.WorkdayStart = "09:00";
        changed.Sla.WorkdayEnd = "13:00";
        changed.Sla.ExtraHolidays = [_month.From.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)];
        var onOldCalendar = await KeptRowsAsync();
        await settings.SaveAsync(_administrator, changed);
        var rebuild = _desk.App.Service<KeptFiguresRebuild>();
        await rebuild.Running; // started by the change of calendar, in the background

        _desk.App.Clock.Advance(ReportQueries.MaxAge + TimeSpan.FromSeconds(1)); // past the report's kept read
        var rebuilt = await Reports.LoadAsync(_desk.Supervisor, _month);
        rebuilt.Report.Calendar.WorkdayEnd.Should().Be(new TimeOnly(13, 0));
        KeptFigures.ShouldEqualHistory(rebuilt);
        (await KeptRowsAsync()).Should().NotBeEquivalentTo(onOldCalendar, "the shorter day and the holiday change the business hours");

        // recalcular-indicadores: every ticket, its progress told, and the same figures again: nothing left to write.
        var before = await KeptRowsAsync();
        var progress = new List<KeptFiguresRebuild.Progress>();
        var done = await rebuild.RunAsync(new Recorded(progress));
        var total = await TicketCountAsync();
        done.Should().Be(total);
        progress[^1].Should().Be(new KeptFiguresRebuild.Progress(total, total));
        (await KeptRowsAsync()).Should().BeEquivalentTo(before);
    }

    private async Task<int> TicketCountAsync()
    {
        await using var db = _desk.App.CreateDbContext();
        return await db.Tickets.CountAsync();
    }

    private async Task<List<TicketFigures>> KeptRowsAsync()
    {
        await using var db = _desk.App.CreateDbContext();
        return await db.TicketFigures.AsNoTracking().OrderBy(f => f.TicketId).ToListAsync();
    }

    private sealed class Recorded(List<KeptFiguresRebuild.Progress> into) : IProgress<KeptFiguresRebuild.Progress>
    {
        public void Report(KeptFiguresRebuild.Progress value) => into.Add(value);
    }
}

/// <summary>Compares what a report read from kept figures with the same tickets measured from their history.</summary>
internal static class KeptFigures
{
    public static void ShouldEqualHistory(ReportData data)
    {
        data.Tickets.Should().OnlyContain(t => t.Kept != null, "every ticket changed through the services has its figures");
        DifferencesFromHistory(data).Should().BeEmpty();
        var fromHistory = data.Tickets.Select(t => t with { Kept = null }).ToList();
        var historyReport = new ServiceReport(data.Report.Calendar);
        data.Report.Figures(data.Tickets, data.Period, data.AtUtc, data.Names.ContractHours).Should().BeEquivalentTo(
            historyReport.Figures(fromHistory, data.Period, data.AtUtc, data.Names.ContractHours), o => o.ComparingRecordsByMembers().WithStrictOrdering());
        foreach (var dimension in Enum.GetValues<ReportDimension>())
            data.Report.Breakdown(data.Tickets, data.Period, data.AtUtc, dimension).Should().BeEquivalentTo(
                historyReport.Breakdown(fromHistory, data.Period, data.AtUtc, dimension), o => o.ComparingRecordsByMembers().WithStrictOrdering(),
                dimension.ToString());
    }

    /// <summary>The tickets whose kept measures differ from their history's, with what differs.</summary>
    public static List<string> DifferencesFromHistory(ReportData data)
    {
        var history = new ServiceReport(data.Report.Calendar);
        var differences = new List<string>();
        foreach (var kept in data.Tickets)
        {
            var t = kept with { Kept = null };
            if (data.Report.FirstResponseTime(kept, data.AtUtc) != history.FirstResponseTime(t, data.AtUtc)) differences.Add($"{t.Number}: primera respuesta");
            if (data.Report.ResolutionTime(kept, data.AtUtc) != history.ResolutionTime(t, data.AtUtc)) differences.Add($"{t.Number}: resolución");
            var levels = data.Report.TimeAtLevel(kept, data.AtUtc);
            var expected = history.TimeAtLevel(t, data.AtUtc);
            if (levels.Count != expected.Count || levels.Any(l => expected.GetValueOrDefault(l.Key, TimeSpan.MinValue) != l.Value))
                differences.Add($"{t.Number}: tiempo por nivel");
            if (kept.Kept is { } k && (k.Reopenings != t.Reopenings.Count || k.Escalations != t.Moves.Count(m => m.To > m.From)))
                differences.Add($"{t.Number}: reaperturas o escalamientos");
        }
        return differences;
    }
}

/// <summary>Random but seeded work of a help desk over some days, through the real services on the fake clock.</summary>
internal static class GeneratedMonth
{
    public static async Task RunAsync(HelpDeskFixture desk, Random random, int days)
    {
        var clock = desk.App.Clock;
        var end = clock.GetUtcNow().AddDays(days);
        var open = new List<int>();
        var commands = desk.Commands;
        while (clock.GetUtcNow() < end)
        {
            // Some minutes to a few hours between changes, nights and weekends included.
            clock.Advance(TimeSpan.FromMinutes(random.Next(5, 180)));
            if (open.Count < 5 || random.Next(4) == 0)
            {
                var requester = random.Next(2) == 0 ? desk.Requester : desk.OtherRequester;
                var registered = await desk.Registration.RegisterAsync(desk.Technician,
                    HelpDeskFixture.Phoned(requester, (Siget.Core.Priorities.OperatingImpact)random.Next(1, 4), random.Next(2) == 0,
                        $"Generado {open.Count} {random.Next(1000)}"));
                open.Add(registered.Id);
                continue;
            }
            var id = open[random.Next(open.Count)];
            var t = await desk.StoredAsync(id);
            try
            {
                switch (t.State, t.Level, random.Next(10))
                {
                    case (TicketState.EnCola, _, < 8):
                        await commands.TakeAsync(Holder(desk, t.Level), id, t.Version);
                        break;
                    case (TicketState.EnCola, _, _):
                        await commands.CancelAsync(desk.Supervisor, id, t.Version, "Duplicado");
                        break;
                    case (TicketState.EnProceso, SupportLevel.Nivel1, < 3):
                        await commands.EscalateAsync(desk.Technician, id, t.Version, "N1-RECURSOS", "Requiere especialista", null);
                        break;
                    case (TicketState.EnProceso, SupportLevel.Nivel2, < 2):
                        await commands.EscalateAsync(desk.Supervisor, id, t.Version, "N2-CONOCIMIENTO", "Lo ve el fabricante", desk.VendorCompanyId);
                        break;
                    case (TicketState.EnProceso, > SupportLevel.Nivel1, < 4):
                        await commands.SendBackAsync(desk.Supervisor, id, t.Version, SupportLevel.Nivel1, "Lo resuelve soporte", null);
                        break;
                    case (TicketState.EnProceso, _, _):
                        await commands.ResolveAsync(Holder(desk, t.Level), id, t.Version, "Se atendió lo pedido.");
                        break;
                    case (TicketState.Resuelto, _, < 3):
                        await commands.ReopenAsync(t.RequesterId == desk.Requester.UserId ? desk.Requester : desk.OtherRequester, id, t.Version, "Volvió a fallar");
                        break;
                    case (TicketState.Resuelto, _, _):
                        await commands.FinalizeAsync(t.RequesterId == desk.Requester.UserId ? desk.Requester : desk.OtherRequester, id, t.Version,
                            new Satisfaction(random.Next(1, 6), null));
                        open.Remove(id);
                        break;
                    default:
                        open.Remove(id);
                        break;
                }
            }
            catch (DomainException)
            {
                // A move the rules refuse (the holder is someone else, say): as on a real desk, nothing changes.
            }
        }
    }

    private static Actor Holder(HelpDeskFixture desk, SupportLevel level) => level switch
    {
        SupportLevel.Nivel1 => desk.Technician,
        SupportLevel.Nivel2 => desk.Specialist,
        SupportLevel.Nivel3 => desk.Vendor,
        _ => desk.Supervisor,
    };
}

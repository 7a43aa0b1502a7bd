using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Reports;
using Siget.Core.Sla;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Reports;

/// <summary>
/// The dashboard's figures over a fixed set of seven tickets whose answers were worked out by hand on Peru's 2026
/// calendar (Mon–Fri 08:30–17:30 Lima; Jueves and Viernes Santo on 2 and 3 April, Día del Trabajo on 1 May).
/// </summary>
public class ServiceReportTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.PeruDefault(2026);
    private static readonly ServiceReport Report = new(Calendar);
    private static readonly ReportPeriod April = ReportPeriod.Month(2026, 4);
    private static readonly DateTime Now = Lima(2026, 5, 6, 12, 0);
    private const int Vendor = 7;

    private static DateTime Lima(int year, int month, int day, int hour, int minute) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(5);

    private static TimeSpan Hours(double h) => TimeSpan.FromHours(h);

    /// <summary>Registered the afternoon before Easter's holidays: answered late on Monday, solved at Nivel 1, rated 5.</summary>
    private static readonly ReportTicket T1 = new()
    {
        Id = 1, Number = "2026-000001", Channel = Channel.Telefono, SubcategoryCode = 15, CategoryId = 3, State = TicketState.Finalizado,
        Level = SupportLevel.Nivel1, RegisteredAtUtc = Lima(2026, 4, 1, 16, 30),
        FirstResponseDueUtc = Lima(2026, 4, 6, 8, 45), FirstResponseAtUtc = Lima(2026, 4, 6, 9, 0),
        ResolutionDueUtc = Lima(2026, 4, 7, 17, 30), ResolvedAtUtc = Lima(2026, 4, 6, 11, 30),
        ClosedAtUtc = Lima(2026, 4, 8, 10, 0), SatisfactionRating = 5,
    };

    /// <summary>Escalated to Nivel 2, resolved late, reopened the same morning and resolved again.</summary>
    private static readonly ReportTicket T2 = new()
    {
        Id = 2, Number = "2026-000002", Channel = Channel.Intranet, SubcategoryCode = 20, CategoryId = 4, State = TicketState.Resuelto,
        Level = SupportLevel.Nivel2, RegisteredAtUtc = Lima(2026, 4, 6, 10, 0),
        FirstResponseDueUtc = Lima(2026, 4, 6, 11, 0), FirstResponseAtUtc = Lima(2026, 4, 6, 10, 30),
        ResolutionDueUtc = Lima(2026, 4, 7, 9, 0), ResolvedAtUtc = Lima(2026, 4, 7, 15, 0),
        Moves = [new LevelMove(Lima(2026, 4, 6, 11, 0), SupportLevel.Nivel1, SupportLevel.Nivel2)],
        Reopenings = [new Reopening(Lima(2026, 4, 7, 11, 0), "Sigue fallando")],
    };

    /// <summary>Escalated to Nivel 2 and on to a vendor, who took 12 business hours against a contract of 8.</summary>
    private static readonly ReportTicket T3 = new()
    {
        Id = 3, Number = "2026-000003", Channel = Channel.Telefono, SubcategoryCode = 15, CategoryId = 3, State = TicketState.Finalizado,
        Level = SupportLevel.Nivel3, VendorCompanyId = Vendor, RegisteredAtUtc = Lima(2026, 4, 7, 9, 0),
        FirstResponseDueUtc = Lima(2026, 4, 7, 10, 0), FirstResponseAtUtc = Lima(2026, 4, 7, 9, 15),
        ResolutionDueUtc = Lima(2026, 4, 9, 17, 30), ResolvedAtUtc = Lima(2026, 4, 9, 12, 0), ClosedAtUtc = Lima(2026, 4, 10, 9, 0),
        Moves =
        [
            new LevelMove(Lima(2026, 4, 7, 10, 0), SupportLevel.Nivel1, SupportLevel.Nivel2),
            new LevelMove(Lima(2026, 4, 8, 9, 0), SupportLevel.Nivel2, SupportLevel.Nivel3),
        ],
    };

    /// <summary>Arrived on the last afternoon of April and still waits, unanswered, past both targets.</summary>
    private static readonly ReportTicket T4 = new()
    {
        Id = 4, Number = "2026-000004", Channel = Channel.Presencial, SubcategoryCode = 20, CategoryId = 4, State = TicketState.EnCola,
        Level = SupportLevel.Nivel1, RegisteredAtUtc = Lima(2026, 4, 30, 17, 0),
        FirstResponseDueUtc = Lima(2026, 5, 4, 9, 0), ResolutionDueUtc = Lima(2026, 5, 5, 17, 30),
    };

    /// <summary>Received in March, resolved on 1 April: resolved in the period, not received in it.</summary>
    private static readonly ReportTicket T5 = new()
    {
        Id = 5, Number = "2026-000005", Channel = Channel.Telefono, SubcategoryCode = 15, CategoryId = 3, State = TicketState.Resuelto,
        Level = SupportLevel.Nivel1, RegisteredAtUtc = Lima(2026, 3, 31, 10, 0),
        FirstResponseDueUtc = Lima(2026, 3, 31, 11, 0), FirstResponseAtUtc = Lima(2026, 3, 31, 10, 10),
        ResolutionDueUtc = Lima(2026, 4, 1, 10, 0), ResolvedAtUtc = Lima(2026, 4, 1, 9, 0),
    };

    /// <summary>A duplicate, cancelled within the hour: received, but outside every clock.</summary>
    private static readonly ReportTicket T6 = new()
    {
        Id = 6, Number = "2026-000006", Channel = Channel.Intranet, SubcategoryCode = 20, CategoryId = 4, State = TicketState.Anulado,
        Level = SupportLevel.Nivel1, RegisteredAtUtc = Lima(2026, 4, 13, 10, 0), ClosedAtUtc = Lima(2026, 4, 13, 11, 0),
        FirstResponseDueUtc = Lima(2026, 4, 13, 11, 0), ResolutionDueUtc = Lima(2026, 4, 14, 17, 30),
    };

    /// <summary>Registered after the period, open an hour: only the backlog sees it.</summary>
    private static readonly ReportTicket T7 = new()
    {
        Id = 7, Number = "2026-000007", Channel = Channel.Intranet, SubcategoryCode = 20, CategoryId = 4, State = TicketState.EnProceso,
        Level = SupportLevel.Nivel1, RegisteredAtUtc = Lima(2026, 5, 6, 11, 0),
        FirstResponseDueUtc = Lima(2026, 5, 6, 12, 30), ResolutionDueUtc = Lima(2026, 5, 7, 17, 30),
    };

    private static readonly ReportTicket[] All = [T1, T2, T3, T4, T5, T6, T7];

    private static ServiceFigures Figures() => Report.Figures(All, April, Now, new Dictionary<int, int?> { [Vendor] = 8 });

    [Fact]
    public void Measures_worked_out_ahead_on_all_cores_give_the_same_figures_as_worked_out_one_by_one()
    {
        var ahead = new ServiceReport(Calendar);
        ahead.Measure(All, Now);

        var figures = ahead.Figures(All, April, Now, new Dictionary<int, int?> { [Vendor] = 8 });

        figures.Should().BeEquivalentTo(Figures());
        All.Select(t => ahead.ResolutionTime(t, Now)).Should().Equal(All.Select(t => Report.ResolutionTime(t, Now)));
        All.Select(t => ahead.FirstResponseTime(t, Now)).Should().Equal(All.Select(t => Report.FirstResponseTime(t, Now)));
    }

    [Fact]
    public void Measures_kept_with_each_ticket_give_the_same_figures_as_worked_out_from_its_history()
    {
        var kept = All.Select(t => t with { Kept = TicketMeasures.Of(t, Calendar) }).ToArray();
        var fromKept = new ServiceReport(Calendar);
        var contracts = new Dictionary<int, int?> { [Vendor] = 8 };

        fromKept.Figures(kept, April, Now, contracts).Should().BeEquivalentTo(Figures(), o => o.ComparingRecordsByMembers().WithStrictOrdering());
        foreach (var dimension in Enum.GetValues<ReportDimension>())
            fromKept.Breakdown(kept, April, Now, dimension).Should().BeEquivalentTo(Report.Breakdown(All, April, Now, dimension),
                o => o.ComparingRecordsByMembers().WithStrictOrdering(), dimension.ToString());
        kept.Select(t => fromKept.TimeAtLevel(t, Now)).Should().BeEquivalentTo(All.Select(t => Report.TimeAtLevel(t, Now)), o => o.WithStrictOrdering());
        kept.Where(t => t.State.IsOpen()).Should().OnlyContain(t => t.Kept!.RunningStay != null, "an open ticket's last stay runs until it is read");
    }

    [Fact]
    public void Received_resolved_and_backlog_count_by_their_own_dates()
    {
        var figures = Figures();

        figures.Received.Should().Be(5, "T1–T4 and the cancelled T6 arrived in April");
        figures.Resolved.Should().Be(4, "T1, T2, T3 and T5 (received in March) were resolved in April");
        figures.Backlog.Should().Be(new BacklogAge(UnderOneDay: 1, OneToThreeDays: 0, ThreeToSevenDays: 1, OverSevenDays: 0));
    }

    [Fact]
    public void First_response_and_resolution_times_are_business_hours_across_weekends_and_holidays()
    {
        var figures = Figures();

        // T1 waited Wed 16:30–17:30 and Mon 08:30–09:00: Jueves and Viernes Santo and the weekend do not count.
        figures.FirstResponse.Should().Be(new DurationStats(3, Hours(0.75), Hours(0.5)));
        // 4 h (T1), 8 h (T5), 14 h (T2, resolved again after reopening), 21 h (T3).
        figures.Resolution.Should().Be(new DurationStats(4, Hours(11.75), Hours(11)));
    }

    [Fact]
    public void SLA_compliance_counts_late_and_overdue_tickets_and_leaves_cancelled_ones_out()
    {
        var figures = Figures();

        figures.ResponseOnTime.Should().Be(new Share(2, 4), "T2 and T3 in time; T1 late; T4 unanswered past its target; T6 cancelled");
        figures.ResponseOnTime.Percent.Should().Be(50);
        figures.ResolutionOnTime.Should().Be(new Share(2, 4), "T1 and T3 in time; T2 late; T4 overdue; T6 cancelled");
    }

    [Fact]
    public void First_contact_resolution_is_Nivel_1_without_escalation_or_reopening()
    {
        Figures().FirstContact.Should().Be(new Share(2, 4), "T1 and T5; T2 was escalated and reopened, T3 went to a vendor");
    }

    [Fact]
    public void Escalation_rate_and_business_time_at_each_level()
    {
        var levels = Figures().Levels.ToDictionary(l => l.Level);

        levels.Keys.Should().Equal(SupportLevel.Nivel1, SupportLevel.Nivel2, SupportLevel.Nivel3);
        levels[SupportLevel.Nivel1].EscalationRate.Should().Be(new Share(2, 4));
        // 1 h (T2), 1 h (T3), 4 h (T1 until resolved), 22 h (T4, still waiting: Apr 30, May 4, 5 and this morning).
        levels[SupportLevel.Nivel1].TimeAtLevel.Should().Be(new DurationStats(4, Hours(7), Hours(2.5)));
        levels[SupportLevel.Nivel2].EscalationRate.Should().Be(new Share(1, 2));
        levels[SupportLevel.Nivel2].TimeAtLevel.Should().Be(new DurationStats(2, Hours(10.5), Hours(10.5)));
        levels[SupportLevel.Nivel3].EscalationRate.Should().Be(new Share(0, 1));
        levels[SupportLevel.Nivel3].TimeAtLevel.Should().Be(new DurationStats(1, Hours(12), Hours(12)));
    }

    [Fact]
    public void Reopen_rate_and_the_reasons_given()
    {
        var figures = Figures();

        figures.Reopened.Should().Be(new Share(1, 4));
        figures.ReopenReasons.Should().Equal(new ReopenReason(2, "2026-000002", Lima(2026, 4, 7, 11, 0), "Sigue fallando"));
    }

    [Fact]
    public void Satisfaction_average_distribution_and_response_rate_over_tickets_closed_in_the_period()
    {
        var satisfaction = Figures().Satisfaction;

        satisfaction.Closed.Should().Be(2);
        satisfaction.Rated.Should().Be(1);
        satisfaction.Average.Should().Be(5);
        satisfaction.Distribution.Should().Equal(0, 0, 0, 0, 1);
        satisfaction.ResponseRate.Should().Be(new Share(1, 2));
    }

    [Fact]
    public void A_vendor_is_measured_by_its_business_time_at_Nivel_3_against_its_contract()
    {
        Figures().Vendors.Should().Equal(new VendorFigures(Vendor, Received: 1, Resolved: 1, ContractHours: 8, WithinContract: 0,
            TimeAtVendor: new DurationStats(1, Hours(12), Hours(12))));
    }

    [Fact]
    public void A_breakdown_by_channel_gives_each_channel_its_own_figures_busiest_first()
    {
        var rows = Report.Breakdown(All, April, Now, ReportDimension.Canal);

        rows.Select(r => r.Key).Should().Equal("Telefono", "Intranet", "Presencial");
        rows[0].Should().Be(new BreakdownRow("Telefono", Received: 2, Resolved: 3, ResolutionOnTime: new Share(2, 2),
            Resolution: new DurationStats(3, Hours(11), Hours(8)), Reopened: 0, OpenNow: 0));
        rows[1].Should().Be(new BreakdownRow("Intranet", 2, 1, new Share(0, 1), new DurationStats(1, Hours(14), Hours(14)), 1, 1));
        rows[2].Should().Be(new BreakdownRow("Presencial", 1, 0, new Share(0, 1), DurationStats.Empty, 0, 1));
    }

    [Fact]
    public void A_weekly_trend_starts_on_Mondays_and_counts_received_and_resolved_tickets()
    {
        var trend = Report.Trend(All, April, TrendStep.Semana);

        trend.Select(p => p.Start).Should().Equal(new DateOnly(2026, 3, 30), new DateOnly(2026, 4, 6), new DateOnly(2026, 4, 13),
            new DateOnly(2026, 4, 20), new DateOnly(2026, 4, 27));
        trend.Select(p => p.Received).Should().Equal(1, 2, 1, 0, 1);
        trend.Select(p => p.Resolved).Should().Equal(1, 3, 0, 0, 0);
        Report.Trend(All, April, TrendStep.Dia).Should().HaveCount(30);
    }

    [Fact]
    public void Each_number_drills_down_to_exactly_its_tickets()
    {
        ReportTicket[] Matching(ReportFilter filter) => All.Where(t => filter.Matches(t, Now)).ToArray();

        Matching(new ReportFilter(April, ReportSet.RespuestaFueraDePlazo)).Should().Equal(T1, T4);
        Matching(new ReportFilter(April, ReportSet.Resueltos, ReportDimension.Canal, "Telefono")).Should().Equal(T1, T3, T5);
        Matching(new ReportFilter(April, ReportSet.Escalados, Level: SupportLevel.Nivel2)).Should().Equal(T3);
        Matching(new ReportFilter(April, ReportSet.PrimerContacto)).Should().Equal(T1, T5);
        Matching(new ReportFilter(April, ReportSet.Abiertos)).Should().Equal(T4, T7);
        Matching(new ReportFilter(April, ReportSet.Calificados)).Should().Equal(T1);
        var figures = Figures();
        Matching(new ReportFilter(April, ReportSet.Recibidos)).Should().HaveCount(figures.Received);
        Matching(new ReportFilter(April, ReportSet.ResolucionEnPlazo)).Should().HaveCount(figures.ResolutionOnTime.Part);
    }

    [Fact]
    public void A_ticket_sent_back_down_has_two_stays_at_the_lower_level()
    {
        var ticket = T2 with
        {
            Level = SupportLevel.Nivel1,
            Moves =
            [
                new LevelMove(Lima(2026, 4, 6, 11, 0), SupportLevel.Nivel1, SupportLevel.Nivel2),
                new LevelMove(Lima(2026, 4, 6, 14, 0), SupportLevel.Nivel2, SupportLevel.Nivel1),
            ],
        };

        LevelStays.Of(ticket, Now).Select(s => (s.Level, s.BusinessTime(Calendar))).Should().Equal(
            (SupportLevel.Nivel1, Hours(1)), (SupportLevel.Nivel2, Hours(3)), (SupportLevel.Nivel1, Hours(10)));
    }

    [Fact]
    public void A_level_left_the_moment_the_ticket_arrived_still_counts_as_visited_and_escalated_from()
    {
        var atOnce = T3 with
        {
            Moves =
            [
                new LevelMove(T3.RegisteredAtUtc, SupportLevel.Nivel1, SupportLevel.Nivel2),
                new LevelMove(T3.RegisteredAtUtc, SupportLevel.Nivel2, SupportLevel.Nivel3),
            ],
        };

        var levels = Report.Figures([atOnce], April, Now).Levels.ToDictionary(l => l.Level);

        levels[SupportLevel.Nivel1].Should().Be(new LevelFigures(SupportLevel.Nivel1, 1, 1, new DurationStats(1, TimeSpan.Zero, TimeSpan.Zero)));
        levels[SupportLevel.Nivel2].EscalationRate.Should().Be(new Share(1, 1));
    }

    /// <summary>Resolved by an escalated specialist, then cancelled as a duplicate: received, and nothing else.</summary>
    private static readonly ReportTicket T8 = T2 with
    {
        Id = 8, Number = "2026-000008", State = TicketState.Anulado, ClosedAtUtc = Lima(2026, 4, 8, 9, 0), Reopenings = [],
    };

    [Fact]
    public void A_cancelled_ticket_counts_as_received_and_in_no_clock_rate_or_list()
    {
        var with = Report.Figures([.. All, T8], April, Now, new Dictionary<int, int?> { [Vendor] = 8 });
        var without = Figures();

        with.Received.Should().Be(without.Received + 1);
        with.Should().BeEquivalentTo(without, o => o.Excluding(f => f.Received));
    }

    [Fact]
    public void Every_number_of_the_dashboard_is_the_size_of_the_set_it_links_to()
    {
        ReportTicket[] tickets = [.. All, T8];
        var figures = Report.Figures(tickets, April, Now);
        int Size(ReportSet set, SupportLevel? level = null) => tickets.Count(t => new ReportFilter(April, set, Level: level).Matches(t, Now));

        Size(ReportSet.Recibidos).Should().Be(figures.Received);
        Size(ReportSet.Resueltos).Should().Be(figures.Resolved);
        Size(ReportSet.Abiertos).Should().Be(figures.Backlog.Total);
        (Size(ReportSet.AbiertosMenosDeUnDia), Size(ReportSet.AbiertosDeUnoATresDias), Size(ReportSet.AbiertosDeTresASieteDias), Size(ReportSet.AbiertosMasDeSieteDias))
            .Should().Be((figures.Backlog.UnderOneDay, figures.Backlog.OneToThreeDays, figures.Backlog.ThreeToSevenDays, figures.Backlog.OverSevenDays));
        (Size(ReportSet.RespuestaEnPlazo), Size(ReportSet.RespuestaFueraDePlazo)).Should()
            .Be((figures.ResponseOnTime.Part, figures.ResponseOnTime.Whole - figures.ResponseOnTime.Part));
        (Size(ReportSet.ResolucionEnPlazo), Size(ReportSet.ResolucionFueraDePlazo)).Should()
            .Be((figures.ResolutionOnTime.Part, figures.ResolutionOnTime.Whole - figures.ResolutionOnTime.Part));
        Size(ReportSet.PrimerContacto).Should().Be(figures.FirstContact.Part);
        Size(ReportSet.Reabiertos).Should().Be(figures.Reopened.Part);
        Size(ReportSet.Calificados).Should().Be(figures.Satisfaction.Rated);
        Size(ReportSet.Cerrados).Should().Be(figures.Satisfaction.Closed);
        foreach (var level in figures.Levels)
        {
            Size(ReportSet.Escalados, level.Level).Should().Be(level.EscalatedFrom, level.Level.ToString());
            Size(ReportSet.PasaronPorNivel, level.Level).Should().Be(level.Visited, level.Level.ToString());
        }
        for (var star = 1; star <= 5; star++)
            tickets.Count(t => new ReportFilter(April, ReportSet.Calificados, ReportDimension.Calificacion, $"{star}").Matches(t, Now))
                .Should().Be(figures.Satisfaction.Distribution[star - 1], $"{star} stars");
        foreach (var point in Report.Trend(tickets, April, TrendStep.Semana))
        {
            var days = new ReportPeriod(point.Start < April.From ? April.From : point.Start, point.Start.AddDays(6) > April.To ? April.To : point.Start.AddDays(6));
            (tickets.Count(t => ReportSet.Recibidos.Contains(t, days, Now)), tickets.Count(t => ReportSet.Resueltos.Contains(t, days, Now)))
                .Should().Be((point.Received, point.Resolved), point.Start.ToString());
        }
        foreach (var row in Report.Breakdown(tickets, April, Now, ReportDimension.Canal))
        {
            int InChannel(ReportSet set) => tickets.Count(t => new ReportFilter(April, set, ReportDimension.Canal, row.Key).Matches(t, Now));
            (InChannel(ReportSet.Recibidos), InChannel(ReportSet.Resueltos), InChannel(ReportSet.Reabiertos), InChannel(ReportSet.Abiertos))
                .Should().Be((row.Received, row.Resolved, row.Reopened, row.OpenNow), row.Key);
        }
    }
}

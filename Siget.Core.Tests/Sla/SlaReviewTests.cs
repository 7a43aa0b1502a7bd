using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Sla;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Sla;

/// <summary>
/// The SLA engine's view of one ticket, with the default Peru calendar (Mon–Fri 08:30–17:30 Lima). The ticket of most
/// tests is high priority (first response 1 h, resolution 4 h) registered Friday 27 Nov 2026 at 17:00 Lima: half an hour
/// is left on Friday, so it is due Monday 30 Nov at 09:00 (first response) and 12:00 (resolution); 75 % of each target
/// falls on Monday at 08:45 and 11:00.
/// </summary>
public class SlaReviewTests
{
    private static readonly SlaPolicy Sla = TicketBuilder.Sla;

    private static DateTime Friday(int hour, int minute = 0) => Lima.At(2026, 11, 27, hour, minute);
    private static DateTime Saturday(int hour, int minute = 0) => Lima.At(2026, 11, 28, hour, minute);
    private static DateTime Monday(int hour, int minute = 0) => Lima.At(2026, 11, 30, hour, minute);

    private static readonly SlaAlert ResponseWarning = new(SlaClock.PrimeraRespuesta, SlaAlertKind.Advertencia, Monday(9));
    private static readonly SlaAlert ResponseBreach = new(SlaClock.PrimeraRespuesta, SlaAlertKind.Vencimiento, Monday(9));
    private static readonly SlaAlert ResolutionWarning = new(SlaClock.Resolucion, SlaAlertKind.Advertencia, Monday(12));
    private static readonly SlaAlert ResolutionBreach = new(SlaClock.Resolucion, SlaAlertKind.Vencimiento, Monday(12));

    /// <summary>High priority (total impact, no alternative), registered by phone on Friday at 17:00 Lima, at <paramref name="level"/>.</summary>
    private static Ticket FridayEveningTicket(SupportLevel level = SupportLevel.Nivel1) =>
        new TicketBuilder().At(Friday(17)).WithImpact(OperatingImpact.Total, alternativeAvailable: false).AtLevel(level).Registered();

    [Fact]
    public void A_high_priority_ticket_registered_on_Friday_at_five_is_due_on_Monday_morning()
    {
        var ticket = FridayEveningTicket();

        ticket.Priority.Should().Be(Priority.Alta);
        ticket.FirstResponseDueUtc.Should().Be(Monday(9));
        ticket.ResolutionDueUtc.Should().Be(Monday(12));
    }

    [Theory]
    [InlineData(2026, 11, 27, 17, 1)]  // a minute after registration
    [InlineData(2026, 11, 27, 17, 30)] // end of Friday: half of the first-response target used
    [InlineData(2026, 11, 27, 23, 59)]
    [InlineData(2026, 11, 28, 12, 0)]  // Saturday
    [InlineData(2026, 11, 29, 20, 0)]  // Sunday
    [InlineData(2026, 11, 30, 8, 30)]  // Monday, opening time
    [InlineData(2026, 11, 30, 8, 44)]  // a minute before 75 % of the first-response target
    public void Nothing_is_told_before_75_percent_of_a_target_has_passed_in_business_time(int year, int month, int day, int hour, int minute)
    {
        var ticket = FridayEveningTicket();

        var review = ticket.ReviewSla(Sla, Lima.At(year, month, day, hour, minute));

        review.Any.Should().BeFalse();
        review.Alerts.Should().BeEmpty();
        review.Escalated.Should().BeFalse();
        ticket.SlaMarks.Should().Be(SlaMarks.None);
    }

    [Fact]
    public void The_first_response_warning_comes_at_75_percent_of_its_business_time()
    {
        var ticket = FridayEveningTicket();

        ticket.ReviewSla(Sla, Monday(8, 45)).Alerts.Should().Equal(ResponseWarning);
    }

    [Fact]
    public void Each_warning_and_each_breach_is_told_once_in_the_order_they_fall_due()
    {
        var ticket = FridayEveningTicket();
        var told = new List<(DateTime At, SlaAlert Alert)>();

        // A pass of the engine every five minutes from registration until well after the resolution due time.
        for (var now = Friday(17); now <= Monday(14); now = now.AddMinutes(5))
            foreach (var alert in ticket.ReviewSla(Sla, now).Alerts)
                told.Add((now, alert));

        told.Should().Equal(
            (Monday(8, 45), ResponseWarning),
            (Monday(9), ResponseBreach),
            (Monday(11), ResolutionWarning),
            (Monday(12), ResolutionBreach));
    }

    [Fact]
    public void A_clock_that_jumps_past_the_warning_and_the_due_time_gives_only_the_breach()
    {
        var ticket = FridayEveningTicket();

        ticket.ReviewSla(Sla, Monday(9, 30)).Alerts.Should().Equal(ResponseBreach);
        ticket.ReviewSla(Sla, Monday(9, 30)).Any.Should().BeFalse("the response warning is not told late, after its breach");
        ticket.ReviewSla(Sla, Monday(11, 30)).Alerts.Should().Equal(ResolutionWarning);
    }

    [Fact]
    public void A_clock_that_jumps_past_both_due_times_gives_both_breaches_and_no_warning()
    {
        var ticket = FridayEveningTicket();

        var review = ticket.ReviewSla(Sla, Monday(15));

        review.Alerts.Should().BeEquivalentTo([ResponseBreach, ResolutionBreach]);
        ticket.SlaMarks.Should().Be(SlaMarks.ResponseWarned | SlaMarks.ResponseBreached | SlaMarks.ResolutionWarned | SlaMarks.ResolutionBreached);
        ticket.ReviewSla(Sla, Monday(16)).Any.Should().BeFalse();
    }

    [Fact]
    public void A_level_1_ticket_without_progress_is_escalated_by_the_system_at_the_resolution_breach()
    {
        var ticket = FridayEveningTicket();
        ticket.ReviewSla(Sla, Monday(11, 59)).Escalated.Should().BeFalse();
        var (version, entries) = (ticket.Version, ticket.History.Count);

        var review = ticket.ReviewSla(Sla, Monday(12));

        review.Escalated.Should().BeTrue();
        review.Alerts.Should().Contain(ResolutionBreach);
        (ticket.Level, ticket.State, ticket.AssigneeId).Should().Be((SupportLevel.Nivel2, TicketState.EnCola, (string?)null));
        ticket.Version.Should().Be(version + 1);
        ticket.History.Should().HaveCount(entries + 1);
        var entry = ticket.History[^1];
        entry.Action.Should().Be(TicketAction.Escalar);
        (entry.ActorId, entry.ActorName).Should().Be(("sistema", "Sistema"));
        entry.AtUtc.Should().Be(Monday(12));
        entry.CriterionCode.Should().Be("N1-TIEMPO");
        (entry.FromLevel, entry.ToLevel).Should().Be((SupportLevel.Nivel1, SupportLevel.Nivel2));
        (entry.FromState, entry.ToState).Should().Be((TicketState.EnCola, TicketState.EnCola));
        entry.Reason.Should().NotBeNullOrWhiteSpace();
        (ticket.FirstResponseDueUtc, ticket.ResolutionDueUtc).Should().Be((Monday(9), Monday(12)), "escalating does not restart the SLA");
    }

    [Fact]
    public void A_ticket_taken_on_time_but_left_untouched_is_escalated_too_and_leaves_its_holder()
    {
        var builder = new TicketBuilder().At(Friday(17)).WithImpact(OperatingImpact.Total, alternativeAvailable: false);
        var ticket = builder.InState(TicketState.EnProceso); // taken by the technician at 17:05 on Friday

        var review = ticket.ReviewSla(Sla, Monday(12, 30));

        review.Alerts.Should().Equal(ResolutionBreach);
        review.Escalated.Should().BeTrue();
        (ticket.Level, ticket.State, ticket.AssigneeId).Should().Be((SupportLevel.Nivel2, TicketState.EnCola, (string?)null));
        ticket.History[^1].FromAssignee.Should().Be(Actors.Technician.Name);
        (ticket.History[^1].ActorId, ticket.History[^1].CriterionCode).Should().Be(("sistema", "N1-TIEMPO"));
    }

    public static TheoryData<Person, bool, int, bool> Replies() => new()
    {
        // Who wrote, internal?, at Monday HH:00 Lima, escalated at the resolution breach?
        { Person.Technician, false, 10, false },     // staff reply after the first-response due time: progress
        { Person.Supervisor, false, 11, false },
        { Person.Technician, false, 8, true },       // before the first-response due time: no progress since it
        { Person.Technician, true, 10, true },       // an internal note is not a reply to the requester
        { Person.Requester, false, 10, true },       // the requester asking is not progress
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void Only_a_public_staff_reply_after_the_first_response_due_time_counts_as_progress(Person author, bool isInternal, int hour, bool escalated)
    {
        var ticket = FridayEveningTicket();
        ticket.Reply(Actors.Of(author), "¿Pudo reiniciar el equipo?", isInternal, Monday(hour));

        var review = ticket.ReviewSla(Sla, Monday(12));

        review.Alerts.Should().Contain(ResolutionBreach, "the breach is told whether or not the ticket is escalated");
        review.Escalated.Should().Be(escalated);
        ticket.Level.Should().Be(escalated ? SupportLevel.Nivel2 : SupportLevel.Nivel1);
        ticket.History.Count(h => h.Action == TicketAction.Escalar).Should().Be(escalated ? 1 : 0);
    }

    [Fact]
    public void A_change_of_state_after_the_first_response_due_time_is_progress()
    {
        var ticket = FridayEveningTicket();
        ticket.Take(Actors.Technician, Monday(9, 30));

        var review = ticket.ReviewSla(Sla, Monday(12));

        review.Alerts.Should().Equal(ResolutionBreach);
        review.Escalated.Should().BeFalse();
        (ticket.Level, ticket.AssigneeId).Should().Be((SupportLevel.Nivel1, Actors.Technician.UserId));
    }

    [Theory]
    [InlineData(SupportLevel.Nivel2)]
    [InlineData(SupportLevel.Nivel3)]
    [InlineData(SupportLevel.Nivel4)]
    public void A_ticket_already_above_level_1_is_not_escalated_by_the_engine(SupportLevel level)
    {
        var ticket = FridayEveningTicket(level); // escalated at 17:05 Friday, nothing since

        var review = ticket.ReviewSla(Sla, Monday(12));

        review.Alerts.Should().Contain(ResolutionBreach);
        review.Escalated.Should().BeFalse();
        ticket.Level.Should().Be(level);
        ticket.History.Should().NotContain(h => h.ActorId == Actor.System.UserId);
    }

    [Theory]
    [InlineData(TicketState.Resuelto)]
    [InlineData(TicketState.Finalizado)]
    [InlineData(TicketState.Anulado)]
    public void A_ticket_that_is_no_longer_open_has_nothing_to_tell(TicketState state)
    {
        var builder = new TicketBuilder().At(Friday(17)).WithImpact(OperatingImpact.Total, alternativeAvailable: false);
        var ticket = builder.InState(state);
        var before = TicketSnapshot.Of(ticket);

        foreach (var now in new[] { Monday(8, 45), Monday(9), Monday(11), Monday(12), Monday(17) })
            ticket.ReviewSla(Sla, now).Should().Be(SlaReview.Nothing, $"at {now:u} a {state} ticket");

        TicketSnapshot.Of(ticket).Should().Be(before);
        ticket.SlaMarks.Should().Be(SlaMarks.None);
    }

    [Fact]
    public void A_second_review_at_the_same_or_a_later_instant_finds_nothing_new_and_does_not_escalate_again()
    {
        var ticket = FridayEveningTicket();
        ticket.ReviewSla(Sla, Monday(12)).Escalated.Should().BeTrue();
        var after = TicketSnapshot.Of(ticket);
        var marks = ticket.SlaMarks;

        foreach (var now in new[] { Monday(12), Monday(12, 1), Monday(17), Lima.At(2026, 12, 7, 10) })
            ticket.ReviewSla(Sla, now).Should().Be(SlaReview.Nothing, $"at {now:u}");

        TicketSnapshot.Of(ticket).Should().Be(after);
        ticket.SlaMarks.Should().Be(marks);
        ticket.History.Count(h => h.Action == TicketAction.Escalar).Should().Be(1);
    }

    [Fact]
    public void An_overlapping_pass_that_finds_a_warning_already_told_says_nothing()
    {
        var ticket = FridayEveningTicket();
        ticket.ReviewSla(Sla, Monday(8, 50)).Alerts.Should().Equal(ResponseWarning);

        ticket.ReviewSla(Sla, Monday(8, 50)).Any.Should().BeFalse();
        ticket.ReviewSla(Sla, Monday(8, 59)).Any.Should().BeFalse();
        ticket.SlaMarks.Should().Be(SlaMarks.ResponseWarned);
    }

    [Theory]
    [InlineData(Person.Technician, true)]  // taking the ticket
    [InlineData(Person.Specialist, false)] // a public reply from UTI staff
    public void The_first_response_clock_stops_at_the_first_response(Person who, bool take)
    {
        var ticket = FridayEveningTicket();
        if (take) ticket.Take(Actors.Of(who), Saturday(10)); else ticket.Reply(Actors.Of(who), "Lo revisamos el lunes a primera hora.", false, Saturday(10));

        var told = new List<SlaAlert>();
        for (var now = Monday(8, 30); now <= Monday(13); now = now.AddMinutes(5))
            told.AddRange(ticket.ReviewSla(Sla, now).Alerts);

        told.Should().NotContain(a => a.Clock == SlaClock.PrimeraRespuesta);
        told.Should().Equal(ResolutionWarning, ResolutionBreach);
    }

    [Fact]
    public void An_automatic_assignment_does_not_stop_the_first_response_clock()
    {
        var ticket = FridayEveningTicket();
        ticket.Reassign(Actor.System, Actors.Technician, null, Saturday(10));

        ticket.ReviewSla(Sla, Monday(8, 45)).Alerts.Should().Equal(ResponseWarning);
        ticket.ReviewSla(Sla, Monday(9)).Alerts.Should().Equal(ResponseBreach);
    }

    private static SlaWatch WatchOf(Ticket t) =>
        new(t.RegisteredAtUtc, t.FirstResponseDueUtc, t.ResolutionDueUtc, t.FirstResponseAtUtc, t.ResolvedAtUtc, t.SlaMarks);

    [Fact]
    public void The_watch_names_each_instant_the_review_has_something_new_to_tell()
    {
        var ticket = FridayEveningTicket();
        var instants = new List<DateTime>();

        while (WatchOf(ticket).NextAlertAtUtc(Sla) is DateTime next)
        {
            instants.Add(next);
            ticket.ReviewSla(Sla, next.AddTicks(-1)).Should().Be(SlaReview.Nothing, $"just before {next:u}");
            ticket.ReviewSla(Sla, next).Any.Should().BeTrue($"at {next:u}");
            instants.Count.Should().BeLessThan(10, "the watch must run out of things to tell");
        }

        instants.Should().Equal(Monday(8, 45), Monday(9), Monday(11), Monday(12));
    }

    public static TheoryData<int, int, OperatingImpact, bool, bool, DateTime?> WatchCases() => new()
    {
        // registered at (Lima, 2026-11-dd hh:00), impact, alternative, taken at once?, late first review (or null)
        { 27, 17, OperatingImpact.Total, false, false, null },
        { 27, 17, OperatingImpact.Total, false, true, null },
        { 25, 10, OperatingImpact.Parcial, true, false, null },      // Media, Wednesday morning
        { 26, 16, OperatingImpact.Leve, true, true, null },          // Baja, Thursday afternoon
        { 28, 11, OperatingImpact.Total, false, false, null },       // registered on a Saturday
        { 27, 17, OperatingImpact.Total, false, false, Lima.At(2026, 11, 30, 9, 30) }, // a pass missed the first warning
    };

    [Theory]
    [MemberData(nameof(WatchCases))]
    public void Before_the_next_alert_instant_the_review_tells_nothing_and_at_it_something(
        int day, int hour, OperatingImpact impact, bool alternative, bool taken, DateTime? lateFirstReview)
    {
        var builder = new TicketBuilder().At(Lima.At(2026, 11, day, hour)).WithImpact(impact, alternative);
        var ticket = builder.InState(taken ? TicketState.EnProceso : TicketState.EnCola);
        if (lateFirstReview is DateTime late) ticket.ReviewSla(Sla, late).Any.Should().BeTrue();
        var passes = 0;

        while (WatchOf(ticket).NextAlertAtUtc(Sla) is DateTime next)
        {
            (++passes).Should().BeLessThan(5, "two clocks give at most four alerts");
            ticket.ReviewSla(Sla, next.AddTicks(-1)).Should().Be(SlaReview.Nothing, $"just before {next:u}");
            ticket.ReviewSla(Sla, next).Any.Should().BeTrue($"at {next:u}");
            ticket.ReviewSla(Sla, next).Should().Be(SlaReview.Nothing, $"a second pass at {next:u}");
        }
        ticket.ReviewSla(Sla, Lima.At(2027, 3, 1, 10)).Should().Be(SlaReview.Nothing, "nothing is left once the watch says so");
    }

    [Fact]
    public void The_watch_and_the_review_agree_for_tickets_registered_at_any_time_of_a_week_with_holidays()
    {
        // Friday 4 to Friday 11 Dec 2026 (8 and 9 Dec are holidays), every 37 minutes, every priority.
        var impacts = new[] { (OperatingImpact.Leve, true), (OperatingImpact.Parcial, true), (OperatingImpact.Total, false) };
        for (var registered = Lima.At(2026, 12, 4, 0, 7); registered < Lima.At(2026, 12, 11, 23); registered = registered.AddMinutes(37))
            foreach (var (impact, alternative) in impacts)
            {
                var ticket = new TicketBuilder().At(registered).WithImpact(impact, alternative).Registered();
                var told = 0;
                while (WatchOf(ticket).NextAlertAtUtc(Sla) is DateTime next)
                {
                    next.Should().BeOnOrAfter(registered);
                    ticket.ReviewSla(Sla, next.AddTicks(-1)).Any.Should().BeFalse($"just before {next:u} (registered {registered:u}, {ticket.Priority})");
                    ticket.ReviewSla(Sla, next).Any.Should().BeTrue($"at {next:u} (registered {registered:u}, {ticket.Priority})");
                    (++told).Should().BeLessThanOrEqualTo(4);
                }
                told.Should().Be(4, "each clock warns and then breaches when every pass is on time");
            }
    }

    [Fact]
    public void A_resolved_ticket_has_nothing_left_to_watch_and_a_reopened_one_watches_its_resolution_again()
    {
        var builder = new TicketBuilder().At(Friday(17)).WithImpact(OperatingImpact.Total, alternativeAvailable: false);
        var ticket = builder.InState(TicketState.Resuelto);

        WatchOf(ticket).NextAlertAtUtc(Sla).Should().BeNull();

        ticket.Reopen(Actors.Requester, "Sigue sin imprimir.", Saturday(9));

        WatchOf(ticket).NextAlertAtUtc(Sla).Should().Be(Monday(11));
        ticket.ReviewSla(Sla, Monday(11)).Alerts.Should().Equal(ResolutionWarning);
    }
}

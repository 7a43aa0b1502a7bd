using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Notifications;
using Siget.Core.Priorities;
using Siget.Core.Sla;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;
using static Siget.Core.Notifications.NotificationKind;

namespace Siget.Core.Tests.Notifications;

/// <summary>Who is told what when a ticket changes, gets a message or reaches an SLA alert.</summary>
public class TicketNoticesTests
{
    private static readonly string[] Supervisors = [Actors.Supervisor.UserId, Actors.OtherSupervisor.UserId];

    private static readonly string Requester = Actors.Requester.UserId;
    private static readonly string Technician = Actors.Technician.UserId;
    private static readonly string OtherTechnician = Actors.OtherTechnician.UserId;
    private static readonly string Specialist = Actors.Specialist.UserId;
    private static readonly string Supervisor = Actors.Supervisor.UserId;
    private static readonly string OtherSupervisor = Actors.OtherSupervisor.UserId;

    /// <summary>Performs a change and returns what the rules say about it.</summary>
    private static IReadOnlyList<Notification> After(Ticket ticket, TicketAction action, Actor actor, Action<Ticket> change, DateTime nowUtc)
    {
        var (previousAssignee, previousState) = (ticket.AssigneeId, ticket.State);
        change(ticket);
        return TicketNotices.ForChange(new TicketChange(ticket, action, actor, previousAssignee, previousState), Supervisors, nowUtc);
    }

    /// <summary>Who got what, after checking what every batch must satisfy: about this ticket, at this time, one per (person, kind).</summary>
    private static (string Who, NotificationKind Kind)[] Told(IReadOnlyList<Notification> notices, Ticket ticket, DateTime nowUtc)
    {
        notices.Where(n => n.TicketNumber != ticket.Number || n.TicketId != ticket.Id || n.CreatedAtUtc != nowUtc)
            .Should().BeEmpty("every notice is about this ticket, at this time");
        notices.Where(n => !n.Text.Contains(ticket.Number) || n.IsRead).Should().BeEmpty("every notice names the ticket and starts unread");
        var told = notices.Select(n => (n.RecipientId, n.Kind)).ToArray();
        told.Should().OnlyHaveUniqueItems("nobody is told the same kind of thing twice about one change");
        return told;
    }

    [Fact]
    public void On_reassignment_the_new_assignee_and_the_previous_one_are_told_but_not_the_supervisor_who_did_it()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var now = builder.Tick();

        var notices = After(ticket, TicketAction.Reasignar, Actors.Supervisor, t => t.Reassign(Actors.Supervisor, Actors.OtherTechnician, null, now), now);

        Told(notices, ticket, now).Should().BeEquivalentTo([(OtherTechnician, Asignacion), (Technician, Asignacion)],
            "the state stays En proceso, so the requester is not told");
        notices.Single(n => n.RecipientId == OtherTechnician).Text.Should().Contain(ticket.Subject);
        notices.Single(n => n.RecipientId == Technician).Text.Should().Contain(Actors.OtherTechnician.Name);
    }

    [Fact]
    public void Taking_over_an_absent_colleagues_ticket_tells_that_colleague_who_and_why()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var now = builder.Tick();

        var notices = After(ticket, TicketAction.Asumir, Actors.OtherTechnician,
            t => t.TakeOver(Actors.OtherTechnician, "Luis está de licencia y el usuario espera.", assigneeAbsent: true, now), now);

        Told(notices, ticket, now).Should().BeEquivalentTo([(Technician, Asignacion)], "the state stays En proceso, so the requester is not told");
        notices.Single().Text.Should().Contain(Actors.OtherTechnician.Name).And.Contain("Luis está de licencia y el usuario espera.");
    }

    [Fact]
    public void Passing_ones_own_ticket_to_a_colleague_tells_the_colleague_only()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var now = builder.Tick();

        var notices = After(ticket, TicketAction.Reasignar, Actors.Technician, t => t.Reassign(Actors.Technician, Actors.OtherTechnician, null, now), now);

        Told(notices, ticket, now).Should().BeEquivalentTo([(OtherTechnician, Asignacion)]);
    }

    [Fact]
    public void An_automatic_assignment_tells_the_assignee_and_the_requester_that_the_ticket_is_in_process()
    {
        var builder = new TicketBuilder();
        var ticket = builder.Registered();
        var now = builder.Tick();

        var notices = After(ticket, TicketAction.Reasignar, Actor.System, t => t.Reassign(Actor.System, Actors.Technician, null, now), now);

        Told(notices, ticket, now).Should().BeEquivalentTo([(Technician, Asignacion), (Requester, CambioDeEstado)]);
        notices.Single(n => n.RecipientId == Requester).Text.Should().Contain("En proceso");
    }

    [Fact]
    public void Taking_a_ticket_tells_the_requester_only_not_the_person_who_took_it()
    {
        var builder = new TicketBuilder();
        var ticket = builder.Registered();
        var now = builder.Tick();

        var notices = After(ticket, TicketAction.Tomar, Actors.Technician, t => t.Take(Actors.Technician, now), now);

        Told(notices, ticket, now).Should().BeEquivalentTo([(Requester, CambioDeEstado)]);
    }

    [Fact]
    public void Escalating_to_a_level_queue_tells_the_previous_assignee_and_the_requester_but_no_supervisor()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var now = builder.Tick();

        var notices = After(ticket, TicketAction.Escalar, Actors.Supervisor,
            t => t.Escalate(Actors.Supervisor, "N1-IMPACTO", "Afecta a toda la sede.", null, now), now);

        Told(notices, ticket, now).Should().BeEquivalentTo([(Technician, Escalamiento), (Requester, CambioDeEstado)]);
    }

    [Fact]
    public void Escalating_to_a_person_of_the_next_level_tells_that_person_they_have_it()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var now = builder.Tick();

        var notices = After(ticket, TicketAction.Escalar, Actors.Technician,
            t => t.Escalate(Actors.Technician, "N1-RECURSOS", "Necesita un especialista.", null, now, Actors.Specialist), now);

        Told(notices, ticket, now).Should().BeEquivalentTo([(Specialist, Asignacion)],
            "the technician escalated it himself and the state stays En proceso");
        notices.Single().Text.Should().Contain(SupportLevel.Nivel2.Label());
    }

    [Theory]
    [InlineData(SupportLevel.Nivel1)]
    [InlineData(SupportLevel.Nivel2)]
    public void Escalating_below_level_4_tells_no_supervisor(SupportLevel from)
    {
        var builder = new TicketBuilder().AtLevel(from);
        var ticket = builder.InState(TicketState.EnProceso);
        var escalator = Actors.EscalatorFrom(from);
        var now = builder.Tick();

        var notices = After(ticket, TicketAction.Escalar, escalator,
            t => t.Escalate(escalator, EscalationMatrix.CriteriaFor(from, from + 1)[0].Code, "Motivo.", Actors.VendorCompany, now), now);

        var told = Told(notices, ticket, now);
        told.Should().Contain((Requester, CambioDeEstado));
        told.Select(t => t.Who).Should().NotContain(Supervisors);
    }

    [Fact]
    public void Escalating_to_level_4_tells_every_supervisor()
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel3);
        var ticket = builder.InState(TicketState.EnProceso);
        var now = builder.Tick();

        var notices = After(ticket, TicketAction.Escalar, Actors.Specialist,
            t => t.Escalate(Actors.Specialist, "N4-IMPACTO", "El proveedor no responde.", null, now), now);

        Told(notices, ticket, now).Should().BeEquivalentTo([
            (Supervisor, Escalamiento), (OtherSupervisor, Escalamiento),
            (Actors.Vendor.UserId, Escalamiento), // the vendor user who held it
            (Requester, CambioDeEstado)]);
    }

    [Fact]
    public void Escalating_to_Direccion_Ejecutiva_tells_the_other_supervisors_but_not_the_one_who_escalated_once_only()
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel4);
        var ticket = builder.Registered();
        ticket.Take(Actors.OtherSupervisor, builder.Tick());
        var now = builder.Tick();

        var notices = After(ticket, TicketAction.Escalar, Actors.Supervisor,
            t => t.Escalate(Actors.Supervisor, "N4-DECISION", "Requiere una inversión.", null, now), now);

        // The other supervisor held it and is a supervisor: one escalation notice, not two.
        Told(notices, ticket, now).Should().BeEquivalentTo([(OtherSupervisor, Escalamiento), (Requester, CambioDeEstado)]);
    }

    [Fact]
    public void A_supervisor_handed_a_ticket_escalated_to_level_4_gets_one_notification_for_it()
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel3);
        var ticket = builder.InState(TicketState.EnProceso);
        var now = builder.Tick();

        var notices = After(ticket, TicketAction.Escalar, Actors.Specialist,
            t => t.Escalate(Actors.Specialist, "N4-IMPACTO", "El proveedor no responde.", null, now, Actors.Supervisor), now);

        Told(notices, ticket, now).Should().Contain((Supervisor, Asignacion)).And.Contain((OtherSupervisor, Escalamiento));
        // TicketNotices promises "each person gets at most one notification per change".
        notices.Where(n => n.RecipientId == Supervisor).Should().ContainSingle("one change, one notification for each person");
    }

    [Fact]
    public void Releasing_tells_the_previous_assignee_and_the_requester()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var now = builder.Tick();

        var notices = After(ticket, TicketAction.Liberar, Actors.Supervisor, t => t.Release(Actors.Supervisor, null, now), now);

        Told(notices, ticket, now).Should().BeEquivalentTo([(Technician, Asignacion), (Requester, CambioDeEstado)]);
    }

    [Fact]
    public void Sending_back_to_a_person_tells_that_person_and_the_previous_assignee()
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel2);
        var ticket = builder.InState(TicketState.EnProceso);
        var now = builder.Tick();

        var notices = After(ticket, TicketAction.Devolver, Actors.Supervisor,
            t => t.SendBack(Actors.Supervisor, SupportLevel.Nivel1, "Lo resuelve soporte.", null, now, Actors.OtherTechnician), now);

        Told(notices, ticket, now).Should().BeEquivalentTo([(OtherTechnician, Asignacion), (Specialist, Escalamiento)]);
    }

    [Theory]
    [InlineData(TicketAction.Resolver)]
    [InlineData(TicketAction.Anular)]
    public void The_requester_is_told_when_the_state_of_their_ticket_changes(TicketAction action)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var now = builder.Tick();

        var notices = After(ticket, action, Actors.Supervisor, t => TicketMoves.Do(t, action, Actors.Supervisor, now), now);

        Told(notices, ticket, now).Should().Contain((Requester, CambioDeEstado));
        notices.Single(n => n.RecipientId == Requester).Text.Should().Contain(ticket.State.Label());
    }

    [Theory]
    [InlineData("Lo atendemos en su otro ticket.", "Lo atendemos en su otro ticket.")]
    [InlineData(null, RequesterWording.NeutralCancellationNote)]
    public void A_cancellation_tells_the_requester_why_in_the_words_written_for_them_never_the_internal_reason(string? message, string told)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var now = builder.Tick();

        var notices = After(ticket, TicketAction.Anular, Actors.Supervisor, t => t.Cancel(Actors.Supervisor, "Duplicado interno.", now, message), now);

        var text = notices.Single(n => n.RecipientId == Requester).Text;
        text.Should().Contain("«Anulado»").And.Contain(told).And.NotContain("Duplicado interno.");
    }

    [Fact]
    public void The_requester_is_not_told_of_their_own_reopening_but_the_assignee_is()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.Resuelto);
        var now = builder.Tick();

        var notices = After(ticket, TicketAction.Reabrir, Actors.Requester, t => t.Reopen(Actors.Requester, "Sigue fallando.", now), now);

        Told(notices, ticket, now).Should().BeEquivalentTo([(Technician, CambioDeEstado)]);
    }

    [Fact]
    public void A_staff_member_who_is_also_the_requester_is_not_told_of_taking_their_own_ticket()
    {
        var builder = new TicketBuilder().For(Actors.OtherTechnician);
        var ticket = builder.Registered();
        var now = builder.Tick();

        var notices = After(ticket, TicketAction.Tomar, Actors.OtherTechnician, t => t.Take(Actors.OtherTechnician, now), now);

        notices.Should().BeEmpty();
    }

    [Theory]
    [InlineData(Person.Technician)]
    [InlineData(Person.Supervisor)]
    public void A_public_staff_reply_tells_the_requester_only(Person author)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var now = builder.Tick();

        var notices = TicketNotices.ForReply(ticket, Actors.Of(author), isInternal: false, now);

        Told(notices, ticket, now).Should().BeEquivalentTo([(Requester, RespuestaDeLaUti)]);
    }

    [Fact]
    public void A_requester_reply_tells_the_assignee()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var now = builder.Tick();

        var notices = TicketNotices.ForReply(ticket, Actors.Requester, isInternal: false, now);

        Told(notices, ticket, now).Should().BeEquivalentTo([(Technician, RespuestaDelUsuario)]);
        notices.Single().Text.Should().Contain(Actors.Requester.Name);
    }

    [Fact]
    public void A_requester_reply_on_an_unassigned_ticket_tells_nobody()
    {
        var builder = new TicketBuilder();
        var ticket = builder.Registered();

        TicketNotices.ForReply(ticket, Actors.Requester, isInternal: false, builder.Tick()).Should().BeEmpty();
    }

    [Theory]
    [InlineData(Person.Technician)]
    [InlineData(Person.OtherTechnician)]
    [InlineData(Person.Supervisor)]
    public void Internal_notes_notify_nobody(Person author)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);

        TicketNotices.ForReply(ticket, Actors.Of(author), isInternal: true, builder.Tick()).Should().BeEmpty();
    }

    [Fact]
    public void The_assignee_replying_is_not_told_of_their_own_reply()
    {
        var builder = new TicketBuilder().For(Actors.OtherTechnician);
        var ticket = builder.Registered();
        ticket.Take(Actors.OtherTechnician, builder.Tick());

        // Requester and assignee are the same person: their reply tells nobody.
        TicketNotices.ForReply(ticket, Actors.OtherTechnician, isInternal: false, builder.Tick()).Should().BeEmpty();
    }

    // SLA alerts. The ticket is high priority, registered Friday 27 Nov 2026 17:00 Lima: due Monday 09:00 and 12:00.
    private static Ticket HighPriorityFridayTicket(out TicketBuilder builder)
    {
        builder = new TicketBuilder().At(Lima.At(2026, 11, 27, 17)).WithImpact(OperatingImpact.Total, alternativeAvailable: false);
        return builder.InState(TicketState.EnProceso);
    }

    [Theory]
    [InlineData(11, 0, AdvertenciaSla)]  // 75 % of the resolution time
    [InlineData(12, 0, VencimientoSla)]
    public void An_SLA_warning_or_breach_tells_the_assignee_and_every_supervisor(int hour, int minute, NotificationKind kind)
    {
        var ticket = HighPriorityFridayTicket(out _);
        ticket.Reply(Actors.Technician, "Seguimos revisando.", false, Lima.At(2026, 11, 30, 10)); // progress: no escalation
        var now = Lima.At(2026, 11, 30, hour, minute);
        var review = ticket.ReviewSla(TicketBuilder.Sla, now);
        review.Escalated.Should().BeFalse();

        var notices = TicketNotices.ForSla(ticket, review, ticket.AssigneeId, Supervisors, now);

        Told(notices, ticket, now).Should().BeEquivalentTo([(Technician, kind), (Supervisor, kind), (OtherSupervisor, kind)],
            "the requester is not told of SLA alerts");
    }

    [Fact]
    public void Both_clocks_breached_in_one_pass_give_each_person_one_breach_notice_naming_both()
    {
        var builder = new TicketBuilder().At(Lima.At(2026, 11, 27, 17)).WithImpact(OperatingImpact.Total, alternativeAvailable: false).AtLevel(SupportLevel.Nivel2);
        var ticket = builder.Registered();
        ticket.Reassign(Actor.System, Actors.Specialist, null, builder.Tick()); // an automatic assignment: no first response
        var now = Lima.At(2026, 11, 30, 15);
        var review = ticket.ReviewSla(TicketBuilder.Sla, now);
        review.Alerts.Should().HaveCount(2);

        var notices = TicketNotices.ForSla(ticket, review, ticket.AssigneeId, Supervisors, now);

        Told(notices, ticket, now).Should().BeEquivalentTo([(Specialist, VencimientoSla), (Supervisor, VencimientoSla), (OtherSupervisor, VencimientoSla)]);
        notices.Should().OnlyContain(n => n.Text.Contains(SlaClock.PrimeraRespuesta.Label()) && n.Text.Contains(SlaClock.Resolucion.Label()));
    }

    [Fact]
    public void An_automatic_escalation_tells_the_previous_assignee_the_supervisors_and_the_requester()
    {
        var ticket = HighPriorityFridayTicket(out _);
        var previousAssignee = ticket.AssigneeId;
        var now = Lima.At(2026, 11, 30, 12);
        var review = ticket.ReviewSla(TicketBuilder.Sla, now);
        review.Escalated.Should().BeTrue();

        var notices = TicketNotices.ForSla(ticket, review, previousAssignee, Supervisors, now);

        Told(notices, ticket, now).Should().BeEquivalentTo([
            (Technician, VencimientoSla), (Supervisor, VencimientoSla), (OtherSupervisor, VencimientoSla),
            (Technician, Escalamiento), (Supervisor, Escalamiento), (OtherSupervisor, Escalamiento),
            (Requester, CambioDeEstado)]);
        notices.Single(n => n.RecipientId == Requester).Text.Should().Contain(SupportLevel.Nivel2.Label());
    }

    [Fact]
    public void A_review_with_nothing_new_tells_nobody()
    {
        var ticket = HighPriorityFridayTicket(out var builder);

        TicketNotices.ForSla(ticket, SlaReview.Nothing, ticket.AssigneeId, Supervisors, builder.Tick()).Should().BeEmpty();
    }

    [Fact]
    public void A_long_text_is_cut_to_the_limit_with_an_ellipsis()
    {
        var notification = new Notification("u-maria", CambioDeEstado, 1, "2026-000001", new string('x', 500), TicketBuilder.Start);

        notification.Text.Should().HaveLength(Notification.TextMaxLength).And.EndWith("…");
    }

    [Fact]
    public void Reading_a_notification_keeps_the_first_time_it_was_read()
    {
        var notification = new Notification("u-maria", CambioDeEstado, 1, "2026-000001", "Su ticket cambió.", TicketBuilder.Start);
        notification.IsRead.Should().BeFalse();

        notification.MarkRead(TicketBuilder.Start.AddMinutes(1));
        notification.MarkRead(TicketBuilder.Start.AddMinutes(9));

        (notification.IsRead, notification.ReadAtUtc).Should().Be((true, TicketBuilder.Start.AddMinutes(1)));
    }
}

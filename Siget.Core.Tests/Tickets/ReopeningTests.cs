using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Tickets;

public class ReopeningTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Reopening_without_a_reason_is_refused(string? reason)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.Resuelto);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.Reopen(Actors.Requester, reason!, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage("Complete el motivo de la reapertura.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Fact]
    public void A_reopening_reason_longer_than_the_limit_is_refused()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.Resuelto);

        var act = () => ticket.Reopen(Actors.Requester, new string('x', TicketLimits.ReasonMaxLength + 1), builder.Tick());

        act.Should().Throw<DomainException>().WithMessage($"Escriba como máximo {TicketLimits.ReasonMaxLength} caracteres en el motivo de la reapertura.");
        ticket.State.Should().Be(TicketState.Resuelto);
    }

    [Theory]
    [InlineData(SupportLevel.Nivel1)]
    [InlineData(SupportLevel.Nivel2)]
    [InlineData(SupportLevel.Nivel3)]
    [InlineData(SupportLevel.Nivel4)]
    public void Reopening_goes_back_to_En_proceso_with_the_same_assignee_and_level(SupportLevel level)
    {
        var builder = new TicketBuilder().AtLevel(level);
        var ticket = builder.InState(TicketState.Resuelto);
        var assignee = ticket.AssigneeId;
        var now = builder.Tick();

        ticket.Reopen(Actors.Requester, "La impresora volvió a atascarse.", now);

        ticket.State.Should().Be(TicketState.EnProceso);
        ticket.AssigneeId.Should().Be(assignee).And.Be(Actors.WorkerAt(level).UserId);
        ticket.Level.Should().Be(level);
        ticket.ResolvedAtUtc.Should().BeNull();
        ticket.NextDueUtc.Should().Be(ticket.ResolutionDueUtc);
        var entry = ticket.History[^1];
        (entry.Action, entry.FromState, entry.ToState, entry.Reason)
            .Should().Be((TicketAction.Reabrir, TicketState.Resuelto, TicketState.EnProceso, "La impresora volvió a atascarse."));
    }

    /// <summary>6.6: reopening is the requester's act; a supervisor reopens only on their behalf, recording who asked and how.</summary>
    [Theory]
    [InlineData(Person.Supervisor)]
    [InlineData(Person.OtherSupervisor)]
    public void A_supervisor_reopening_without_saying_who_asked_and_how_is_refused(Person person)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.Resuelto);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.Reopen(Actors.Of(person), "Sigue fallando.", builder.Tick());

        act.Should().Throw<DomainException>()
            .WithMessage("Reabrir es decisión del solicitante. Para reabrirlo a su pedido, indique quién lo pidió y por qué medio.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Theory]
    [InlineData(Channel.Telefono, "por teléfono")]
    [InlineData(Channel.Presencial, "en persona")]
    [InlineData(Channel.CorreoElectronico, "por correo electrónico")]
    public void A_supervisor_reopens_at_the_requesters_request_and_the_history_says_a_pedido_de(Channel how, string manner)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.Resuelto);

        ticket.Reopen(Actors.Supervisor, "La impresora volvió a atascarse.", builder.Tick(), new ReopenRequest(" María Flores ", how));

        (ticket.State, ticket.AssigneeId).Should().Be((TicketState.EnProceso, Actors.Technician.UserId));
        var entry = ticket.History[^1];
        (entry.Action, entry.ActorId).Should().Be((TicketAction.Reabrir, Actors.Supervisor.UserId));
        entry.Reason.Should().Be($"A pedido de María Flores ({manner}): La impresora volvió a atascarse.");
        ticket.HistoryVisibleTo(Actors.Requester)[^1].Reason.Should().Be(entry.Reason, "the requester reads who reopened their ticket and why");
    }

    [Theory]
    [InlineData(null, Channel.Telefono, "Complete quién pidió reabrir el ticket.")]
    [InlineData("  ", Channel.Telefono, "Complete quién pidió reabrir el ticket.")]
    [InlineData("María Flores", Channel.Intranet, "Indique cómo lo pidió: por teléfono, en persona o por correo electrónico.")]
    [InlineData("María Flores", Channel.Sismonitor, "Indique cómo lo pidió: por teléfono, en persona o por correo electrónico.")]
    [InlineData("María Flores", (Channel)0, "Indique cómo lo pidió: por teléfono, en persona o por correo electrónico.")]
    public void A_request_that_does_not_say_who_or_how_is_refused(string? who, Channel how, string message)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.Resuelto);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.Reopen(Actors.Supervisor, "Sigue fallando.", builder.Tick(), new ReopenRequest(who, how));

        act.Should().Throw<DomainException>().WithMessage(message);
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Theory]
    [InlineData(Person.Technician)]   // who resolved it
    [InlineData(Person.Specialist)]
    [InlineData(Person.Administrator)]
    [InlineData(Person.OtherRequester)]
    public void Nobody_but_the_requester_and_the_supervisor_reopens_not_even_saying_who_asked(Person person)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.Resuelto);
        var before = TicketSnapshot.Of(ticket);

        ticket.AllowedActions(Actors.Of(person)).Should().NotContain(TicketAction.Reabrir);
        var act = () => ticket.Reopen(Actors.Of(person), "Sigue fallando.", builder.Tick(), new ReopenRequest("María Flores", Channel.Telefono));

        act.Should().Throw<DomainException>().WithMessage("No tiene permiso para reabrir este ticket.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Fact]
    public void The_requester_reopens_in_their_own_words()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.Resuelto);

        ticket.Reopen(Actors.Requester, "Sigue fallando.", builder.Tick());

        ticket.History[^1].Reason.Should().Be("Sigue fallando.");
    }

    [Fact]
    public void A_reopened_ticket_is_resolved_again_by_the_same_person_and_then_finalized()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.Resuelto);
        ticket.Reopen(Actors.Requester, "Sigue fallando.", builder.Tick());

        ticket.Resolve(Actors.Technician, "Se cambió el rodillo.", builder.Tick());
        ticket.Finalize(Actors.Requester, builder.Tick(), new Satisfaction(5, null));

        ticket.State.Should().Be(TicketState.Finalizado);
        ticket.Solution.Should().Be("Se cambió el rodillo.");
        ticket.History.Select(h => h.Action).Should().EndWith([TicketAction.Reabrir, TicketAction.Resolver, TicketAction.Finalizar]);
    }
}

using Microsoft.EntityFrameworkCore;
using Siget.Console.Services.Board;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Board;
using Siget.Core.Escalation;
using Siget.Core.Notifications;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

/// <summary>The supervisor balances the team: the board's columns and loads, and the commands a drop becomes.</summary>
[Collection(HelpDeskCollection.Name)]
public class BalancingTheTeamTests(HelpDeskFixture f)
{
    private SupervisorBoard Board => f.App.Service<SupervisorBoard>();
    private AgentAvailability Availability => f.App.Service<AgentAvailability>();

    [Fact]
    public async Task The_board_has_a_queue_column_per_level_a_column_per_person_and_one_per_vendor_company_with_their_loads()
    {
        var tag = HelpDeskFixture.NewTag();
        var newcomer = await f.App.AddPersonAsync($"nuevo{tag}", Role.Tecnico, "Ñusta Nueva Prueba");
        var hers = await f.TakenAsync($"{tag} de la nueva", newcomer);
        await f.RegisterAsync($"{tag} en cola");

        var board = await Board.LoadAsync(f.Supervisor);

        board.Levels.Select(l => l.Level).Should().Equal(Enum.GetValues<SupportLevel>());
        var level1 = board.Levels[0].Columns;
        level1[0].Lane.Should().Be(new BoardLane(SupportLevel.Nivel1));
        level1.Select(c => c.Title).Should().Contain(["Sin asignar", "Luis Mendoza Ríos", "Ana Ruiz Salazar", "Ñusta Nueva Prueba"]);
        level1.Should().NotContain(c => c.Title == "Rosa Paredes Vargas", "specialists are in the level 2 group");
        board.Levels[1].Columns.Select(c => c.Title).Should().Contain(["Rosa Paredes Vargas", "Jaime Salinas Ortiz"]);
        board.Levels[2].Columns.Select(c => c.Title).Should().Contain([f.VendorCompanyName, "Redes Andinas E.I.R.L."]);
        var column = board.Column(new BoardLane(SupportLevel.Nivel1, newcomer.UserId))!;
        column.Cards.Select(c => c.Id).Should().Equal(hers.Id);
        (column.Count, column.Available).Should().Be((1, (bool?)true));

        // The queue column counts every unassigned open level-1 ticket and shows the first of them, in queue order.
        await using var db = f.App.CreateDbContext();
        var queued = await db.Tickets.CountAsync(t => t.Level == SupportLevel.Nivel1 && t.AssigneeId == null
            && (t.State == TicketState.EnCola || t.State == TicketState.EnProceso));
        var queue = board.Column(new BoardLane(SupportLevel.Nivel1))!;
        queue.Count.Should().Be(queued);
        queue.Cards.Should().HaveCount(Math.Min(queued, SupervisorBoard.CardsPerColumn));
        queue.Hidden.Should().Be(queued - queue.Cards.Count);
    }

    [Fact]
    public async Task After_a_move_the_two_columns_read_again_equal_those_of_a_whole_board_read()
    {
        var tag = HelpDeskFixture.NewTag();
        var from = await f.App.AddPersonAsync($"de{tag}", Role.Tecnico, "Técnico Origen Prueba");
        var to = await f.App.AddPersonAsync($"a{tag}", Role.Tecnico, "Técnico Destino Prueba");
        var moved = await f.TakenAsync($"{tag} se mueve", from);
        for (var i = 0; i < SupervisorBoard.CardsPerColumn; i++) await f.TakenAsync($"{tag} se queda {i}", from);
        var before = await Board.LoadAsync(f.Supervisor);
        var (fromLane, toLane) = (new BoardLane(SupportLevel.Nivel1, from.UserId), new BoardLane(SupportLevel.Nivel1, to.UserId));

        await f.Commands.ReassignAsync(f.Supervisor, moved.Id, moved.Version, to.UserId, "Equilibrar la carga.");
        var columns = await Board.ColumnsAsync(f.Supervisor, [before.Column(fromLane)!, before.Column(toLane)!]);
        var whole = await Board.LoadAsync(f.Supervisor);

        columns.Should().HaveCount(2);
        foreach (var column in columns)
        {
            var same = whole.Column(column.Lane)!;
            (column.Title, column.Available, column.Count, column.AtRisk, column.Breached).Should().Be((same.Title, same.Available, same.Count, same.AtRisk, same.Breached));
            column.Cards.Should().Equal(same.Cards);
        }
        columns[0].Count.Should().Be(SupervisorBoard.CardsPerColumn);
        columns[0].Cards.Should().HaveCount(SupervisorBoard.CardsPerColumn, "the card that was hidden takes the moved one's place");
        columns[1].Cards.Select(c => c.Id).Should().Equal(moved.Id);
    }

    [Fact]
    public async Task A_full_column_counts_every_ticket_and_shows_the_first_ones_in_queue_order()
    {
        var tag = HelpDeskFixture.NewTag();
        for (var i = 0; i <= SupervisorBoard.CardsPerColumn; i++) await f.RegisterAsync($"{tag} en cola {i}");

        var board = await Board.LoadAsync(f.Supervisor);

        await using var db = f.App.CreateDbContext();
        var queued = QueueOrder.Apply(db.Tickets.Where(t => t.Level == SupportLevel.Nivel1 && t.AssigneeId == null
            && (t.State == TicketState.EnCola || t.State == TicketState.EnProceso)));
        var queue = board.Column(new BoardLane(SupportLevel.Nivel1))!;
        queue.Count.Should().Be(await queued.CountAsync()).And.BeGreaterThan(SupervisorBoard.CardsPerColumn);
        queue.Cards.Select(c => c.Id).Should().Equal(await queued.Take(SupervisorBoard.CardsPerColumn).Select(t => t.Id).ToListAsync());
        queue.Hidden.Should().Be(queue.Count - SupervisorBoard.CardsPerColumn);
        queue.Cards.Should().OnlyContain(c => c.Subcategory.Length > 0 && c.Lane == queue.Lane, "shown cards are read in full");
    }

    [Theory]
    [InlineData(Role.Tecnico)]
    [InlineData(Role.Especialista)]
    [InlineData(Role.Administrador)]
    [InlineData(Role.Usuario)]
    public async Task Only_supervisors_open_the_board(Role role)
    {
        var load = () => Board.LoadAsync(new Actor("x", "Alguien", role));
        (await load.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("Ejecutivo de la UTI");
    }

    [Fact]
    public async Task A_drop_on_the_next_level_s_person_escalates_straight_to_them_with_criterion_reason_and_notices()
    {
        var ticket = await f.TakenAsync($"{HelpDeskFixture.NewTag()} escalar a Rosa");
        BoardMoves.Plan(ticket, new BoardLane(SupportLevel.Nivel2, f.Specialist.UserId)).Kind.Should().Be(BoardMoveKind.Escalar);

        await f.Commands.EscalateAsync(f.Supervisor, ticket.Id, ticket.Version, "N1-RECURSOS", "Requiere acceso al servidor de impresión.", null,
            assigneeId: f.Specialist.UserId);

        var stored = await f.StoredAsync(ticket.Id);
        (stored.Level, stored.State, stored.AssigneeId).Should().Be((SupportLevel.Nivel2, TicketState.EnProceso, f.Specialist.UserId));
        var row = (await f.HistoryAsync(ticket.Id))[^1];
        (row.Action, row.CriterionCode, row.Reason, row.ToAssignee).Should()
            .Be((TicketAction.Escalar, "N1-RECURSOS", "Requiere acceso al servidor de impresión.", "Rosa Paredes Vargas"));
        await using var db = f.App.CreateDbContext();
        var notices = await db.Notifications.AsNoTracking().Where(n => n.TicketId == ticket.Id).ToListAsync();
        notices.Should().Contain(n => n.RecipientId == f.Specialist.UserId && n.Kind == NotificationKind.Asignacion);
        notices.Should().Contain(n => n.RecipientId == f.Technician.UserId && n.Kind == NotificationKind.Escalamiento);
        notices.Should().NotContain(n => n.RecipientId == f.Supervisor.UserId, "nobody is told of their own move");
    }

    [Fact]
    public async Task Sending_a_ticket_back_down_is_for_supervisors_and_needs_a_reason()
    {
        var ticket = await f.TakenAsync($"{HelpDeskFixture.NewTag()} devolver");
        ticket = await f.Commands.EscalateAsync(f.Technician, ticket.Id, ticket.Version, "N1-RECURSOS", "Necesita especialista.", null);

        var byTechnician = () => f.Commands.SendBackAsync(f.Specialist, ticket.Id, ticket.Version, SupportLevel.Nivel1, "No corresponde", null);
        (await byTechnician.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("No tiene permiso para devolver");
        var noReason = () => f.Commands.SendBackAsync(f.Supervisor, ticket.Id, ticket.Version, SupportLevel.Nivel1, " ", null);
        (await noReason.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("motivo de la devolución");

        await f.Commands.SendBackAsync(f.Supervisor, ticket.Id, ticket.Version, SupportLevel.Nivel1, "Es un cambio de tóner: lo atiende soporte.", null,
            assigneeId: f.OtherTechnician.UserId);

        var stored = await f.StoredAsync(ticket.Id);
        (stored.Level, stored.AssigneeId, stored.State).Should().Be((SupportLevel.Nivel1, f.OtherTechnician.UserId, TicketState.EnProceso));
        var row = (await f.HistoryAsync(ticket.Id))[^1];
        (row.Action, row.FromLevel, row.ToLevel, row.Reason).Should()
            .Be((TicketAction.Devolver, SupportLevel.Nivel2, SupportLevel.Nivel1, "Es un cambio de tóner: lo atiende soporte."));
    }

    [Fact]
    public async Task A_drop_on_the_level_queue_releases_the_ticket_for_anyone_to_take()
    {
        var ticket = await f.TakenAsync($"{HelpDeskFixture.NewTag()} liberar");
        BoardMoves.Plan(ticket, new BoardLane(SupportLevel.Nivel1)).Kind.Should().Be(BoardMoveKind.Liberar);

        await f.Commands.ReleaseAsync(f.Supervisor, ticket.Id, ticket.Version, "Luis sale de comisión.");

        var stored = await f.StoredAsync(ticket.Id);
        (stored.State, stored.AssigneeId).Should().Be((TicketState.EnCola, (string?)null));
        (await f.HistoryAsync(ticket.Id))[^1].Should().Match<TicketHistoryEntry>(h =>
            h.Action == TicketAction.Liberar && h.FromAssignee == "Luis Mendoza Ríos" && h.Reason == "Luis sale de comisión.");
    }

    [Fact]
    public async Task An_absent_person_receives_no_tickets_and_the_refusal_says_why()
    {
        var away = await f.App.AddPersonAsync($"ausente{HelpDeskFixture.NewTag()}", Role.Tecnico, "Julio Apaza Ticona");
        await Availability.SetAsync(away, away.UserId, available: false);
        var ticket = await f.TakenAsync($"{HelpDeskFixture.NewTag()} para ausente");
        var before = await f.FootprintAsync(ticket.Id);

        var reassign = () => f.Commands.ReassignAsync(f.Supervisor, ticket.Id, ticket.Version, away.UserId, null);

        (await reassign.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be("Julio Apaza Ticona está ausente; elija a otra persona o márquela como disponible.");
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
        var column = (await Board.LoadAsync(f.Supervisor)).Column(new BoardLane(SupportLevel.Nivel1, away.UserId));
        column!.Available.Should().BeFalse();

        await Availability.SetAsync(f.Supervisor, away.UserId, available: true);
        await f.Commands.ReassignAsync(f.Supervisor, ticket.Id, ticket.Version, away.UserId, null);
        (await f.StoredAsync(ticket.Id)).AssigneeId.Should().Be(away.UserId);
    }

    [Fact]
    public async Task People_set_their_own_availability_and_only_supervisors_set_someone_else_s()
    {
        var someone = await f.App.AddPersonAsync($"disp{HelpDeskFixture.NewTag()}", Role.Tecnico, "Diana Espinoza Vega");
        var heard = new List<AvailabilityChanged>();
        Availability.Changed += Heard;
        try
        {
            var byColleague = () => Availability.SetAsync(f.Technician, someone.UserId, false);
            (await byColleague.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("Solo el Ejecutivo de la UTI");
            var requester = () => Availability.SetAsync(f.Requester, f.Requester.UserId, false);
            await requester.Should().ThrowAsync<DomainException>();

            await Availability.SetAsync(someone, someone.UserId, false);
            (await Availability.IsAvailableAsync(someone)).Should().BeFalse();
            heard.Should().ContainSingle(c => c.UserId == someone.UserId && !c.Available);
        }
        finally
        {
            Availability.Changed -= Heard;
        }

        Task Heard(AvailabilityChanged change)
        {
            lock (heard) heard.Add(change);
            return Task.CompletedTask;
        }
    }
}

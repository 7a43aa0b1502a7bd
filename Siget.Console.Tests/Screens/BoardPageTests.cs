using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using Siget.Console.Components.Board;
using Siget.Console.Services.Board;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Sla;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Screens;

/// <summary>
/// The supervisor board (/tablero) over the real board query and commands: columns per level, cards, loads,
/// availability, and the keyboard alternative to dragging (the card's "Mover" button and its destination dialog).
/// board.js hands both a drop and a press of "Mover" to the page; here the page is called as board.js calls it, and the
/// browser tests drive the real mouse and keyboard.
/// </summary>
[Collection(ScreensCollection.Name)]
public class BoardPageTests(HelpDeskFixture desk) : ScreenContext(desk)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private IRenderedComponent<MudPopoverProvider> _popovers = default!;
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    private IRenderedComponent<BoardPage> Open(Actor actor)
    {
        SignIn(actor);
        _popovers = RenderPopoverProvider();
        _dialogs = Bunit.Render<MudDialogProvider>();
        GoTo("tablero");
        return Bunit.Render<BoardPage>();
    }

    /// <summary>A technician of one's own, so availability and loads are this test's alone.</summary>
    private Task<Actor> NewTechnicianAsync(string fullName) =>
        Desk.App.AddPersonAsync("tec." + HelpDeskFixture.NewTag(), Role.Tecnico, fullName);

    private static IElement Column(IRenderedComponent<BoardPage> page, string lane) => page.Find($".board-column[data-lane='{lane}']");

    private static List<string> CardsIn(IRenderedComponent<BoardPage> page, string lane) =>
        Column(page, lane).QuerySelectorAll(".board-card").Select(c => c.GetAttribute("data-ticket")!).ToList();

    /// <summary>What a screen reader says of a column's load (the label of its count).</summary>
    private static string? LoadLabel(IElement column) => column.QuerySelector(".board-load")!.QuerySelectorAll("[aria-label]")
        .Select(e => e.GetAttribute("aria-label")).SingleOrDefault(l => l!.Contains(" en riesgo, "));

    [Fact]
    public async Task Someone_who_is_not_the_supervisor_is_refused_and_sees_no_columns()
    {
        await Desk.RegisterAsync($"{HelpDeskFixture.NewTag()} en cola");

        var page = Open(Desk.Technician);

        page.WaitForAssertion(() => page.Find(".mud-alert").TextContent.Should().Contain("El tablero es para el Ejecutivo de la UTI. Use la cola de tickets."));
        page.FindAll(".board-column").Should().BeEmpty();
        page.FindAll(".board-card").Should().BeEmpty();
    }

    [Fact]
    public async Task The_supervisor_sees_a_queue_and_a_column_per_person_for_each_level_and_a_column_per_vendor_at_level_3()
    {
        var page = Open(Desk.Supervisor);

        page.WaitForAssertion(() => page.FindAll(".board-column").Should().NotBeEmpty(), Patience);
        var lanes = page.FindAll(".board-column").ToDictionary(c => c.GetAttribute("data-lane")!, c => c.GetAttribute("data-title"));
        lanes.Should().Contain("1:cola", "Sin asignar").And.Contain("2:cola", "Sin asignar");
        lanes.Should().Contain($"1:p:{Desk.Technician.UserId}", "Luis Mendoza Ríos").And.Contain($"1:p:{Desk.OtherTechnician.UserId}", "Ana Ruiz Salazar");
        lanes.Should().Contain($"2:p:{Desk.Specialist.UserId}", "Rosa Paredes Vargas").And.Contain($"2:p:{Desk.OtherSpecialist.UserId}", "Jaime Salinas Ortiz");
        lanes.Should().Contain($"3:v:{Desk.VendorCompanyId}", "TecnoSoluciones Perú S.A.C.").And.Contain($"3:v:{Desk.OtherVendorCompanyId}", "Redes Andinas E.I.R.L.");
        lanes.Keys.Should().NotContain("3:cola", "at level 3 tickets belong to a vendor company, there is no unassigned queue");
        lanes.Keys.Should().NotContain($"3:v:{Desk.EndedContractCompanyId}", "a company whose contract ended and holds nothing gets no column");
        lanes.Keys.Should().NotContain($"1:p:{Desk.Specialist.UserId}", "specialists work level 2, not level 1");
        lanes.Keys.Should().NotContain(k => k.EndsWith($":p:{Desk.Requester.UserId}"), "requesters work no tickets");
        Column(page, $"1:p:{Desk.Technician.UserId}").QuerySelector(".board-availability").Should().NotBeNull("a person's column shows their availability");
        Column(page, "1:cola").QuerySelector(".board-availability").Should().BeNull("a queue has no availability");
        Column(page, $"3:v:{Desk.VendorCompanyId}").QuerySelector(".board-availability").Should().BeNull("nor has a vendor company");
        page.FindAll("h2.board-level-title").Select(h => h.TextContent.Trim()).Should().StartWith(
            ["Nivel 1 · Soporte técnico", "Nivel 2 · Especialistas de TI", "Nivel 3 · Proveedor"]);
    }

    [Fact]
    public async Task Each_open_ticket_is_a_card_in_its_column_and_closed_ones_are_not_on_the_board()
    {
        var tag = HelpDeskFixture.NewTag();
        var waiting = await Desk.RegisterAsync($"{tag} en cola");
        var hers = await Desk.TakenAsync($"{tag} de Ana", technician: Desk.OtherTechnician);
        var escalated = await Desk.TakenAsync($"{tag} al proveedor", technician: Desk.OtherTechnician);
        escalated = await Desk.Commands.EscalateAsync(Desk.Supervisor, escalated.Id, escalated.Version, "N1-RECURSOS", "Requiere especialista", null);
        escalated = await Desk.Commands.EscalateAsync(Desk.Supervisor, escalated.Id, escalated.Version, "N2-CONOCIMIENTO", "Lo ve el fabricante", Desk.VendorCompanyId);
        var resolved = await Desk.ResolvedAsync($"{tag} resuelto");

        var page = Open(Desk.Supervisor);

        page.WaitForAssertion(() => CardsIn(page, "1:cola").Should().Contain(waiting.Number), Patience);
        CardsIn(page, $"1:p:{Desk.OtherTechnician.UserId}").Should().Contain(hers.Number).And.NotContain(waiting.Number);
        CardsIn(page, $"3:v:{Desk.VendorCompanyId}").Should().Contain(escalated.Number);
        page.FindAll($".board-card[data-ticket='{escalated.Number}']").Should().ContainSingle("a ticket is in one column only");
        page.FindAll($".board-card[data-ticket='{resolved.Number}']").Should().BeEmpty("only tickets en cola or en proceso are on the board");
        var card = page.Find($".board-card[data-ticket='{hers.Number}']");
        card.QuerySelector(".board-card-subject")!.TextContent.Should().Be($"{tag} de Ana");
        card.QuerySelector("a.queue-number")!.GetAttribute("href").Should().Be($"tickets/{hers.Number}");
    }

    [Fact]
    public async Task The_summary_counts_every_open_ticket_not_only_the_cards_shown()
    {
        var tag = HelpDeskFixture.NewTag();
        var technician = await NewTechnicianAsync("Pía Cargada Prueba");
        for (var i = 0; i <= SupervisorBoard.CardsPerColumn; i++) await Desk.TakenAsync($"{tag} {i}", technician);
        await using var db = Desk.App.CreateDbContext();
        var open = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Tickets, t => t.State == TicketState.EnCola || t.State == TicketState.EnProceso);

        var page = Open(Desk.Supervisor);

        page.WaitForAssertion(() => page.Find(".board-summary").TextContent.Trim().Should().StartWith($"{open:N0} tickets abiertos"), Patience);
        CardsIn(page, $"1:p:{technician.UserId}").Should().HaveCount(SupervisorBoard.CardsPerColumn, "a full column shows its first cards");
    }

    [Fact]
    public async Task A_column_header_shows_its_load_with_tickets_at_risk_and_breached()
    {
        var tag = HelpDeskFixture.NewTag();
        var technician = await NewTechnicianAsync("Óscar Carga Prueba");
        var lane = $"1:p:{technician.UserId}";
        var alta = await Desk.TakenAsync($"{tag} alta", technician);
        var media = await Desk.Registration.RegisterAsync(Desk.Technician, HelpDeskFixture.Phoned(Desk.Requester, OperatingImpact.Parcial, true, $"{tag} media"));
        media = await Desk.Commands.TakeAsync(technician, media.Id, media.Version);
        (alta.Priority, media.Priority).Should().Be((Priority.Alta, Priority.Media));
        var storedAlta = await Desk.StoredAsync(alta.Id);
        var storedMedia = await Desk.StoredAsync(media.Id);
        var sla = Desk.App.Service<SlaPolicy>();
        var mediaWarnsAt = sla.WarningAt(storedMedia.RegisteredAtUtc, storedMedia.NextDueUtc!.Value);
        mediaWarnsAt.Should().BeAfter(storedAlta.NextDueUtc!.Value).And.BeBefore(storedMedia.NextDueUtc!.Value);

        var fresh = Open(Desk.Supervisor);
        fresh.WaitForAssertion(() => Column(fresh, lane).QuerySelector(".board-load-count")!.TextContent.Should().Be("2"), Patience);
        LoadLabel(Column(fresh, lane)).Should().Be("2 tickets, 0 en riesgo, 0 vencidos");
        Column(fresh, lane).QuerySelectorAll(".sla-risk, .sla-breached").Should().BeEmpty();
        CardsIn(fresh, lane).Should().BeEquivalentTo([alta.Number, media.Number]);

        // The alta is past its resolution time; the media has used more than 75 % of it.
        Desk.App.Clock.SetUtcNow(new DateTimeOffset(mediaWarnsAt, TimeSpan.Zero));
        var later = Bunit.Render<BoardPage>();

        later.WaitForAssertion(() => LoadLabel(Column(later, lane)).Should().Be("2 tickets, 1 en riesgo, 1 vencido"), Patience);
        Column(later, lane).QuerySelector(".sla-risk")!.TextContent.Trim().Should().Be("1 en riesgo");
        Column(later, lane).QuerySelector(".sla-breached")!.TextContent.Trim().Should().Be("1 vencido");
    }

    [Fact]
    public async Task The_availability_chip_marks_a_person_absent_and_back_and_the_column_says_so()
    {
        var technician = await NewTechnicianAsync("Teodoro Ausente Prueba");
        var lane = $"1:p:{technician.UserId}";
        var availability = Desk.App.Service<AgentAvailability>();
        var page = Open(Desk.Supervisor);
        page.WaitForAssertion(() => Column(page, lane).QuerySelector(".board-availability")!.TextContent.Trim().Should().Be("Disponible"), Patience);

        Column(page, lane).QuerySelector(".board-availability")!.Click();

        page.WaitForAssertion(() => Column(page, lane).QuerySelector(".board-availability")!.TextContent.Trim().Should().Be("Ausente"), Patience);
        Column(page, lane).QuerySelector(".board-availability")!.GetAttribute("aria-label")
            .Should().Be("Teodoro Ausente Prueba: ausente. Cambiar disponibilidad");
        (await availability.IsAvailableAsync(technician)).Should().BeFalse();

        // The board also reloads a moment after the change is announced: click what is on screen once it settles.
        page.WaitForAssertion(() => Column(page, lane).QuerySelector(".board-availability")!.Click(), Patience);

        page.WaitForAssertion(() => Column(page, lane).QuerySelector(".board-availability")!.TextContent.Trim().Should().Be("Disponible"), Patience);
        (await availability.IsAvailableAsync(technician)).Should().BeTrue();
    }

    [Fact]
    public async Task Reassigning_with_the_Mover_button_hands_the_ticket_over_and_moves_the_card()
    {
        var tag = HelpDeskFixture.NewTag();
        var from = await NewTechnicianAsync("Fabio Origen Prueba");
        var to = await NewTechnicianAsync("Delia Destino Prueba");
        var ticket = await Desk.TakenAsync($"{tag} para reasignar", from);
        var page = Open(Desk.Supervisor);
        page.WaitForAssertion(() => CardsIn(page, $"1:p:{from.UserId}").Should().Equal(ticket.Number), Patience);

        PressMover(page, ticket.Number);
        _dialogs.WaitForAssertion(() => _dialogs.Markup.Should().Contain($"Mover {ticket.Number} a…"), Patience);
        var groups = OptionGroups();
        groups.Keys.Should().StartWith(["Reasignar a", "Devolver a la cola", "Escalar a"]).And.NotContain("Bajar de nivel a", "level 1 is the lowest");
        groups["Reasignar a"].Should().Contain(o => o.Contains("Delia Destino Prueba (N1)"))
            .And.NotContain(o => o.Contains("Fabio Origen Prueba"), "the ticket is already there")
            .And.NotContain(o => o.Contains("sin asignar"), "reassigning is to a person; the queue is Devolver a la cola");
        groups["Devolver a la cola"].Should().ContainSingle().Which.Should().StartWith("Nivel 1 · Soporte técnico · sin asignar");
        groups["Escalar a"].Should().Contain(o => o.Contains("Rosa Paredes Vargas (N2)")).And.Contain(o => o.StartsWith("Nivel 2 · Especialistas de TI · sin asignar"))
            .And.NotContain(o => o.Contains("(N3)"), "tickets go up one level at a time");
        ChooseOption("Delia Destino Prueba (N1)");
        _dialogs.Find("#destino-continuar").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("#dialogo-confirmar").TextContent.Trim().Should().Be("Reasignar"), Patience);
        _dialogs.Markup.Should().Contain("Nota (opcional)").And.Contain("Pasa a Delia Destino Prueba.");
        _dialogs.Find("#dialogo-texto").Input("Fabio sale de vacaciones");
        _dialogs.Find("#dialogo-confirmar").Click();

        page.WaitForAssertion(() => CardsIn(page, $"1:p:{to.UserId}").Should().Equal(ticket.Number), Patience);
        CardsIn(page, $"1:p:{from.UserId}").Should().BeEmpty();
        var stored = await Desk.StoredAsync(ticket.Id);
        stored.AssigneeId.Should().Be(to.UserId);
        stored.AssigneeName.Should().Be("Delia Destino Prueba");
        stored.State.Should().Be(TicketState.EnProceso);
        var row = (await Desk.HistoryAsync(ticket.Id))[^1];
        row.Action.Should().Be(TicketAction.Reasignar);
        row.Reason.Should().Be("Fabio sale de vacaciones");
        _dialogs.FindAll(".mud-dialog").Should().BeEmpty("both dialogs closed");
    }

    [Fact]
    public async Task A_dropped_card_waits_dashed_in_its_new_column_while_asked_and_cancelling_puts_it_back()
    {
        var tag = HelpDeskFixture.NewTag();
        var holder = await NewTechnicianAsync("Hugo Origen Prueba");
        var ticket = await Desk.TakenAsync($"{tag} arrastrado", holder);
        var before = await Desk.FootprintAsync(ticket.Id);
        var page = Open(Desk.Supervisor);
        page.WaitForAssertion(() => CardsIn(page, $"1:p:{holder.UserId}").Should().Equal(ticket.Number), Patience);

        var drop = page.InvokeAsync(() => page.Instance.CardDroppedAsync(ticket.Id, "2:cola"));

        _dialogs.WaitForAssertion(() => _dialogs.Markup.Should().Contain("Elija el criterio de la matriz de escalamiento"), Patience);
        CardsIn(page, "2:cola").Should().Contain(ticket.Number);
        Column(page, "2:cola").QuerySelector($".board-card[data-ticket='{ticket.Number}']")!.ClassList.Should().Contain("board-card-pending");
        CardsIn(page, $"1:p:{holder.UserId}").Should().BeEmpty("the card shows where it was dropped while the move is asked about");
        _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancelar").Click();
        await drop;

        page.WaitForAssertion(() => CardsIn(page, $"1:p:{holder.UserId}").Should().Equal(ticket.Number), Patience);
        CardsIn(page, "2:cola").Should().NotContain(ticket.Number);
        (await Desk.FootprintAsync(ticket.Id)).Should().Be(before, "nothing was moved");
    }

    [Fact]
    public async Task An_absent_person_cannot_be_chosen_and_continuing_without_a_choice_asks_for_one()
    {
        var tag = HelpDeskFixture.NewTag();
        var holder = await NewTechnicianAsync("Gabriel Titular Prueba");
        var away = await NewTechnicianAsync("Irene Vacaciones Prueba");
        await Desk.App.Service<AgentAvailability>().SetAsync(Desk.Supervisor, away.UserId, false);
        var ticket = await Desk.TakenAsync($"{tag} sin destino", holder);
        var before = await Desk.FootprintAsync(ticket.Id);
        var page = Open(Desk.Supervisor);
        page.WaitForAssertion(() => CardsIn(page, $"1:p:{holder.UserId}").Should().Equal(ticket.Number), Patience);

        PressMover(page, ticket.Number);
        _dialogs.WaitForAssertion(() => Options().Should().Contain(o => o.Contains("Irene Vacaciones Prueba (N1)")), Patience);

        var absent = OptionInput("Irene Vacaciones Prueba (N1)");
        absent.HasAttribute("disabled").Should().BeTrue();
        absent.Closest("label")!.TextContent.Should().Contain("· ausente");
        _dialogs.Find("#destino-continuar").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("[role=alert]").TextContent.Should().Contain("Elija el destino."));
        _dialogs.FindAll(".mud-dialog").Should().ContainSingle("the dialog stays open until a destination is chosen");

        _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancelar").Click();

        _dialogs.WaitForAssertion(() => _dialogs.FindAll(".mud-dialog").Should().BeEmpty(), Patience);
        (await Desk.FootprintAsync(ticket.Id)).Should().Be(before, "nothing was moved");
        CardsIn(page, $"1:p:{holder.UserId}").Should().Equal(ticket.Number);
    }

    /// <summary>Issue 16 item 27: the board follows the escalation matrix; a level-2 ticket goes to a vendor company or
    /// to the Ejecutivo de la UTI, and a drop on the Ejecutivo's level asks for the row-4 criteria only.</summary>
    [Fact]
    public async Task A_level_2_card_may_go_to_a_vendor_or_to_the_Ejecutivo_and_the_drop_asks_for_that_routes_criteria()
    {
        var tag = HelpDeskFixture.NewTag();
        var ticket = await Desk.TakenAsync($"{tag} nivel 2");
        ticket = await Desk.Commands.EscalateAsync(Desk.Technician, ticket.Id, ticket.Version, "N1-RECURSOS", "Requiere especialista.", null);
        var page = Open(Desk.Supervisor);
        page.WaitForAssertion(() => CardsIn(page, "2:cola").Should().Contain(ticket.Number), Patience);

        PressMover(page, ticket.Number);
        _dialogs.WaitForAssertion(() => OptionGroups().Should().ContainKey("Escalar a"), Patience);
        OptionGroups()["Escalar a"].Should().Contain(o => o.Contains($"{Desk.VendorCompanyName} (N3)"))
            .And.Contain(o => o.StartsWith("Nivel 4 · Ejecutivo de la UTI · sin asignar"))
            .And.NotContain(o => o.StartsWith("Dirección Ejecutiva"), "the Dirección Ejecutiva is reached from Nivel 4 only");
        _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancelar").Click();
        _dialogs.WaitForAssertion(() => _dialogs.FindAll(".mud-dialog").Should().BeEmpty(), Patience);

        var drop = page.InvokeAsync(() => page.Instance.CardDroppedAsync(ticket.Id, "4:cola"));
        _dialogs.WaitForAssertion(() => _dialogs.Markup.Should().Contain("Nivel 4 · Ejecutivo de la UTI"), Patience);
        var criteria = _dialogs.FindAll("label").Where(l => l.QuerySelector("input[type=radio]") is not null).Select(l => l.TextContent.Trim()).ToList();
        criteria.Should().Equal(EscalationMatrix.CriteriaFor(SupportLevel.Nivel2, SupportLevel.Nivel4).Select(c => c.Text));
        _dialogs.FindAll("#escalar-proveedor").Should().BeEmpty();
        _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancelar").Click();
        await drop;
    }

    /// <summary>Presses a card's "Mover" button as board.js does: the button names its ticket, the page is told.</summary>
    private static void PressMover(IRenderedComponent<BoardPage> page, string number)
    {
        var button = page.Find($".board-card[data-ticket='{number}'] button[aria-label='Mover {number}']");
        var id = int.Parse(button.GetAttribute("data-move")!, System.Globalization.CultureInfo.InvariantCulture);
        _ = page.InvokeAsync(() => page.Instance.MoveRequestedAsync(id));
    }

    /// <summary>The destination dialog's options under each group's title (each group is a radio group named by it).</summary>
    private Dictionary<string, List<string>> OptionGroups() => _dialogs.FindAll(".move-target-group").ToDictionary(
        title => title.TextContent.Trim(),
        title => _dialogs.Find($"[role=radiogroup][aria-labelledby='{title.Id}']").QuerySelectorAll("label")
            .Select(l => l.TextContent.Trim()).ToList());

    private List<string> Options() => _dialogs.FindAll("label").Where(l => l.QuerySelector("input[type=radio]") is not null)
        .Select(l => l.TextContent.Trim()).ToList();

    private IElement OptionInput(string title) => _dialogs.FindAll("label")
        .Single(l => l.QuerySelector("input[type=radio]") is not null && l.TextContent.Contains(title)).QuerySelector("input")!;

    private void ChooseOption(string title) => OptionInput(title).Click();
}

using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Siget.Console.Components.Queue;
using Siget.Console.Components.Tickets;
using Siget.Console.Services.Knowledge;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Screens;

public class TimelineAndRowTests : ScreenContext, IClassFixture<HelpDeskFixture>
{
    private readonly HelpDeskFixture _f;

    public TimelineAndRowTests(HelpDeskFixture desk) : base(desk)
    {
        _f = desk;
        Bunit.Services.AddSingleton(new MarkdownRenderer());
    }

    [Fact]
    public async Task The_timeline_shows_replies_notes_and_changes_newest_first_with_markup_as_text()
    {
        var t = await _f.RegisterAsync("Línea de tiempo");
        t = await _f.Commands.TakeAsync(_f.Technician, t.Id, t.Version);
        var conversation = _f.App.Service<TicketConversation>();
        _f.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await conversation.ReplyAsync(_f.Technician, t.Id, "Hola **María**, <b onclick=\"x()\">revisamos</b> [aquí](javascript:alert(1))", false);
        _f.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await conversation.ReplyAsync(_f.Technician, t.Id, "El equipo tiene garantía", true);
        _f.App.Clock.Advance(TimeSpan.FromMinutes(1));
        t = await _f.Commands.EscalateAsync(_f.Technician, t.Id, t.Version, "N1-RECURSOS", "Requiere especialista", null);
        var detail = (await _f.Queries.GetAsync(_f.Supervisor, t.Number))!;

        var timeline = Bunit.Render<TicketTimeline>(p => p.Add(x => x.History, detail.Ticket.History).Add(x => x.Messages, detail.Messages));

        var entries = timeline.FindAll("li.ticket-history-entry");
        entries.Select(e => e.QuerySelector("strong")!.TextContent).Should().Equal("Escalado", "Nota interna", "Respuesta", "Tomado", "Registrado");
        entries[0].TextContent.Should().Contain("N1 → N2").And.Contain("no puede ser resuelta con los recursos disponibles").And.Contain("Requiere especialista");
        entries[1].ClassList.Should().Contain("ticket-note");
        entries[1].TextContent.Should().Contain("Solo UTI");
        var reply = entries[2].QuerySelector(".ticket-markdown")!;
        reply.QuerySelector("strong")!.TextContent.Should().Be("María");
        reply.InnerHtml.Should().Contain("&lt;b onclick=").And.NotContain("<b onclick");
        reply.QuerySelector("a")!.HasAttribute("href").Should().BeFalse();
    }

    [Fact]
    public async Task A_requester_never_receives_internal_notes()
    {
        var t = await _f.RegisterAsync("Notas internas", _f.Requester);
        var conversation = _f.App.Service<TicketConversation>();
        await conversation.ReplyAsync(_f.Technician, t.Id, "Pública", false);
        await conversation.ReplyAsync(_f.Technician, t.Id, "Secreta", true);

        var detail = (await _f.Queries.GetAsync(_f.Requester, t.Number))!;

        detail.Messages.Select(m => m.Body).Should().Equal("Pública");
        (await _f.Queries.GetAsync(_f.Technician, t.Number))!.Messages.Should().HaveCount(2);
    }

    [Fact]
    public void A_queue_row_shows_what_a_technician_needs_at_a_glance()
    {
        var now = _f.App.Clock.GetUtcNow().UtcDateTime;
        var row = new QueueRow(7, "2026-000007", "Sin internet en el Tambo", TicketKind.Incidencia, Priority.Alta, true, TicketState.EnCola,
            SupportLevel.Nivel1, "Inoperativo", "Pedro Huamán", "Tambo Paucartambo", null, null, now.AddHours(-2), now.AddMinutes(-5), true)
        { WarnAtUtc = now.AddMinutes(-20) };

        var rendered = RenderRow(QueueRowMarkup.Cells(row, now));

        rendered.Find("a.queue-number").GetAttribute("href").Should().Be("tickets/2026-000007");
        rendered.Markup.Should().Contain("Alta").And.Contain("Atención preferente").And.Contain("Inoperativo")
            .And.Contain("Pedro Huamán").And.Contain("Tambo Paucartambo").And.Contain("Sin asignar").And.Contain("2 h 0 min");
        var sla = rendered.Find("[data-sla-due]");
        sla.ClassList.Should().Contain("sla-breached");
        sla.TextContent.Should().Be("Vencido hace 5 min");
        sla.GetAttribute("data-sla-warn").Should().EndWith("Z");
        sla.GetAttribute("title").Should().StartWith("Primera respuesta: ").And.EndWith("(hora de Lima)");
    }

    [Fact]
    public void A_queue_row_shows_what_people_typed_as_text()
    {
        var now = _f.App.Clock.GetUtcNow().UtcDateTime;
        var row = new QueueRow(9, "2026-000009", "<img src=x onerror=alert(1)> & \"comillas\"", TicketKind.Peticion, Priority.Baja, false,
            TicketState.EnProceso, SupportLevel.Nivel2, "Correo", "Ana <b>Díaz</b>", null, "Luis \"Lucho\" Ríos", null, now.AddMinutes(-3), null, false);

        var rendered = RenderRow(QueueRowMarkup.Cells(row, now));

        rendered.FindAll("img").Should().BeEmpty();
        rendered.FindAll("b").Should().BeEmpty();
        rendered.Find(".queue-subject").TextContent.Should().Be("<img src=x onerror=alert(1)> & \"comillas\"");
        rendered.Find("td[data-label=Solicitante] div").TextContent.Should().Be("Ana <b>Díaz</b>");
        rendered.Find("td[data-label=\"Asignado a\"]").TextContent.Should().Be("Luis \"Lucho\" Ríos");
        rendered.Find("td[data-label=SLA] .sla").ClassList.Should().Contain("sla-none");
    }

    [Fact]
    public void A_queue_row_is_built_once_for_every_screen_that_shows_it_until_what_it_shows_changes()
    {
        var now = _f.App.Clock.GetUtcNow().UtcDateTime;
        var row = new QueueRow(8, "2026-000008", "Sin correo", TicketKind.Incidencia, Priority.Media, false, TicketState.EnCola,
            SupportLevel.Nivel1, "Correo", "Rosa Ríos", "Unidad de Archivo", null, null, now.AddHours(-1), now.AddHours(3).AddSeconds(30), true);
        var first = QueueRowMarkup.Cells(row, now);
        var rendered = RenderRow(first);
        rendered.Find("td[data-label=Estado] .mud-chip").ClassList.Should().Contain("mud-chip-color-info");
        rendered.Find("td[data-label=Prioridad] .mud-chip").ClassList.Should().Contain("mud-chip-color-warning");

        // Another screen, or a live refresh of this one a few seconds later, showing the same row: the same text,
        // so the render diff has nothing to send.
        QueueRowMarkup.Cells(row, now.AddSeconds(5)).Value.Should().BeSameAs(first.Value);

        QueueRowMarkup.Cells(row, now.AddMinutes(2)).Value.Should().NotBeSameAs(first.Value)
            .And.Contain("1 h 2 min", "the age shown changed from 1 h 0 min");

        var turning = row with { WarnAtUtc = now.AddSeconds(10) };
        QueueRowMarkup.Cells(turning, now).Value.Should().Contain("sla-ok");
        QueueRowMarkup.Cells(turning, now.AddSeconds(11)).Value.Should().Contain("sla-risk", "at 75 % of its target the clock turns amber");

        var changed = RenderRow(QueueRowMarkup.Cells(row with { State = TicketState.EnProceso, AssigneeName = "Luis Mendoza Ríos" }, now));
        changed.Markup.Should().Contain("Luis Mendoza Ríos").And.Contain("En proceso");
        changed.Find("td[data-label=Estado] .mud-chip").ClassList.Should().Contain("mud-chip-color-primary");
    }

    private IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> RenderRow(MarkupString row) =>
        Bunit.Render(b => b.AddMarkupContent(0, $"<table><tbody><tr>{row.Value}</tr></tbody></table>"));

    [Fact]
    public async Task Filters_in_the_address_bar_narrow_the_queue()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await _f.RegisterAsync($"{tag} baja", impact: OperatingImpact.Leve, alternative: true);
        var high = await _f.RegisterAsync($"{tag} alta");
        SignIn(_f.Supervisor);
        Bunit.Render<MudBlazor.MudPopoverProvider>();
        Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo($"cola/todos?q={tag}&prioridad=Alta");

        var page = Bunit.Render<QueuePage>(p => p.Add(x => x.Vista, "todos"));

        page.WaitForAssertion(() => page.FindAll("a.queue-number").Select(a => a.TextContent).Should().Equal(high.Number));
        page.Find("#cola-total").TextContent.Should().Be("1 ticket");
    }
}

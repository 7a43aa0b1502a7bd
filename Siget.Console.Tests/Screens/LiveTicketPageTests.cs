using Bunit;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Siget.Console.Components.Tickets;
using Siget.Console.Live;
using Siget.Console.Services.Knowledge;
using Siget.Console.Services.Problems;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Screens;

/// <summary>
/// The ticket page while others change the ticket: a change is shown calmly, as the new state and a short note in the
/// reader's words; a warning only when it crosses the person's own unfinished work; the loser of a race gets one message
/// saying what happened, and a refused reply stays in its box.
/// </summary>
[Collection(ScreensCollection.Name)]
public class LiveTicketPageTests : ScreenContext, IDisposable
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(10); // a live change reaches the page through background lanes
    private TicketFeed? _pageFeed;

    public LiveTicketPageTests(HelpDeskFixture desk) : base(desk)
    {
        Bunit.Services.AddSingleton(desk.App.Service<TicketPresence>());
        Bunit.Services.AddSingleton(desk.App.Service<TicketConversation>());
        Bunit.Services.AddSingleton(desk.App.Service<MarkdownRenderer>());
        Bunit.Services.AddSingleton(desk.App.Service<ProblemQueries>());
        Bunit.Services.AddSingleton(desk.App.Service<ProblemCommands>());
        Bunit.Services.AddSingleton(desk.App.Service<KnowledgeSearch>());
        Bunit.Services.AddSingleton(desk.App.Service<KnowledgeBase>());
        Bunit.Services.AddDataProtection();
        Bunit.Services.AddScoped<ProtectedLocalStorage>();
    }

    public void Dispose() => _pageFeed?.Dispose();

    /// <summary>
    /// The page hears changes from a feed of its own, which the test publishes to: so a test decides whether the page learns
    /// of a change before or after the person acts (both orders happen in real life).
    /// </summary>
    private TicketFeed UsePageFeed()
    {
        _pageFeed = new TicketFeed(NullLogger<TicketFeed>.Instance, Desk.App.Service<SigetMetrics>());
        Bunit.Services.AddSingleton(_pageFeed);
        return _pageFeed;
    }

    private IRenderedComponent<TicketPage> Open(Ticket ticket) => Bunit.Render<TicketPage>(p => p.Add(x => x.Number, ticket.Number));

    /// <summary>Types a reply; the box takes it after the typing pause (MudBlazor's debounce, on the app's clock).</summary>
    private void Write(IRenderedComponent<TicketPage> page, string text)
    {
        page.Find("#respuesta-texto").Input(text);
        Desk.App.Clock.Advance(TimeSpan.FromMilliseconds(300));
        page.WaitForAssertion(() => page.Find("#respuesta-enviar").HasAttribute("disabled").Should().BeFalse(), Live);
    }

    private static string? Note(IRenderedComponent<TicketPage> page) => page.FindAll("#novedad-ticket").SingleOrDefault()?.TextContent.Trim();
    private static string? Warning(IRenderedComponent<TicketPage> page) => page.FindAll("#aviso-ticket").SingleOrDefault()?.TextContent.Trim();

    [Fact]
    public async Task A_requester_sees_a_technician_taking_their_ticket_as_calm_news_in_their_own_words()
    {
        var ticket = await Desk.RegisterAsync($"{HelpDeskFixture.NewTag()} impresora");
        SignIn(Desk.Requester);
        var page = Open(ticket);

        await Desk.Commands.TakeAsync(Desk.Technician, ticket.Id, ticket.Version);

        page.WaitForAssertion(() => Note(page).Should().Be("Actualizado: Luis Mendoza Ríos tomó su ticket."), Live);
        Warning(page).Should().BeNull("nothing went wrong: the ticket is being attended");
        page.Find(".ticket-facts").TextContent.Should().Contain("Luis Mendoza Ríos", "the page shows the new state");
    }

    [Fact]
    public async Task A_colleague_s_change_is_calm_news_for_staff_too()
    {
        var ticket = await Desk.RegisterAsync($"{HelpDeskFixture.NewTag()} impresora");
        SignIn(Desk.OtherTechnician);
        var page = Open(ticket);

        var taken = await Desk.Commands.TakeAsync(Desk.Technician, ticket.Id, ticket.Version);
        page.WaitForAssertion(() => Note(page).Should().Be("Actualizado: Luis Mendoza Ríos tomó el ticket."), Live);
        await Desk.App.Service<TicketConversation>().ReplyAsync(Desk.Technician, taken.Id, "Reviso el tóner.", isInternal: true);

        page.WaitForAssertion(() => Note(page).Should().Be("Actualizado: Luis Mendoza Ríos agregó una nota interna."), Live);
        Warning(page).Should().BeNull();
        page.FindAll("#accion-tomar").Should().BeEmpty("someone holds it now");
    }

    [Fact]
    public async Task A_change_while_the_person_writes_a_reply_is_a_warning_and_the_text_stays()
    {
        var ticket = await Desk.TakenAsync($"{HelpDeskFixture.NewTag()} impresora");
        SignIn(Desk.Requester);
        var page = Open(ticket);
        Write(page, "Sigue sin imprimir la hoja de prueba.");

        await Desk.App.Service<TicketConversation>().ReplyAsync(Desk.Technician, ticket.Id, "¿Puede apagarla y encenderla?", isInternal: false);

        page.WaitForAssertion(() => Warning(page).Should().Be("Mientras tanto, Luis Mendoza Ríos le respondió. Revise su respuesta antes de enviarla."), Live);
        page.Find("#respuesta-texto").GetAttribute("value").Should().Be("Sigue sin imprimir la hoja de prueba.");
        Note(page).Should().BeNull("one message at a time");
    }

    [Fact]
    public async Task The_winner_s_other_tab_shows_the_change_and_the_tab_that_acted_only_confirms_it()
    {
        var ticket = await Desk.RegisterAsync($"{HelpDeskFixture.NewTag()} impresora");
        SignIn(Desk.Technician);
        var acting = Open(ticket);
        var other = Open(ticket);

        await acting.Find("#accion-tomar").ClickAsync(new MouseEventArgs());

        other.WaitForAssertion(() => Note(other).Should().Be("Actualizado: usted tomó el ticket."), Live);
        other.FindAll("#accion-tomar").Should().BeEmpty();
        await Desk.App.Service<TicketFeed>().HandedOverAsync();
        await acting.InvokeAsync(() => { });
        (Note(acting), Warning(acting)).Should().Be((null, null), "the person who acted here knows; the confirmation says it");
    }

    [Fact]
    public async Task Taking_a_ticket_someone_took_meanwhile_says_who_took_it_once()
    {
        var pageFeed = UsePageFeed();
        var ticket = await Desk.RegisterAsync($"{HelpDeskFixture.NewTag()} impresora");
        SignIn(Desk.OtherTechnician);
        var page = Open(ticket);
        var taken = await Desk.Commands.TakeAsync(Desk.Technician, ticket.Id, ticket.Version); // the page has not heard yet

        await page.Find("#accion-tomar").ClickAsync(new MouseEventArgs());
        pageFeed.Publish(taken, TicketAction.Tomar, Desk.Technician); // and now it hears
        await pageFeed.HandedOverAsync();
        await page.InvokeAsync(() => { });

        page.WaitForAssertion(() => Warning(page).Should().Be(
            "Mientras tanto, Luis Mendoza Ríos tomó el ticket. No se aplicó su acción «Tomar». Revise el estado actual."), Live);
        Note(page).Should().BeNull("the live change is the same news: one message");
        page.Find(".ticket-facts").TextContent.Should().Contain("Luis Mendoza Ríos");
    }

    [Fact]
    public async Task A_reply_refused_because_the_ticket_moved_to_another_level_stays_in_its_box_with_what_happened()
    {
        var pageFeed = UsePageFeed();
        var ticket = await Desk.TakenAsync($"{HelpDeskFixture.NewTag()} red");
        SignIn(Desk.Technician);
        var page = Open(ticket);
        Write(page, "Ya reinicié el switch del piso 3.");
        // The supervisor escalates it; the technician's page has not heard yet when he sends.
        var escalated = await Desk.Commands.EscalateAsync(Desk.Supervisor, ticket.Id, ticket.Version, "N1-RECURSOS", "Necesita a redes.", null);

        var send = page.Find("#respuesta-enviar").ClickAsync(new MouseEventArgs());
        pageFeed.Publish(escalated, TicketAction.Escalar, Desk.Supervisor);
        await send;

        page.WaitForAssertion(() => page.Find("#respuesta-error").TextContent.Trim().Should().Be(
            "Mientras tanto, Carmen Quispe Huamán escaló el ticket a Nivel 2 · Especialistas de TI; ya no está en su cola. " +
            "Su mensaje no se envió; sigue en el cuadro."), Live);
        page.Find("#respuesta-texto").GetAttribute("value").Should().Be("Ya reinicié el switch del piso 3.");
        page.Markup.Should().NotContain("No se encontró");
        (Note(page), Warning(page)).Should().Be((null, null), "one message, next to the reply");
        page.FindAll("[id^=accion-]").Should().BeEmpty("the ticket is no longer his to act on");
    }

    [Fact]
    public async Task A_ticket_leaving_while_a_reply_is_written_keeps_the_text_and_says_where_it_went()
    {
        var ticket = await Desk.TakenAsync($"{HelpDeskFixture.NewTag()} red");
        SignIn(Desk.Technician);
        var page = Open(ticket);
        Write(page, "Ya reinicié el switch del piso 3.");

        await Desk.Commands.EscalateAsync(Desk.Supervisor, ticket.Id, ticket.Version, "N1-RECURSOS", "Necesita a redes.", null);

        page.WaitForAssertion(() => Warning(page).Should().Be(
            "Mientras tanto, Carmen Quispe Huamán escaló el ticket a Nivel 2 · Especialistas de TI; ya no está en su cola. " +
            "Su respuesta no se puede enviar; el texto sigue en el cuadro."), Live);
        page.Find("#respuesta-texto").GetAttribute("value").Should().Be("Ya reinicié el switch del piso 3.");
        page.Find("#respuesta-enviar").HasAttribute("disabled").Should().BeTrue();
        page.FindAll("#ticket-problema-vincular").Should().BeEmpty("nothing more is done from a page the ticket has left");
        page.Markup.Should().NotContain("Artículos sugeridos");
    }

    [Fact]
    public async Task A_ticket_leaving_while_nothing_is_under_way_is_told_calmly()
    {
        var ticket = await Desk.TakenAsync($"{HelpDeskFixture.NewTag()} red");
        SignIn(Desk.Technician);
        var page = Open(ticket);

        await Desk.Commands.EscalateAsync(Desk.Supervisor, ticket.Id, ticket.Version, "N1-RECURSOS", "Necesita a redes.", null);

        page.WaitForAssertion(() => Note(page).Should().Be(
            "Actualizado: Carmen Quispe Huamán escaló el ticket a Nivel 2 · Especialistas de TI; ya no está en su cola."), Live);
        Warning(page).Should().BeNull();
        page.Markup.Should().NotContain("No se encontró");
    }

    [Fact]
    public void The_first_key_in_a_reply_tells_the_others_at_once()
    {
        SignIn(Desk.Technician);
        var told = new List<bool>();
        var box = Bunit.Render<ReplyBox>(p => p.Add(x => x.Actor, Desk.Technician).Add(x => x.TicketId, 1).Add(x => x.MayWriteNotes, true)
            .Add(x => x.OnWriting, told.Add));

        box.Find("#respuesta-texto").KeyDown(new KeyboardEventArgs { Key = "Y" });
        box.Find("#respuesta-texto").KeyDown(new KeyboardEventArgs { Key = "a" });

        told.Should().Equal([true], "the first key says so, without waiting for a pause; the next ones within a second add nothing");
    }
}

using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MudBlazor;
using Siget.Console.Components.Tickets;
using Siget.Console.Live;
using Siget.Console.Services.Knowledge;
using Siget.Console.Services.Problems;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Screens;

/// <summary>
/// The ticket page over the real services: who holds the ticket once it left the vendor (item 30), a cancelled ticket as
/// its requester sees it (31), reopening on the requester's behalf (28), cancelling with a message for the requester (31)
/// and taking over an absent colleague's ticket (29). The buttons are the domain's allowed actions.
/// </summary>
[Collection(ScreensCollection.Name)]
public class TicketPageTests : ScreenContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private IRenderedComponent<MudPopoverProvider> _popovers = default!;
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public TicketPageTests(HelpDeskFixture desk) : base(desk)
    {
        Bunit.Services.AddSingleton(desk.App.Service<TicketPresence>());
        Bunit.Services.AddSingleton(desk.App.Service<MarkdownRenderer>());
        Bunit.Services.AddSingleton(desk.App.Service<TicketConversation>());
        Bunit.Services.AddSingleton(desk.App.Service<ProblemQueries>());
        Bunit.Services.AddSingleton(desk.App.Service<ProblemCommands>());
        Bunit.Services.AddSingleton(desk.App.Service<KnowledgeSearch>());
        Bunit.Services.AddSingleton(desk.App.Service<KnowledgeBase>());
        Bunit.Services.AddScoped(sp => new ProtectedLocalStorage(sp.GetRequiredService<IJSRuntime>(), desk.App.Service<IDataProtectionProvider>()));
    }

    private IRenderedComponent<TicketPage> Open(Actor actor, string number)
    {
        SignIn(actor);
        _popovers = RenderPopoverProvider();
        _dialogs = Bunit.Render<MudDialogProvider>();
        var page = Bunit.Render<TicketPage>(p => p.Add(x => x.Number, number));
        page.WaitForAssertion(() => page.Find("h1").TextContent.Should().Contain(number), Patience);
        return page;
    }

    /// <summary>The value of a fact of the "Datos" panel, or null when the panel does not show it.</summary>
    private static string? Fact(IRenderedComponent<TicketPage> page, string term) =>
        page.FindAll("dl.ticket-facts dt").FirstOrDefault(dt => dt.TextContent.Trim() == term)?.NextElementSibling?.TextContent.Trim();

    private static List<string> Buttons(IRenderedComponent<TicketPage> page) =>
        page.FindAll("[role=toolbar] button").Select(b => b.TextContent.Trim()).ToList();

    private async Task<Ticket> AtVendorAsync(string subject)
    {
        var t = await Desk.TakenAsync(subject);
        t = await Desk.Commands.EscalateAsync(Desk.Technician, t.Id, t.Version, "N1-RECURSOS", "Excede lo disponible en Nivel 1.", null);
        t = await Desk.Commands.TakeAsync(Desk.Specialist, t.Id, t.Version);
        t = await Desk.Commands.EscalateAsync(Desk.Specialist, t.Id, t.Version, "N3-FABRICANTE", "Garantía del fabricante.", Desk.VendorCompanyId);
        return await Desk.Commands.TakeAsync(Desk.Vendor, t.Id, t.Version);
    }

    [Fact]
    public async Task At_the_vendor_the_page_names_the_vendor_and_once_it_left_the_vendor_no_longer_holds_it()
    {
        var ticket = await AtVendorAsync($"{HelpDeskFixture.NewTag()} deja al proveedor");
        var atVendor = Open(Desk.Supervisor, ticket.Number);
        (Fact(atVendor, "Asignado a"), Fact(atVendor, "Proveedor")).Should().Be((Desk.Vendor.Name, Desk.VendorCompanyName));

        ticket = await Desk.Commands.EscalateAsync(Desk.Specialist, ticket.Id, ticket.Version, "N4-IMPACTO", "El proveedor no responde.", null);
        var atLevel4 = Bunit.Render<TicketPage>(p => p.Add(x => x.Number, ticket.Number));

        atLevel4.WaitForAssertion(() => Fact(atLevel4, "Asignado a").Should().Be("Sin asignar"), Patience);
        Fact(atLevel4, "Proveedor").Should().BeNull("leaving the vendor level ends the vendor's assignment");
        atLevel4.Markup.Should().Contain(Desk.Vendor.Name, "the history keeps who held it");

        ticket = await Desk.Commands.TakeAsync(Desk.Supervisor, ticket.Id, ticket.Version);
        ticket = await Desk.Commands.EscalateAsync(Desk.Supervisor, ticket.Id, ticket.Version, "N4-DECISION", "Requiere una inversión.", null);
        var atDireccion = Bunit.Render<TicketPage>(p => p.Add(x => x.Number, ticket.Number));
        atDireccion.WaitForAssertion(() => Fact(atDireccion, "Asignado a").Should().Be("Sin asignar"), Patience);
        Fact(atDireccion, "Proveedor").Should().BeNull();
        var row = (await Desk.Queries.QueueAsync(Desk.Supervisor, new QueueFilter { Search = ticket.Number }, 0, 5)).Rows.Single();
        (row.AssigneeName, row.VendorCompanyName).Should().Be(((string?)null, (string?)null), "the supervisor's queue shows nobody in Asignado a");
    }

    [Fact]
    public async Task An_escalation_recorded_under_the_former_reading_still_shows_the_criterion_it_recorded()
    {
        var ticket = await AtVendorAsync($"{HelpDeskFixture.NewTag()} historial antiguo");
        ticket = await Desk.Commands.EscalateAsync(Desk.Specialist, ticket.Id, ticket.Version, "N4-IMPACTO", "El proveedor no responde.", null);
        // Before issue 16, leaving level 3 was recorded with a row-3 criterion; such rows stay in the history as written.
        await using (var db = Desk.App.CreateDbContext())
        {
            var entry = db.TicketHistory.Where(h => h.TicketId == ticket.Id).OrderBy(h => h.Id).ToList()[^1];
            await db.TicketHistory.Where(h => h.Id == entry.Id).ExecuteUpdateAsync(set => set.SetProperty(h => h.CriterionCode, "N3-NO-RESUELTO"));
        }

        var page = Open(Desk.Supervisor, ticket.Number);

        page.Markup.Should().Contain("Criterio: Problema no resuelto a nivel interno que necesita la intervención del proveedor");
    }

    [Fact]
    public async Task A_cancelled_ticket_shows_its_requester_no_where_it_is_and_the_message_written_for_them()
    {
        var ticket = await Desk.TakenAsync($"{HelpDeskFixture.NewTag()} anulado para María");
        var open = Open(Desk.Requester, ticket.Number);
        open.Find("#ticket-cabecera").TextContent.Should().Contain($"En atención por soporte · a cargo de {Desk.Technician.Name}");

        await Desk.Commands.CancelAsync(Desk.Supervisor, ticket.Id, ticket.Version, "Duplicado, lo reclamó dos veces.", "Lo atendemos en su otro ticket.");
        var page = Bunit.Render<TicketPage>(p => p.Add(x => x.Number, ticket.Number));

        page.WaitForAssertion(() => page.Find("#ticket-cabecera").TextContent.Should().Contain("Anulado"), Patience);
        page.Find("#ticket-cabecera").TextContent.Should().NotContain("En atención").And.NotContain("a cargo de");
        page.Markup.Should().NotContain("En atención por soporte");
        page.Find("#ticket-anulado").TextContent.Should().Contain("Lo atendemos en su otro ticket.");
        page.Markup.Should().NotContain("Duplicado, lo reclamó dos veces.", "the reason is internal");
    }

    [Fact]
    public async Task The_supervisor_reopens_on_the_requesters_behalf_saying_who_asked_and_how()
    {
        var ticket = await Desk.ResolvedAsync($"{HelpDeskFixture.NewTag()} reabrir a pedido");
        var page = Open(Desk.Supervisor, ticket.Number);
        Buttons(page).Should().Contain("Reabrir");

        page.Find("#accion-reabrir").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("#reabrir-quien").GetAttribute("value").Should().Be(Desk.Requester.Name), Patience);
        _dialogs.Find("#reabrir-motivo").Input("La impresora volvió a atascarse.");
        _dialogs.Find("#reabrir-confirmar").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Markup.Should().Contain("Indique cómo lo pidió."), Patience);
        PickOption("#reabrir-medio", "Por teléfono");
        _dialogs.Find("#reabrir-confirmar").Click();

        await EventuallyAsync(async () => (await Desk.StoredAsync(ticket.Id)).State.Should().Be(TicketState.EnProceso));
        (await Desk.HistoryAsync(ticket.Id))[^1].Reason.Should().Be($"A pedido de {Desk.Requester.Name} (por teléfono): La impresora volvió a atascarse.");
    }

    [Fact]
    public async Task Cancelling_from_the_page_keeps_the_reason_internal_and_the_message_for_the_requester()
    {
        var ticket = await Desk.TakenAsync($"{HelpDeskFixture.NewTag()} anular con mensaje");
        var page = Open(Desk.Supervisor, ticket.Number);

        page.Find("#accion-anular").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("#anular-motivo"), Patience);
        _dialogs.Markup.Should().Contain("Mensaje para el solicitante").And.Contain("Opcional. Lo verá en su ticket");
        _dialogs.Find("#anular-motivo").Input("Duplicado del ticket anterior.");
        _dialogs.Find("#anular-mensaje").Input("Lo atendemos en su otro ticket.");
        _dialogs.Find("#anular-confirmar").Click();

        await EventuallyAsync(async () => (await Desk.StoredAsync(ticket.Id)).State.Should().Be(TicketState.Anulado));
        var row = (await Desk.HistoryAsync(ticket.Id))[^1];
        (row.Reason, row.RequesterNote).Should().Be(("Duplicado del ticket anterior.", "Lo atendemos en su otro ticket."));
    }

    [Fact]
    public async Task A_technician_is_offered_to_take_over_a_colleagues_ticket_only_while_the_colleague_is_away()
    {
        var tag = HelpDeskFixture.NewTag();
        var holder = await Desk.App.AddPersonAsync($"tit{tag}", Role.Tecnico, $"Titular {tag}");
        var colleague = await Desk.App.AddPersonAsync($"col{tag}", Role.Tecnico, $"Colega {tag}");
        var ticket = await Desk.TakenAsync($"{tag} asumir", holder);
        var page = Open(colleague, ticket.Number);
        Buttons(page).Should().NotContain("Asumir").And.NotContain("Reasignar", "handing out a colleague's ticket is the supervisor's act");

        await Desk.App.Service<AgentAvailability>().SetAsync(Desk.Supervisor, holder.UserId, available: false);
        var away = Bunit.Render<TicketPage>(p => p.Add(x => x.Number, ticket.Number));
        away.WaitForAssertion(() => Buttons(away).Should().Contain("Asumir").And.NotContain("Reasignar"), Patience);

        away.Find("#accion-asumir").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Markup.Should().Contain($"{holder.Name} está ausente"), Patience);
        _dialogs.Find("#dialogo-texto").Input("Está de vacaciones y el usuario espera.");
        _dialogs.Find("#dialogo-confirmar").Click();

        await EventuallyAsync(async () => (await Desk.StoredAsync(ticket.Id)).AssigneeId.Should().Be(colleague.UserId));
    }

    /// <summary>The command runs after the click returns (the dialog closes first): wait for what it stored, as WaitForAssertion does for markup.</summary>
    private static async Task EventuallyAsync(Func<Task> assertion)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception) when (attempt < 100)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Opens a MudSelect and clicks the item in the popover, as a person would.</summary>
    private void PickOption(string selectId, string text)
    {
        _dialogs.Find(selectId).Closest(".mud-select")!.QuerySelector(".mud-input-control-input-container, .mud-input")!.MouseDown();
        _popovers.WaitForAssertion(() => Items().Should().Contain(i => i.TextContent.Trim() == text), Patience);
        Items().First(i => i.TextContent.Trim() == text).Click();
    }

    private IReadOnlyList<IElement> Items() => _popovers.FindAll(".mud-popover-open .mud-list-item");
}

using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Siget.Console.Components.Tickets;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Screens;

/// <summary>A technician registers a phoned-in ticket with the "Registrar ticket" form.</summary>
[Collection(ScreensCollection.Name)]
public class RegisterTicketFormTests : ScreenContext
{
    private readonly IRenderedComponent<MudPopoverProvider> _popovers;
    private readonly List<Ticket> _registered = [];

    public RegisterTicketFormTests(HelpDeskFixture desk) : base(desk)
    {
        SignIn(desk.Technician);
        _popovers = RenderPopoverProvider();
    }

    private IRenderedComponent<RegisterTicketForm> RenderForm() =>
        Bunit.Render<RegisterTicketForm>(p => p.Add(x => x.OnRegistered, (RegisteredTicket t) => _registered.Add(t.Ticket)));

    [Theory]
    [InlineData("Total (100 %)", "No, ninguna", "Alta")]
    [InlineData("Total (100 %)", "Sí, hay alternativa", "Media")]
    [InlineData("Parcial (alrededor del 30 %)", "No, ninguna", "Alta")]
    [InlineData("Parcial (alrededor del 30 %)", "Sí, hay alternativa", "Media")]
    [InlineData("Leve (alrededor del 10 %)", "No, ninguna", "Media")]
    [InlineData("Leve (alrededor del 10 %)", "Sí, hay alternativa", "Baja")]
    public void The_resulting_priority_shows_as_soon_as_both_impact_questions_are_answered(string impact, string alternative, string priority)
    {
        var form = RenderForm();
        Priority(form).Should().Contain("Responda ambas preguntas para ver la prioridad.");

        Choose(form, impact);
        Priority(form).Should().Contain("Responda ambas preguntas", "one answer is not enough");
        Choose(form, alternative);

        form.WaitForAssertion(() => form.Find("#prioridad-resultante .mud-chip").TextContent.Trim().Should().Be(priority));
        Priority(form).Should().Contain("Prioridad resultante:");
    }

    [Fact]
    public void Changing_an_answer_changes_the_priority_shown()
    {
        var form = RenderForm();
        Choose(form, "Total (100 %)");
        Choose(form, "No, ninguna");
        form.WaitForAssertion(() => form.Find("#prioridad-resultante .mud-chip").TextContent.Trim().Should().Be("Alta"));

        Choose(form, "Sí, hay alternativa");

        form.WaitForAssertion(() => form.Find("#prioridad-resultante .mud-chip").TextContent.Trim().Should().Be("Media"));
    }

    [Fact]
    public async Task Submitting_an_empty_form_shows_what_is_missing_in_Spanish_and_saves_nothing()
    {
        var before = await Desk.CountsAsync();
        var form = RenderForm();

        Submit(form);

        form.WaitForAssertion(() =>
        {
            form.Markup.Should().Contain("Elija a la persona que solicita la atención.");
            form.Markup.Should().Contain("Elija el servicio del catálogo.");
            form.Markup.Should().Contain("Escriba el asunto.");
            form.Markup.Should().Contain("Describa lo que ocurre.");
            form.Markup.Should().Contain("Indique el impacto.");
            form.Markup.Should().Contain("Indique si hay alternativa.");
        });
        _registered.Should().BeEmpty();
        (await Desk.CountsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_complete_form_registers_the_ticket_and_hands_it_to_the_page()
    {
        var form = RenderForm();

        Pick(form, "#solicitante", "María", "María Flores Condori");
        Choose(form, "Presencial");
        Pick(form, "#servicio", "impresora", "Impresora");
        form.Find("#asunto").Input("La impresora del segundo piso no imprime");
        form.Find("#descripcion").Input("Muestra atasco de papel aunque la bandeja está vacía; se probó reiniciarla.");
        Choose(form, "Parcial (alrededor del 30 %)");
        Choose(form, "No, ninguna");
        Submit(form);

        form.WaitForAssertion(() => _registered.Should().ContainSingle(), TimeSpan.FromSeconds(5));
        await using var db = Desk.App.CreateDbContext();
        var stored = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == _registered[0].Id);
        stored.Number.Should().Be(_registered[0].Number);
        stored.RequesterId.Should().Be(Desk.Requester.UserId);
        stored.RegisteredById.Should().Be(Desk.Technician.UserId, "the actor comes from the signed-in technician's claims");
        stored.Channel.Should().Be(Channel.Presencial);
        stored.SubcategoryCode.Should().Be(15);
        stored.Subject.Should().Be("La impresora del segundo piso no imprime");
        stored.Description.Should().StartWith("Muestra atasco de papel");
        stored.Priority.Should().Be(Siget.Core.Priorities.Priority.Alta);
        stored.State.Should().Be(TicketState.EnCola);
    }

    [Fact]
    public void Choosing_a_director_tells_that_the_ticket_will_be_served_first()
    {
        var form = RenderForm();
        form.Markup.Should().NotContain("se atenderá primero");

        Pick(form, "#solicitante", "Castillo", "Jorge Castillo Pérez");

        form.WaitForAssertion(() => form.Markup.Should().Contain("Alta dirección o servicio de atención al ciudadano: se atenderá primero dentro de su prioridad."));
    }

    [Fact]
    public async Task A_refusal_by_the_service_is_shown_as_is_and_nothing_is_saved()
    {
        var leaving = await Desk.App.AddPersonAsync("cesar.p", Role.Usuario, "César Palomino Díaz", Desk.AdministrationUnitId, Classification.DeApoyo);
        var form = RenderForm();
        Pick(form, "#solicitante", "Palomino", "César Palomino Díaz");
        Pick(form, "#servicio", "vpn", "Conexión VPN");
        form.Find("#asunto").Input("La VPN no conecta");
        form.Find("#descripcion").Input("Error de autenticación desde casa.");
        Choose(form, "Leve (alrededor del 10 %)");
        Choose(form, "Sí, hay alternativa");
        // Meanwhile an administrator deactivates the account.
        await using (var db = Desk.App.CreateDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == leaving.UserId)).IsActive = false;
            await db.SaveChangesAsync();
        }
        var before = await Desk.CountsAsync();

        Submit(form);

        form.WaitForAssertion(() => form.Find("#registro-error").TextContent.Should().Contain("La persona solicitante no existe o está inactiva."));
        _registered.Should().BeEmpty();
        (await Desk.CountsAsync()).Should().Be(before);
    }

    private static string Priority(IRenderedComponent<RegisterTicketForm> form) => form.Find("#prioridad-resultante").TextContent;

    private static void Submit(IRenderedComponent<RegisterTicketForm> form) =>
        form.FindAll("button").Single(b => b.TextContent.Contains("Registrar ticket")).Click();

    /// <summary>Clicks the radio button whose label reads <paramref name="label"/>.</summary>
    private static void Choose(IRenderedComponent<RegisterTicketForm> form, string label) =>
        form.FindAll("label").Single(l => l.TextContent.Trim() == label).QuerySelector("input")!.Click();

    /// <summary>Types into an autocomplete as a person would and clicks the option that appears in the popover.</summary>
    private void Pick(IRenderedComponent<RegisterTicketForm> form, string selector, string typed, string option)
    {
        var input = form.Find(selector);
        input.Focus();
        input.Input(typed);
        form.Find(selector).KeyUp(new KeyboardEventArgs { Key = typed[^1..] });
        _popovers.WaitForAssertion(() => Options().Should().Contain(i => i.TextContent.Contains(option)), TimeSpan.FromSeconds(5));
        Options().First(i => i.TextContent.Contains(option)).Click();
        form.WaitForAssertion(() => form.Find(selector).GetAttribute("value").Should().Contain(option));
    }

    private IReadOnlyList<IElement> Options() => _popovers.FindAll(".mud-popover-open .mud-list-item");
}

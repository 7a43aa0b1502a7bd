using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Siget.Console.Components.Tickets;
using Siget.Console.Tests.Services;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Components;

public class RegisterTicketFormTests : ComponentTestContext, IClassFixture<TicketServicesFixture>
{
    private readonly TicketServicesFixture _f;
    private readonly IRenderedComponent<MudPopoverProvider> _popovers;

    public RegisterTicketFormTests(TicketServicesFixture f) : base(f)
    {
        _f = f;
        SignIn(f.Technician);
        _popovers = Render<MudPopoverProvider>();
    }

    [Fact]
    public void The_resulting_priority_shows_as_soon_as_both_questions_are_answered()
    {
        var form = Render<RegisterTicketForm>();
        form.Find("#prioridad-resultante").TextContent.Should().Contain("Responda ambas preguntas");

        Choose(form, "Total (100 %)");
        form.Find("#prioridad-resultante").TextContent.Should().Contain("Responda ambas preguntas");
        Choose(form, "No, ninguna");
        form.WaitForAssertion(() => form.Find("#prioridad-resultante").TextContent.Should().Contain("Alta"));

        Choose(form, "Sí, hay alternativa");
        form.WaitForAssertion(() => form.Find("#prioridad-resultante").TextContent.Should().Contain("Media"));
    }

    [Fact]
    public async Task Submitting_an_empty_form_shows_Spanish_messages_and_saves_nothing()
    {
        var before = await CountAsync();
        Ticket? registered = null;
        var form = Render<RegisterTicketForm>(p => p.Add(x => x.OnRegistered, t => registered = t));

        form.FindAll("button").Single(b => b.TextContent.Contains("Registrar ticket")).Click();

        form.WaitForAssertion(() =>
        {
            form.Markup.Should().Contain("Elija a la persona que solicita la atención.");
            form.Markup.Should().Contain("Elija el servicio del catálogo.");
            form.Markup.Should().Contain("Escriba el asunto.");
            form.Markup.Should().Contain("Describa lo que ocurre.");
        });
        registered.Should().BeNull();
        (await CountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_complete_form_registers_the_ticket_for_the_chosen_requester_and_service()
    {
        Ticket? registered = null;
        var form = Render<RegisterTicketForm>(p => p.Add(x => x.OnRegistered, t => registered = t));

        Pick(form, "#solicitante", "María", "María Flores");
        Pick(form, "#servicio", "impresora", "Impresora");
        form.Find("#asunto").Input("La impresora del segundo piso no imprime");
        form.Find("#descripcion").Input("Muestra error de atasco aunque no hay papel atascado.");
        Choose(form, "Parcial (alrededor del 30 %)");
        Choose(form, "No, ninguna");
        form.FindAll("button").Single(b => b.TextContent.Contains("Registrar ticket")).Click();

        form.WaitForAssertion(() => registered.Should().NotBeNull(), TimeSpan.FromSeconds(5));
        await using var db = _f.App.CreateDbContext();
        var stored = await db.Tickets.SingleAsync(t => t.Id == registered!.Id);
        (stored.RequesterId, stored.SubcategoryCode, stored.Priority).Should().Be((_f.Requester.UserId, 15, Siget.Core.Priorities.Priority.Alta));
        stored.Subject.Should().Be("La impresora del segundo piso no imprime");
    }

    private static void Choose(IRenderedComponent<RegisterTicketForm> form, string label) =>
        form.FindAll("label").Single(l => l.TextContent.Trim() == label).QuerySelector("input")!.Click();

    /// <summary>Types into an autocomplete and clicks the option that appears in the popover.</summary>
    private void Pick(IRenderedComponent<RegisterTicketForm> form, string selector, string text, string option)
    {
        var input = form.Find(selector);
        input.Focus();
        input.Input(text);
        form.Find(selector).KeyUp(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = text[^1..] });
        _popovers.WaitForAssertion(() => _popovers.FindAll(".mud-list-item").Should().Contain(i => i.TextContent.Contains(option)), TimeSpan.FromSeconds(5));
        _popovers.FindAll(".mud-list-item").First(i => i.TextContent.Contains(option)).Click();
    }

    private async Task<int> CountAsync()
    {
        await using var db = _f.App.CreateDbContext();
        return await db.Tickets.CountAsync();
    }
}

using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Siget.Console.Components.Problems;
using Siget.Console.Services.Problems;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Screens;

/// <summary>
/// Resolving a problem offers its open incidents: those the person may resolve come chosen, the others are shown
/// with why they stay open, and confirming resolves the chosen ones with the problem.
/// </summary>
[Collection(ScreensCollection.Name)]
public class ResolveProblemDialogTests : ScreenContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;

    public ResolveProblemDialogTests(HelpDeskFixture desk) : base(desk)
    {
        SignIn(desk.Specialist);
        Bunit.Services.AddSingleton(desk.App.Service<ProblemCommands>());
        RenderPopoverProvider();
        _dialogs = Bunit.Render<MudDialogProvider>();
    }

    private async Task<Ticket> AtLevelTwoAsync(string subject, Actor specialist)
    {
        var ticket = await Desk.TakenAsync(subject);
        ticket = await Desk.Commands.EscalateAsync(Desk.Technician, ticket.Id, ticket.Version, "N1-RECURSOS", "Requiere especialista", null);
        return await Desk.Commands.TakeAsync(specialist, ticket.Id, ticket.Version);
    }

    [Fact]
    public async Task The_specialist_resolves_the_incident_they_hold_and_sees_why_a_colleague_s_stays_open()
    {
        var tag = HelpDeskFixture.NewTag();
        var own = await AtLevelTwoAsync($"Propio {tag}", Desk.Specialist);
        var colleagues = await AtLevelTwoAsync($"Ajeno {tag}", Desk.OtherSpecialist);
        var commands = Desk.App.Service<ProblemCommands>();
        var problem = await commands.RegisterAsync(Desk.Specialist, new NewProblem($"Fallo {tag}", "Descripción", 15, null), [own.Id, colleagues.Id]);
        var detail = (await Desk.App.Service<ProblemQueries>().GetAsync(Desk.Specialist, problem.Number))!;

        var service = Bunit.Services.GetRequiredService<IDialogService>();
        var reference = await _dialogs.InvokeAsync(() => service.ShowAsync<ResolveProblemDialog>("Resolver el problema",
            new DialogParameters<ResolveProblemDialog> { { d => d.Detail, detail } }));
        _dialogs.WaitForAssertion(() => _dialogs.Find("#resolver-confirmar"), Patience);

        var boxes = _dialogs.FindAll(".problem-incidents li").ToDictionary(li => li.TextContent.Contains(own.Number) ? "own" : "colleague", li => li);
        boxes.Should().HaveCount(2);
        boxes["own"].QuerySelector("input[type=checkbox]")!.HasAttribute("checked").Should().BeTrue();
        boxes["colleague"].QuerySelector("input[type=checkbox]")!.HasAttribute("disabled").Should().BeTrue();
        boxes["colleague"].TextContent.Should().Contain("Lo atiende Jaime Salinas Ortiz");
        _dialogs.Find("#resolver-confirmar").TextContent.Trim().Should().Be("Resolver el problema y 1 incidente");

        _dialogs.Find("#resolver-confirmar").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Markup.Should().Contain("Escriba la causa raíz.").And.Contain("Escriba la solución."), Patience);
        reference.Result.IsCompleted.Should().BeFalse();

        _dialogs.Find("#resolver-causa").Input("Firmware defectuoso.");
        _dialogs.Find("#resolver-solucion").Input("Se actualizó el firmware.");
        _dialogs.Find("#resolver-confirmar").Click();

        (await Task.WhenAny(reference.Result, Task.Delay(Patience))).Should().BeSameAs(reference.Result, "the dialog closes once resolved");
        (await reference.Result)!.Data.Should().Be(1);
        (await Desk.StoredAsync(own.Id)).Solution.Should().Be($"Resuelto con la solución del problema {problem.Number}: Se actualizó el firmware.");
        (await Desk.StoredAsync(colleagues.Id)).State.Should().Be(TicketState.EnProceso);
    }
}

using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Siget.Console.Components.Tickets;
using Siget.Console.Services.People;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Escalation;

namespace Siget.Console.Tests.Screens;

/// <summary>
/// The escalation dialog: the destinations the matrix offers (Anexo 3 row by row), a criterion of the chosen route and a
/// reason are required; escalating to level 3 also needs the vendor company, already chosen when there is only one.
/// </summary>
[Collection(ScreensCollection.Name)]
public class EscalateDialogTests : ScreenContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly IRenderedComponent<MudPopoverProvider> _popovers;
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;
    private readonly VendorOption _tecno;
    private readonly VendorOption _redes;

    public EscalateDialogTests(HelpDeskFixture desk) : base(desk)
    {
        SignIn(desk.Supervisor);
        _popovers = RenderPopoverProvider();
        _dialogs = Bunit.Render<MudDialogProvider>();
        _tecno = new VendorOption(desk.VendorCompanyId, desk.VendorCompanyName);
        _redes = new VendorOption(desk.OtherVendorCompanyId, "Redes Andinas E.I.R.L.");
    }

    /// <param name="to">One destination (a drop on the board); none: every route from <paramref name="from"/> (the ticket page).</param>
    private async Task<IDialogReference> ShowAsync(SupportLevel from, IReadOnlyList<VendorOption>? vendors = null, string? targetName = null,
        SupportLevel? to = null)
    {
        var routes = EscalationMatrix.RoutesFrom(from).Where(r => to is null || r.To == to).ToList();
        var parameters = new DialogParameters<EscalateDialog>
        {
            { d => d.Routes, routes }, { d => d.Vendors, vendors ?? [] }, { d => d.TargetName, targetName },
        };
        var service = Bunit.Services.GetRequiredService<IDialogService>();
        var reference = await _dialogs.InvokeAsync(() => service.ShowAsync<EscalateDialog>("Escalar", parameters));
        _dialogs.WaitForAssertion(() => _dialogs.Find("#escalar-confirmar"), Patience);
        return reference;
    }

    private void Escalate() => _dialogs.Find("#escalar-confirmar").Click();

    private List<string> Criteria() => _dialogs.FindAll("label").Where(l => l.QuerySelector("input[type=radio]") is not null)
        .Select(l => l.TextContent.Trim()).Where(t => !t.StartsWith("Nivel ")).ToList();

    private List<string> Destinations() => _dialogs.FindAll("#escalar-destino label").Select(l => l.TextContent.Trim()).ToList();

    private void ChooseDestination(string startsWith) => _dialogs.FindAll("#escalar-destino label")
        .Single(l => l.TextContent.Trim().StartsWith(startsWith)).QuerySelector("input")!.Click();

    private void ChooseCriterion(string text) => _dialogs.FindAll("label")
        .Single(l => l.QuerySelector("input[type=radio]") is not null && l.TextContent.Trim() == text).QuerySelector("input")!.Click();

    private void TypeReason(string reason) => _dialogs.Find("#escalar-motivo").Input(reason);

    private static async Task<EscalateDialog.Choice> ChoiceOf(IDialogReference reference)
    {
        var finished = await Task.WhenAny(reference.Result, Task.Delay(Patience));
        finished.Should().BeSameAs(reference.Result, "the dialog should have closed");
        var result = await reference.Result;
        result!.Canceled.Should().BeFalse();
        return result.Data.Should().BeOfType<EscalateDialog.Choice>().Subject;
    }

    [Fact]
    public async Task Escalating_with_nothing_chosen_says_what_is_missing_and_keeps_the_dialog_open()
    {
        var reference = await ShowAsync(SupportLevel.Nivel1);

        Escalate();

        _dialogs.WaitForAssertion(() =>
        {
            _dialogs.Markup.Should().Contain("Elija un criterio de escalamiento.");
            _dialogs.Markup.Should().Contain("Escriba el motivo del escalamiento.");
        }, Patience);
        await Task.Delay(100);
        reference.Result.IsCompleted.Should().BeFalse("nothing is returned until the form is complete");
        _dialogs.FindAll(".mud-dialog").Should().ContainSingle();
    }

    [Fact]
    public async Task From_level_1_it_offers_the_level_1_criteria_and_returns_the_choice_with_the_reason_trimmed()
    {
        var reference = await ShowAsync(SupportLevel.Nivel1, [_tecno, _redes]);
        Criteria().Should().Equal(
            "La incidencia o petición no puede ser resuelta con los recursos disponibles",
            "Se superó el tiempo estándar de resolución sin avance significativo",
            "Impacto crítico en el negocio o afecta a múltiples usuarios");
        _dialogs.Markup.Should().Contain("Nivel 1 · Soporte técnico").And.Contain("Nivel 2 · Especialistas de TI");
        _dialogs.FindAll("#escalar-proveedor").Should().BeEmpty("a vendor is chosen only when escalating to level 3");
        Escalate();
        _dialogs.WaitForAssertion(() => _dialogs.Markup.Should().Contain("Elija un criterio de escalamiento."), Patience);

        ChooseCriterion("La incidencia o petición no puede ser resuelta con los recursos disponibles");
        TypeReason("  Hace falta un especialista de redes  ");
        Escalate();

        var choice = await ChoiceOf(reference);
        choice.Should().Be(new EscalateDialog.Choice("N1-RECURSOS", "Hace falta un especialista de redes", null, SupportLevel.Nivel2));
        _dialogs.WaitForAssertion(() => _dialogs.FindAll(".mud-dialog").Should().BeEmpty(), Patience);
    }

    [Fact]
    public async Task Escalating_from_level_2_with_several_vendors_requires_choosing_one()
    {
        var reference = await ShowAsync(SupportLevel.Nivel2, [_tecno, _redes]);
        ShownVendor().Should().BeEmpty("with more than one company none is chosen for the person");
        Criteria().Should().Contain("Requiere conocimientos técnicos especializados no disponibles en Nivel 1")
            .And.NotContain("Impacto crítico en el negocio o afecta a múltiples usuarios", "only the criteria of the ticket's level");
        ChooseCriterion("Requiere conocimientos técnicos especializados no disponibles en Nivel 1");
        TypeReason("El equipo está en garantía");

        Escalate();

        _dialogs.WaitForAssertion(() => _dialogs.Markup.Should().Contain("Elija la empresa proveedora."), Patience);
        _dialogs.Markup.Should().NotContain("Elija un criterio de escalamiento.").And.NotContain("Escriba el motivo del escalamiento.");
        await Task.Delay(100);
        reference.Result.IsCompleted.Should().BeFalse("the vendor is required for level 3");

        PickVendor("Redes Andinas E.I.R.L.");
        Escalate();

        var choice = await ChoiceOf(reference);
        choice.Should().Be(new EscalateDialog.Choice("N2-CONOCIMIENTO", "El equipo está en garantía", Desk.OtherVendorCompanyId, SupportLevel.Nivel3));
    }

    [Fact]
    public async Task Escalating_from_level_2_with_a_single_vendor_has_it_already_chosen()
    {
        var reference = await ShowAsync(SupportLevel.Nivel2, [_tecno], targetName: _tecno.Name, to: SupportLevel.Nivel3);
        _dialogs.FindAll("#escalar-destino").Should().BeEmpty("the column it was dropped on chose the destination");
        ShownVendor().Should().Be(_tecno.Name);
        _dialogs.Find("#escalar-proveedor").GetAttribute("value").Should().Be(Desk.VendorCompanyId.ToString());
        _dialogs.Markup.Should().Contain($"<strong>{_tecno.Name}</strong>");

        ChooseCriterion("La resolución requiere cambios en la infraestructura o configuraciones críticas");
        TypeReason("Cambio en el firewall del proveedor");
        Escalate();

        var choice = await ChoiceOf(reference);
        choice.Should().Be(new EscalateDialog.Choice("N2-INFRAESTRUCTURA", "Cambio en el firewall del proveedor", Desk.VendorCompanyId, SupportLevel.Nivel3));
        _dialogs.Markup.Should().NotContain("Elija la empresa proveedora.");
    }

    private static readonly string[] Row2And3 =
    [
        "Requiere conocimientos técnicos especializados no disponibles en Nivel 1",
        "La resolución requiere cambios en la infraestructura o configuraciones críticas",
        "Se necesita la intervención de múltiples áreas técnicas de la UTI",
        "Involucra software, hardware o servicios gestionados externamente",
        "Se requiere soporte de fabricantes o terceros según el acuerdo de nivel de servicio",
        "Problema no resuelto a nivel interno que necesita la intervención del proveedor",
    ];

    private static readonly string[] Row4 =
    [
        "Impacto significativo en la operación o reputación de la organización",
        "Se requieren decisiones de alto nivel (cambios de emergencia o inversiones)",
    ];

    [Fact]
    public async Task From_level_2_it_offers_the_vendor_with_rows_2_and_3_or_the_Ejecutivo_with_row_4()
    {
        var reference = await ShowAsync(SupportLevel.Nivel2, [_tecno]);
        Destinations().Should().HaveCount(2);
        Destinations()[0].Should().StartWith("Nivel 3");
        Destinations()[1].Should().StartWith("Nivel 4");
        Criteria().Should().Equal(Row2And3, "to a vendor: the specialist's row and the vendor's row together");
        _dialogs.FindAll("#escalar-proveedor").Should().ContainSingle();

        ChooseDestination("Nivel 4");

        _dialogs.WaitForAssertion(() => Criteria().Should().Equal(Row4), Patience);
        _dialogs.FindAll("#escalar-proveedor").Should().BeEmpty("no vendor on the way to the Ejecutivo");
        ChooseCriterion(Row4[1]);
        TypeReason("Hay que aprobar la compra de un servidor");
        Escalate();

        var choice = await ChoiceOf(reference);
        choice.Should().Be(new EscalateDialog.Choice("N4-DECISION", "Hay que aprobar la compra de un servidor", null, SupportLevel.Nivel4));
    }

    [Fact]
    public async Task Leaving_the_vendor_level_offers_the_row_4_criteria_and_no_reason_for_a_vendor()
    {
        await ShowAsync(SupportLevel.Nivel3);

        _dialogs.FindAll("#escalar-destino").Should().BeEmpty("from level 3 the matrix goes to the Ejecutivo only");
        _dialogs.Markup.Should().Contain("Nivel 4 · Ejecutivo de la UTI");
        Criteria().Should().Equal(Row4);
    }

    [Fact]
    public async Task Changing_the_destination_forgets_a_criterion_of_the_other_route()
    {
        var reference = await ShowAsync(SupportLevel.Nivel2, [_tecno]);
        ChooseCriterion(Row2And3[3]);
        TypeReason("Garantía del fabricante");

        ChooseDestination("Nivel 4");
        _dialogs.WaitForAssertion(() => Criteria().Should().Equal(Row4), Patience);
        Escalate();

        _dialogs.WaitForAssertion(() => _dialogs.Markup.Should().Contain("Elija un criterio de escalamiento."), Patience);
        await Task.Delay(100);
        reference.Result.IsCompleted.Should().BeFalse();
    }

    [Fact]
    public async Task Cancelling_returns_a_cancelled_result()
    {
        var reference = await ShowAsync(SupportLevel.Nivel1);
        ChooseCriterion("Impacto crítico en el negocio o afecta a múltiples usuarios");
        TypeReason("No importa");

        _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancelar").Click();

        var finished = await Task.WhenAny(reference.Result, Task.Delay(Patience));
        finished.Should().BeSameAs(reference.Result);
        (await reference.Result)!.Canceled.Should().BeTrue();
    }

    /// <summary>Opens the vendor select and clicks the company in the popover, as a person would.</summary>
    private void PickVendor(string name)
    {
        _dialogs.Find("#escalar-proveedor").Closest(".mud-select")!.QuerySelector(".mud-input-control-input-container, .mud-input")!.MouseDown();
        _popovers.WaitForAssertion(() => Items().Should().Contain(i => i.TextContent.Contains(name)), Patience);
        Items().First(i => i.TextContent.Contains(name)).Click();
        _dialogs.WaitForAssertion(() => ShownVendor().Should().Be(name), Patience);
    }

    /// <summary>The company the vendor select shows as chosen (empty when none).</summary>
    private string ShownVendor() => _dialogs.Find("#escalar-proveedor").Closest(".mud-select")!.QuerySelector("[role=combobox]")!.TextContent.Trim();

    private IReadOnlyList<IElement> Items() => _popovers.FindAll(".mud-popover-open .mud-list-item");
}

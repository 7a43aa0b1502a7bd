using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Bunit;
using MudBlazor.Services;
using Siget.Console.Components.Shared;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Screens;

/// <summary>
/// The queue's rows and the board's cards write MudBlazor's chip and icon classes as strings (ChipLook). Rendering the
/// real components for every value and comparing keeps the two looks one: a MudBlazor upgrade that renames a class
/// fails here instead of quietly changing the queue.
/// </summary>
public sealed class ChipLookTests : IAsyncLifetime
{
    private readonly BunitContext bunit = new();

    public ChipLookTests()
    {
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        bunit.Services.AddMudServices();
    }

    public static TheoryData<Priority> Priorities() => [.. Enum.GetValues<Priority>()];

    public static TheoryData<TicketState> States() => [.. Enum.GetValues<TicketState>()];

    [Theory]
    [MemberData(nameof(Priorities))]
    public void The_written_priority_chip_is_the_one_PriorityChip_renders(Priority priority)
    {
        var component = bunit.Render<PriorityChip>(p => p.Add(c => c.Priority, priority).Add(c => c.Preferential, true));
        var written = Parse(ChipLook.WritePriority(new StringBuilder(), priority).ToString());

        var chip = component.Find(".mud-chip");
        Classes(written).Should().BeEquivalentTo(Classes(chip));
        written.GetAttribute("title").Should().Be(chip.GetAttribute("title"));
        written.TextContent.Trim().Should().Be(chip.TextContent.Trim());
        Classes(Parse($"<svg class=\"{ChipLook.PreferentialIconClass}\"></svg>"))
            .Should().BeEquivalentTo(Classes(component.Find("svg[aria-label='Atención preferente']")), "the preferential star beside it");
    }

    [Theory]
    [MemberData(nameof(States))]
    public void The_written_state_chip_is_the_one_StateChip_renders(TicketState state)
    {
        var chip = bunit.Render<StateChip>(p => p.Add(c => c.State, state)).Find(".mud-chip");
        var written = Parse(ChipLook.WriteState(new StringBuilder(), state).ToString());

        Classes(written).Should().BeEquivalentTo(Classes(chip));
        written.TextContent.Trim().Should().Be(chip.TextContent.Trim());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_written_switch_is_the_one_MudSwitch_renders(bool on)
    {
        var mud = bunit.Render<MudBlazor.MudSwitch<bool>>(p => p.Add(c => c.Value, on).Add(c => c.Color, MudBlazor.Color.Primary)
            .Add(c => c.Size, MudBlazor.Size.Small).Add(c => c.Label, "Avisar"));
        var changedTo = new List<bool>();
        var written = bunit.Render(SwitchLook.Switch(this, "avisos", on, "Avisar", v => { changedTo.Add(v); return Task.CompletedTask; }));

        Shape(written.Find(".mud-input-control")).Should().Equal(Shape(mud.Find(".mud-input-control")), "same elements, same classes, same order");
        var input = written.Find("input[role=switch]");
        input.HasAttribute("checked").Should().Be(on);
        written.Find("label").GetAttribute("for").Should().Be("avisos", "the label names the switch");
        written.Find("label").TextContent.Trim().Should().Be("Avisar");

        input.Change(!on);
        changedTo.Should().Equal(!on);
    }

    // Each element as its tag and sorted classes, in document order.
    private static List<string> Shape(IElement root) =>
        [.. new[] { root }.Concat(root.QuerySelectorAll("*")).Select(e => $"{e.LocalName}.{string.Join('.', e.ClassList.Order(StringComparer.Ordinal))}")];

    [Fact]
    public void Each_priority_and_each_open_state_has_a_colour_of_its_own()
    {
        Enum.GetValues<Priority>().Select(ChipLook.For).Should().OnlyHaveUniqueItems();
        new[] { TicketState.EnCola, TicketState.EnProceso, TicketState.Resuelto, TicketState.Finalizado }.Select(ChipLook.For).Should().OnlyHaveUniqueItems();
    }

    private static IElement Parse(string html) => new HtmlParser().ParseDocument($"<body>{html}</body>").Body!.FirstElementChild!;

    private static string[] Classes(IElement element) => [.. element.ClassList];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await bunit.DisposeAsync();
}

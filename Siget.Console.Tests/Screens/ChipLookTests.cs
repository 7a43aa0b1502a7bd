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

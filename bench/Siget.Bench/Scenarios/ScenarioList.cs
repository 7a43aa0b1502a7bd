using Siget.Bench.Running;

namespace Siget.Bench.Scenarios;

/// <summary>Every scenario, in the order they run (the ones that load the server hardest last).</summary>
public static class ScenarioList
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new QueuePageScenario(),
        new TicketPageScenario(),
        new ReportsScenario(),
        new BoardScenario(),
        new RegistrationScenario(),
        new ApiScenario(),
        new SlaEngineScenario(),
        new LivePushScenario(),
        new MemoryScenario(),
        new ReconnectScenario(),
    ];
}

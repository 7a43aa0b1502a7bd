using System.Diagnostics;
using Siget.Bench.Data;
using Siget.Bench.Running;
using Siget.Bench.Scenarios;

namespace Siget.Bench;

/// <summary>
/// <c>generate [--db path] [sizes]</c> builds a data set; <c>run [--db path] [sizes] [--only a,b] [--quick]</c> runs the
/// scenarios (generating the data set first if it is missing or of other sizes) and writes bench/RESULTS.md.
/// Sizes: <c>--tickets --open --staff --requesters --years</c>. <c>list</c> names the scenarios.
/// </summary>
public static class BenchProgram
{
    private static IReadOnlyList<Scenario> All() => ScenarioList.All;

    public static async Task<int> Main(string[] args)
    {
        var command = args.FirstOrDefault() ?? "run";
        var options = args.Skip(1).ToList();
        var database = Path.GetFullPath(Option(options, "--db") ?? Path.Combine(BenchPaths.DataFolder, "siget-bench.db"));
        var sizes = BenchSizes.Parse(options);

        switch (command)
        {
            case "generate":
                await DataGenerator.GenerateAsync(database, sizes, DateTime.UtcNow);
                return 0;
            case "list":
                foreach (var scenario in All()) System.Console.WriteLine($"{scenario.Name,-16} {scenario.Title}");
                return 0;
            case "screenshots":
                if (!options.Contains("--no-publish")) await BenchServer.PublishAsync();
                await Running.Screenshots.TakeAsync(database, Option(options, "--out") ?? Path.Combine(BenchPaths.DataFolder, "screenshots"));
                return 0;
            case "run":
                return await RunAsync(database, sizes, options);
            default:
                System.Console.Error.WriteLine($"Unknown command '{command}'. Use: generate | list | run | screenshots");
                return 2;
        }
    }

    private static async Task<int> RunAsync(string database, BenchSizes sizes, List<string> options)
    {
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var only = Option(options, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var scenarios = All().Where(s => only is null || only.Contains(s.Name)).ToList();
        if (scenarios.Count == 0)
        {
            System.Console.Error.WriteLine($"No scenario named {string.Join(", ", only ?? [])}. Names: {string.Join(", ", All().Select(s => s.Name))}");
            return 2;
        }

        var manifest = BenchManifest.Read(database);
        if (manifest is null || manifest.Sizes != sizes || manifest.Schema != BenchManifest.CurrentSchema)
            manifest = await DataGenerator.GenerateAsync(database, sizes, DateTime.UtcNow);
        if (!options.Contains("--no-publish")) await BenchServer.PublishAsync();
        await BenchServer.EnsureKeptFiguresAsync(database);

        var run = new BenchRun(database, manifest, options.Contains("--quick"));
        var outcomes = new List<(Scenario, IReadOnlyList<ScenarioResult>, string?, TimeSpan)>();
        foreach (var scenario in scenarios)
        {
            System.Console.WriteLine($"== {scenario.Title}");
            var took = Stopwatch.StartNew();
            using var limit = new CancellationTokenSource(scenario.TimeLimit);
            try
            {
                var results = await scenario.RunAsync(run, limit.Token);
                foreach (var r in results)
                    System.Console.WriteLine($"   {r.Measure}: {r.FigureText} (target {r.Target}) {(r.Passed ? "pass" : "FAIL")}{(r.Limit is null ? "" : $"; {r.Limit}")}");
                outcomes.Add((scenario, results, null, took.Elapsed));
            }
            catch (Exception ex)
            {
                System.Console.WriteLine($"   error: {ex.Message}");
                outcomes.Add((scenario, [], ex.ToString(), took.Elapsed));
            }
        }

        var report = ResultsReport.Render(run, outcomes, started, clock.Elapsed);
        var file = Option(options, "--results") ?? BenchPaths.ResultsFile;
        await File.WriteAllTextAsync(file, report);
        System.Console.WriteLine($"Wrote {file} in {clock.Elapsed.TotalMinutes:0.0} min.");
        return outcomes.Any(o => o.Item3 is not null) ? 1 : 0;
    }

    public static string? Option(IReadOnlyList<string> options, string name)
    {
        var i = options.ToList().IndexOf(name);
        return i >= 0 && i + 1 < options.Count ? options[i + 1] : null;
    }
}

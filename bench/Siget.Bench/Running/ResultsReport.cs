using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Siget.Bench.Data;

namespace Siget.Bench.Running;

/// <summary>Writes bench/RESULTS.md: the machine, the date, the sizes, and for each measure its figure, target, verdict and
/// the physical limit measured in the same run.</summary>
public static class ResultsReport
{
    public static string Render(BenchRun run, IReadOnlyList<(Scenario Scenario, IReadOnlyList<ScenarioResult> Results, string? Error, TimeSpan Took)> outcomes,
        DateTime startedUtc, TimeSpan took)
    {
        var m = run.Manifest;
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine("# SIGET benchmark results").AppendLine();
        s.AppendLine(inv, $"Written by `bench/run.sh` on {startedUtc:yyyy-MM-dd HH:mm} UTC in {took.TotalMinutes:0.0} min{(run.Quick ? " (**--quick**: a smoke run of the harness, not a measurement)" : "")}.").AppendLine();
        s.AppendLine("## Machine").AppendLine();
        s.AppendLine(inv, $"- CPU: {CpuModel()} × {Environment.ProcessorCount} cores; memory {TotalMemoryGb():0.#} GB");
        s.AppendLine(inv, $"- OS: {RuntimeInformation.OSDescription}; .NET {Environment.Version}; SQLite (WAL, synchronous=FULL) on local disk");
        s.AppendLine("- Server: the published Siget.Console (Release) in its own process on 127.0.0.1; clients in the benchmark process on the same cores").AppendLine();
        s.AppendLine("## Data set").AppendLine();
        s.AppendLine(inv, $"- {m.Sizes}");
        s.AppendLine(inv, $"- {m.Tickets:N0} tickets, {m.HistoryRows:N0} history entries, {m.MessageRows:N0} messages, {m.AttachmentRows:N0} attachments (metadata); generated in {m.Seconds:N0} s");
        s.AppendLine(inv, $"- Ticket with a {m.TimelineEntries}-entry timeline: {m.TimelineTicket}").AppendLine();
        s.AppendLine("## Figures").AppendLine();
        s.AppendLine("| scenario | measure | figure | target | result | physical limit, same run | × limit |");
        s.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (scenario, results, error, _) in outcomes)
        {
            if (error is not null) s.AppendLine(inv, $"| {scenario.Title} | — | error | — | **FAIL** | — | — |");
            foreach (var r in results)
                s.AppendLine(inv, $"| {r.Scenario} | {r.Measure} | {r.FigureText} | {r.Target} | {(r.Passed ? "pass" : "**FAIL**")} | {r.Limit?.ToString() ?? "—"} | {(r.Ratio is { } x ? x.ToString("0.##", inv) : "—")} |");
        }
        s.AppendLine();
        var passed = outcomes.Sum(o => o.Results.Count(r => r.Passed));
        var total = outcomes.Sum(o => o.Results.Count) + outcomes.Count(o => o.Error is not null);
        s.AppendLine(inv, $"{passed} of {total} measures meet their target.").AppendLine();
        s.AppendLine("## Notes").AppendLine();
        foreach (var (scenario, results, error, scenarioTook) in outcomes)
        {
            s.AppendLine(inv, $"### {scenario.Title} ({scenarioTook.TotalSeconds:0} s)").AppendLine();
            if (error is not null) s.AppendLine("```").AppendLine(error).AppendLine("```");
            foreach (var note in results.Where(r => r.Notes is not null).Select(r => $"- {r.Measure}: {r.Notes}").Distinct()) s.AppendLine(note);
            s.AppendLine();
        }
        // The causes found and what a missed target would take are written by people, next to the figures.
        var findings = Path.Combine(BenchPaths.BenchFolder, "FINDINGS.md");
        if (File.Exists(findings)) s.AppendLine(File.ReadAllText(findings));
        return s.ToString();
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException) { return RuntimeInformation.ProcessArchitecture.ToString(); }
    }

    private static double TotalMemoryGb() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024d / 1024 / 1024;
}

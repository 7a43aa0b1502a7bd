using Siget.Console.Data;
using Siget.Console.Services.Administration;

namespace Siget.Console.Services.Reports;

/// <summary>
/// <c>dotnet run --project Siget.Console -- recalcular-indicadores</c>: works out every ticket's kept figures again from
/// its history (<see cref="KeptFiguresRebuild"/>), on the calendar stored by the administrator, printing its progress.
/// For an upgrade from a version without kept figures, and after a change of the calendar.
/// </summary>
internal static class RecalculateFiguresCommand
{
    public const string Command = "recalcular-indicadores";

    public static async Task<bool> TryRunAsync(string[] args, IServiceProvider services)
    {
        if (args.Length == 0 || args[0] != Command) return false;
        await DatabaseSetup.MigrateAsync(services, besideRunningApp: true);
        await services.GetRequiredService<SettingsStore>().LoadAsync();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var shown = -1;
        var done = await services.GetRequiredService<KeptFiguresRebuild>().RunAsync(new SynchronousProgress(p =>
        {
            // One line per whole percent: readable in a terminal and in a log over a million tickets.
            var percent = p.Total == 0 ? 100 : (int)(100L * p.Done / p.Total);
            if (percent == shown) return;
            shown = percent;
            System.Console.WriteLine($"Indicadores: {p.Done:N0} de {p.Total:N0} tickets ({percent} %)");
        }));
        System.Console.WriteLine($"Indicadores recalculados: {done:N0} tickets en {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:N0} s.");
        return true;
    }

    /// <summary>Reports on the rebuild's own flow (<see cref="Progress{T}"/> would post to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<KeptFiguresRebuild.Progress> report) : IProgress<KeptFiguresRebuild.Progress>
    {
        public void Report(KeptFiguresRebuild.Progress value) => report(value);
    }
}

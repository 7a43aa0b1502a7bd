using Microsoft.Extensions.Time.Testing;
using Siget.Console.Components.Shared;

namespace Siget.Console.Tests.Screens;

/// <summary>The one debounce/coalesce helper of the screens, driven by a fake clock.</summary>
public sealed class DebouncerTests
{
    private readonly FakeTimeProvider clock = new();

    [Fact]
    public async Task After_a_pause_only_the_last_trigger_runs_and_only_once_the_pause_has_passed()
    {
        using var typing = Debouncer.AfterPause(TimeSpan.FromMilliseconds(400), clock);
        var ran = new List<string>();

        _ = typing.Trigger(() => ran.Add("r"));
        clock.Advance(TimeSpan.FromMilliseconds(300));
        _ = typing.Trigger(() => ran.Add("re"));
        clock.Advance(TimeSpan.FromMilliseconds(300));
        ran.Should().BeEmpty("each key restarts the pause");

        var last = typing.Trigger(() => ran.Add("red"));
        clock.Advance(TimeSpan.FromMilliseconds(399));
        ran.Should().BeEmpty();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await last;

        ran.Should().Equal("red");
    }

    [Fact]
    public async Task A_new_trigger_cancels_the_stale_work_still_running()
    {
        using var typing = Debouncer.AfterPause(TimeSpan.FromMilliseconds(100), clock);
        var started = new TaskCompletionSource();
        var stale = typing.Trigger(async ct =>
        {
            started.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        });
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await started.Task;

        _ = typing.Trigger(() => { });

        await stale; // ends, cancelled, instead of hanging
        stale.IsCompletedSuccessfully.Should().BeTrue("a superseded run ends quietly");
    }

    [Fact]
    public async Task Once_per_pause_folds_a_burst_into_one_run_without_postponing_it()
    {
        using var reloads = Debouncer.OncePer(TimeSpan.FromMilliseconds(250), clock);
        var runs = 0;

        var first = reloads.Trigger(() => runs++);
        for (var i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(20));
            _ = reloads.Trigger(() => runs++);
        }
        runs.Should().Be(0);
        clock.Advance(TimeSpan.FromMilliseconds(50)); // 250 ms after the first trigger: a steady feed cannot starve it
        await first;

        runs.Should().Be(1);
    }

    [Fact]
    public async Task A_trigger_during_the_run_schedules_one_more_so_no_change_is_lost()
    {
        using var reloads = Debouncer.OncePer(TimeSpan.FromMilliseconds(250), clock);
        var release = new TaskCompletionSource();
        var seen = new List<int>();
        var version = 1;

        var first = reloads.Trigger(async () =>
        {
            var read = version;
            await release.Task;
            seen.Add(read);
        });
        clock.Advance(TimeSpan.FromMilliseconds(250));

        version = 2; // a change committed while the first reload runs
        var second = reloads.Trigger(() => seen.Add(version));
        release.SetResult();
        await first;
        clock.Advance(TimeSpan.FromMilliseconds(250));
        await second;

        seen.Should().Equal(1, 2);
    }

    [Fact]
    public async Task Cancel_and_dispose_drop_the_pending_run()
    {
        var reloads = Debouncer.OncePer(TimeSpan.FromMilliseconds(250), clock);
        var runs = 0;
        var cancelled = reloads.Trigger(() => runs++);
        reloads.Cancel();
        clock.Advance(TimeSpan.FromSeconds(1));
        await cancelled;

        var disposed = reloads.Trigger(() => runs++);
        reloads.Dispose();
        clock.Advance(TimeSpan.FromSeconds(1));
        await disposed;
        await reloads.Trigger(() => runs++); // after disposal nothing is scheduled

        runs.Should().Be(0);
    }
}

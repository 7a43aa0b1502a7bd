using Siget.Core.Priorities;
using Siget.Core.Sla;
using Siget.Core.Tests.Support;

namespace Siget.Core.Tests.Sla;

public class SlaTargetsTests
{
    [Theory]
    [InlineData(Priority.Alta, 1, 4)]
    [InlineData(Priority.Media, 4, 16)]
    [InlineData(Priority.Baja, 8, 40)]
    public void The_default_targets_are_those_of_the_agency(Priority priority, int firstResponseHours, int resolutionHours)
    {
        SlaTargets.Default.For(priority).Should().Be(new SlaTarget(TimeSpan.FromHours(firstResponseHours), TimeSpan.FromHours(resolutionHours)));
    }

    [Fact]
    public void The_warning_share_is_three_quarters()
    {
        SlaPolicy.WarningShare.Should().Be(0.75);
    }

    [Fact]
    public void Due_times_are_computed_in_business_time_from_the_start()
    {
        var policy = new SlaPolicy(SlaTargets.Default, BusinessCalendar.PeruDefault(2026));
        // Thursday 26 Nov 2026 16:00 Lima, Media: 4 h → 1.5 h Thu + 2.5 h Fri = Fri 11:00; 16 h → 1.5 + 9 (Fri) + 5.5 (Mon) = Mon 14:00.
        policy.DueTimes(Lima.At(2026, 11, 26, 16), Priority.Media)
            .Should().Be(new SlaDueTimes(Lima.At(2026, 11, 27, 11), Lima.At(2026, 11, 30, 14)));
    }
}

using Siget.Core.Priorities;

namespace Siget.Core.Tests.Priorities;

public class PriorityMatrixTests
{
    [Theory]
    [InlineData(OperatingImpact.Leve, true, Priority.Baja)]
    [InlineData(OperatingImpact.Leve, false, Priority.Media)]
    [InlineData(OperatingImpact.Parcial, true, Priority.Media)]
    [InlineData(OperatingImpact.Parcial, false, Priority.Alta)]
    [InlineData(OperatingImpact.Total, true, Priority.Media)]
    [InlineData(OperatingImpact.Total, false, Priority.Alta)]
    public void The_two_questions_of_Anexo_4_give_the_priority(OperatingImpact impact, bool alternativeAvailable, Priority expected)
    {
        PriorityMatrix.For(impact, alternativeAvailable).Should().Be(expected);
    }

    [Fact]
    public void An_unanswered_impact_question_is_refused()
    {
        var act = () => PriorityMatrix.For((OperatingImpact)0, true);
        act.Should().Throw<DomainException>().WithMessage("Indique el impacto en la capacidad operativa.");
    }

    [Fact]
    public void Alta_is_served_before_Media_and_Media_before_Baja()
    {
        new[] { Priority.Media, Priority.Baja, Priority.Alta }.OrderDescending().Should().Equal(Priority.Alta, Priority.Media, Priority.Baja);
        new[] { Priority.Baja, Priority.Media, Priority.Alta }.Select(p => p.Label()).Should().Equal("Baja", "Media", "Alta");
    }
}

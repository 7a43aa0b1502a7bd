using Siget.Core.Access;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Core.Tests;

public class PriorityTests
{
    [Theory]
    [InlineData(OperatingImpact.Leve, true, Priority.Baja)]
    [InlineData(OperatingImpact.Leve, false, Priority.Media)]
    [InlineData(OperatingImpact.Parcial, true, Priority.Media)]
    [InlineData(OperatingImpact.Parcial, false, Priority.Alta)]
    [InlineData(OperatingImpact.Total, true, Priority.Media)]
    [InlineData(OperatingImpact.Total, false, Priority.Alta)]
    public void The_two_questions_of_Anexo_4_give_the_priority(OperatingImpact impact, bool alternative, Priority expected)
    {
        PriorityMatrix.For(impact, alternative).Should().Be(expected);
        new TicketBuilder().WithImpact(impact, alternative).Registered().Priority.Should().Be(expected);
    }

    [Theory]
    [InlineData(Classification.DirectorEjecutivo, false, true)]
    [InlineData(Classification.Ejecutivo, false, true)]
    [InlineData(Classification.Especialista, false, false)]
    [InlineData(Classification.DeApoyo, true, true)]
    [InlineData(null, false, false)]
    public void Top_management_and_citizen_facing_services_are_served_first(Classification? classification, bool servesCitizens, bool expected)
    {
        QueueOrder.IsPreferential(classification, servesCitizens).Should().Be(expected);
    }

    [Fact]
    public void The_queue_orders_by_priority_then_preferential_then_earliest_due_and_both_orderings_agree()
    {
        var lowEarly = new TicketBuilder().WithImpact(OperatingImpact.Leve, true).At(TicketBuilder.Now.AddHours(-30)).Registered();
        var highLate = new TicketBuilder().WithImpact(OperatingImpact.Total, false).Registered();
        var highEarly = new TicketBuilder().WithImpact(OperatingImpact.Total, false).At(TicketBuilder.Now.AddHours(-2)).Registered();
        var highPreferentialLate = new TicketBuilder().WithImpact(OperatingImpact.Total, false).Preferential().At(TicketBuilder.Now.AddHours(1)).Registered();
        var mediumResolved = new TicketBuilder().WithImpact(OperatingImpact.Parcial, true).InState(TicketState.Resuelto);
        var mediumOpen = new TicketBuilder().WithImpact(OperatingImpact.Parcial, true).Registered();
        var tickets = new[] { lowEarly, mediumResolved, highLate, mediumOpen, highEarly, highPreferentialLate };
        Ticket[] expected = [highPreferentialLate, highEarly, highLate, mediumOpen, mediumResolved, lowEarly];

        QueueOrder.Apply(tickets.AsQueryable()).Should().Equal(expected);
        tickets.Order(QueueOrder.Comparer).Should().Equal(expected);
    }
}

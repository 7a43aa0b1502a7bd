using Siget.Core.Access;
using Siget.Core.Priorities;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Priorities;

// Ticket.Id is 0 for tickets that never reached the database, so every ticket here differs in an earlier key
// (priority, preferential, due time) and the Id tie-break is never needed.
public class QueueOrderTests
{
    private static readonly DateTime T = TicketBuilder.Start; // Wednesday 10:00 Lima

    private static Ticket Alta(int minutes, bool preferential = false) => Build(OperatingImpact.Total, false, minutes, preferential);
    private static Ticket Media(int minutes, bool preferential = false) => Build(OperatingImpact.Parcial, true, minutes, preferential);
    private static Ticket Baja(int minutes) => Build(OperatingImpact.Leve, true, minutes, false);

    private static Ticket Build(OperatingImpact impact, bool alternative, int minutes, bool preferential)
    {
        var builder = new TicketBuilder().WithImpact(impact, alternative).At(T.AddMinutes(minutes));
        return (preferential ? builder.Preferential() : builder).Registered();
    }

    private static Ticket Resolved(Ticket ticket)
    {
        ticket.Take(Actors.Technician, ticket.RegisteredAtUtc.AddMinutes(1));
        ticket.Resolve(Actors.Technician, "Listo.", ticket.RegisteredAtUtc.AddMinutes(2));
        return ticket;
    }

    private static Ticket Taken(Ticket ticket)
    {
        ticket.Take(Actors.Technician, ticket.RegisteredAtUtc.AddMinutes(1));
        return ticket;
    }

    /// <summary>A queue in the order it must be served.</summary>
    private static Ticket[] ExpectedQueue()
    {
        var altaPreferentialDueLast = Alta(+60, preferential: true); // first response due 12:00
        var altaDueFirst = Alta(-120);                                // registered 08:00, counts from 08:30: due 09:30
        var altaDueSecond = Alta(0);                                  // due 11:00
        var altaResolved = Resolved(Alta(-240));                      // no due time any more
        var mediaPreferential = Media(+30, preferential: true);       // preferential, but never above Alta
        var mediaDueFirst = Media(-60);                               // first response due 13:00
        var mediaTaken = Taken(Media(-90));                           // next due is the resolution (16 h): Thursday
        var bajaEarliestDue = Baja(-600);                             // due Wednesday 16:30, still after every Media
        var bajaCancelled = Baja(-30);
        bajaCancelled.Cancel(Actors.Supervisor, "Duplicado.", T);
        return [altaPreferentialDueLast, altaDueFirst, altaDueSecond, altaResolved, mediaPreferential, mediaDueFirst, mediaTaken, bajaEarliestDue, bajaCancelled];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    [InlineData(2026)]
    public void Priority_comes_first_then_preferential_then_the_earliest_due_time_and_tickets_without_one_go_last(int shuffle)
    {
        var expected = ExpectedQueue();
        var tickets = expected.ToArray();
        new Random(shuffle).Shuffle(tickets);

        QueueOrder.Apply(tickets.AsQueryable()).Should().Equal(expected);
        tickets.Order(QueueOrder.Comparer).Should().Equal(expected);
    }

    [Fact]
    public void The_database_ordering_and_the_in_memory_comparer_agree()
    {
        var tickets = ExpectedQueue().Reverse().ToArray();
        QueueOrder.Apply(tickets.AsQueryable()).Should().Equal(tickets.Order(QueueOrder.Comparer));
    }

    [Fact]
    public void A_preferential_ticket_goes_before_an_earlier_due_ticket_of_the_same_priority_but_not_before_a_higher_priority()
    {
        var mediaPreferential = Media(+120, preferential: true);
        var mediaEarlier = Media(-60);
        var bajaPreferential = Build(OperatingImpact.Leve, true, -300, preferential: true);
        var tickets = new[] { bajaPreferential, mediaEarlier, mediaPreferential };

        tickets.Order(QueueOrder.Comparer).Should().Equal(mediaPreferential, mediaEarlier, bajaPreferential);
        QueueOrder.Apply(tickets.AsQueryable()).Should().Equal(mediaPreferential, mediaEarlier, bajaPreferential);
    }

    [Fact]
    public void The_requesters_preferential_mark_is_kept_on_the_ticket()
    {
        Media(0, preferential: true).Preferential.Should().BeTrue();
        Media(0).Preferential.Should().BeFalse();
    }

    [Theory]
    [InlineData(Classification.DirectorEjecutivo, false, true)]
    [InlineData(Classification.Ejecutivo, false, true)]
    [InlineData(Classification.Especialista, false, false)]
    [InlineData(Classification.DeApoyo, false, false)]
    [InlineData(null, false, false)]
    [InlineData(Classification.Especialista, true, true)]
    [InlineData(Classification.DeApoyo, true, true)]
    [InlineData(null, true, true)]
    [InlineData(Classification.DirectorEjecutivo, true, true)]
    public void Top_management_and_citizen_facing_services_are_served_first(Classification? classification, bool unitServesCitizens, bool expected)
    {
        QueueOrder.IsPreferential(classification, unitServesCitizens).Should().Be(expected);
    }
}

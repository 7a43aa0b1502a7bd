using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;

namespace Siget.Console.Tests.Stories;

/// <summary>
/// Several SIGET instances over one database register at the same moment. Each <see cref="TicketRegistration"/> below
/// has its own group writer, as each server has, so their transactions really race for the year's next number.
/// </summary>
public class RegisteringOnSeveralServersTests(HelpDeskFixture f) : IClassFixture<HelpDeskFixture>
{
    private const int Servers = 8;
    private const int Tickets = 50;

    // The only test of its class: the numbers it checks start at 000001 in a database nobody else registers in.
    [Fact]
    public async Task Fifty_registrations_from_eight_servers_at_once_all_succeed_with_distinct_consecutive_numbers()
    {
        var tag = HelpDeskFixture.NewTag();
        var registrations = Enumerable.Range(0, Servers)
            .Select(_ => ActivatorUtilities.CreateInstance<TicketRegistration>(f.App.Services)).ToList();

        var registered = await Task.WhenAll(Enumerable.Range(0, Servers).Select(server => Task.Run(async () =>
        {
            var numbers = new List<string>();
            // Server 0 takes tickets 0, 8, 16...; all servers register until the fifty are done.
            for (var i = server; i < Tickets; i += Servers)
            {
                var ticket = await registrations[server].RegisterAsync(f.Technician,
                    HelpDeskFixture.Phoned(f.Requester, subject: $"{tag} servidor {server} llamada {i}"));
                numbers.Add(ticket.Number);
            }
            return numbers;
        })));

        var expected = Enumerable.Range(1, Tickets).Select(n => $"2026-{n:000000}").ToList();
        registered.SelectMany(n => n).Order().Should().Equal(expected, "every registration gets its own number, none skipped");
        await using var db = f.App.CreateDbContext();
        (await db.Tickets.Where(t => t.Subject.StartsWith(tag)).Select(t => t.Number).OrderBy(n => n).ToListAsync())
            .Should().Equal(expected);
        (await db.TicketSequences.SingleAsync(s => s.Year == 2026)).Last.Should().Be(Tickets);
    }
}

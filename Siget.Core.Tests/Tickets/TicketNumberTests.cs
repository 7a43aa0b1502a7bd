using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Tickets;

public class TicketNumberTests
{
    [Theory]
    [InlineData(2026, 1, "2026-000001")]
    [InlineData(2026, 123, "2026-000123")]
    [InlineData(2027, 999999, "2027-999999")]
    [InlineData(2027, 1234567, "2027-1234567")]
    public void A_ticket_number_reads_year_dash_six_digit_sequence_and_parses_back(int year, int sequence, string text)
    {
        var number = new TicketNumber(year, sequence);

        number.ToString().Should().Be(text);
        TicketNumber.TryParse(text, out var parsed).Should().BeTrue();
        parsed.Should().Be(number);
    }

    [Fact]
    public void A_number_typed_with_spaces_around_it_is_understood()
    {
        TicketNumber.TryParse("  2026-000123 ", out var parsed).Should().BeTrue();
        parsed.Should().Be(new TicketNumber(2026, 123));
    }

    [Fact]
    public void A_registered_ticket_carries_its_number_as_text()
    {
        var ticket = new TicketBuilder().Registered();
        TicketNumber.TryParse(ticket.Number, out var parsed).Should().BeTrue();
        (parsed.Year, parsed.Sequence).Should().Be((ticket.Year, ticket.Sequence));
        parsed.ToString().Should().Be(ticket.Number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2026")]
    [InlineData("2026-")]
    [InlineData("-000123")]
    [InlineData("2026-12345")]
    [InlineData("26-000123")]
    [InlineData("20260-000123")]
    [InlineData("2026-00012A")]
    [InlineData("2026-000000")]
    [InlineData("abcd-000123")]
    [InlineData("2026_000123")]
    [InlineData("2026/000123")]
    [InlineData("2026-000123-1")]
    [InlineData("2026--00123")]
    [InlineData("2026-+00123")]
    [InlineData("2026- 00123")]
    [InlineData("2026-99999999999")]
    [InlineData("ticket 2026-000123")]
    public void Garbage_is_not_a_ticket_number(string? text)
    {
        TicketNumber.TryParse(text, out var number).Should().BeFalse();
        number.Should().Be(default(TicketNumber));
    }
}

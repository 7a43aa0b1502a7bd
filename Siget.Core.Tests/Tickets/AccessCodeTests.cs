using Siget.Core.Tickets;

namespace Siget.Core.Tests.Tickets;

public class AccessCodeTests
{
    [Fact]
    public void A_new_code_has_twelve_unambiguous_characters_in_three_groups()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => AccessCode.New()).ToList();

        codes.Should().OnlyContain(c => c.Length == 14 && c[4] == '-' && c[9] == '-');
        codes.SelectMany(c => c.Replace("-", "")).Should().OnlyContain(ch => AccessCode.Alphabet.Contains(ch));
        AccessCode.Alphabet.Should().NotContainAny("0", "O", "1", "I", "L");
        codes.Distinct().Should().HaveCount(codes.Count);
    }

    [Theory]
    [InlineData("abcd-efgh-jkmn")]
    [InlineData("ABCD EFGH JKMN")]
    [InlineData(" abcdefghjkmn ")]
    public void The_code_matches_however_it_is_typed(string typed)
    {
        var hash = AccessCode.Hash("ABCD-EFGH-JKMN");

        AccessCode.Verify(typed, hash).Should().BeTrue();
    }

    [Theory]
    [InlineData("ABCD-EFGH-JKMP")]
    [InlineData("")]
    [InlineData(null)]
    public void Another_code_does_not_match(string? typed)
    {
        var hash = AccessCode.Hash("ABCD-EFGH-JKMN");

        AccessCode.Verify(typed, hash).Should().BeFalse();
        AccessCode.Verify("ABCD-EFGH-JKMN", AccessCode.DecoyHash).Should().BeFalse("the decoy matches nothing a citizen holds");
    }

    [Fact]
    public void Each_hash_is_salted_and_never_contains_the_code()
    {
        var first = AccessCode.Hash("ABCD-EFGH-JKMN");
        var second = AccessCode.Hash("ABCD-EFGH-JKMN");

        first.Should().NotBe(second);
        first.Should().NotContain("ABCD").And.NotContain("JKMN");
    }
}

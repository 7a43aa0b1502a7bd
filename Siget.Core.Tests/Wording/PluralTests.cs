namespace Siget.Core.Tests.Wording;

public class PluralTests
{
    [Theory]
    [InlineData(1, "1 calificación")]
    [InlineData(0, "0 calificaciones")]
    [InlineData(2, "2 calificaciones")]
    public void One_is_singular_and_every_other_count_is_plural(long count, string words) =>
        Plural.Of(count, "calificación", "calificaciones").Should().Be(words);

    [Fact]
    public void A_phrase_agrees_with_its_count_as_a_whole() =>
        (Plural.Pick(1, "en el último día", "en los últimos 1 días"), Plural.Pick(7, "en el último día", "en los últimos 7 días"))
            .Should().Be(("en el último día", "en los últimos 7 días"));
}

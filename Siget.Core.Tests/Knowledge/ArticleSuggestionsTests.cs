using Siget.Core.Knowledge;

namespace Siget.Core.Tests.Knowledge;

public class ArticleSuggestionsTests
{
    private static readonly ArticleCandidate Printer = Candidate(1, "La impresora no imprime", 15, "Retire el papel atascado de la bandeja.");
    private static readonly ArticleCandidate Vpn = Candidate(2, "Conectarse a la VPN desde casa", 5, "Instale FortiClient y use su usuario de red.");
    private static readonly ArticleCandidate Password = Candidate(3, "Olvidé la contraseña del correo", 6, "Restablezca la contraseña en el portal de Microsoft.");
    private static readonly ArticleCandidate SismonitorPassword = Candidate(4, "Recuperar la clave de SISMONITOR", 32, "Pida el cambio de contraseña al administrador.");
    private static readonly ArticleCandidate[] All = [Printer, Vpn, Password, SismonitorPassword];

    private static ArticleCandidate Candidate(int id, string title, int code, string body) =>
        new(id, title, code, Siget.Core.Catalog.CatalogSearch.Fold($"{title} {body}"));

    [Fact]
    public void Words_are_folded_and_stop_words_dropped()
    {
        ArticleSuggestions.Words("No puedo conectarme a la VPN desde mi casa, ¿qué hago?").Should().Equal("conectarme", "vpn", "casa", "hago");
    }

    [Fact]
    public void A_word_in_the_title_counts_more_than_one_in_the_body_and_plurals_match()
    {
        var words = ArticleSuggestions.Words("impresoras atascadas");

        ArticleSuggestions.Score(words, null, Printer).Should().Be(ArticleSuggestions.TitleWeight + ArticleSuggestions.BodyWeight);
    }

    [Fact]
    public void The_same_service_raises_an_article_above_another_with_the_same_words()
    {
        ArticleSuggestions.For("contraseña", 32, All, 5).Select(a => a.Id).Should().Equal(4, 3);
        ArticleSuggestions.For("contraseña", 6, All, 5).Select(a => a.Id).Should().Equal(3, 4);
    }

    [Fact]
    public void Accents_and_case_do_not_matter()
    {
        ArticleSuggestions.For("CONTRASENA", null, All, 5).Select(a => a.Id).Should().Equal(3, 4);
        ArticleSuggestions.For("vpn", null, All, 5).Should().Equal(Vpn);
    }

    [Fact]
    public void Nothing_is_suggested_for_unrelated_or_empty_text_and_the_same_service_alone_is_not_enough()
    {
        ArticleSuggestions.For("", 15, All, 5).Should().BeEmpty();
        ArticleSuggestions.For("no tengo la", 15, All, 5).Should().BeEmpty("only stop words");
        ArticleSuggestions.For("proyector multimedia", 15, All, 5).Should().BeEmpty();
    }

    [Fact]
    public void At_most_the_number_asked_for_best_first()
    {
        ArticleSuggestions.For("contraseña correo clave impresora vpn", null, All, 2).Select(a => a.Id).Should().Equal(3, 4);
    }

    [Fact]
    public void On_a_ticket_every_article_of_its_service_is_offered_the_closest_first()
    {
        var other = Candidate(9, "Cambiar el tóner", 15, "Abra la tapa frontal.");

        ArticleSuggestions.SameService("Se acabó el tóner", 15, [Printer, Vpn, other], 5).Should().Equal(other, Printer);
    }
}

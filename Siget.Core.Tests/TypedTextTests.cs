using Siget.Core.Catalog;

namespace Siget.Core.Tests;

/// <summary>What people type, as every text field and search of SIGET keeps it (<see cref="Text"/>).</summary>
public class TypedTextTests
{
    // Each unwanted character between two words: the words survive, the character does not. As numbers: the test runner
    // would turn an unpaired surrogate passed as text into a replacement character before the test sees it.
    public static TheoryData<string, int> Unwanted => new()
    {
        { "NUL", 0x0 }, { "bell", 0x7 }, { "escape", 0x1B }, { "delete", 0x7F }, { "C1 control", 0x9B },
        { "right-to-left override", 0x202E }, { "left-to-right embedding", 0x202A }, { "first-strong isolate", 0x2068 },
        { "byte-order mark", 0xFEFF }, { "non-character", 0xFFFF }, { "unpaired high surrogate", 0xD83D },
        { "unpaired low surrogate", 0xDE00 },
    };

    [Theory]
    [MemberData(nameof(Unwanted))]
    public void An_unwanted_character_is_removed_from_one_line_and_multi_line_text(string name, int code)
    {
        var character = (char)code;
        Text.RequiredLine($"Impresora{character} atascada", 150, "el asunto").Should().Be("Impresora atascada", name);
        Text.Required($"Impresora{character} atascada", 4000, "la descripción").Should().Be("Impresora atascada", name);
        Text.Search($"impresora{character}").Should().Be("impresora", name);
    }

    [Fact]
    public void Multi_line_text_keeps_its_line_breaks_and_tabs_as_typed_on_any_system()
    {
        Text.Required("Pasos:\r\n1.\tReiniciar\r2.\tProbar\n3.\u2028Avisar", 4000, "la descripción")
            .Should().Be("Pasos:\n1.\tReiniciar\n2.\tProbar\n3.\nAvisar");
    }

    [Fact]
    public void One_line_text_turns_line_breaks_and_tabs_into_spaces()
    {
        Text.RequiredLine("La VPN\r\nno\tconecta", 150, "el asunto").Should().Be("La VPN no conecta");
        Text.Search("vpn\ncusco").Should().Be("vpn cusco");
    }

    [Fact]
    public void Letters_accents_and_emoji_are_kept_whole()
    {
        const string typed = "Ñandú en Áncash 😀 — «señal» débil";
        Text.RequiredLine(typed, 150, "el asunto").Should().Be(typed);
        Text.Required(typed, 4000, "la descripción").Should().Be(typed);
    }

    [Fact]
    public void Text_made_only_of_unwanted_characters_counts_as_empty()
    {
        var required = () => Text.RequiredLine("\0\u0007 \u202E", 150, "el asunto");

        required.Should().Throw<DomainException>().WithMessage("Complete el asunto.");
        Text.Optional("\0\0", 1000, "la nota").Should().BeNull();
        Text.Search("\0 \u0007").Should().BeNull();
    }

    [Fact]
    public void The_limit_counts_what_is_kept_not_what_was_sent()
    {
        var padded = new string('a', 150) + "\0\0\0";

        Text.RequiredLine(padded, 150, "el asunto").Should().HaveLength(150);
        var tooLong = () => Text.RequiredLine(new string('a', 151), 150, "el asunto");
        tooLong.Should().Throw<DomainException>().WithMessage("Escriba como máximo 150 caracteres en el asunto.");
    }

    [Fact]
    public void A_search_is_cut_to_its_limit_without_splitting_a_character()
    {
        var typed = new string('a', Text.SearchMaxLength - 1) + "😀" + new string('b', 100_000);

        var search = Text.Search(typed)!;

        search.Should().HaveLength(Text.SearchMaxLength - 1, "the emoji would straddle the limit, so it is left out whole");
        search.Should().Be(new string('a', Text.SearchMaxLength - 1));
    }

    [Fact]
    public void Folding_for_search_never_fails_on_what_a_person_can_send()
    {
        var fold = () => CatalogSearch.Fold("impresora\uD800\0 Áncash");

        fold.Should().NotThrow();
        fold().Should().Be("impresora ancash");
    }
}

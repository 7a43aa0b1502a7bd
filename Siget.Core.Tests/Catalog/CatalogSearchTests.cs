using Siget.Core.Catalog;

namespace Siget.Core.Tests.Catalog;

public class CatalogSearchTests
{
    private static IEnumerable<int> Search(string? query) => SeedCatalog.Subcategories
        .Where(s => CatalogSearch.Matches(query, s, SeedCatalog.Categories.Single(c => c.Id == s.CategoryId).Name))
        .Select(s => s.Code);

    [Theory]
    [InlineData("impresora", new[] { 15 })]
    [InlineData("vpn", new[] { 5 })]
    [InlineData("VPN", new[] { 5 })]
    [InlineData("contrasena", new[] { 6, 32 })]
    [InlineData("contraseña", new[] { 6, 32 })]
    [InlineData("CONTRASEÑA", new[] { 6, 32 })]
    [InlineData("correo contraseña", new[] { 6 })]
    [InlineData("contrasena   sismonitor", new[] { 32 })]
    [InlineData("impresion", new[] { 4 })]
    [InlineData("wifi", new[] { 22, 23 })]
    [InlineData("otros", new[] { 26, 35, 39 })]
    [InlineData("inoperativo", new[] { 21, 40 })]
    [InlineData("internet", new[] { 19, 20, 21, 22, 23 })]
    [InlineData("informaticos tablet", new[] { 18 })]
    [InlineData("39", new[] { 39 })]
    [InlineData("teams", new[] { 43 })]
    public void Searching_finds_exactly_the_entries_whose_names_contain_every_word_ignoring_case_and_accents(string query, int[] expected)
    {
        Search(query).Should().BeEquivalentTo(expected);
    }

    [Theory]
    [InlineData("escáner")]
    [InlineData("correo vpn")]
    [InlineData("impresoras")]
    public void Searching_for_something_the_catalog_does_not_have_finds_nothing(string query)
    {
        Search(query).Should().BeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_search_shows_the_whole_catalog(string? query)
    {
        Search(query).Should().HaveCount(43);
    }

    [Fact]
    public void Folding_removes_accents_and_case()
    {
        CatalogSearch.Fold("TELEFONÍA Contraseña Intervención").Should().Be("telefonia contrasena intervencion");
    }
}

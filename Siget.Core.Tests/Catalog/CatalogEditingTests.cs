using Siget.Core.Catalog;

namespace Siget.Core.Tests.Catalog;

// The seed entries are shared static instances; these tests edit copies so they cannot leak into other tests.
public class CatalogEditingTests
{
    private static ServiceSubcategory CopyOfSeed(int code)
    {
        var seed = SeedCatalog.Subcategories.Single(s => s.Code == code);
        return new ServiceSubcategory(seed.Code, seed.CategoryId, seed.Name);
    }

    [Fact]
    public void Retiring_a_subcategory_keeps_its_code_category_and_name()
    {
        var printer = CopyOfSeed(15);

        printer.Retire();

        printer.Retired.Should().BeTrue();
        (printer.Code, printer.CodeText, printer.Name).Should().Be((15, "15", "Impresora"));
        printer.CategoryId.Should().Be(SeedCatalog.Subcategories.Single(s => s.Code == 15).CategoryId);
    }

    [Fact]
    public void A_retired_subcategory_can_be_restored()
    {
        var vpn = CopyOfSeed(5);
        vpn.Retire();

        vpn.Restore();

        vpn.Retired.Should().BeFalse();
    }

    [Fact]
    public void Retiring_a_category_keeps_it_with_its_name()
    {
        var category = new ServiceCategory(7, "SISCORP");

        category.Retire();

        category.Retired.Should().BeTrue();
        (category.Id, category.Name).Should().Be((7, "SISCORP"));
    }

    [Fact]
    public void Renaming_trims_the_new_name()
    {
        var entry = CopyOfSeed(42);
        entry.Rename("  Zoom Workplace  ");
        entry.Name.Should().Be("Zoom Workplace");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_entry_without_a_name_is_refused(string? name)
    {
        var create = () => new ServiceSubcategory(44, 1, name!);
        create.Should().Throw<DomainException>().WithMessage("El nombre de la entrada del catálogo es obligatorio.");
        var rename = () => new ServiceCategory(12, "REDES").Rename(name!);
        rename.Should().Throw<DomainException>().WithMessage("El nombre de la entrada del catálogo es obligatorio.");
    }

    [Fact]
    public void A_name_longer_than_80_characters_is_refused_and_80_are_accepted()
    {
        new ServiceSubcategory(44, 1, new string('a', ServiceCategory.NameMaxLength)).Name.Should().HaveLength(80);
        var tooLong = () => new ServiceSubcategory(44, 1, new string('a', ServiceCategory.NameMaxLength + 1));
        tooLong.Should().Throw<DomainException>().WithMessage("*hasta 80 caracteres*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_subcategory_code_must_be_positive(int code)
    {
        var create = () => new ServiceSubcategory(code, 1, "Nueva");
        create.Should().Throw<DomainException>().WithMessage("*código*positivo*");
    }
}

using Siget.Core.Catalog;

namespace Siget.Core.Tests.Catalog;

public class SeedCatalogTests
{
    /// <summary>Anexo 1, written out in full: code, category, subcategory.</summary>
    public static TheoryData<int, string, string> Anexo1 => new()
    {
        { 1, "ACCESO A LA RED", "Carpeta compartida" },
        { 2, "ACCESO A LA RED", "Páginas bloqueadas" },
        { 3, "ACCESO A LA RED", "Configuración de usuario" },
        { 4, "ACCESO A LA RED", "Código de impresión" },
        { 5, "ACCESO A LA RED", "Conexión VPN" },
        { 6, "CORREO INSTITUCIONAL", "Olvido de contraseña" },
        { 7, "CORREO INSTITUCIONAL", "Cuenta bloqueada" },
        { 8, "CORREO INSTITUCIONAL", "Factor de autenticación" },
        { 9, "CORREO INSTITUCIONAL", "Onedrive" },
        { 10, "CORREO INSTITUCIONAL", "Reporte de spam / phishing" },
        { 11, "EQUIPOS INFORMÁTICOS", "Instalación / activación de programa" },
        { 12, "EQUIPOS INFORMÁTICOS", "Computadora (PC / AIO / monitor)" },
        { 13, "EQUIPOS INFORMÁTICOS", "Laptop" },
        { 14, "EQUIPOS INFORMÁTICOS", "Teclado / mouse webcam" },
        { 15, "EQUIPOS INFORMÁTICOS", "Impresora" },
        { 16, "EQUIPOS INFORMÁTICOS", "Proyector multimedia" },
        { 17, "EQUIPOS INFORMÁTICOS", "Access point / Router / Switch" },
        { 18, "EQUIPOS INFORMÁTICOS", "Tablet" },
        { 19, "INTERNET", "Lento" },
        { 20, "INTERNET", "Intermitente" },
        { 21, "INTERNET", "Inoperativo" },
        { 22, "INTERNET", "Cambio clave wifi" },
        { 23, "INTERNET", "Sin acceso wifi - cable" },
        { 24, "PLAN MENSUAL", "Editar intervención" },
        { 25, "PLAN MENSUAL", "Solicita asignación de tambo" },
        { 26, "PLAN MENSUAL", "Otros" },
        { 27, "SGD", "Instalación / configuración" },
        { 28, "SGD", "Firma digital" },
        { 29, "SGD", "Sin acceso" },
        { 30, "SISCORP", "Módulo Combustible" },
        { 31, "SISMONITOR", "Solicito cuenta" },
        { 32, "SISMONITOR", "Olvido su contraseña" },
        { 33, "SISMONITOR", "Sale mensaje de error" },
        { 34, "SISMONITOR", "No puede ingresar" },
        { 35, "SISMONITOR", "Otros" },
        { 36, "SISTEMA INTRANET", "Plan de Trabajo" },
        { 37, "SISTEMA INTRANET", "Programación" },
        { 38, "SISTEMA INTRANET", "Ejecución" },
        { 39, "SISTEMA INTRANET", "Otros" },
        { 40, "TELEFONÍA IP", "Inoperativo" },
        { 41, "TELEFONÍA IP", "Con limitaciones" },
        { 42, "VIDEOCONFERENCIA", "Zoom" },
        { 43, "VIDEOCONFERENCIA", "Teams" },
    };

    [Theory]
    [MemberData(nameof(Anexo1))]
    public void Every_subcategory_has_the_code_name_and_category_of_Anexo_1(int code, string category, string name)
    {
        var subcategory = SeedCatalog.Subcategories.Should().ContainSingle(s => s.Code == code).Subject;
        subcategory.Name.Should().Be(name);
        subcategory.CodeText.Should().Be(code.ToString("00"));
        subcategory.Retired.Should().BeFalse();
        SeedCatalog.Categories.Should().ContainSingle(c => c.Id == subcategory.CategoryId).Which.Name.Should().Be(category);
    }

    [Fact]
    public void The_catalog_has_exactly_11_categories_and_43_subcategories_numbered_1_to_43()
    {
        SeedCatalog.Categories.Should().HaveCount(11);
        SeedCatalog.Subcategories.Should().HaveCount(43);
        SeedCatalog.Subcategories.Select(s => s.Code).Should().Equal(Enumerable.Range(1, 43));
        SeedCatalog.Categories.Select(c => c.Id).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("ACCESO A LA RED", 5)]
    [InlineData("CORREO INSTITUCIONAL", 5)]
    [InlineData("EQUIPOS INFORMÁTICOS", 8)]
    [InlineData("INTERNET", 5)]
    [InlineData("PLAN MENSUAL", 3)]
    [InlineData("SGD", 3)]
    [InlineData("SISCORP", 1)]
    [InlineData("SISMONITOR", 5)]
    [InlineData("SISTEMA INTRANET", 4)]
    [InlineData("TELEFONÍA IP", 2)]
    [InlineData("VIDEOCONFERENCIA", 2)]
    public void Each_category_has_the_number_of_subcategories_of_Anexo_1(string category, int count)
    {
        var id = SeedCatalog.Categories.Should().ContainSingle(c => c.Name == category).Subject.Id;
        SeedCatalog.Subcategories.Count(s => s.CategoryId == id).Should().Be(count);
    }

    [Fact]
    public void The_code_the_seed_misprints_as_29_is_39_Otros_of_SISTEMA_INTRANET_and_29_stays_Sin_acceso_of_SGD()
    {
        string CategoryOf(int code) => SeedCatalog.Categories.Single(c => c.Id == SeedCatalog.Subcategories.Single(s => s.Code == code).CategoryId).Name;

        (SeedCatalog.Subcategories.Single(s => s.Code == 39).Name, CategoryOf(39)).Should().Be(("Otros", "SISTEMA INTRANET"));
        (SeedCatalog.Subcategories.Single(s => s.Code == 29).Name, CategoryOf(29)).Should().Be(("Sin acceso", "SGD"));
        (SeedCatalog.Subcategories.Single(s => s.Code == 28).Name, CategoryOf(28)).Should().Be(("Firma digital", "SGD"));
    }
}

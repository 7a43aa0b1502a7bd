using Siget.Core.Catalog;

namespace Siget.Core.Tests;

public class CatalogTests
{
    public static TheoryData<int, string, string> Anexo1 => new()
    {
        { 1, "ACCESO A LA RED", "Carpeta compartida" }, { 2, "ACCESO A LA RED", "Páginas bloqueadas" },
        { 3, "ACCESO A LA RED", "Configuración de usuario" }, { 4, "ACCESO A LA RED", "Código de impresión" },
        { 5, "ACCESO A LA RED", "Conexión VPN" }, { 6, "CORREO INSTITUCIONAL", "Olvido de contraseña" },
        { 7, "CORREO INSTITUCIONAL", "Cuenta bloqueada" }, { 8, "CORREO INSTITUCIONAL", "Factor de autenticación" },
        { 9, "CORREO INSTITUCIONAL", "Onedrive" }, { 10, "CORREO INSTITUCIONAL", "Reporte de spam / phishing" },
        { 11, "EQUIPOS INFORMÁTICOS", "Instalación / activación de programa" }, { 12, "EQUIPOS INFORMÁTICOS", "Computadora (PC / AIO / monitor)" },
        { 13, "EQUIPOS INFORMÁTICOS", "Laptop" }, { 14, "EQUIPOS INFORMÁTICOS", "Teclado / mouse webcam" },
        { 15, "EQUIPOS INFORMÁTICOS", "Impresora" }, { 16, "EQUIPOS INFORMÁTICOS", "Proyector multimedia" },
        { 17, "EQUIPOS INFORMÁTICOS", "Access point / Router / Switch" }, { 18, "EQUIPOS INFORMÁTICOS", "Tablet" },
        { 19, "INTERNET", "Lento" }, { 20, "INTERNET", "Intermitente" }, { 21, "INTERNET", "Inoperativo" },
        { 22, "INTERNET", "Cambio clave wifi" }, { 23, "INTERNET", "Sin acceso wifi - cable" },
        { 24, "PLAN MENSUAL", "Editar intervención" }, { 25, "PLAN MENSUAL", "Solicita asignación de tambo" }, { 26, "PLAN MENSUAL", "Otros" },
        { 27, "SGD", "Instalación / configuración" }, { 28, "SGD", "Firma digital" }, { 29, "SGD", "Sin acceso" },
        { 30, "SISCORP", "Módulo Combustible" },
        { 31, "SISMONITOR", "Solicito cuenta" }, { 32, "SISMONITOR", "Olvido su contraseña" }, { 33, "SISMONITOR", "Sale mensaje de error" },
        { 34, "SISMONITOR", "No puede ingresar" }, { 35, "SISMONITOR", "Otros" },
        { 36, "SISTEMA INTRANET", "Plan de Trabajo" }, { 37, "SISTEMA INTRANET", "Programación" }, { 38, "SISTEMA INTRANET", "Ejecución" },
        { 39, "SISTEMA INTRANET", "Otros" },
        { 40, "TELEFONÍA IP", "Inoperativo" }, { 41, "TELEFONÍA IP", "Con limitaciones" },
        { 42, "VIDEOCONFERENCIA", "Zoom" }, { 43, "VIDEOCONFERENCIA", "Teams" },
    };

    [Theory]
    [MemberData(nameof(Anexo1))]
    public void Every_subcategory_has_the_code_and_category_of_Anexo_1(int code, string category, string name)
    {
        var subcategory = SeedCatalog.Subcategories.Single(s => s.Code == code);
        subcategory.Name.Should().Be(name);
        SeedCatalog.Categories.Single(c => c.Id == subcategory.CategoryId).Name.Should().Be(category);
        subcategory.CodeText.Should().Be(code.ToString("00"));
    }

    [Fact]
    public void The_catalog_has_11_categories_and_43_subcategories_with_codes_1_to_43()
    {
        SeedCatalog.Categories.Should().HaveCount(11);
        SeedCatalog.Subcategories.Select(s => s.Code).Should().Equal(Enumerable.Range(1, 43));
    }

    [Fact]
    public void A_retired_entry_keeps_its_code_and_name()
    {
        var entry = new ServiceSubcategory(44, 1, "Impresora 3D");
        entry.Retire();
        entry.Retired.Should().BeTrue();
        entry.Code.Should().Be(44);
        entry.Name.Should().Be("Impresora 3D");
        entry.Restore();
        entry.Retired.Should().BeFalse();
    }

    [Fact]
    public void An_entry_without_name_is_refused()
    {
        var act = () => new ServiceSubcategory(44, 1, "   ");
        act.Should().Throw<DomainException>().WithMessage("*nombre*obligatorio*");
    }

    [Theory]
    [InlineData("impresora", new[] { 15 })]
    [InlineData("vpn", new[] { 5 })]
    [InlineData("contrasena", new[] { 6, 32 })]
    [InlineData("correo contraseña", new[] { 6 })]
    [InlineData("TEAMS", new[] { 43 })]
    public void Searching_finds_entries_by_words_ignoring_case_and_accents(string query, int[] expected)
    {
        var found = SeedCatalog.Subcategories
            .Where(s => CatalogSearch.Matches(query, s, SeedCatalog.Categories.Single(c => c.Id == s.CategoryId).Name))
            .Select(s => s.Code);
        found.Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void Channels_are_the_five_of_Anexo_2_and_only_Intranet_and_SISMONITOR_are_self_service()
    {
        Enum.GetValues<Channel>().Select(c => (int)c).Should().Equal(1, 2, 3, 4, 5);
        Enum.GetValues<Channel>().Where(c => c.IsSelfService()).Should().Equal(Channel.Intranet, Channel.Sismonitor);
        ChannelRules.RegisteredByStaff.Should().Equal(Channel.Telefono, Channel.Presencial, Channel.CorreoElectronico);
    }

    [Fact]
    public void Ticket_kinds_are_incident_request_and_problem()
    {
        Enum.GetValues<TicketKind>().Select(k => k.Label()).Should().Equal("Incidencia", "Petición", "Problema");
    }
}

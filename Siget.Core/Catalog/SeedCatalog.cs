namespace Siget.Core.Catalog;

/// <summary>The service catalog of Anexo 1 as shipped: 11 categories, 43 subcategories, codes as in the seed
/// (the seed misprints "Otros" of SISTEMA INTRANET as 29; it is 39).</summary>
public static class SeedCatalog
{
    public static IReadOnlyList<ServiceCategory> Categories { get; }
    public static IReadOnlyList<ServiceSubcategory> Subcategories { get; }

    static SeedCatalog()
    {
        (string Category, string[] Subcategories)[] rows =
        [
            ("ACCESO A LA RED", ["Carpeta compartida", "Páginas bloqueadas", "Configuración de usuario", "Código de impresión", "Conexión VPN"]),
            ("CORREO INSTITUCIONAL", ["Olvido de contraseña", "Cuenta bloqueada", "Factor de autenticación", "Onedrive", "Reporte de spam / phishing"]),
            ("EQUIPOS INFORMÁTICOS", ["Instalación / activación de programa", "Computadora (PC / AIO / monitor)", "Laptop", "Teclado / mouse webcam", "Impresora", "Proyector multimedia", "Access point / Router / Switch", "Tablet"]),
            ("INTERNET", ["Lento", "Intermitente", "Inoperativo", "Cambio clave wifi", "Sin acceso wifi - cable"]),
            ("PLAN MENSUAL", ["Editar intervención", "Solicita asignación de tambo", "Otros"]),
            ("SGD", ["Instalación / configuración", "Firma digital", "Sin acceso"]),
            ("SISCORP", ["Módulo Combustible"]),
            ("SISMONITOR", ["Solicito cuenta", "Olvido su contraseña", "Sale mensaje de error", "No puede ingresar", "Otros"]),
            ("SISTEMA INTRANET", ["Plan de Trabajo", "Programación", "Ejecución", "Otros"]),
            ("TELEFONÍA IP", ["Inoperativo", "Con limitaciones"]),
            ("VIDEOCONFERENCIA", ["Zoom", "Teams"]),
        ];

        var categories = new List<ServiceCategory>();
        var subcategories = new List<ServiceSubcategory>();
        var code = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var category = new ServiceCategory(i + 1, rows[i].Category);
            categories.Add(category);
            foreach (var name in rows[i].Subcategories)
                subcategories.Add(new ServiceSubcategory(++code, category.Id, name));
        }
        Categories = categories;
        Subcategories = subcategories;
    }
}

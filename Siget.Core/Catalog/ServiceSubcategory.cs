namespace Siget.Core.Catalog;

/// <summary>
/// A subcategory of the service catalog, identified by its code from Anexo 1 (01..43).
/// A retired entry can no longer be chosen for new tickets but stays on the tickets that used it.
/// </summary>
public sealed class ServiceSubcategory
{
    private ServiceSubcategory() { Name = ""; }

    public ServiceSubcategory(int code, int categoryId, string name)
    {
        if (code <= 0) throw new DomainException("El código de la subcategoría debe ser un número positivo.");
        Code = code;
        CategoryId = categoryId;
        Name = CatalogNames.Validate(name);
    }

    public int Code { get; private set; }
    public int CategoryId { get; private set; }
    public string Name { get; private set; }
    public bool Retired { get; private set; }

    /// <summary>The code as printed in the catalog: two digits.</summary>
    public string CodeText => Code.ToString("00");

    public void Rename(string name) => Name = CatalogNames.Validate(name);
    public void Retire() => Retired = true;
    public void Restore() => Retired = false;
}

internal static class CatalogNames
{
    public static string Validate(string name)
    {
        var trimmed = Text.Clean(name, multiline: false);
        if (trimmed.Length == 0) throw new DomainException("El nombre de la entrada del catálogo es obligatorio.");
        if (trimmed.Length > ServiceCategory.NameMaxLength)
            throw new DomainException($"El nombre de la entrada del catálogo admite hasta {ServiceCategory.NameMaxLength} caracteres.");
        return trimmed;
    }
}

namespace Siget.Core.Catalog;

/// <summary>A category of the service catalog (Anexo 1).</summary>
public sealed class ServiceCategory
{
    public const int NameMaxLength = 80;

    private ServiceCategory() { Name = ""; }

    public ServiceCategory(int id, string name)
    {
        Id = id;
        Name = CatalogNames.Validate(name);
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public bool Retired { get; private set; }

    public void Rename(string name) => Name = CatalogNames.Validate(name);
    public void Retire() => Retired = true;
    public void Restore() => Retired = false;
}

namespace Siget.Console.Data;

/// <summary>A contracted IT provider (Nivel 3 of the escalation matrix).</summary>
public class VendorCompany
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? ContractReference { get; set; }
    /// <summary>Resolution time promised in the contract, in hours.</summary>
    public int? ContractSlaHours { get; set; }
    public string? Contact { get; set; }
    public bool Active { get; set; } = true;
}

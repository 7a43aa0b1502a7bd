namespace Siget.Console.Data;

public enum UnitKind
{
    Unidad = 1,
    Tambo = 2,
}

/// <summary>A unit of the organisation or a Tambo (rural service centre) that requesters belong to.</summary>
public class Unit
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public UnitKind Kind { get; set; }
    /// <summary>Attends citizens in person: its tickets are served first within their priority (MTPE 6.3.e).</summary>
    public bool ServesCitizens { get; set; }
    public bool Active { get; set; } = true;
}

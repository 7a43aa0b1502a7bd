namespace Siget.Console.Data;

/// <summary>A setting administrators change at run time, stored as JSON under its key.</summary>
public class StoredSetting
{
    public string Key { get; set; } = "";
    public string Json { get; set; } = "";
}

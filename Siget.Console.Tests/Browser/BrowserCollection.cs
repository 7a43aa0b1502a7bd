namespace Siget.Console.Tests.Browser;

/// <summary>Browser tests run alone, after the parallel ones, so timing on two cores stays predictable.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}

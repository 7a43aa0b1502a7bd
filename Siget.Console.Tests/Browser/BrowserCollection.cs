namespace Siget.Console.Tests.Browser;

/// <summary>
/// Browser tests run alone, after the parallel ones, so timing on two cores stays predictable; they share one app and
/// one Chromium (<see cref="BrowserFixture"/>), so each test works on its own tagged tickets and people, or reads what
/// others cannot change.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

namespace Siget.Console.Tests.Infrastructure;

/// <summary>
/// The service stories that share one running app (one host boot for all of them). Each test works on its own
/// tickets, found by a tag in the subject; none depends on exact numbers or on the clock's exact value.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HelpDeskCollection : ICollectionFixture<HelpDeskFixture>
{
    public const string Name = "Help desk over one SQLite file";
}

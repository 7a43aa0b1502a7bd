using Siget.Console.Data;

namespace Siget.Console.Tests.Infrastructure;

/// <summary>
/// The database the service and story tests run on in this test run: SQLite unless <c>SIGET_TEST_DATABASE</c> says
/// <c>PostgreSql</c> (test.sh runs those tests a second time so). A value it does not know fails the run.
/// </summary>
public static class TestDatabase
{
    public const string Variable = "SIGET_TEST_DATABASE";

    public static DatabaseProvider Provider { get; } = Environment.GetEnvironmentVariable(Variable) switch
    {
        null or "" => DatabaseProvider.Sqlite,
        var value when Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && provider != DatabaseProvider.SqlServer => provider,
        var value => throw new InvalidOperationException($"{Variable}={value}: use Sqlite or PostgreSql."),
    };
}

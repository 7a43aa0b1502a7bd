using System.Reflection;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;
using Siget.Console.Data;

namespace Siget.Console.Tests.Architecture;

/// <summary>
/// The shape of the code, checked on the compiled assemblies: Core knows no framework, screens never touch EF Core's
/// entities or the DbContext, the API and services never reach into screens, and Live (the in-process feeds the
/// services publish to) never calls back into Services.
/// </summary>
public sealed class DependencyRulesTests
{
    private static readonly Assembly Core = typeof(Siget.Core.DomainException).Assembly;
    private static readonly Assembly App = typeof(SigetDbContext).Assembly;

    [Fact]
    public void Core_references_nothing_but_the_base_library()
    {
        Core.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(name => !(name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib"))
            .Should().BeEmpty("Siget.Core is the domain: no EF Core, ASP.NET, SignalR, MudBlazor or app code");
        Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny("Siget.Console", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore",
            "Microsoft.Extensions", "MudBlazor").GetResult().FailingTypeNames.Should().BeNullOrEmpty();
    }

    [Fact]
    public void Screens_never_use_the_database_entities_or_the_DbContext()
    {
        var forbidden = EntityTypes().Select(t => t.FullName!).Concat(DbContextTypes()).ToArray();
        Failing(Types.InAssembly(App).That().ResideInNamespace("Siget.Console.Components")
                .And().DoNotResideInNamespace("Siget.Console.Components.Account"),
            forbidden).Should().BeEmpty("screens get small records from the services");
    }

    [Fact]
    public void Identity_pages_use_only_the_user_and_only_through_Identity()
    {
        var forbidden = EntityTypes().Where(t => t != typeof(ApplicationUser)).Select(t => t.FullName!).Concat(DbContextTypes()).ToArray();
        Failing(Types.InAssembly(App).That().ResideInNamespace("Siget.Console.Components.Account"), forbidden)
            .Should().BeEmpty("Identity's pages reach ApplicationUser through UserManager and SignInManager");
    }

    [Fact]
    public void The_API_never_uses_screens_or_the_data_layer()
    {
        Failing(Types.InAssembly(App).That().ResideInNamespace("Siget.Console.Api"), "Siget.Console.Components", "Siget.Console.Data",
                "Microsoft.EntityFrameworkCore")
            .Should().BeEmpty("endpoints ask the services, which own the database and its failures");
    }

    [Fact]
    public void Services_never_use_screens()
    {
        Failing(Types.InAssembly(App).That().ResideInNamespace("Siget.Console.Services"), "Siget.Console.Components")
            .Should().BeEmpty();
    }

    [Fact]
    public void Live_feeds_never_call_back_into_services_or_screens()
    {
        // Services publish to Live after each commit; the other way round would be a cycle.
        Failing(Types.InAssembly(App).That().ResideInNamespace("Siget.Console.Live"),
                "Siget.Console.Services", "Siget.Console.Components", "Siget.Console.Api", "Siget.Console.Data")
            .Should().BeEmpty();
    }

    [Fact]
    public void The_rules_see_what_they_are_about()
    {
        // Guards the rules above against passing on nothing: a screen does use a Data enum and a service does use an entity.
        Types.InAssembly(App).That().ResideInNamespace("Siget.Console.Components.Admin").Should()
            .HaveDependencyOn(typeof(UnitKind).FullName).GetResult().IsSuccessful.Should().BeFalse("some admin screens name UnitKind");
        Failing(Types.InAssembly(App).That().ResideInNamespace("Siget.Console.Services.Administration"), typeof(Unit).FullName!)
            .Should().NotBeEmpty();
        EntityTypes().Should().Contain([typeof(Unit), typeof(VendorCompany), typeof(AuditEntry), typeof(ApplicationUser)]);
    }

    private static IReadOnlyList<string> Failing(PredicateList types, params string[] dependencies) =>
        dependencies.Length == 0 ? [] : [.. types.ShouldNot().HaveDependencyOnAny(dependencies).GetResult().FailingTypeNames ?? []];

    /// <summary>The app's own classes that EF Core maps (the domain's are Core's and may be shown).</summary>
    private static IReadOnlyList<Type> EntityTypes()
    {
        using var db = new SqliteSigetDbContext(new DbContextOptionsBuilder<SqliteSigetDbContext>().UseSqlite("Data Source=:memory:").Options);
        return [.. db.Model.GetEntityTypes().Select(e => e.ClrType).Where(t => t.Assembly == App).Distinct()];
    }

    private static IEnumerable<string> DbContextTypes() =>
        App.GetTypes().Where(t => typeof(DbContext).IsAssignableFrom(t)).Select(t => t.FullName!);
}

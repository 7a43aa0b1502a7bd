using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Siget.Console.Data;

namespace Siget.Console.Tests.Databases;

/// <summary>
/// Each provider's migrations are in step with the model: the snapshot its last migration left equals what the
/// entity configurations say now, so a change to the model without a migration for every provider fails here. SQL
/// Server cannot run on these machines; this is how its migrations are kept honest.
/// </summary>
public class ModelSnapshotTests
{
    public static TheoryData<string> Providers() => new("Sqlite", "SqlServer", "PostgreSql");

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_last_migration_snapshot_matches_the_model(string provider)
    {
        using SigetDbContext db = provider switch
        {
            "Sqlite" => new SqliteDesignTimeFactory().CreateDbContext([]),
            "SqlServer" => new SqlServerDesignTimeFactory().CreateDbContext([]),
            _ => new PostgreSqlDesignTimeFactory().CreateDbContext([]),
        };

        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot;
        snapshot.Should().NotBeNull($"{provider} has migrations");
        var snapshotModel = snapshot!.Model is IMutableModel mutable ? mutable.FinalizeModel() : snapshot.Model;
        snapshotModel = db.GetService<IModelRuntimeInitializer>().Initialize(snapshotModel, designTime: true);
        var differences = db.GetService<IMigrationsModelDiffer>().GetDifferences(
            snapshotModel.GetRelationalModel(), db.GetService<IDesignTimeModel>().Model.GetRelationalModel());

        differences.Select(d => d.ToString()).Should().BeEmpty($"every model change needs a migration for {provider} too");
    }
}

using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Siget.Console.Data;

/// <summary>
/// EF Core rebuilds a SQLite table (to add a foreign key, for one) between <c>PRAGMA foreign_keys = 0</c> and <c>= 1</c>,
/// which SQLite only honours outside a transaction; so EF commits before and after them, and a crash in between leaves
/// a migration half applied (the Problems migration did: "duplicate column name: ProblemId" at the next start).
/// SIGET migrates on a connection that has foreign keys off from the start (and checks them all afterwards), so these
/// switches are dropped and each migration, its history row included, is one transaction.
/// </summary>
internal sealed class SqliteMigrationsInOneTransaction(MigrationsSqlGeneratorDependencies dependencies, IRelationalAnnotationProvider annotations)
    : SqliteMigrationsSqlGenerator(dependencies, annotations)
{
    protected override void Generate(SqlOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        if (operation.SuppressTransaction && operation.Sql.TrimStart().StartsWith("PRAGMA foreign_keys", StringComparison.OrdinalIgnoreCase))
            return;
        base.Generate(operation, model, builder);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Siget.Console.Data;

// Used by dotnet-ef to build each provider's migrations without starting the app.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSigetDbContext>
{
    public SqliteSigetDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSigetDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerSigetDbContext>
{
    public SqlServerSigetDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerSigetDbContext>().UseSqlServer("Server=localhost;Database=Siget;Trusted_Connection=True;TrustServerCertificate=True").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlSigetDbContext>
{
    public PostgreSqlSigetDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgreSqlSigetDbContext>)DatabaseSetup.UseSigetPostgreSql(new DbContextOptionsBuilder<PostgreSqlSigetDbContext>(), "Host=localhost;Database=siget").Options);
}

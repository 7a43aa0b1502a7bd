using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Siget.Core.Catalog;

namespace Siget.Console.Data.Configuration;

internal sealed class ServiceCategoryConfiguration : IEntityTypeConfiguration<ServiceCategory>
{
    public void Configure(EntityTypeBuilder<ServiceCategory> category)
    {
        category.ToTable("ServiceCategories");
        category.HasKey(c => c.Id);
        category.Property(c => c.Id).ValueGeneratedNever();
        category.Property(c => c.Name).HasMaxLength(ServiceCategory.NameMaxLength).IsRequired();
        // Anexo 1 ships as seed data; administrators edit it afterwards.
        category.HasData(SeedCatalog.Categories.Select(c => new { c.Id, c.Name, Retired = false }));
    }
}

internal sealed class ServiceSubcategoryConfiguration : IEntityTypeConfiguration<ServiceSubcategory>
{
    public void Configure(EntityTypeBuilder<ServiceSubcategory> subcategory)
    {
        subcategory.ToTable("ServiceSubcategories");
        subcategory.HasKey(s => s.Code);
        subcategory.Property(s => s.Code).ValueGeneratedNever();
        subcategory.Property(s => s.Name).HasMaxLength(ServiceCategory.NameMaxLength).IsRequired();
        subcategory.HasOne<ServiceCategory>().WithMany().HasForeignKey(s => s.CategoryId).OnDelete(DeleteBehavior.Restrict);
        subcategory.Ignore(s => s.CodeText);
        subcategory.HasData(SeedCatalog.Subcategories.Select(s => new { s.Code, s.CategoryId, s.Name, Retired = false }));
    }
}

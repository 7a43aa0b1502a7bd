using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Siget.Core.Catalog;
using Siget.Core.Knowledge;

namespace Siget.Console.Data.Configuration;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> article)
    {
        article.HasKey(a => a.Id);
        article.Property(a => a.Title).HasMaxLength(ArticleLimits.TitleMaxLength).IsRequired();
        article.Property(a => a.Body).HasMaxLength(ArticleLimits.BodyMaxLength).IsRequired();
        article.Property(a => a.SearchText).HasMaxLength(ArticleLimits.TitleMaxLength + ArticleLimits.BodyMaxLength + 1).IsRequired();
        article.Property(a => a.AuthorId).HasMaxLength(450).IsRequired();
        article.Property(a => a.AuthorName).HasMaxLength(200).IsRequired();
        article.Property(a => a.UpdatedById).HasMaxLength(450).IsRequired();
        article.Property(a => a.UpdatedByName).HasMaxLength(200).IsRequired();
        article.Property(a => a.SourceTicketNumber).HasMaxLength(20);
        // SQLite ignores IsRowVersion; the domain bumps Version on every change and EF checks it on save.
        article.Property(a => a.Version).IsConcurrencyToken();
        article.HasOne<ServiceSubcategory>().WithMany().HasForeignKey(a => a.SubcategoryCode).OnDelete(DeleteBehavior.Restrict);
        article.HasOne<Siget.Core.Tickets.Ticket>().WithMany().HasForeignKey(a => a.SourceTicketId).OnDelete(DeleteBehavior.SetNull);
        // One article per ticket's solution: two writers pressing the button at once get one draft.
        article.HasIndex(a => a.SourceTicketId).IsUnique();
        // A ticket's suggestions: the published articles of its service.
        article.HasIndex(a => new { a.SubcategoryCode, a.State });
        article.HasIndex(a => new { a.State, a.Visibility, a.UpdatedAtUtc });
        article.Ignore(a => a.Number);

        article.HasMany(a => a.Versions).WithOne().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
        article.Navigation(a => a.Versions).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_versions");
    }
}

internal sealed class ArticleVersionConfiguration : IEntityTypeConfiguration<ArticleVersion>
{
    public void Configure(EntityTypeBuilder<ArticleVersion> version)
    {
        version.HasKey(v => v.Id);
        version.HasIndex(v => new { v.ArticleId, v.Version }).IsUnique();
        version.Property(v => v.Title).HasMaxLength(ArticleLimits.TitleMaxLength).IsRequired();
        version.Property(v => v.Body).HasMaxLength(ArticleLimits.BodyMaxLength).IsRequired();
        version.Property(v => v.EditedById).HasMaxLength(450).IsRequired();
        version.Property(v => v.EditedByName).HasMaxLength(200).IsRequired();
        version.Property(v => v.Note).HasMaxLength(ArticleLimits.NoteMaxLength);
    }
}

internal sealed class ArticleDeflectionConfiguration : IEntityTypeConfiguration<ArticleDeflection>
{
    public void Configure(EntityTypeBuilder<ArticleDeflection> deflection)
    {
        deflection.HasKey(d => d.Id);
        deflection.Property(d => d.UserId).HasMaxLength(450).IsRequired();
        deflection.HasOne<Article>().WithMany().HasForeignKey(d => d.ArticleId).OnDelete(DeleteBehavior.Cascade);
        // The reports count a period's uses.
        deflection.HasIndex(d => new { d.AtUtc, d.Outcome });
    }
}

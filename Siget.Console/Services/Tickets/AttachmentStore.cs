using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Siget.Console.Services.Tickets;

public sealed class AttachmentOptions
{
    public const string Section = "Attachments";
    /// <summary>Folder for attachment files, outside wwwroot; relative paths are relative to the content root.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "debe indicar una carpeta.")]
    public string Path { get; set; } = "App_Data/adjuntos";
}

/// <summary>Keeps attachment bytes on disk under random names; the database keeps who may see them.</summary>
public sealed class AttachmentStore
{
    private readonly string _folder;

    public AttachmentStore(IOptions<AttachmentOptions> options, IHostEnvironment environment)
    {
        var path = options.Value.Path;
        _folder = System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(environment.ContentRootPath, path);
        Directory.CreateDirectory(_folder);
    }

    /// <summary>Where the files are (absolute): what <c>respaldar</c> copies and <c>restaurar</c> fills.</summary>
    public string Folder => _folder;

    public async Task<string> SaveAsync(Stream content, CancellationToken ct)
    {
        var name = Guid.NewGuid().ToString("N");
        content.Position = 0;
        await using var file = new FileStream(PathOf(name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, ct);
        await file.FlushAsync(ct);
        return name;
    }

    public Stream OpenRead(string storedName) =>
        new FileStream(PathOf(storedName), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Delete(string storedName)
    {
        try { File.Delete(PathOf(storedName)); } catch (IOException) { /* already gone */ }
    }

    // Stored names are ours (32 hex digits); anything else never reaches the file system.
    private string PathOf(string storedName) => storedName.Length == 32 && storedName.All(Uri.IsHexDigit)
        ? System.IO.Path.Combine(_folder, storedName)
        : throw new ArgumentException("Invalid stored attachment name.", nameof(storedName));
}

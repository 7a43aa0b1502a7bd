using System.IO.Compression;
using System.Text;

namespace Siget.Core.Tickets;

/// <summary>An allowed kind of attachment: its extensions and the content type it is served with.</summary>
public sealed record AttachmentKind(string Name, string ContentType, params string[] Extensions);

/// <summary>
/// What may be attached to a ticket: allowed types only, recognised from the file's content (never from its
/// name alone), at most 10 MB each and 10 per message. Messages are in Spanish for the person uploading.
/// </summary>
public static class AttachmentRules
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerMessage = 10;
    public const int FileNameMaxLength = 200;

    public static readonly AttachmentKind Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly AttachmentKind Png = new("PNG", "image/png", ".png");
    public static readonly AttachmentKind Jpeg = new("JPG", "image/jpeg", ".jpg", ".jpeg");
    public static readonly AttachmentKind Gif = new("GIF", "image/gif", ".gif");
    public static readonly AttachmentKind Text = new("Texto", "text/plain; charset=utf-8", ".txt", ".log");
    public static readonly AttachmentKind Csv = new("CSV", "text/csv; charset=utf-8", ".csv");
    public static readonly AttachmentKind Word = new("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly AttachmentKind Excel = new("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly AttachmentKind PowerPoint = new("PowerPoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
    public static readonly AttachmentKind Zip = new("ZIP", "application/zip", ".zip");

    public static IReadOnlyList<AttachmentKind> Kinds { get; } = [Pdf, Png, Jpeg, Gif, Text, Csv, Word, Excel, PowerPoint, Zip];

    public static string AllowedExtensionsText { get; } = string.Join(", ", Kinds.SelectMany(k => k.Extensions).Select(e => e.TrimStart('.')));

    /// <summary>Checks a file and returns its kind, or throws <see cref="DomainException"/> saying why it is refused.</summary>
    public static AttachmentKind Check(string fileName, Stream content, long length)
    {
        var name = CleanFileName(fileName);
        if (length == 0) throw new DomainException($"«{name}» está vacío.");
        if (length > MaxBytes) throw new DomainException($"«{name}» pesa más de 10 MB.");
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var claimed = Kinds.FirstOrDefault(k => k.Extensions.Contains(extension))
            ?? throw new DomainException($"«{name}»: tipo de archivo no permitido. Se aceptan: {AllowedExtensionsText}.");
        if (!Matches(claimed, content))
            throw new DomainException($"«{name}» no es un archivo {claimed.Name} válido: su contenido no corresponde a su extensión.");
        return claimed;
    }

    /// <summary>A file name safe to show and to send in a header: no path, no control characters, bounded.</summary>
    public static string CleanFileName(string fileName)
    {
        var name = Path.GetFileName(Siget.Core.Text.Clean(fileName, multiline: false).Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim();
        if (name.Length == 0) name = "archivo";
        if (name.Length > FileNameMaxLength)
        {
            var extension = Path.GetExtension(name);
            name = name[..(FileNameMaxLength - extension.Length)] + extension;
        }
        return name;
    }

    private static bool Matches(AttachmentKind kind, Stream content)
    {
        content.Position = 0;
        Span<byte> head = stackalloc byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;
        if (kind == Pdf) return head.StartsWith("%PDF-"u8);
        if (kind == Png) return head.SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        if (kind == Jpeg) return head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF });
        if (kind == Gif) return head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8);
        if (kind == Text || kind == Csv) return IsText(content);
        if (!head.StartsWith("PK\x03\x04"u8)) return false;
        return ZipHolds(content, kind);
    }

    // Office files are zip packages; each keeps its main part in its own folder.
    private static bool ZipHolds(Stream content, AttachmentKind kind)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            var office = names.Contains("[Content_Types].xml");
            return kind == Word ? office && names.Any(n => n.StartsWith("word/", StringComparison.Ordinal))
                : kind == Excel ? office && names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal))
                : kind == PowerPoint ? office && names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal))
                : true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static bool IsText(Stream content)
    {
        var buffer = new byte[64 * 1024];
        var read = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var sample = buffer.AsSpan(0, read);
        foreach (var b in sample)
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C)) return false;
        // UTF-8, or a legacy single-byte text (Windows-1252 logs are common); a cut-off last character is fine.
        var decoder = new UTF8Encoding(false, true);
        try { decoder.GetCharCount(sample[..Math.Max(0, sample.Length - 3)]); } catch (DecoderFallbackException) { /* legacy text */ }
        return true;
    }
}

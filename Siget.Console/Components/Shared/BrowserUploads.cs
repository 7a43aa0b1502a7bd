using Microsoft.AspNetCore.Components.Forms;
using Siget.Console.Services.Tickets;
using Siget.Core.Tickets;

namespace Siget.Console.Components.Shared;

/// <summary>A picked file that will not be sent, and why (in Spanish, for the person).</summary>
public sealed record RefusedFile(string Name, long Size, string Reason);

/// <summary>
/// The files a person picked for one message or ticket: those to send, and those refused when picked (too big, one too
/// many, a kind not allowed). A refused file stays listed, with its reason, until the person removes it, and while one
/// is listed the form sends nothing: a file is never left behind without the person knowing.
/// </summary>
public sealed class PickedFiles
{
    private readonly List<IBrowserFile> _accepted = [];
    private readonly List<RefusedFile> _refused = [];

    public IReadOnlyList<IBrowserFile> Accepted => _accepted;
    public IReadOnlyList<RefusedFile> Refused => _refused;
    public bool IsEmpty => _accepted.Count == 0 && _refused.Count == 0;

    /// <summary>Why the form may not be sent yet; null when it may.</summary>
    public string? Blocking => _refused.Count switch
    {
        0 => null,
        1 => $"El archivo «{_refused[0].Name}» no se puede adjuntar ({_refused[0].Reason}). Quítelo para poder enviar; no se envió nada.",
        _ => $"{_refused.Count} archivos no se pueden adjuntar. Quítelos para poder enviar; no se envió nada.",
    };

    public void Add(IReadOnlyList<IBrowserFile>? picked)
    {
        foreach (var file in picked ?? [])
        {
            if (Refusal(file) is { } reason) _refused.Add(new RefusedFile(AttachmentRules.CleanFileName(file.Name), file.Size, reason));
            else _accepted.Add(file);
        }
    }

    public void Remove(IBrowserFile file) => _accepted.Remove(file);

    public void Remove(RefusedFile file) => _refused.Remove(file);

    public void Clear()
    {
        _accepted.Clear();
        _refused.Clear();
    }

    // What can be told from the name and size; the content is checked on sending (AttachmentRules.Check).
    private string? Refusal(IBrowserFile file)
    {
        var extension = Path.GetExtension(file.Name).ToLowerInvariant();
        if (_accepted.Count >= AttachmentRules.MaxPerMessage) return $"se admiten hasta {AttachmentRules.MaxPerMessage} archivos";
        if (file.Size > AttachmentRules.MaxBytes) return "pesa más de 10 MB";
        if (file.Size == 0) return "está vacío";
        if (!AttachmentRules.Kinds.Any(k => k.Extensions.Contains(extension))) return $"tipo no permitido; se aceptan {AttachmentRules.AllowedExtensionsText}";
        return null;
    }
}

/// <summary>Files as the forms send them to the services.</summary>
public static class BrowserUploads
{
    /// <summary>Copies each file to a temporary file (deleted when disposed) so the checks can read the content and the
    /// store can copy it; the caller disposes the returned streams.</summary>
    public static async Task<List<UploadedFile>> BufferAsync(IReadOnlyList<IBrowserFile> files)
    {
        var uploads = new List<UploadedFile>();
        try
        {
            foreach (var file in files)
            {
                var buffer = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                uploads.Add(new UploadedFile(file.Name, buffer, file.Size));
                await using var source = file.OpenReadStream(AttachmentRules.MaxBytes);
                await source.CopyToAsync(buffer);
            }
            return uploads;
        }
        catch
        {
            foreach (var upload in uploads) await upload.Content.DisposeAsync();
            throw;
        }
    }
}

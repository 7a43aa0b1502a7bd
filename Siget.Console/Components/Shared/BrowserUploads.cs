using Microsoft.AspNetCore.Components.Forms;
using Siget.Console.Services;
using Siget.Core.Tickets;

namespace Siget.Console.Components.Shared;

/// <summary>Files a person picks in the browser, as the forms keep and send them.</summary>
public static class BrowserUploads
{
    /// <summary>Adds picked files to <paramref name="files"/> within the limits; returns what to tell the person, if anything.</summary>
    public static string? Add(List<IBrowserFile> files, IReadOnlyList<IBrowserFile>? added)
    {
        string? problem = null;
        foreach (var file in added ?? [])
        {
            if (files.Count >= AttachmentRules.MaxPerMessage) return $"Se admiten hasta {AttachmentRules.MaxPerMessage} archivos.";
            if (file.Size > AttachmentRules.MaxBytes) { problem = $"«{file.Name}» pesa más de 10 MB."; continue; }
            files.Add(file);
        }
        return problem;
    }

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

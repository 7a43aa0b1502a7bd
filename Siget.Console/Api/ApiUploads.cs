using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Siget.Console.Services.Tickets;
using Siget.Core;
using Siget.Core.Tickets;

namespace Siget.Console.Api;

/// <summary>
/// A reply with files, as <c>multipart/form-data</c>: the field <c>mensaje</c> and up to ten files named <c>archivos</c>,
/// checked by the same rules as the screens (<see cref="AttachmentRules"/>: allowed kinds, content that matches the
/// extension, 10 MB each). A file too big gets 413; a kind not allowed or content that is not what it says, 415.
/// </summary>
public static class ApiUploads
{
    public const string MessageField = "mensaje";
    public const string FilesField = "archivos";

    private static long MaxBody => AttachmentRules.MaxPerMessage * AttachmentRules.MaxBytes + 1024 * 1024;

    public static async Task<(string? Message, IReadOnlyList<UploadedFile> Files, string Fingerprint)> ReadAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBody) throw ApiRequests.TooLarge(MaxBody);
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions
            {
                MultipartBodyLengthLimit = MaxBody, ValueLengthLimit = TicketMessage.BodyMaxLength * 4, ValueCountLimit = 20,
            }, http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            throw ApiRequests.TooLarge(MaxBody);
        }
        catch (IOException)
        {
            throw ApiProblemException.BadRequest("No se pudo leer el formulario multipart.");
        }
        var errors = new Dictionary<string, string[]>();
        foreach (var key in form.Keys.Where(k => k != MessageField)) errors[key] = ["Campo desconocido."];
        foreach (var file in form.Files.Where(f => f.Name != FilesField)) errors[file.Name] = [$"Los archivos van en el campo «{FilesField}»."];
        if (errors.Count > 0) throw ApiProblemException.BadRequest($"El formulario tiene campos no admitidos: {string.Join(", ", errors.Keys)}.", errors);
        if (form.Files.Count > AttachmentRules.MaxPerMessage)
            throw ApiProblemException.Field(FilesField, $"Se admiten hasta {AttachmentRules.MaxPerMessage} archivos por mensaje.");

        var message = form[MessageField].ToString();
        var fingerprint = new StringBuilder(message).Append('\n');
        var files = new List<UploadedFile>();
        try
        {
            foreach (var file in form.Files)
            {
                if (file.Length > AttachmentRules.MaxBytes)
                    throw new ApiProblemException(StatusCodes.Status413PayloadTooLarge, "Archivo demasiado grande",
                        $"«{file.FileName}» supera los {AttachmentRules.MaxBytes / 1024 / 1024} MB por archivo.",
                        new Dictionary<string, string[]> { [FilesField] = [$"«{file.FileName}» supera el tamaño máximo."] });
                var content = new MemoryStream((int)file.Length);
                await file.CopyToAsync(content, http.RequestAborted);
                content.Position = 0;
                try
                {
                    AttachmentRules.Check(file.FileName, content, file.Length);
                }
                catch (DomainException ex)
                {
                    throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "Archivo no admitido", ex.Message,
                        new Dictionary<string, string[]> { [FilesField] = [ex.Message] });
                }
                content.Position = 0;
                fingerprint.Append(file.FileName).Append(':').Append(Convert.ToHexString(SHA256.HashData(content.GetBuffer().AsSpan(0, (int)content.Length)))).Append('\n');
                files.Add(new UploadedFile(file.FileName, content, file.Length));
            }
        }
        catch
        {
            foreach (var file in files) await file.Content.DisposeAsync();
            throw;
        }
        if (string.IsNullOrWhiteSpace(message) && files.Count == 0) throw ApiProblemException.Field(MessageField, "Escriba el mensaje.");
        if (string.IsNullOrWhiteSpace(message)) message = "Archivos adjuntos.";
        return (message, files, fingerprint.ToString());
    }
}

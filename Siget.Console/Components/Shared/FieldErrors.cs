using Siget.Core;

namespace Siget.Console.Components.Shared;

/// <summary>
/// What a refused command said about a dialog's fields, so that the dialog stays open with everything typed and shows
/// each message beside its field (<see cref="DomainException.Field"/>). The message goes through the field's own
/// validation (<see cref="Of{T}"/>), so it is announced like any other field error, and it holds while the field keeps
/// the value that was refused. A refusal about no field the dialog shows is <see cref="General"/>.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, (string Message, object? Value)> refused = new(StringComparer.Ordinal);

    /// <summary>The refusal about no field of the dialog, shown above its buttons.</summary>
    public string? General { get; private set; }

    /// <summary>The validation of the field <paramref name="field"/>: the refusal's message while the value is the refused one.</summary>
    public Func<T, string?> Of<T>(string field) => value =>
        refused.TryGetValue(field, out var r) && Equals(Normal(r.Value), Normal(value)) ? r.Message : null;

    /// <summary>
    /// Runs <paramref name="command"/>; true when it was done. A refusal is kept against the value its field holds in
    /// <paramref name="fields"/> (the dialog's fields by name); one about another field goes to
    /// <paramref name="otherwise"/> when given (a dialog of one field), else to <see cref="General"/>.
    /// </summary>
    public async Task<bool> RunAsync(Func<Task> command, IReadOnlyDictionary<string, object?> fields, string? otherwise = null)
    {
        refused.Clear();
        General = null;
        try
        {
            await command();
            return true;
        }
        catch (DomainException ex)
        {
            var field = ex.Field is { } named && fields.ContainsKey(named) ? named : otherwise;
            if (field is not null && fields.TryGetValue(field, out var value)) refused[field] = (ex.Message, value);
            else General = ex.Message;
            return false;
        }
    }

    // An emptied text field holds "" or null depending on how it was emptied: both are the same answer.
    private static object? Normal(object? value) => value is "" ? null : value;
}

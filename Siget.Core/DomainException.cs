namespace Siget.Core;

/// <summary>
/// A rule of the help desk was broken. The message is Spanish and meant for the person who acted. <see cref="Field"/>
/// names the form field the rule is about (a property of the command's form), when there is one, so that a form can
/// show the message beside that field.
/// </summary>
public sealed class DomainException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;

    /// <summary>Runs a check of one form field: its refusal, if it names no field, names <paramref name="field"/>.</summary>
    public static T About<T>(string field, Func<T> check)
    {
        try
        {
            return check();
        }
        catch (DomainException ex) when (ex.Field is null)
        {
            throw new DomainException(ex.Message, field);
        }
    }
}

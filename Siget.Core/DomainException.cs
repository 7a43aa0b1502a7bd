namespace Siget.Core;

/// <summary>A rule of the help desk was broken. The message is Spanish and meant for the person who acted.</summary>
public sealed class DomainException(string message) : Exception(message);

namespace Siget.Core.Escalation;

/// <summary>The contracted vendor company a level-3 escalation names.</summary>
public sealed record VendorRef(int Id, string Name);

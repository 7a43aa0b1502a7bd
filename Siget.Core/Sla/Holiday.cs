namespace Siget.Core.Sla;

/// <summary>A non-working day of the public sector.</summary>
public sealed record Holiday(DateOnly Date, string Name);

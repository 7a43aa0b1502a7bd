namespace Siget.Core.Catalog;

/// <summary>The contact channels of Anexo 2, numbered as in the seed.</summary>
public enum Channel
{
    Intranet = 1,
    Sismonitor = 2,
    Telefono = 3,
    Presencial = 4,
    CorreoElectronico = 5,
}

public static class ChannelRules
{
    public static string Label(this Channel channel) => channel switch
    {
        Channel.Intranet => "Intranet",
        Channel.Sismonitor => "SISMONITOR",
        Channel.Telefono => "Teléfono",
        Channel.Presencial => "Presencial",
        Channel.CorreoElectronico => "Correo electrónico",
        _ => channel.ToString(),
    };

    /// <summary>Intranet and SISMONITOR tickets are registered by the requester; the rest by UTI staff (6.2.a).</summary>
    public static bool IsSelfService(this Channel channel) => channel is Channel.Intranet or Channel.Sismonitor;

    public static IReadOnlyList<Channel> RegisteredByStaff { get; } =
        [Channel.Telefono, Channel.Presencial, Channel.CorreoElectronico];
}

using Rapport.Desk.Conversations;

namespace Rapport.Server.Components.Workspace;

/// <summary>Channel names and icons (an inline SVG path on a 16×16 grid).</summary>
internal static class ChannelStyle
{
    public static string Name(Channel channel) => channel switch
    {
        Channel.Email => "Email",
        Channel.Chat => "Chat",
        Channel.Phone => "Phone",
        Channel.Social => "Social",
        Channel.Web => "Web form",
        _ => channel.ToString(),
    };

    public static string IconPath(Channel channel) => channel switch
    {
        Channel.Email => "M2 4h12v8H2z M2 4l6 5 6-5",
        Channel.Chat => "M2 3h12v8H7l-3 3v-3H2z",
        Channel.Phone => "M4 2l2 0 1 3-1.5 1a7 7 0 0 0 4.5 4.5L11 9l3 1v2a2 2 0 0 1-2 2A10 10 0 0 1 2 4a2 2 0 0 1 2-2z",
        Channel.Social => "M8 2a6 6 0 1 1 0 12A6 6 0 0 1 8 2z M5 7h.01 M11 7h.01 M5.5 10a3 3 0 0 0 5 0",
        _ => "M2 3h12v10H2z M2 6h12 M4 4.5h.01 M6 4.5h.01",
    };
}

using Rapport.Desk.Agents;
using Rapport.Desk.Conversations;

namespace Rapport.Desk.Demo;

/// <summary>
/// The demo desk, written for Rapport (no real people): angry, confused, worried, disappointed and grateful customers,
/// repeat contacts within the week, VIPs, and agent replies from curt to warm.
/// </summary>
internal static class DemoWorkspace
{
    /// <summary>A line starting with this is the assigned agent's reply; other lines are the customer's.</summary>
    public const string AgentPrefix = "A: ";

    public static readonly string[] Teams = ["Orders and delivery", "Billing and accounts"];

    public static readonly (string Name, int Team, AgentRole Role)[] Agents =
    [
        ("Alex Morgan", 0, AgentRole.Lead), ("Sam Rivera", 0, AgentRole.Agent), ("Jordan Lee", 0, AgentRole.Agent),
        ("Casey Nguyen", 1, AgentRole.Lead), ("Riley Patel", 1, AgentRole.Agent), ("Taylor Brooks", 1, AgentRole.Admin),
    ];

    public static readonly (string Name, string[] Tags)[] Customers =
    [
        ("Maria Lopez", ["vip"]), ("James Carter", []), ("Aisha Khan", []), ("Tom Becker", []), ("Sofia Rossi", ["vip"]),
        ("Liam O'Brien", []), ("Chen Wei", []), ("Emma Dubois", []), ("Noah Williams", []), ("Priya Patel", ["newsletter"]),
        ("Lucas Silva", []), ("Hannah Schmidt", ["business"]), ("Oliver Brown", []), ("Yuki Tanaka", []), ("Grace Okafor", []),
        ("Daniel Kim", []), ("Fatima Haddad", []), ("Ethan Miller", ["vip", "business"]), ("Zoe Martin", []), ("Marco Bianchi", []),
    ];

    public static readonly DemoConversation[] Conversations =
    [
        new(1, Channel.Email, "Order never arrived", 72, 1, null,
            "I ordered a blender two weeks ago and it still hasn't arrived. The tracking hasn't moved in 6 days.",
            "A: Hi James, I'm sorry your blender hasn't arrived yet. I can see the parcel is stuck at the depot; I've asked the courier to prioritise it and I'll update you by Friday."),
        new(1, Channel.Chat, "Still no blender", 30, null, null,
            "This is the second time I'm contacting you about my blender. Still nothing. What is going on?"),
        new(1, Channel.Phone, "Blender: third contact", 3, null, null,
            "This is the third time I'm writing and still nothing works. I want a refund NOW or I'm disputing the charge with my bank."),
        new(0, Channel.Email, "Damaged order", 5, null, null,
            "My order arrived damaged and I need it for Saturday. This is really disappointing."),
        new(2, Channel.Web, "Can't find invoice", 20, 4, null,
            "Hi, I'm a bit confused. Where can I download the invoice for my last order? I looked in my account but can't find it.",
            "A: Invoices are in Account > Orders."),
        new(3, Channel.Social, "Charged twice", 2, null, null,
            "You charged my card TWICE for the same order!!! Fix this immediately."),
        new(4, Channel.Chat, "Thank you!", 26, 3, ConversationStatus.Resolved,
            "Thank you so much for sorting out my refund so quickly, you've been amazing!",
            "A: Thank you Sofia, that's lovely to hear! Glad we could help. Have a wonderful day."),
        new(5, Channel.Email, "Worried about subscription", 8, null, null,
            "I'm worried my subscription will renew before I can cancel it. I can't afford another charge this month."),
        new(6, Channel.Web, "How do I change my address?", 12, null, null,
            "How do I change the delivery address on an order that has already shipped? I'm not sure what the options are."),
        new(7, Channel.Phone, "Late delivery", 50, 0, null,
            "My parcel was supposed to arrive yesterday. I've been waiting at home all day.",
            "A: Hi Emma, I'm so sorry you waited at home all day, that's really frustrating. I've checked with the courier and it's out for delivery today; I'll keep an eye on it and message you once it's delivered."),
        new(7, Channel.Email, "Late delivery again", 4, null, null,
            "Still waiting. Nobody came today either. This is ridiculous, I took two days off work for this."),
        new(8, Channel.Chat, "Password reset not working", 1, null, null,
            "The password reset email never arrives. I've tried five times. I can't log in to my account at all."),
        new(9, Channel.Social, "Great service", 40, null, ConversationStatus.Resolved,
            "Just wanted to say the support team was brilliant yesterday. Really appreciate it!"),
        new(10, Channel.Email, "Wrong size", 30, 2, null,
            "I received the wrong size shoes. Can I exchange them? I need them for a wedding next week.",
            "A: Exchange via the returns page."),
        new(11, Channel.Web, "Account locked", 6, null, null,
            "My account has been locked and I don't understand why. I have an important order to place for my business. Please help!"),
        new(12, Channel.Phone, "Refund status", 96, 4, null,
            "I returned the jacket three weeks ago. When will I get my refund?",
            "A: Hi Oliver, thanks for your patience, and I'm sorry the refund is taking so long. I can see the return arrived on the 3rd; I've pushed the refund through today and it should show in 3-5 working days. I'll check in on Monday to make sure it's arrived."),
        new(12, Channel.Email, "Refund still missing", 10, null, null,
            "It's been five working days and the refund still isn't there. I'm starting to lose patience."),
        new(13, Channel.Chat, "Promo code", 0.5, null, null,
            "Hi! The promo code SPRING20 doesn't seem to work at checkout. Is it still valid?"),
        new(14, Channel.Email, "Medication delivery", 7, null, null,
            "My mother's medication delivery is late and she only has two days left. I'm really anxious about this. Please tell me it will arrive in time."),
        new(15, Channel.Social, "Terrible app update", 3, null, null,
            "The new app update is terrible. Everything is slower and half the buttons don't work. Why would you ship this?"),
        new(16, Channel.Web, "Question about warranty", 48, 5, ConversationStatus.Resolved,
            "Does the two-year warranty cover water damage? The manual is unclear.",
            "A: Hi Fatima, great question! The warranty covers manufacturing faults but unfortunately not water damage. If you like, I can check whether your insurer needs anything from us. Would that help?"),
        new(17, Channel.Phone, "Business account billing error", 2, null, null,
            "We were billed for 50 seats but only have 30 users. This is the second month in a row. I need this corrected before our finance close on Friday."),
        new(18, Channel.Chat, "Where is my order?", 9, null, null,
            "Where is my order? It said 2-day delivery and it's been 5 days."),
        new(19, Channel.Email, "Cancelled without notice", 15, null, null,
            "You cancelled my order without telling me. I only found out when I checked the website. Very disappointing, I've been a customer for 10 years."),
        new(2, Channel.Email, "Invoice still missing", 2, null, null,
            "I asked yesterday where the invoice is and got a one-line answer that didn't help. The Orders page has no invoice button. I'm confused and a bit annoyed."),
        new(5, Channel.Chat, "Subscription renewed", 1, null, null,
            "It renewed anyway. I told you I was worried about this! Now I'm overdrawn. I want my money back."),
        new(0, Channel.Chat, "Replacement for damaged order", 1.5, null, null,
            "Any news on the replacement? Saturday is in two days."),
        new(6, Channel.Email, "Thanks for the help", 60, null, ConversationStatus.Resolved,
            "Thanks, the address change worked perfectly."),
        new(8, Channel.Email, "Cannot log in", 20, 1, null,
            "I can't log in. The app says my password is wrong but I just reset it.",
            "A: Please try again later."),
        new(9, Channel.Web, "Loyalty points missing", 11, null, null,
            "My loyalty points from last month's purchase aren't showing. Could you check please?"),
        new(10, Channel.Phone, "Exchange not processed", 4, null, null,
            "I sent the shoes back for exchange a week ago and heard nothing. The wedding is on Saturday. I'm really stressed."),
        new(11, Channel.Email, "Invoice VAT number", 100, 3, ConversationStatus.Resolved,
            "Could you add our VAT number to the last three invoices? Thanks in advance.",
            "A: Hi Hannah, of course, thanks for letting us know. I've added the VAT number to all three invoices and re-sent them to your inbox. Anything else I can help with?"),
        new(13, Channel.Social, "Love the new collection", 70, 2, ConversationStatus.Resolved,
            "Love the new autumn collection! Any plans to restock the green scarf?",
            "A: Hi Yuki, thank you! So glad you like it. The green scarf is back in stock next Tuesday; I can set a reminder for you if you like."),
        new(14, Channel.Phone, "Wrong item", 140, null, ConversationStatus.Resolved,
            "I received someone else's order. What should I do with it?"),
        new(15, Channel.Email, "Data export", 30, null, null,
            "How do I export all my data? I can't find the option anywhere in settings."),
        new(16, Channel.Chat, "Screen cracked on arrival", 5, null, null,
            "The tablet arrived with a cracked screen. I'm so disappointed, it was a birthday present for my son."),
        new(3, Channel.Email, "Double charge: follow-up", 0.3, null, null,
            "I still see both charges on my statement. If this isn't fixed today I'm cancelling my account and leaving a review everywhere."),
        new(18, Channel.Web, "Pickup point delivery", 200, null, ConversationStatus.Closed,
            "Can I have my parcel delivered to a pickup point instead?"),
        new(19, Channel.Phone, "Order reinstated?", 3, null, null,
            "Is there any way to reinstate the cancelled order at the original price? I'd really appreciate it."),
        new(4, Channel.Email, "Gift wrapping", 14, null, null,
            "Is gift wrapping available for the order I placed this morning? It's for my sister's birthday."),
        new(17, Channel.Email, "Seat count: urgent", 0.8, null, null,
            "Following up on the billing error. Still no answer and finance closes tomorrow. This is unacceptable for a business customer."),
        new(12, Channel.Chat, "Jacket size advice", 700, null, ConversationStatus.Closed,
            "Which size would you recommend for a 100cm chest?"),
    ];

    /// <summary>Labels by subject, as an agent would tag them; the inbox filters by them (?label=refund).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Labels = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Order never arrived"] = ["delivery"],
        ["Still no blender"] = ["delivery"],
        ["Blender: third contact"] = ["delivery", "refund"],
        ["Damaged order"] = ["damaged", "delivery"],
        ["Can't find invoice"] = ["invoice"],
        ["Charged twice"] = ["billing", "refund"],
        ["Thank you!"] = ["refund", "praise"],
        ["Worried about subscription"] = ["subscription", "billing"],
        ["How do I change my address?"] = ["delivery", "how-to"],
        ["Late delivery"] = ["delivery"],
        ["Late delivery again"] = ["delivery"],
        ["Password reset not working"] = ["account", "login"],
        ["Great service"] = ["praise"],
        ["Wrong size"] = ["exchange"],
        ["Account locked"] = ["account", "business"],
        ["Refund status"] = ["refund", "returns"],
        ["Refund still missing"] = ["refund", "returns"],
        ["Promo code"] = ["promotion"],
        ["Medication delivery"] = ["delivery", "urgent"],
        ["Terrible app update"] = ["app", "bug"],
        ["Question about warranty"] = ["warranty"],
        ["Business account billing error"] = ["billing", "business"],
        ["Where is my order?"] = ["delivery"],
        ["Cancelled without notice"] = ["cancellation"],
        ["Invoice still missing"] = ["invoice"],
        ["Subscription renewed"] = ["subscription", "refund"],
        ["Replacement for damaged order"] = ["damaged", "delivery"],
        ["Thanks for the help"] = ["praise"],
        ["Cannot log in"] = ["account", "login"],
        ["Loyalty points missing"] = ["loyalty"],
        ["Exchange not processed"] = ["exchange", "returns"],
        ["Invoice VAT number"] = ["invoice", "business"],
        ["Love the new collection"] = ["praise", "stock"],
        ["Wrong item"] = ["delivery"],
        ["Data export"] = ["account", "privacy"],
        ["Screen cracked on arrival"] = ["damaged"],
        ["Double charge: follow-up"] = ["billing", "refund"],
        ["Pickup point delivery"] = ["delivery", "how-to"],
        ["Order reinstated?"] = ["cancellation"],
        ["Gift wrapping"] = ["how-to"],
        ["Seat count: urgent"] = ["billing", "business"],
        ["Jacket size advice"] = ["how-to"],
    };
}

/// <summary>One demo conversation: customer index, channel, subject, how long ago it started, agent index, final status, lines.</summary>
internal sealed record DemoConversation(int Customer, Channel Channel, string Subject, double HoursAgo, int? Agent, ConversationStatus? Status, params string[] Lines);

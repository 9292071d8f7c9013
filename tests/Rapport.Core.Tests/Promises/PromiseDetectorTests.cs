using Rapport.Core.Promises;

namespace Rapport.Core.Tests.Promises;

public sealed class PromiseDetectorTests
{
    // Wednesday 25 November 2026, 10:00 at the desk (UTC+1, no daylight saving, so the expectations read plainly).
    private static readonly TimeZoneInfo Desk = TimeZoneInfo.CreateCustomTimeZone("Desk", TimeSpan.FromHours(1), "Desk", "Desk");
    private static readonly PromiseClock Clock = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1)), Desk);

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(1));

    /// <summary>Labelled agent sentences: the kind promised, or null for a non-commitment.</summary>
    public static readonly (string Text, PromiseKind? Kind)[] Corpus =
    [
        ("I'll call you back tomorrow.", PromiseKind.CallBack),
        ("You'll get an update by Friday.", PromiseKind.Update),
        ("I will check with the warehouse.", PromiseKind.Check),
        ("We'll refund you within 3 business days.", PromiseKind.Refund),
        ("Let me get back to you in an hour.", PromiseKind.FollowUp),
        ("I'll look into this and let you know later today.", PromiseKind.Check),
        ("We will send a replacement by Monday.", PromiseKind.Replacement),
        ("I'm going to escalate this to our billing team today.", PromiseKind.Escalate),
        ("Our billing team will process the refund this week.", PromiseKind.Refund),
        ("I'll keep you posted.", PromiseKind.Update),
        ("I will personally follow up with the courier on Thursday.", PromiseKind.FollowUp),
        ("We are going to fix the login issue within 48 hours.", PromiseKind.Fix),
        ("I'll email you the return label right away.", PromiseKind.Send),
        ("Someone from our technical team will call you this afternoon.", PromiseKind.CallBack),
        ("You will receive a full refund within 5 working days.", PromiseKind.Refund),
        ("I'll get back to you by 3pm.", PromiseKind.FollowUp),
        ("Let me check with my manager.", PromiseKind.Check),
        ("I will make sure the replacement ships tomorrow.", PromiseKind.Replacement),
        ("We'll credit your account next week.", PromiseKind.Refund),
        ("You'll hear from us within the hour.", PromiseKind.FollowUp),
        ("I’ll find out what happened to your parcel and update you tomorrow morning.", PromiseKind.Check),
        ("I'll ring you on Monday.", PromiseKind.CallBack),
        ("We will be in touch shortly.", PromiseKind.FollowUp),
        ("I will investigate the double charge.", PromiseKind.Check),
        ("I'll resolve this for you today.", PromiseKind.Fix),
        ("I'll sort this out before the weekend.", PromiseKind.Fix),
        ("We're going to ship the missing part on Tuesday.", PromiseKind.Send),
        ("I shall confirm the new delivery date by end of day.", PromiseKind.Update),
        ("I'll personally make sure you get your money back.", PromiseKind.Refund),

        ("I'll be honest, this is not what we expected.", null),
        ("I will say that the courier was late.", null),
        ("We'd like to refund you, but the policy does not allow it.", null),
        ("Will you call me tomorrow?", null),
        ("Can you check your spam folder?", null),
        ("If I were you, I would call the bank.", null),
        ("I'll need your order number first.", null),
        ("I will try to find out more.", null),
        ("Let me know if there's anything else.", null),
        ("I will not refund this order.", null),
        ("We never refund digital items.", null),
        ("Did you get the update we sent?", null),
        ("You'll need to send it back in the original box.", null),
        ("Thank you for your patience.", null),
        ("The warehouse usually checks parcels on arrival.", null),
        ("I'd call them if I were you.", null),
        ("I'll be happy to help with anything else.", null),
        ("We'll see what we can do.", null),
        ("I hope we'll hear good news soon.", null),
        ("Ideally we'll have a fix by Friday, but I can't promise anything.", null),
        ("Customers usually get a refund within 5 days.", null),
        ("You said you'll call us back?", null),
        ("We will always value your feedback.", null),
        ("I will admit the delay was our fault.", null),
        ("Let me explain how refunds work.", null),
        ("If we could refund you, we would.", null),
        ("I'll leave that to you.", null),
        ("Will you send me the photo?", null),
        ("We'll have to wait for the courier.", null),
        ("I will cancel my subscription if this isn't fixed.", null),
        ("I'm going to be honest with you.", null),
        ("We will be here if you need anything.", null),
        ("What will you do about my refund?", null),
        ("I will never buy from you again.", null),
        ("Just so you know, we'll need a photo of the damage.", null),
    ];

    [Fact]
    public void Corpus_is_detected_with_high_precision_recall_and_kind_accuracy()
    {
        Assert.True(Corpus.Length >= 40, $"only {Corpus.Length} labelled examples");
        int tp = 0, fp = 0, fn = 0, tn = 0, kindRight = 0;
        var wrong = new List<string>();
        foreach (var (text, expected) in Corpus)
        {
            var found = PromiseDetector.Detect(text, Clock);
            PromiseKind? got = found.Count > 0 ? found[0].Kind : null;
            switch (expected, got)
            {
                case (not null, not null):
                    tp++;
                    if (expected == got)
                    {
                        kindRight++;
                    }
                    else
                    {
                        wrong.Add($"kind {got} for \"{text}\" (expected {expected})");
                    }

                    break;
                case (null, not null):
                    fp++;
                    wrong.Add($"false promise {got} in \"{text}\"");
                    break;
                case (not null, null):
                    fn++;
                    wrong.Add($"missed {expected} in \"{text}\"");
                    break;
                default:
                    tn++;
                    break;
            }
        }

        var precision = tp / (double)Math.Max(1, tp + fp);
        var recall = tp / (double)Math.Max(1, tp + fn);
        var accuracy = (tp + tn) / (double)Corpus.Length;
        var kindAccuracy = kindRight / (double)Math.Max(1, tp);
        var report = $"precision {precision:P0}, recall {recall:P0}, accuracy {accuracy:P0}, kind {kindAccuracy:P0}\n" + string.Join("\n", wrong);
        Assert.True(precision >= 0.95 && recall >= 0.9 && accuracy >= 0.95 && kindAccuracy >= 0.9, report);
    }

    [Theory]
    [InlineData("I'll call you back tomorrow.", 11, 26, 17, 0)]
    [InlineData("I'll call you tomorrow morning.", 11, 26, 12, 0)]
    [InlineData("You'll get an update by Friday.", 11, 27, 17, 0)]
    [InlineData("We'll refund you within 3 business days.", 11, 30, 17, 0)]
    [InlineData("Let me get back to you in an hour.", 11, 25, 11, 0)]
    [InlineData("I'll check and let you know later today.", 11, 25, 17, 0)]
    [InlineData("I will check with the warehouse.", 11, 26, 17, 0)]
    [InlineData("I'll get back to you by 3pm.", 11, 25, 15, 0)]
    [InlineData("I'll get back to you by 9:30 am.", 11, 26, 9, 30)]
    [InlineData("We will send a replacement on Monday.", 11, 30, 17, 0)]
    [InlineData("We will send a replacement next week.", 12, 4, 17, 0)]
    [InlineData("I'll sort this out by the end of the week.", 11, 27, 17, 0)]
    [InlineData("We are going to fix it within 48 hours.", 11, 27, 10, 0)]
    [InlineData("I'll update you in 30 minutes.", 11, 25, 10, 30)]
    [InlineData("We will be in touch shortly.", 11, 25, 12, 0)]
    [InlineData("You'll receive the replacement within 2 weeks.", 12, 9, 17, 0)]
    [InlineData("I'll ring you on Wednesday.", 11, 25, 17, 0)]
    public void Detect_DueTime_ResolvesAgainstReferenceTimeAndZone(string text, int month, int day, int hour, int minute)
    {
        var promise = Assert.Single(PromiseDetector.Detect(text, Clock));
        Assert.Equal(Local(month, day, hour, minute), promise.DueAt);
    }

    [Fact]
    public void Detect_NoTimeGiven_IsDueAtTheNextBusinessDaysEnd_AndSkipsTheWeekend()
    {
        var friday = new PromiseClock(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.FromHours(1)), Desk);
        var promise = Assert.Single(PromiseDetector.Detect("I will check with the warehouse.", friday));
        Assert.Equal(Local(11, 30, 17), promise.DueAt);
        Assert.Null(promise.When);

        var business = Assert.Single(PromiseDetector.Detect("We'll refund you within 2 business days.", friday));
        Assert.Equal(Local(12, 1, 17), business.DueAt);
        Assert.Equal("within 2 business days", business.When);
    }

    [Fact]
    public void Detect_LaterTodayAfterHours_StillGivesAnHour()
    {
        var evening = new PromiseClock(new DateTimeOffset(2026, 11, 25, 16, 45, 0, TimeSpan.FromHours(1)), Desk);
        Assert.Equal(Local(11, 25, 17, 45), Assert.Single(PromiseDetector.Detect("I'll call you later today.", evening)).DueAt);
    }

    [Fact]
    public void Detect_TimeZone_MovesTheCalendarDay()
    {
        // 23:30 UTC on Wednesday is already Thursday 08:30 in Tokyo: "tomorrow" there is Friday.
        var tokyo = TimeZoneInfo.CreateCustomTimeZone("Tokyo", TimeSpan.FromHours(9), "Tokyo", "Tokyo");
        var clock = new PromiseClock(new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.Zero), tokyo);
        var promise = Assert.Single(PromiseDetector.Detect("I'll call you back tomorrow.", clock));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.FromHours(9)), promise.DueAt);
    }

    [Fact]
    public void Detect_Ranges_PointAtEachPromisingSentenceInTheOriginalText()
    {
        const string reply = "Hi Maria,\nI'm so sorry your order arrived damaged. I'll be honest: that should not happen. "
            + "I will check with the warehouse today, and you'll get an update by Friday. Thanks for your patience!";
        var found = PromiseDetector.Detect(reply, Clock);

        var promise = Assert.Single(found);
        Assert.Equal("I will check with the warehouse today, and you'll get an update by Friday.", reply[promise.Range]);
        Assert.Equal(PromiseKind.Check, promise.Kind);
        Assert.Equal("today", promise.When);
        Assert.Equal(Local(11, 25, 17), promise.DueAt);
    }

    [Fact]
    public void Detect_SeveralSentences_OnePromiseEach_AndSpanInputAgrees()
    {
        const string reply = "I'll call you back tomorrow. Meanwhile, I'll email you the label. Will you keep the box?";
        var found = PromiseDetector.Detect(reply, Clock);
        Assert.Equal([PromiseKind.CallBack, PromiseKind.Send], found.Select(p => p.Kind));
        Assert.Equal("Meanwhile, I'll email you the label.", reply[found[1].Range]);
        Assert.Equal(found, PromiseDetector.Detect(reply.AsSpan(), Clock));
    }

    [Fact]
    public void Detect_EmptyAndLongText_IsSafe()
    {
        Assert.Empty(PromiseDetector.Detect("", Clock));
        var huge = string.Concat(Enumerable.Repeat("I'll call you back tomorrow. ", 3000));
        var found = PromiseDetector.Detect(huge, Clock);
        Assert.InRange(found.Count, 1000, PromiseDetector.MaxLength / 20);
        Assert.All(found, p => Assert.True(p.Range.End.Value <= PromiseDetector.MaxLength));
    }
}

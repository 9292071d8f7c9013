using Rapport.Core.Emotions;

namespace Rapport.Core.Tests.Emotions;

public sealed class EmotionAnalyzerTests
{
    private static EmotionReading Analyze(string text) => EmotionAnalyzer.Default.Analyze(text);

    [Theory]
    [InlineData("I am absolutely furious with how you treated me, this is outrageous", SupportEmotion.Anger)]
    [InlineData("So annoying, the app keeps crashing every time I open it", SupportEmotion.Frustration)]
    [InlineData("I'm really disappointed, I expected better from you", SupportEmotion.Disappointment)]
    [InlineData("I'm worried someone hacked my account", SupportEmotion.Worry)]
    [InlineData("I'm confused, I don't understand how to set up the app", SupportEmotion.Confusion)]
    [InlineData("I have been waiting for two weeks, how much longer?", SupportEmotion.Impatience)]
    [InlineData("Thank you so much for your help, I really appreciate it", SupportEmotion.Gratitude)]
    [InlineData("Phew, it works now. What a relief!", SupportEmotion.Relief)]
    [InlineData("Can you tell me my order status?", SupportEmotion.Neutral)]
    public void Analyze_EachSupportEmotion_IsRead(string text, SupportEmotion expected)
    {
        var reading = Analyze(text);

        Assert.Contains(expected, reading.Labels);
        Assert.True(reading.Scores[expected] >= 0.5, $"{expected} scored {reading.Scores[expected]:F2}");
    }

    [Fact]
    public void Analyze_ThirdContactStillBroken_ReadsFrustrationAndImpatienceWithHighRisk()
    {
        var reading = Analyze("This is the third time I'm writing and still nothing works");

        Assert.Contains(SupportEmotion.Frustration, reading.Labels);
        Assert.Contains(SupportEmotion.Impatience, reading.Labels);
        Assert.True(reading.EscalationRisk >= 0.5, $"risk {reading.EscalationRisk}");
        Assert.Contains("repeat-contact", reading.Signals);
    }

    [Fact]
    public void Analyze_Negation_TurnsHappyIntoDisappointment()
    {
        var happy = Analyze("I am happy with the service");
        var notHappy = Analyze("I am not happy with the service");

        Assert.True(happy.Valence > 0);
        Assert.True(notHappy.Valence < 0);
        Assert.DoesNotContain(SupportEmotion.Relief, notHappy.Labels);
        Assert.Contains(SupportEmotion.Disappointment, notHappy.Labels);
    }

    [Fact]
    public void Analyze_IsntWorking_ReadsAsFrustration()
    {
        var reading = Analyze("The printer isn't working");

        Assert.Contains(SupportEmotion.Frustration, reading.Labels);
        Assert.Contains(reading.Evidence, e => e.Emotion == SupportEmotion.Frustration && "The printer isn't working"[e.Range] == "isn't working");
    }

    [Fact]
    public void Analyze_IntensifiersAndDiminishers_MoveIntensity()
    {
        var plain = Analyze("The delivery was bad");
        var boosted = Analyze("The delivery was extremely bad");
        var damped = Analyze("The delivery was slightly bad");

        Assert.True(boosted.Intensity > plain.Intensity, $"{boosted.Intensity} > {plain.Intensity}");
        Assert.True(boosted.Valence < plain.Valence);
        Assert.True(damped.Valence > plain.Valence);
    }

    [Fact]
    public void Analyze_ContrastAfterThanks_ReadsTheComplaint()
    {
        var reading = Analyze("Thanks, but this is the third time I've asked");

        Assert.DoesNotContain(SupportEmotion.Gratitude, reading.Labels);
        Assert.Contains(SupportEmotion.Impatience, reading.Labels);
        Assert.True(reading.Valence < 0, $"valence {reading.Valence}");
        Assert.Contains("contrast", reading.Signals);
        Assert.Contains(Sentiment.Negative, reading.Sentiment);
    }

    [Fact]
    public void Analyze_AllCaps_RaisesAngerIntensityAndRisk()
    {
        var calm = Analyze("Why is this still broken");
        var shouted = Analyze("WHY IS THIS STILL BROKEN");

        Assert.Contains("shouting", shouted.Signals);
        Assert.Contains(SupportEmotion.Anger, shouted.Labels);
        Assert.True(shouted.Intensity > calm.Intensity);
        Assert.True(shouted.EscalationRisk > calm.EscalationRisk);
        Assert.Contains(shouted.Evidence, e => e.Emotion == SupportEmotion.Anger && e.Cue == "shouting");
    }

    [Fact]
    public void Analyze_RepeatedPunctuation_IsEmphasis()
    {
        var once = Analyze("My package is late.");
        var bangs = Analyze("My package is late!!!");
        var questions = Analyze("Where is my package???");

        Assert.Contains("exclamations", bangs.Signals);
        Assert.True(bangs.Intensity > once.Intensity);
        Assert.True(bangs.Valence < once.Valence);
        Assert.Contains("repeated-questions", questions.Signals);
        Assert.Contains(SupportEmotion.Impatience, questions.Labels);
    }

    [Theory]
    [InlineData("My order is lost 😡", SupportEmotion.Anger)]
    [InlineData("Still no refund 😞", SupportEmotion.Disappointment)]
    [InlineData("Got it working 😊", SupportEmotion.Relief)]
    [InlineData("the app crashed again :(", SupportEmotion.Disappointment)]
    [InlineData("thx for the quick fix :)", SupportEmotion.Gratitude)]
    public void Analyze_EmojiAndEmoticons_CarryEmotion(string text, SupportEmotion expected)
    {
        var reading = Analyze(text);

        Assert.Contains(expected, reading.Labels);
    }

    [Theory]
    [InlineData("I've been waiting for 3 days")]
    [InlineData("I have written to you again and again")]
    [InlineData("still waiting for my refund")]
    [InlineData("No one is responding to my emails")]
    [InlineData("This is my 4th email about this")]
    public void Analyze_RepeatContactAndWaitingCues_ReadImpatience(string text)
    {
        var reading = Analyze(text);

        Assert.Contains(SupportEmotion.Impatience, reading.Labels);
        Assert.Contains(reading.Evidence, e => e.Emotion == SupportEmotion.Impatience);
    }

    [Theory]
    [InlineData("Fix this or I will cancel my account")]
    [InlineData("I'm switching to your competitor next month")]
    [InlineData("I want to speak to a manager right now")]
    public void Analyze_ThreatsToLeave_RaiseEscalationRisk(string text)
    {
        var reading = Analyze(text);
        var neutral = Analyze("Please update my delivery address");

        Assert.True(reading.EscalationRisk >= 0.5, $"risk {reading.EscalationRisk}");
        Assert.True(neutral.EscalationRisk < 0.3, $"neutral risk {neutral.EscalationRisk}");
    }

    [Fact]
    public void Analyze_SarcasticPraise_IsNotGratitude()
    {
        var reading = Analyze("Great, just great. My package is lost again.");

        Assert.Contains("sarcasm", reading.Signals);
        Assert.DoesNotContain(SupportEmotion.Gratitude, reading.Labels);
        Assert.DoesNotContain(SupportEmotion.Relief, reading.Labels);
        Assert.Contains(SupportEmotion.Frustration, reading.Labels);
        Assert.True(reading.Valence < 0);
        Assert.DoesNotContain(Sentiment.Positive, reading.Sentiment);
    }

    [Fact]
    public void Analyze_ComplaintWithExclamation_IsNotReadAsJoy()
    {
        var reading = Analyze("This is the third time!");

        Assert.Contains(EkmanEmotion.Anger, reading.Ekman);
        Assert.DoesNotContain(EkmanEmotion.Joy, reading.Ekman);
        Assert.Equal([Sentiment.Negative], reading.Sentiment);
    }

    [Fact]
    public void Analyze_ThanksForNothing_IsAngerNotGratitude()
    {
        var reading = Analyze("Thanks for nothing");

        Assert.DoesNotContain(SupportEmotion.Gratitude, reading.Labels);
        Assert.True(reading.Valence < 0);
    }

    [Fact]
    public void Analyze_SchemesAgree_WithTheSupportReading()
    {
        var angry = Analyze("I am furious, this is unacceptable");
        var happy = Analyze("Thank you so much, you are wonderful");
        var plain = Analyze("My address is 12 Main Street");

        Assert.Contains(EkmanEmotion.Anger, angry.Ekman);
        Assert.Contains(Sentiment.Negative, angry.Sentiment);
        Assert.Contains(EkmanEmotion.Joy, happy.Ekman);
        Assert.Contains(Sentiment.Positive, happy.Sentiment);
        Assert.Equal([EkmanEmotion.Neutral], plain.Ekman);
        Assert.Equal([Sentiment.Neutral], plain.Sentiment);
        Assert.Equal([SupportEmotion.Neutral], plain.Labels);
        Assert.NotEmpty(angry.GoEmotions);
    }

    [Fact]
    public void Analyze_ScoresAndDimensions_StayInRange()
    {
        foreach (var text in new[] { "", "!!!", "😡😡😡", "FIX IT NOW!!!!!!", "ok", new string('a', 5000) })
        {
            var reading = Analyze(text);
            Assert.All(reading.Scores, kv => Assert.InRange(kv.Value, 0, 1));
            Assert.InRange(reading.Valence, -1, 1);
            Assert.InRange(reading.Intensity, 0, 1);
            Assert.InRange(reading.EscalationRisk, 0, 1);
            Assert.NotNull(reading.Labels);
        }
    }

    [Fact]
    public void Analyze_Evidence_PointsAtTheWordsThatShowTheEmotion()
    {
        const string text = "I'm so frustrated, my order arrived damaged and I've been waiting for 2 weeks";
        var reading = Analyze(text);

        Assert.Contains(reading.Evidence, e => e.Emotion == SupportEmotion.Frustration && text[e.Range] == "frustrated");
        Assert.Contains(reading.Evidence, e => e.Emotion == SupportEmotion.Impatience && text[e.Range].Contains("waiting", StringComparison.Ordinal));
        Assert.All(reading.Evidence, e => Assert.Contains(e.Emotion, reading.Labels));
    }

    [Theory]
    [InlineData("Mi pedido llegó dañado y lo necesito para el sábado", "es")]
    [InlineData("Ma commande est arrivée endommagée et j'en ai besoin pour samedi", "fr")]
    [InlineData("Meine Bestellung ist beschädigt angekommen und ich brauche sie bis Samstag", "de")]
    public void Analyze_NotEnglish_SaysSoAndInventsNoEmotion(string text, string language)
    {
        var reading = Analyze(text);

        Assert.Equal(language, reading.Language);
        Assert.False(reading.Analyzed);
        Assert.Empty(reading.Labels);
        Assert.All(reading.Scores, kv => Assert.Equal(0, kv.Value));
        Assert.Contains("not-english", reading.Signals);
    }

    [Fact]
    public void Analyze_English_ReportsLanguage()
    {
        var reading = Analyze("My order arrived damaged and I need it for Saturday");

        Assert.Equal("en", reading.Language);
        Assert.True(reading.Analyzed);
    }

    [Fact]
    public void Analyze_OneMegabyteMessage_IsTruncatedNotCrashed()
    {
        var text = string.Concat(Enumerable.Repeat("This is still broken and I am furious. ", 27_000));

        var reading = Analyze(text);

        Assert.True(text.Length > 1_000_000);
        Assert.True(reading.Truncated);
        Assert.Contains(SupportEmotion.Anger, reading.Labels);
    }

    [Fact]
    public void Analyze_ManyThreads_GiveTheSameReadings()
    {
        string[] texts = ["This is the third time I'm writing", "Thank you so much!", "I'm worried about my data", "WHY IS THIS BROKEN"];
        var expected = texts.Select(t => Analyze(t)).ToArray();

        Parallel.For(0, 2_000, i =>
        {
            var reading = Analyze(texts[i % texts.Length]);
            var reference = expected[i % texts.Length];
            Assert.Equal(reference.Labels, reading.Labels);
            Assert.Equal(reference.Valence, reading.Valence);
            Assert.Equal(reference.Evidence, reading.Evidence);
        });
    }

    [Fact]
    public void Dominant_PicksTheStrongestNonNeutralLabel()
    {
        var reading = Analyze("I'm so angry, you charged me twice and ignored my emails");

        Assert.NotEqual(SupportEmotion.Neutral, reading.Dominant);
        Assert.Equal(reading.Labels.MaxBy(l => reading.Scores[l]), reading.Dominant);
    }
}

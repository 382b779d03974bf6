namespace OrleansAssistant.Grains.Tests.Questions;

/// <summary>A question silo answering repeats from templates (no model call) with a small stage-1 prompt cap.</summary>
public sealed class TemplateAnswerSiloFixture() : QuestionSiloFixture(new Dictionary<string, string?>
{
    ["Answers:VerifiedAnswerMode"] = "Template",
    ["Answers:Stage1PromptTokenCap"] = TokenCap.ToString(System.Globalization.CultureInfo.InvariantCulture),
})
{
    /// <summary>Room for the shop's prompt and a few short examples, not for three long ones.</summary>
    public const int TokenCap = 700;
}

[CollectionDefinition(Name)]
public sealed class TemplateAnswerSiloCollection : ICollectionFixture<TemplateAnswerSiloFixture>
{
    public const string Name = "template answers";
}

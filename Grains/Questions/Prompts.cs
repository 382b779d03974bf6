namespace OrleansAssistant.Grains.Questions;

/// <summary>The prompts in use, in one place; a new version is a new file and a change here.</summary>
public static class Prompts
{
    public static readonly PromptTemplate Summary = PromptTemplate.Load("summary.v3");
    public static readonly PromptTemplate Repair = PromptTemplate.Load("repair.v1");
    public static readonly PromptTemplate Answer = PromptTemplate.Load("answer.v2");
    public static readonly PromptTemplate Email = PromptTemplate.Load("email.v1");

    /// <summary>Heads stage 1's glossary section; the section is left out when no entry fits.</summary>
    public static readonly PromptTemplate GlossaryHeading = PromptTemplate.Load("summary-glossary.v1");

    /// <summary>Heads stage 1's verified examples; says that the examples are quoted data.</summary>
    public static readonly PromptTemplate ExamplesHeading = PromptTemplate.Load("summary-examples.v1");
}

namespace OrleansAssistant.Grains.Questions;

/// <summary>The prompts in use, in one place; a new version is a new file and a change here.</summary>
public static class Prompts
{
    public static readonly PromptTemplate Summary = PromptTemplate.Load("summary.v2");
    public static readonly PromptTemplate Repair = PromptTemplate.Load("repair.v1");
    public static readonly PromptTemplate Answer = PromptTemplate.Load("answer.v1");
    public static readonly PromptTemplate Email = PromptTemplate.Load("email.v1");
}

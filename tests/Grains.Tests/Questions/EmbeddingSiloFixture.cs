namespace OrleansAssistant.Grains.Tests.Questions;

/// <summary>A question silo with <c>Model:EmbeddingModel</c> set: example questions and asked questions are embedded.</summary>
public sealed class EmbeddingSiloFixture() : QuestionSiloFixture(new Dictionary<string, string?>
{
    ["Model:EmbeddingModel"] = EmbeddingModel,
    [$"ModelPrices:{EmbeddingModel}:Input"] = "0.15",
    [$"ModelPrices:{EmbeddingModel}:Output"] = "0",
})
{
    public const string EmbeddingModel = "text-embedding-test";
}

[CollectionDefinition(Name)]
public sealed class EmbeddingSiloCollection : ICollectionFixture<EmbeddingSiloFixture>
{
    public const string Name = "embeddings";
}

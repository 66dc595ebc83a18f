using System.Text.Json;
using SigmoidService.Inference.Models;

namespace SigmoidService.Inference.Sentiment;

/// <summary>Builds a <see cref="ReviewTokenizer"/> for every model whose card describes word-token-id preprocessing.</summary>
public sealed class ReviewTokenizerPreparer : IModelPreparer
{
    public bool AppliesTo(OnnxModel model) =>
        model.Card.Preprocessing is { ValueKind: JsonValueKind.Object } preprocessing
        && preprocessing.TryGetProperty("kind", out var kind)
        && kind.ValueKind == JsonValueKind.String
        && kind.GetString() == "wordTokenIds";

    public void Prepare(OnnxModel model) => model.SetPreprocessor(ReviewTokenizer.Load(model.Card, model.Directory));
}

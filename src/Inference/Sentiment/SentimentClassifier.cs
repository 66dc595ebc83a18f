using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SigmoidService.Inference.Models;

namespace SigmoidService.Inference.Sentiment;

/// <summary>
/// Runs the imdb-sentiment model: is a movie review positive? Texts are tokenised exactly as in training and
/// run as one batch, each row right-padded with the padding id, which the model ignores.
/// </summary>
public sealed partial class SentimentClassifier(ModelRepository repository, ILogger<SentimentClassifier> logger)
{
    /// <summary>The token ids of a text, as the model receives them.</summary>
    /// <exception cref="ModelUnavailableException">The model is not ready.</exception>
    public long[] Encode(string text) =>
        repository.GetReady(ModelNames.ImdbSentiment).GetPreprocessor<ReviewTokenizer>().Encode(text);

    /// <summary>Returns whether a text has at least one token, so that markup or whitespace alone can be rejected.</summary>
    /// <exception cref="ModelUnavailableException">The model is not ready.</exception>
    public bool HasTokens(string text) =>
        repository.GetReady(ModelNames.ImdbSentiment).GetPreprocessor<ReviewTokenizer>().Tokenize(text).Count > 0;

    /// <summary>Classifies a batch of reviews, in input order.</summary>
    /// <exception cref="ModelUnavailableException">The model is not ready.</exception>
    public ClassificationResult Classify(IReadOnlyList<string> texts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(texts.Count);
        var model = repository.GetReady(ModelNames.ImdbSentiment);
        var tokenizer = model.GetPreprocessor<ReviewTokenizer>();

        var stopwatch = Stopwatch.StartNew();
        var rows = texts.Select(tokenizer.Encode).ToList();
        var length = rows.Max(row => row.Length);
        var input = new long[rows.Count * length];
        if (tokenizer.PadId != 0)
        {
            Array.Fill(input, tokenizer.PadId);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].CopyTo(input, i * length);
        }

        var tokenizing = stopwatch.Elapsed.TotalMilliseconds;
        var (output, _) = model.Run(input, BatchShapes.For(model.Inputs[0], rows.Count, length));
        LogBatch(logger, model.Name, texts.Count, length, tokenizing, stopwatch.Elapsed.TotalMilliseconds - tokenizing);

        return new ClassificationResult(model.Name, model.Version, model.Card.Threshold, output);
    }

    [LoggerMessage(EventId = 2200, Level = LogLevel.Information,
        Message = "Ran {Model} on a batch of {Count} texts of up to {Tokens} tokens: tokenizing {TokenizeMs:0.00} ms, model {RunMs:0.00} ms")]
    private static partial void LogBatch(ILogger logger, string model, int count, int tokens, double tokenizeMs, double runMs);
}

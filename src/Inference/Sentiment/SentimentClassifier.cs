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

    /// <summary>Tokenises a batch of reviews into the id rows the model receives, in input order.</summary>
    /// <exception cref="ModelUnavailableException">The model is not ready.</exception>
    public IReadOnlyList<long[]> Encode(IReadOnlyList<string> texts)
    {
        var tokenizer = repository.GetReady(ModelNames.ImdbSentiment).GetPreprocessor<ReviewTokenizer>();
        return texts.Select(tokenizer.Encode).ToList();
    }

    /// <summary>
    /// Returns whether an encoded row has no tokens: the tokenizer turns a text without any (markup or
    /// punctuation alone) into the single padding id.
    /// </summary>
    /// <exception cref="ModelUnavailableException">The model is not ready.</exception>
    public bool HasNoTokens(long[] row) =>
        row is [var only] && only == repository.GetReady(ModelNames.ImdbSentiment).GetPreprocessor<ReviewTokenizer>().PadId;

    /// <summary>Classifies a batch of reviews, in input order.</summary>
    /// <exception cref="ModelUnavailableException">The model is not ready.</exception>
    public ClassificationResult Classify(IReadOnlyList<string> texts) => Classify(Encode(texts));

    /// <summary>Classifies a batch of reviews already encoded by <see cref="Encode(IReadOnlyList{string})"/>, in input order.</summary>
    /// <exception cref="ModelUnavailableException">The model is not ready.</exception>
    public ClassificationResult Classify(IReadOnlyList<long[]> rows)
    {
        ArgumentOutOfRangeException.ThrowIfZero(rows.Count);
        var model = repository.GetReady(ModelNames.ImdbSentiment);
        var tokenizer = model.GetPreprocessor<ReviewTokenizer>();

        var stopwatch = Stopwatch.StartNew();
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

        var (output, _) = model.Run(input, BatchShapes.For(model.Inputs[0], rows.Count, length));
        LogBatch(logger, model.Name, rows.Count, length, stopwatch.Elapsed.TotalMilliseconds);

        return new ClassificationResult(model.Name, model.Version, model.Card.Threshold, output);
    }

    [LoggerMessage(EventId = 2200, Level = LogLevel.Information,
        Message = "Ran {Model} on a batch of {Count} texts of up to {Tokens} tokens in {RunMs:0.00} ms")]
    private static partial void LogBatch(ILogger logger, string model, int count, int tokens, double runMs);
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SigmoidService.Inference.Models;
using SigmoidService.Inference.Sentiment;
using SigmoidService.Inference.Tests.Models;

namespace SigmoidService.Inference.Tests.Sentiment;

public sealed class ReviewTokenizerTests : IDisposable
{
    // The token pattern of the training tokenizer, as its card writes it.
    private const string Pattern =
        @"[a-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+(?:'[a-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+)*|[^\x00-\x7f\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+";

    private static readonly string[] Vocabulary = ["<pad>", "<unk>", "the", "film", "don't", "o'brien's", "café", "“", "😀👍", "great", "movie"];

    private static readonly JsonSerializerOptions FixtureJson = new(JsonSerializerDefaults.Web);

    private readonly TemporaryFolder _folder = new();

    [Fact]
    public void Encode_ParityReviews_MatchTheTrainingIdsExactly()
    {
        using var repository = TestRepositories.LoadReal(ModelNames.ImdbSentiment);
        var tokenizer = repository.GetReady(ModelNames.ImdbSentiment).GetPreprocessor<ReviewTokenizer>();
        var fixture = LoadParity();

        Assert.NotEmpty(fixture.Samples);
        foreach (var sample in fixture.Samples)
        {
            var ids = tokenizer.Encode(sample.Text);

            Assert.True(sample.Tokens.SequenceEqual(ids), $"review {sample.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? sample.Text}: ids differ from training");
            Assert.Equal(sample.TokenCount, tokenizer.Tokenize(sample.Text).Count);
        }
    }

    [Fact]
    public void Encode_ParityReviews_CoverTheHardCases()
    {
        using var repository = TestRepositories.LoadReal(ModelNames.ImdbSentiment);
        var tokenizer = repository.GetReady(ModelNames.ImdbSentiment).GetPreprocessor<ReviewTokenizer>();
        var samples = LoadParity().Samples;

        // The fixture is only a proof if it contains each case the tokenizer must get right.
        Assert.Contains(samples, s => s.TokenCount > tokenizer.MaxTokens);
        Assert.Contains(samples, s => s.Tokens.Contains(tokenizer.UnknownId));
        Assert.Contains(samples, s => s.Text.Contains("<br />", StringComparison.Ordinal));
        Assert.Contains(samples, s => s.Text.Any(c => c > 127));
        Assert.Contains(samples, s => s.Text.Any(char.IsSurrogate));
        Assert.Contains(samples, s => s.Text.Length == 0);
    }

    [Fact]
    public void Run_ParityReviews_MatchPyTorch()
    {
        using var repository = TestRepositories.LoadReal(ModelNames.ImdbSentiment);
        var model = repository.GetReady(ModelNames.ImdbSentiment);
        var fixture = LoadParity();

        foreach (var sample in fixture.Samples)
        {
            var (output, _) = model.Run(sample.Tokens, [1, sample.Tokens.Length]);
            Assert.True(Math.Abs(output[0] - sample.Probability) <= fixture.Tolerance,
                $"review {sample.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? sample.Text}: {output[0]} against PyTorch {sample.Probability}");
        }

        // Right-padding with id 0 to the longest row must not change any probability.
        var width = fixture.Samples.Max(s => s.Tokens.Length);
        var batch = new long[fixture.Samples.Count * width];
        for (var i = 0; i < fixture.Samples.Count; i++)
        {
            fixture.Samples[i].Tokens.CopyTo(batch, i * width);
        }

        var (batched, shape) = model.Run(batch, [fixture.Samples.Count, width]);
        Assert.Equal([fixture.Samples.Count, 1L], shape);
        for (var i = 0; i < fixture.Samples.Count; i++)
        {
            Assert.True(Math.Abs(batched[i] - fixture.Samples[i].Probability) <= fixture.Tolerance,
                $"review {i} in the batch: {batched[i]} against PyTorch {fixture.Samples[i].Probability}");
        }
    }

    [Fact]
    public void Tokenize_LowercasesAsciiOnly()
    {
        var tokenizer = Build();

        Assert.Equal(["the", "film", "İstanbul", "Äpfel", "cafÉ"], tokenizer.Tokenize("THE Film İSTANBUL ÄPFEL CAFÉ"));
    }

    [Fact]
    public void Tokenize_LineBreakTagsSeparateWords()
    {
        var tokenizer = Build();

        Assert.Equal(["great", "movie", "the", "film"], tokenizer.Tokenize("<BR />Great<br/>movie<br>the<br />film"));
    }

    [Fact]
    public void Tokenize_ApostrophesInsideWordsOnly()
    {
        var tokenizer = Build();

        Assert.Equal(["don't", "quote", "o'brien's", "10"], tokenizer.Tokenize("Don't 'quote' O'Brien's... 10"));
    }

    [Fact]
    public void Tokenize_NonAsciiRunsAreTokens()
    {
        var tokenizer = Build();

        Assert.Equal(["“", "smart", "”", "😀👍", "—"], tokenizer.Tokenize("“smart” 😀👍 — !!!"));
    }

    [Fact]
    public void Encode_UnknownWordsAndTruncation()
    {
        var tokenizer = Build(maxTokens: 3);

        Assert.Equal([2L, 1, 3], tokenizer.Encode("the zzz film great movie"));
        Assert.Equal([8L, 7], tokenizer.Encode("😀👍 “"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!! ... ??? -- :-) <br /><br />")]
    public void Encode_NoTokens_IsThePaddingId(string text)
    {
        var tokenizer = Build();

        Assert.Equal([0L], tokenizer.Encode(text));
    }

    [Fact]
    public void Load_VocabularyShaDiffers_ThrowsNamingTheFile()
    {
        var card = WriteCard(maxTokens: 1000, vocabularySha: new string('a', 64));

        var exception = Assert.Throws<ModelLoadException>(() => ReviewTokenizer.Load(card, _folder.Path));

        Assert.Contains(Path.Combine(_folder.Path, "vocab.txt"), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownStep_Throws()
    {
        var card = WriteCard(maxTokens: 1000, extraStep: """{"op": "unicodeNormalize", "form": "NFKC"}""");

        var exception = Assert.Throws<ModelLoadException>(() => ReviewTokenizer.Load(card, _folder.Path));

        Assert.Contains("'unicodeNormalize'", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private ReviewTokenizer Build(int maxTokens = 1000) => ReviewTokenizer.Load(WriteCard(maxTokens), _folder.Path);

    private ModelCard WriteCard(int maxTokens, string? vocabularySha = null, string? extraStep = null)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", Vocabulary) + "\n");
        File.WriteAllBytes(Path.Combine(_folder.Path, "vocab.txt"), bytes);
        var sha = vocabularySha ?? Convert.ToHexStringLower(SHA256.HashData(bytes));
        var extra = extraStep is null ? string.Empty : extraStep + ",";
        var json = $$"""
            {
              "preprocessing": {
                "kind": "wordTokenIds",
                "steps": [
                  {"op": "asciiLowercase"},
                  {{extra}}
                  {"op": "replace", "old": "<br />", "new": " "},
                  {"op": "replace", "old": "<br/>", "new": " "},
                  {"op": "replace", "old": "<br>", "new": " "},
                  {"op": "regexMatches", "pattern": {{JsonSerializer.Serialize(Pattern)}}},
                  {"op": "lookup", "vocabulary": "vocab.txt", "unknownId": 1},
                  {"op": "truncate", "maxTokens": {{maxTokens}}, "keep": "first"},
                  {"op": "emptyToPad", "ids": [0]}
                ],
                "vocabulary": {"file": "vocab.txt", "size": {{Vocabulary.Length}}, "sha256": "{{sha}}"}
              }
            }
            """;
        return ModelCard.Parse(json);
    }

    private static SentimentParityFixture LoadParity()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "imdb-sentiment-parity.json");
        return JsonSerializer.Deserialize<SentimentParityFixture>(File.ReadAllText(path), FixtureJson)
            ?? throw new InvalidOperationException($"The fixture {path} is empty.");
    }

    private sealed record SentimentParityFixture(double Tolerance, IReadOnlyList<SentimentParitySample> Samples);

    private sealed record SentimentParitySample(long? Id, string Text, int TokenCount, long[] Tokens, float Probability);
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SigmoidService.Inference.Models;

namespace SigmoidService.Inference.Sentiment;

/// <summary>
/// The word tokenizer of a text model, built from the <c>preprocessing</c> section of its card (kind
/// <c>wordTokenIds</c>) and its vocabulary file, and equal to the training tokenizer id for id. The steps run in
/// the card's order and use ordinal operations only. Text steps come first (<c>asciiLowercase</c> maps A-Z
/// to a-z and nothing else, and <c>replace</c> substitutes a literal string everywhere). Then
/// <c>regexMatches</c> takes every non-overlapping match, left to right, as a token, as Python's
/// <c>re.findall</c> does. Last come the id steps: <c>lookup</c> maps each token to its line number in the
/// vocabulary (or the unknown id), <c>truncate</c> keeps the first <see cref="MaxTokens"/> ids, and
/// <c>emptyToPad</c> turns a text without tokens into the padding id alone.
/// </summary>
/// <remarks>
/// .NET's Regex matches UTF-16 code units where Python's re matches code points. The shipped pattern puts
/// both halves of a surrogate pair in the same character class, so characters above U+FFFF end up in the
/// same tokens in both. Every regular-expression option that would differ from Python (IgnoreCase,
/// ECMAScript) stays off, and CultureInvariant makes no culture matter.
/// </remarks>
public sealed class ReviewTokenizer
{
    /// <summary>The bound on one regular-expression scan; a 100,000-character review takes about a millisecond.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(5);

    private readonly List<Func<string, string>> _textSteps;
    private readonly Regex _pattern;
    private readonly Dictionary<string, long> _vocabulary;
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private ReviewTokenizer(
        List<Func<string, string>> textSteps,
        Regex pattern,
        Dictionary<string, long> vocabulary,
        int vocabularySize,
        long unknownId,
        long padId,
        int maxTokens)
    {
        _textSteps = textSteps;
        _pattern = pattern;
        _vocabulary = vocabulary;
        _lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        VocabularySize = vocabularySize;
        UnknownId = unknownId;
        PadId = padId;
        MaxTokens = maxTokens;
    }

    /// <summary>The count of vocabulary lines; every id is below it.</summary>
    public int VocabularySize { get; }

    public long UnknownId { get; }

    public long PadId { get; }

    /// <summary>The count of ids kept from the start of a text; later tokens are dropped.</summary>
    public int MaxTokens { get; }

    /// <summary>
    /// Builds the tokenizer that the card at <paramref name="folder"/> describes, checking the vocabulary file
    /// against the card's SHA-256 and size.
    /// </summary>
    /// <exception cref="ModelLoadException">The card's preprocessing is missing or has a step this code does not implement, or the vocabulary does not match.</exception>
    public static ReviewTokenizer Load(ModelCard card, string folder)
    {
        var cardPath = Path.Combine(folder, "card.json");
        if (card.Preprocessing is not { ValueKind: JsonValueKind.Object } preprocessing
            || GetString(preprocessing, "kind") != "wordTokenIds"
            || !preprocessing.TryGetProperty("steps", out var steps)
            || steps.ValueKind != JsonValueKind.Array)
        {
            throw new ModelLoadException($"The card {cardPath} has no preprocessing of kind wordTokenIds with steps.");
        }

        var textSteps = new List<Func<string, string>>();
        Regex? pattern = null;
        string? vocabularyFile = null;
        long unknownId = -1;
        long padId = -1;
        var maxTokens = -1;

        foreach (var step in steps.EnumerateArray())
        {
            var operation = GetString(step, "op");
            switch (operation)
            {
                case "asciiLowercase" when pattern is null:
                    textSteps.Add(AsciiLowercase);
                    break;
                case "replace" when pattern is null:
                    var old = GetString(step, "old") ?? throw Invalid(cardPath, "a replace step has no 'old' text");
                    var replacement = GetString(step, "new") ?? throw Invalid(cardPath, "a replace step has no 'new' text");
                    textSteps.Add(text => text.Replace(old, replacement, StringComparison.Ordinal));
                    break;
                case "regexMatches" when pattern is null:
                    var text = GetString(step, "pattern") ?? throw Invalid(cardPath, "the regexMatches step has no pattern");
                    pattern = new Regex(text, RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
                    break;
                case "lookup" when pattern is not null:
                    vocabularyFile = GetString(step, "vocabulary") ?? throw Invalid(cardPath, "the lookup step names no vocabulary file");
                    unknownId = GetInt64(step, "unknownId") ?? throw Invalid(cardPath, "the lookup step has no unknownId");
                    break;
                case "truncate" when pattern is not null:
                    if (GetString(step, "keep") != "first")
                    {
                        throw Invalid(cardPath, "only truncation that keeps the first tokens is implemented");
                    }

                    maxTokens = (int)(GetInt64(step, "maxTokens") ?? throw Invalid(cardPath, "the truncate step has no maxTokens"));
                    break;
                case "emptyToPad" when pattern is not null:
                    if (!step.TryGetProperty("ids", out var ids) || ids.GetArrayLength() != 1)
                    {
                        throw Invalid(cardPath, "the emptyToPad step must give exactly one id");
                    }

                    padId = ids[0].GetInt64();
                    break;
                default:
                    throw Invalid(cardPath, $"the preprocessing step '{operation}' is unknown or out of order");
            }
        }

        if (pattern is null || vocabularyFile is null || maxTokens < 1 || padId < 0)
        {
            throw Invalid(cardPath, "the steps regexMatches, lookup, truncate and emptyToPad are all required");
        }

        var vocabularySection = preprocessing.TryGetProperty("vocabulary", out var section) ? section : default;
        var (vocabulary, size) = ReadVocabulary(Path.Combine(folder, vocabularyFile), vocabularySection, cardPath);
        return new ReviewTokenizer(textSteps, pattern, vocabulary, size, unknownId, padId, maxTokens);
    }

    /// <summary>Splits a text into tokens, before vocabulary lookup and truncation.</summary>
    public IReadOnlyList<string> Tokenize(string text)
    {
        var prepared = Prepare(text);
        var tokens = new List<string>();
        foreach (var match in _pattern.EnumerateMatches(prepared))
        {
            tokens.Add(prepared.Substring(match.Index, match.Length));
        }

        return tokens;
    }

    /// <summary>Returns the token ids of a text: at least one, at most <see cref="MaxTokens"/>.</summary>
    public long[] Encode(string text)
    {
        var prepared = Prepare(text);
        var ids = new List<long>();
        foreach (var match in _pattern.EnumerateMatches(prepared))
        {
            if (ids.Count == MaxTokens)
            {
                break;
            }

            var token = prepared.AsSpan(match.Index, match.Length);
            ids.Add(_lookup.TryGetValue(token, out var id) ? id : UnknownId);
        }

        return ids.Count == 0 ? [PadId] : [.. ids];
    }

    /// <summary>The id of one token, or the unknown id.</summary>
    public long IdOf(string token) => _vocabulary.TryGetValue(token, out var id) ? id : UnknownId;

    private string Prepare(string text)
    {
        foreach (var step in _textSteps)
        {
            text = step(text);
        }

        return text;
    }

    private static string AsciiLowercase(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;
            }
        });

    /// <summary>
    /// Reads the vocabulary: UTF-8, one token per line ending in '\n', the token on line k having id k. Its
    /// SHA-256 and line count must match the card, when the card gives them.
    /// </summary>
    private static (Dictionary<string, long> Vocabulary, int Size) ReadVocabulary(string path, JsonElement section, string cardPath)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ModelLoadException($"The vocabulary {path} cannot be read: {exception.Message}", exception);
        }

        var expectedSha = section.ValueKind == JsonValueKind.Object ? GetString(section, "sha256") : null;
        var actualSha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (expectedSha is not null && !string.Equals(expectedSha, actualSha, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelLoadException($"The SHA-256 of {path} is {actualSha}, but {cardPath} gives {expectedSha}.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            throw new ModelLoadException($"The vocabulary {path} is not valid UTF-8.", exception);
        }

        var lines = text.Split('\n');
        if (lines[^1].Length != 0)
        {
            throw new ModelLoadException($"The vocabulary {path} does not end with a line break.");
        }

        var size = lines.Length - 1;
        if (section.ValueKind == JsonValueKind.Object && GetInt64(section, "size") is { } expectedSize && expectedSize != size)
        {
            throw new ModelLoadException($"The vocabulary {path} has {size} tokens, but {cardPath} gives {expectedSize}.");
        }

        // Line k contains the token of id k. A repeated line takes the later id, as a Python dict built from the
        // enumerated lines does.
        var vocabulary = new Dictionary<string, long>(size, StringComparer.Ordinal);
        for (var id = 0; id < size; id++)
        {
            vocabulary[lines[id]] = id;
        }

        return (vocabulary, size);
    }

    private static ModelLoadException Invalid(string cardPath, string reason) =>
        new($"The card {cardPath} describes a tokenizer this service cannot reproduce: {reason}.");

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? GetInt64(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;
}

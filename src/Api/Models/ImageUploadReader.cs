using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SigmoidService.Api.Infrastructure;

namespace SigmoidService.Api.Models;

/// <summary>
/// Reads the files of a <c>multipart/form-data</c> upload from the field <c>images</c>, one section at a
/// time, so that no file is held beyond its limit: a file over the per-image limit stops the read with a
/// 413, and a count over the per-request limit with a 400. The whole body is bounded separately by the
/// endpoint's request size limit.
/// </summary>
internal static class ImageUploadReader
{
    public const string FieldName = "images";

    private const int BufferSize = 81_920;

    /// <summary>The uploaded files in order, or the problem that rejects the upload.</summary>
    public static async Task<(List<byte[]>? Images, Results<ValidationProblem, ProblemHttpResult>? Problem)> ReadAsync(
        HttpRequest request, ServiceLimitsOptions limits, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
        {
            return (null, RequestErrors.For("body", "The multipart/form-data Content-Type has no valid boundary."));
        }

        var reader = new MultipartReader(boundary, request.Body)
        {
            HeadersCountLimit = 16,
            HeadersLengthLimit = 16 * 1024,
        };

        var images = new List<byte[]>();
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    return (null, RequestErrors.For("body", "Every part of the upload needs a Content-Disposition: form-data header."));
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (name != FieldName)
                {
                    return (null, RequestErrors.For(name.Length == 0 ? "body" : name,
                        $"Unknown field; send each image as a file in the field '{FieldName}'."));
                }

                if (images.Count == limits.MaxImagesPerRequest)
                {
                    return (null, RequestErrors.For(FieldName,
                        $"The upload has more than {limits.MaxImagesPerRequest} images, the limit per request."));
                }

                var bytes = await ReadLimitedAsync(section.Body, limits.MaxImageUploadBytes, cancellationToken);
                if (bytes is null)
                {
                    return (null, Problems.PayloadTooLarge(
                        $"{FieldName}[{images.Count}] is larger than {limits.MaxImageUploadBytes} bytes, the limit per image."));
                }

                images.Add(bytes);
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            return (null, RequestErrors.For("body", "The multipart/form-data body is malformed or ends early."));
        }

        if (images.Count == 0)
        {
            return (null, RequestErrors.For(FieldName, $"The upload has no files; send at least one image in the field '{FieldName}'."));
        }

        return (images, null);
    }

    /// <summary>Reads a section up to <paramref name="limit"/> bytes; returns null as soon as it is longer.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[BufferSize];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

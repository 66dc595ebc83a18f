using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SigmoidService.Api.Infrastructure;
using SigmoidService.Inference.Digits;
using SigmoidService.Inference.Models;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace SigmoidService.Api.Models;

/// <summary>
/// <c>POST /api/v1/models/mnist-zero/predict</c>: is a handwritten digit a zero? Takes MNIST pixels as JSON
/// or image files as <c>multipart/form-data</c>; a request's images run as one batch.
/// </summary>
public static class DigitEndpoints
{
    private const string MultipartFormData = "multipart/form-data";

    public static RouteHandlerBuilder MapDigitPrediction(this IEndpointRouteBuilder group)
    {
        var limits = group.ServiceProvider.GetRequiredService<IOptions<ServiceLimitsOptions>>().Value;

        return group.MapPost($"/{ModelNames.MnistZero}/predict", PredictDigits)
            .WithName("PredictDigits")
            .WithSummary("Tells whether handwritten digits are zeros")
            .WithDescription("Send JSON {\"pixels\": [[784 numbers in 0..1, row-major, light ink on black as in MNIST]]}, "
                + "or multipart/form-data with one or more files in the field 'images' (PNG, JPEG, BMP, GIF or WebP, "
                + "any size up to the configured side, colour or grey, dark-on-light or light-on-dark). Uploaded images "
                + "are normalised as MNIST was made: polarity detected, cropped to the ink, scaled to fit 20x20 with "
                + "area averaging and centred by the centre of mass in 28x28. Answers one prediction per image, in order.")
            .Accepts<DigitPixelsRequest>("application/json", MultipartFormData)
            .WithMetadata(new UploadSizeLimit(limits.MaxUploadRequestBytes))
            .WithRequestExample(DigitExample.Request)
            .WithMultipartFiles("images", "One or more image files (PNG, JPEG, BMP, GIF or WebP), one prediction each, in order.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    internal static async Task<Results<Ok<DigitPredictionResponse>, ValidationProblem, ProblemHttpResult>> PredictDigits(
        HttpRequest request,
        DigitClassifier classifier,
        IOptions<ServiceLimitsOptions> limits,
        IOptions<HttpJsonOptions> json,
        CancellationToken cancellationToken)
    {
        List<float[]> images;
        if (request.HasFormContentType && request.ContentType!.StartsWith(MultipartFormData, StringComparison.OrdinalIgnoreCase))
        {
            var (uploads, uploadProblem) = await ImageUploadReader.ReadAsync(request, limits.Value, cancellationToken);
            if (uploadProblem is { } problem)
            {
                return problem.Result switch
                {
                    ValidationProblem invalid => invalid,
                    ProblemHttpResult other => other,
                    _ => throw new InvalidOperationException("The upload reader returned an unexpected result."),
                };
            }

            var (prepared, preparationProblem) = await PrepareImagesAsync(uploads!, limits.Value, cancellationToken);
            if (preparationProblem is not null)
            {
                return preparationProblem.Result switch
                {
                    ValidationProblem invalid => invalid,
                    ProblemHttpResult other => other,
                    _ => throw new InvalidOperationException("The image preparation returned an unexpected result."),
                };
            }

            images = prepared!;
        }
        else if (request.HasJsonContentType())
        {
            if (request.ContentLength > limits.Value.MaxJsonBodyBytes)
            {
                return Problems.PayloadTooLarge(
                    $"The JSON body has {request.ContentLength} bytes, more than the limit of {limits.Value.MaxJsonBodyBytes} bytes.");
            }

            // The endpoint's size limit is set for uploads; a JSON body gets the ordinary JSON limit.
            if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            {
                sizeFeature.MaxRequestBodySize = limits.Value.MaxJsonBodyBytes;
            }

            var body = await ReadJsonAsync(request, json.Value.SerializerOptions, cancellationToken);
            var errors = new RequestErrors();
            images = ValidatePixels(body, limits.Value, errors);
            if (errors.HasErrors)
            {
                return errors.ToProblem();
            }
        }
        else
        {
            return Problems.UnsupportedMediaType("Send application/json with {\"pixels\": [[...]]} or multipart/form-data with files in the field 'images'.");
        }

        try
        {
            var result = classifier.Classify(images);
            var predictions = result.Probabilities
                .Select((probability, i) => new DigitPrediction(probability, result.IsPositive(i)))
                .ToList();
            return TypedResults.Ok(new DigitPredictionResponse(result.Model, result.Version, predictions));
        }
        catch (ModelUnavailableException exception)
        {
            return ModelEndpoints.Unavailable(exception);
        }
    }

    private static async Task<DigitPixelsRequest?> ReadJsonAsync(HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFromJsonAsync<DigitPixelsRequest>(options, cancellationToken);
        }
        catch (JsonException exception)
        {
            // Rethrown as the framework's binding failure, so the exception handler names the field as for other endpoints.
            throw new BadHttpRequestException("The JSON body is invalid.", StatusCodes.Status400BadRequest, exception);
        }
    }

    private static List<float[]> ValidatePixels(DigitPixelsRequest? body, ServiceLimitsOptions limits, RequestErrors errors)
    {
        var images = new List<float[]>();
        if (!errors.Required(body, "body") || !errors.Required(body!.Pixels, "pixels"))
        {
            return images;
        }

        var pixels = body.Pixels!;
        if (pixels.Count == 0)
        {
            errors.Add("pixels", "The array must hold at least one image.");
            return images;
        }

        if (pixels.Count > limits.MaxImagesPerRequest)
        {
            errors.Add("pixels", $"The request has {pixels.Count} images, more than the limit of {limits.MaxImagesPerRequest}.");
            return images;
        }

        for (var i = 0; i < pixels.Count && errors.Count < RequestErrors.MaxReportedElements; i++)
        {
            var row = pixels[i];
            if (row is null || row.Count != DigitClassifier.PixelCount)
            {
                errors.Add($"pixels[{i}]", $"An image must have {DigitClassifier.PixelCount} pixels (28 x 28, row-major), not {row?.Count ?? 0}.");
                continue;
            }

            var image = new float[DigitClassifier.PixelCount];
            for (var j = 0; j < row.Count; j++)
            {
                var value = row[j];
                if (!(value >= 0.0 && value <= 1.0))
                {
                    errors.Add($"pixels[{i}][{j}]", double.IsNaN(value)
                        ? "NaN is not a valid input."
                        : $"A pixel must lie in [0, 1], with 0 black and 1 white ink; got {value}.");
                    if (errors.Count >= RequestErrors.MaxReportedElements)
                    {
                        break;
                    }

                    continue;
                }

                image[j] = (float)value;
            }

            images.Add(image);
        }

        return images;
    }

    private static async Task<(List<float[]>? Images, Results<ValidationProblem, ProblemHttpResult>? Problem)> PrepareImagesAsync(
        List<byte[]> uploads, ServiceLimitsOptions limits, CancellationToken cancellationToken)
    {
        var images = new List<float[]>(uploads.Count);
        var errors = new RequestErrors();
        var blank = new List<string>();
        for (var i = 0; i < uploads.Count; i++)
        {
            try
            {
                images.Add(await DigitClassifier.PrepareImageAsync(uploads[i], limits.MaxImageSide, cancellationToken));
            }
            catch (InvalidImageException exception) when (exception.Reason == ImageRejection.Blank)
            {
                blank.Add($"{ImageUploadReader.FieldName}[{i}]");
                errors.Add($"{ImageUploadReader.FieldName}[{i}]", exception.Message);
            }
            catch (InvalidImageException exception)
            {
                errors.Add($"{ImageUploadReader.FieldName}[{i}]", exception.Message);
            }
        }

        if (!errors.HasErrors)
        {
            return (images, null);
        }

        // Uniform images are valid files that hold nothing to classify; any other rejection makes the request invalid.
        if (blank.Count == errors.Count)
        {
            return (null, Problems.Unprocessable("No digit found", $"{string.Join(", ", blank)}: the image is uniform, so there is no digit to classify."));
        }

        return (null, errors.ToProblem());
    }
}

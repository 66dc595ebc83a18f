using Microsoft.AspNetCore.Http.Metadata;

namespace SigmoidService.Api.Models;

/// <summary>Endpoint metadata that raises the body size limit of an upload endpoint above the JSON limit.</summary>
internal sealed record UploadSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

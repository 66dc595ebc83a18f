namespace SigmoidService.Api.Infrastructure;

/// <summary>
/// Endpoint metadata that documents a <c>multipart/form-data</c> body as one field containing one or more files,
/// instead of the JSON schema the endpoint's other media type uses.
/// </summary>
public sealed record MultipartFilesMetadata(string FieldName, string Description);

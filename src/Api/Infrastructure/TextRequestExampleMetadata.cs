namespace SigmoidService.Api.Infrastructure;

/// <summary>
/// Endpoint metadata that documents a text request body (such as <c>text/csv</c>) as a string with an example,
/// instead of the JSON schema the endpoint's other media type uses.
/// </summary>
public sealed record TextRequestExampleMetadata(string MediaType, string Description, string Example);

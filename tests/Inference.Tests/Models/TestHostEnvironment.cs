using System.Runtime.CompilerServices;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace SigmoidService.Inference.Tests.Models;

/// <summary>
/// A host environment whose content root is this test project's source folder, so that the repository's
/// models folder is found above it wherever the build output goes.
/// </summary>
internal sealed class TestHostEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Test";

    public string ApplicationName { get; set; } = "SigmoidService.Inference.Tests";

    public string ContentRootPath { get; set; } = SourceFolder();

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

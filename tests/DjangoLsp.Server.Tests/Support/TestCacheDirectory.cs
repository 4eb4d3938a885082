using NUnit.Framework;

// In the root test namespace: NUnit applies a SetUpFixture to its namespace and those below it.
namespace DjangoLsp.Server.Tests;

/// <summary>
/// Points the on-disk analysis cache of every server and CLI started by these tests (in-process or child process,
/// which inherit the variable) at a temporary folder, so test runs never write to the user's cache.
/// </summary>
[SetUpFixture]
public sealed class TestCacheDirectory
{
    public static string Path { get; private set; } = "";

    [OneTimeSetUp]
    public void Create()
    {
        Path = Directory.CreateTempSubdirectory("djangolsp-test-cache").FullName;
        Environment.SetEnvironmentVariable("DJANGOLSP_CACHE_DIR", Path);
    }

    [OneTimeTearDown]
    public void Delete()
    {
        Environment.SetEnvironmentVariable("DJANGOLSP_CACHE_DIR", null);
        try { Directory.Delete(Path, true); }
        catch (IOException) { }
    }
}

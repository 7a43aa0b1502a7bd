namespace Siget.Bench;

/// <summary>Where the benchmark keeps its data (ignored by git) and writes its results.</summary>
public static class BenchPaths
{
    /// <summary>The repository's bench/ folder, found from the binaries' location upwards.</summary>
    public static string BenchFolder { get; } = Find();

    public static string DataFolder => Path.Combine(BenchFolder, ".data");

    public static string ResultsFile => Path.Combine(BenchFolder, "RESULTS.md");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Siget.Bench", "Siget.Bench.csproj"))) return dir.FullName;
        return Path.Combine(Directory.GetCurrentDirectory(), "bench");
    }
}

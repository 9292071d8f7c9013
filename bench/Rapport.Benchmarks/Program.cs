using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Rapport.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Rapport.Benchmarks.AnalyzeBenchmarks).Assembly).Run(args);

import FactCheck
import Foundation

// FactCheckBenchmark — measures the FactCheck pipeline against a plain PCRE2 scan, NSRegularExpression and
// ripgrep on a generated corpus. Run it with `make bench` (release build). It prints figures and writes them
// as JSON; it never asserts timings.
//
//   FactCheckBenchmark                       the benchmark (settings from BENCH_* environment variables)
//   FactCheckBenchmark run-pipeline …        one pipeline run, in a child process (used by the benchmark)
//   FactCheckBenchmark run-archive …         one claim-archive step (add, reconcile), in a child process
//   FactCheckBenchmark sample N [DIR]        writes the first N generated articles to DIR, to look at them
//   FactCheckBenchmark corpus MB [DIR]       writes the bench's MB-sized corpus of article files to DIR/files-<MB>MB
//                                            and prints its path (for the C reference or `make profile` by hand)
//   FactCheckBenchmark rg-union [DIR]        writes the patterns translated for ripgrep to DIR/rg-union.txt

let arguments = Array(CommandLine.arguments.dropFirst())
let status: Int32
do {
  switch arguments.first {
  case "run-pipeline":
    status = PipelineChild.main(Array(arguments.dropFirst()))
  case "run-archive":
    status = ArchiveChild.main(Array(arguments.dropFirst()))
  case "sample":
    let count = arguments.count > 1 ? Int(arguments[1]) ?? 5 : 5
    let directory = arguments.count > 2 ? arguments[2] : "."
    let settings = try Settings.fromEnvironment()
    let rules = CompiledRuleSet.load([settings.rules])
    let generator = try CorpusGenerator(examplesDirectory: settings.examples, rules: rules, seed: settings.seed)
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for index in 0..<count {
      let article = generator.article(index)
      let path = (directory as NSString).appendingPathComponent(String(format: "a%07d-%@.md", index, article.language))
      try CorpusWriter.writeFile(path, article.bytes)
      print(path)
    }
    status = 0
  case "corpus":
    guard arguments.count > 1, let megabytes = Int(arguments[1]), megabytes > 0 else {
      throw BenchmarkError("usage: FactCheckBenchmark corpus MB [DIR]")
    }
    let directory = arguments.count > 2 ? arguments[2] : "."
    let settings = try Settings.fromEnvironment()
    let generator = try CorpusGenerator(examplesDirectory: settings.examples, rules: CompiledRuleSet.load([settings.rules]), seed: settings.seed)
    let corpus = try CorpusWriter.writeFiles(generator: generator, root: directory, megabytes: megabytes)
    FileHandle.standardError.write(Data("\(corpus.articles) articles, \(corpus.bytes) bytes\n".utf8))
    print(corpus.path)
    status = 0
  case "rg-union":
    // Writes the translated union (rg-union.txt) to a directory, to try rg by hand.
    let directory = arguments.count > 1 ? arguments[1] : "."
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let settings = try Settings.fromEnvironment()
    guard let union = RipgrepUnion(rules: CompiledRuleSet.load([settings.rules]), workDirectory: directory) else {
      throw BenchmarkError("rg is not on PATH, or no pattern translates")
    }
    print("\(union.patternFile): \(union.included) patterns, \(union.dropped.count) dropped")
    status = 0
  case nil, "run":
    status = try Benchmark(settings: Settings.fromEnvironment()).run()
  default:
    FileHandle.standardError.write(Data("usage: FactCheckBenchmark [run | run-pipeline … | sample N [DIR] | corpus MB [DIR] | rg-union [DIR]]\n".utf8))
    status = 2
  }
} catch {
  FileHandle.standardError.write(Data("FactCheckBenchmark: \(error)\n".utf8))
  status = 1
}
exit(status)

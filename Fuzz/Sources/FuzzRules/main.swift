@_spi(Fuzzing) import FactCheck
import FuzzSupport

// The rule loader on arbitrary bytes as a YAML rule file: parse, read, validate, compile to PCRE2, and
// run the examples of whatever rules survive (so fuzzed patterns also run over fuzzed texts).
func fuzzRules(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = FuzzSupport.text(data, size)
  let compiled = FuzzEntryPoints.compileRules(path: "fuzz.yaml", text: text)
  for problem in compiled.problems { _ = problem.description }
  FuzzEntryPoints.runExamples(compiled)
  return 0
}

FuzzSupport.run { fuzzRules($0, $1) }

@_spi(Fuzzing) import FactCheck
import FuzzSupport

// The number normaliser (figures of every kind, dates, hedges, periods) of both bundled lexicons on
// arbitrary text. Captured figures are short: longer inputs are cut at 512 bytes.
let normalisers = FuzzSupport.bundledRules.languages.compactMap {
  FuzzEntryPoints.Normaliser(language: $0, rules: FuzzSupport.bundledRules)
}

func fuzzNumbers(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = FuzzSupport.text(data, min(size, 512))
  for normaliser in normalisers { normaliser.run(text) }
  return 0
}

FuzzSupport.run { fuzzNumbers($0, $1) }

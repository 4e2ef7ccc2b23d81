import FactCheckModel
import FactCheckRules

// Here, beside the one pass that uses it (`ScanPlan.hits`), not with the rest of `ByteSearch` in the model:
// inlined into that loop, as a call from another module would not be.
extension ByteSearch {
  /// Whether a digit the figure fragment reads (``RegexFragments/digit``) starts at `i` (and ends before
  /// `end`): ASCII, or Arabic-Indic, Extended Arabic-Indic, Devanagari or full-width in UTF-8.
  @inline(__always)
  static func isDigitStart(_ haystack: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
    let b = haystack[i]
    if b &- 0x30 < 10 { return true }
    // French accents lead with 0xC3 and typographic spaces and quotes with 0xE2: this branch is rare.
    guard b >= 0xD9, i + 1 < end else { return false }
    let next = haystack[i + 1]
    switch b {
    case 0xD9 where next &- 0xA0 < 10, 0xDB where next &- 0xB0 < 10: return true  // U+0660…, U+06F0…
    case 0xE0 where next == 0xA5 && i + 2 < end && haystack[i + 2] &- 0xA6 < 10: return true  // U+0966…
    case 0xEF where next == 0xBC && i + 2 < end && haystack[i + 2] &- 0x90 < 10: return true  // U+FF10…
    default: return false
    }
  }
}

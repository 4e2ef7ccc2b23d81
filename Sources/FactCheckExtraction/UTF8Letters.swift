/// Letters, capitals and digits of UTF-8 text, read from its bytes as PCRE2 reads `\p{L}`, `\p{Lu}` and
/// `\p{N}` under UCP: by the Unicode general category of each scalar.
///
/// For the byte-level readers that stand in for whole-article patterns (``ProperNameReader``). ASCII and
/// Latin-1 (French and German letters) are answered by arithmetic; beyond, the general category is looked
/// up in Swift's tables (their Unicode version may be later than PCRE2's: they differ only on characters
/// assigned since).
package enum UTF8Letters {
  /// The scalar that starts at `index` (a character boundary before `end`), and its width in bytes; a
  /// scalar cut by `end` is none (width 1, value `nil`), as PCRE2 reads no character past its subject.
  @inline(__always)
  package static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> (value: UInt32?, width: Int) {
    let lead = UInt32(bytes[index])
    if lead < 0x80 { return (lead, 1) }
    let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    guard width > 1, index + width <= end else { return (nil, 1) }
    var value = lead & (0xFF >> (width + 1))
    for k in 1..<width { value = value << 6 | UInt32(bytes[index + k] & 0x3F) }
    return (value, width)
  }

  /// The scalar that ends just before `index`, or `nil` at the start of `bytes`.
  @inline(__always)
  package static func scalar(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
    guard index > 0 else { return nil }
    var k = index - 1
    while k > 0 && bytes[k] & 0xC0 == 0x80 { k -= 1 }
    return scalar(at: k, in: bytes, end: index).value
  }

  /// Whether `byte` is an ASCII letter or digit.
  @inline(__always)
  package static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
    byte | 0x20 &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
  }

  /// `\p{Lu}`: an upper-case letter (not a title-case one).
  @inline(__always)
  package static func isUpper(_ value: UInt32?) -> Bool {
    guard let value else { return false }
    if value < 0x80 { return value &- 0x41 < 26 }
    // Latin-1's letters: capitals from À to Þ, but ×.
    if value < 0x100 { return value >= 0xC0 && value <= 0xDE && value != 0xD7 }
    guard let scalar = Unicode.Scalar(value), case .uppercaseLetter = scalar.properties.generalCategory else { return false }
    return true
  }

  /// `\p{L}`: any letter.
  @inline(__always)
  package static func isLetter(_ value: UInt32?) -> Bool {
    guard let value else { return false }
    if value < 0x80 { return UInt8(value) | 0x20 &- UInt8(ascii: "a") < 26 }
    if value < 0x100 { return isLatin1Letter(value) }
    guard let scalar = Unicode.Scalar(value) else { return false }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
    default: return false
    }
  }

  /// `[\p{L}\p{N}]`: a letter or a number (decimal digits, Roman numerals, fractions, superscripts).
  @inline(__always)
  package static func isLetterOrNumber(_ value: UInt32?) -> Bool {
    guard let value else { return false }
    if value < 0x80 { return isASCIILetterOrDigit(UInt8(value)) }
    // Latin-1's numbers: ², ³, ¹, ¼, ½, ¾.
    if value < 0x100 { return isLatin1Letter(value) || value == 0xB2 || value == 0xB3 || value == 0xB9 || (0xBC...0xBE).contains(value) }
    guard let scalar = Unicode.Scalar(value) else { return false }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber:
      return true
    default: return false
    }
  }

  /// Latin-1's letters (U+0080–U+00FF): ª, µ, º, and À to ÿ but × and ÷.
  @inline(__always)
  private static func isLatin1Letter(_ value: UInt32) -> Bool {
    value == 0xAA || value == 0xB5 || value == 0xBA || (value >= 0xC0 && value != 0xD7 && value != 0xF7)
  }
}

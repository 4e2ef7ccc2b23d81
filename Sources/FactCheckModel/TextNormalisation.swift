/// The one way captured text and lexicon words are compared: lower case, one kind of apostrophe, one
/// kind of space, ASCII digits. "Près d’" in an article and "près d'" in a lexicon are the same words, and
/// `３５００`, `٣٥٠٠` and `3\u{200B}500` are the same figure as `3500`.
package enum TextNormalisation {
  /// Lower-cases, maps ’ and ʼ to ', folds every run of spacing (NBSP, NNBSP, line breaks) to one space, trims;
  /// drops the invisible characters a figure may carry (``RegexFragments/invisible``: format characters
  /// such as U+200B anywhere, combining marks after a digit) and writes decimal digits of every script as
  /// ASCII digits.
  ///
  /// A combining mark is dropped only after a digit: after a letter it is part of the letter (`e` + U+0301).
  package static func key(_ text: String) -> String { foldedKey(text) }

  /// ``key(_:)`` of a slice.
  package static func key(_ text: Substring) -> String { foldedKey(text) }

  /// ``key(_:)`` of ASCII text as its UTF-8 bytes, without making Strings; `nil` when a byte is not ASCII.
  /// What ``foldedKey(_:)`` does to ASCII: letters lower-cased, spacing runs one space, none at the ends.
  /// A slice, not a generic collection: callers are other modules, which would run a generic unspecialised.
  package static func asciiKey(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var pendingSpace = false
    for byte in bytes {
      guard byte < 0x80 else { return nil }
      if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace {
        out.append(0x20)
        pendingSpace = false
      }
      out.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
    }
    return out
  }

  // Specialised here for String and Substring: the stages that call it are other modules, which would
  // otherwise run it generic (through the string protocols' witness tables).
  @inline(__always)
  private static func foldedKey(_ text: some StringProtocol) -> String {
    // Built as UTF-8 bytes: ASCII, most of any text, is lower-cased a byte at a time; only other scalars
    // go through Unicode properties.
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    var afterDigit = false
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        if value == 0x20 || (value >= 0x09 && value <= 0x0D) {
          pendingSpace = !out.isEmpty
          afterDigit = false
          continue
        }
        afterDigit = value >= 0x30 && value <= 0x39
        if pendingSpace {
          out.append(0x20)
          pendingSpace = false
        }
        out.append(value >= 0x41 && value <= 0x5A ? UInt8(value) + 0x20 : UInt8(value))
        continue
      }
      if scalar.properties.isWhitespace || value == 0xA0 || value == 0x202F || value == 0x2009 {
        pendingSpace = !out.isEmpty
        afterDigit = false
        continue
      }
      // Nothing below U+00AD (soft hyphen) is invisible or a digit of another script.
      if value >= 0xAD {
        let category = scalar.properties.generalCategory
        if category == .format || (afterDigit && (category == .nonspacingMark || category == .spacingMark || category == .enclosingMark)) {
          continue
        }
        if category == .decimalNumber, let digit = scalar.properties.numericValue {
          if pendingSpace {
            out.append(0x20)
            pendingSpace = false
          }
          out.append(UInt8(ascii: "0") + UInt8(digit))
          afterDigit = true
          continue
        }
      }
      afterDigit = false
      if pendingSpace {
        out.append(0x20)
        pendingSpace = false
      }
      switch value {
      // U+066C, the Arabic thousands separator, groups like an apostrophe (1'000); U+066B is a decimal point.
      case 0x2019, 0x02BC, 0x2018, 0x066C: out.append(UInt8(ascii: "'"))
      case 0x066B: out.append(UInt8(ascii: "."))
      case 0x2212, 0x2013: out.append(UInt8(ascii: "-"))
      default:
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
          UTF8.encode(lower) { out.append($0) }
        }
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

extension String {
  /// "vingt-deux" → "vingt deux", "two-thirds" → "two thirds"; a minus sign before digits is kept.
  package func replacingHyphensBetweenLetters() -> String {
    // Most figures hold no hyphen: answered on the bytes, without splitting the text into characters.
    guard utf8.contains(UInt8(ascii: "-")) else { return self }
    let characters = Array(self)
    var result = ""
    for (i, c) in characters.enumerated() {
      if c == "-", i > 0, i + 1 < characters.count, characters[i - 1].isLetter, characters[i + 1].isLetter {
        result.append(" ")
      } else {
        result.append(c)
      }
    }
    return result
  }
}

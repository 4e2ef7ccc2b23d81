import FactCheckModel
import FactCheckRules
import FactCheckExtraction

extension String {
  /// The text with every character a terminal would act on, rather than print, written as its PCRE2
  /// escape: `\x1B` for ESC, `\x07` for BEL, `\x{202E}` above U+00FF (see `Character.terminalShown`).
  ///
  /// The text report is printed to a terminal and quotes articles, paths and rule files we did not
  /// write: an ESC sequence in an article could recolour, move the cursor or retitle the window; a line
  /// break in a file name could forge a report line; a bidi override could show a line's words in
  /// another order than they are stored ("Trojan Source"). The escapes are written as in rule patterns,
  /// so a reader can paste one into a pattern to find the character. A backslash is left as it is, so
  /// `\x1B` may also be those four characters as written; the JSON report has the exact text.
  package var terminalEscaped: String {
    guard unicodeScalars.contains(where: Character.needsTerminalEscape) else { return self }
    var out = ""
    out.reserveCapacity(utf8.count + 16)
    for scalar in unicodeScalars {
      if Character.needsTerminalEscape(scalar) {
        out += Character.terminalEscape(scalar)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

extension Character {
  /// The character as the text report prints it: itself, or escaped (``String/terminalEscaped``). An
  /// escaped character takes several columns, which the report counts when it underlines a figure.
  package var terminalShown: String {
    guard unicodeScalars.contains(where: Character.needsTerminalEscape) else { return String(self) }
    return String(self).terminalEscaped
  }

  /// Whether a terminal would act on `scalar` instead of printing it: C0 controls but the tab (line
  /// breaks included), DEL, C1 controls, the line and paragraph separators, and the bidi embeddings,
  /// overrides and isolates (U+202A–U+202E, U+2066–U+2069).
  package static func needsTerminalEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09: false
    case 0x00...0x1F, 0x7F...0x9F, 0x2028...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// `\xHH` up to U+00FF, `\x{HHHH}` above, as PCRE2 writes them.
  package static func terminalEscape(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return scalar.value <= 0xFF ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\x{" + hex + "}"
  }
}

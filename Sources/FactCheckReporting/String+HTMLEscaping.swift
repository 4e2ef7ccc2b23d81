import FactCheckModel
import FactCheckRules
import FactCheckExtraction

extension String {
  /// The text with the five characters that can end an HTML text run or a quoted attribute value
  /// (`&`, `<`, `>`, `"`, `'`) replaced by character references.
  ///
  /// Safe both as element content and inside a quoted attribute value, so one function serves the
  /// whole HTML report: article text, rule ids, paths and messages all come from files we did not write.
  package var htmlEscaped: String { escapingHTML(keepingLineBreaks: false) }

  /// ``htmlEscaped``, with line breaks written `&#10;` so that a `title` tooltip shows several lines.
  package var htmlAttributeEscaped: String { escapingHTML(keepingLineBreaks: true) }

  private func escapingHTML(keepingLineBreaks: Bool) -> String {
    var out = ""
    out.reserveCapacity(utf8.count)
    for scalar in unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\n" where keepingLineBreaks: out += "&#10;"
      case "\r" where keepingLineBreaks: break
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

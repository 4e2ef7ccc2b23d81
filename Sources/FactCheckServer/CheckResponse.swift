import FactCheck
import FactCheckArchive
import Foundation

/// The answer of `/v1/check` and `/v1/claims`: the JSON report (``FactCheck/JSONReporter``) of the run, plus
/// where each of the draft's figures is in the text sent, for a page to highlight.
enum CheckResponse {
  /// The JSON report with `draft` (the path the draft is reported under), `spans` (for each claim, in the
  /// order of `claims`: `{"start", "end"}` of its figure in UTF-16 code units of `text` — JavaScript string
  /// indices — or `null` for an archived claim) and, when the draft was added, `added`.
  static func body(_ result: CheckResult, draft: Draft, added: JSONValue = .null) -> JSONValue {
    guard case .object(var object) = JSONReporter.document(result) else { return JSONReporter.document(result) }
    let text = draft.text
    // The loader drops a byte-order mark; offsets count from after it.
    let bom = text.hasPrefix("\u{FEFF}") ? 3 : 0
    let utf8 = text.utf8
    func utf16Offset(_ byte: Int) -> Int? {
      guard byte + bom <= utf8.count else { return nil }
      let index = utf8.index(utf8.startIndex, offsetBy: byte + bom)
      return text.utf16.distance(from: text.utf16.startIndex, to: index)
    }
    object["spans"] = .array(result.claims.map { claim in
      guard claim.document == draft.path, let start = utf16Offset(claim.valueRange.lowerBound),
            let end = utf16Offset(claim.valueRange.upperBound) else { return .null }
      return .object(["start": .number(Double(start)), "end": .number(Double(end))])
    })
    object["draft"] = .string(draft.path)
    if added != .null { object["added"] = added }
    return .object(object)
  }
}

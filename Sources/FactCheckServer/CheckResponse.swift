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
    object["spans"] = .array(result.claims.map { claim in
      guard claim.document == draft.path, let start = draft.utf16Offset(ofByte: claim.valueRange.lowerBound),
            let end = draft.utf16Offset(ofByte: claim.valueRange.upperBound) else { return .null }
      return .object(["start": .number(Double(start)), "end": .number(Double(end))])
    })
    object["draft"] = .string(draft.path)
    if added != .null { object["added"] = added }
    return .object(object)
  }
}

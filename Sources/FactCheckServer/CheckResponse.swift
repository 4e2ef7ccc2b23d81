import FactCheck
import FactCheckArchive
import Foundation

/// The answer of `/v1/check` and `/v1/claims`: the JSON report (``FactCheck/JSONReporter``) of the run, plus
/// where each of the draft's figures is in the text sent, for a page to highlight.
enum CheckResponse {
  /// The JSON report, on one line, with `draft` (the path the draft is reported under), `spans` (for each
  /// claim, in the order of `claims`: `{"start", "end"}` of its figure in UTF-16 code units of `text` —
  /// JavaScript string indices — or `null` for an archived claim) and, when the draft was added, `added`
  /// (`{"added": [paths], "claims": count}`). Written by the report's own writer, members in key order.
  static func body(_ result: CheckResult, draft: Draft, added: ArchiveAddition? = nil) -> [UInt8] {
    var extra: [JSONReporter.ExtraMember] = [
      ("draft", { writer in writer.string(draft.path) }),
      ("spans", { writer in
        writer.beginArray()
        for claim in result.claims {
          guard claim.document == draft.path, let start = draft.utf16Offset(ofByte: claim.valueRange.lowerBound),
            let end = draft.utf16Offset(ofByte: claim.valueRange.upperBound)
          else {
            writer.null()
            continue
          }
          writer.beginObject()
          writer.member("end", end)
          writer.member("start", start)
          writer.endObject()
        }
        writer.endArray()
      }),
    ]
    if let added {
      extra.append(("added", { writer in
        writer.beginObject()
        writer.key("added")
        writer.beginArray()
        for path in added.added { writer.string(path) }
        writer.endArray()
        writer.member("claims", added.claims)
        writer.endObject()
      }))
    }
    var writer = JSONWriter(pretty: false, capacity: JSONReporter.estimatedSize(result))
    JSONReporter.write(result, to: &writer, extra: extra)
    writer.endLine()
    return writer.bytes
  }
}

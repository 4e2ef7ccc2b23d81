import FactCheck
import FactCheckArchive
import Foundation
import MCP

extension FactCheckMCPServer {
  /// `check_draft`: the findings of a draft against the archive, each with its citations.
  func checkDraft(_ arguments: [String: Value]) -> Result<JSONValue, ToolError> {
    guard let text = arguments["text"]?.stringValue, !text.isEmpty else { return .failure(ToolError("'text' (the draft) is required")) }
    var published: Day?
    if let given = arguments["published"]?.stringValue {
      guard let day = Day(iso: given) else { return .failure(ToolError("'published' must be a date (YYYY-MM-DD), not '\(given)'")) }
      published = day
    }
    let languages = drafts.checker.rules.languages
    let language = arguments["language"]?.stringValue
    if let language, !languages.contains(language) {
      return .failure(ToolError("'language' must be one of \(languages.joined(separator: ", ")), not '\(language)'"))
    }
    let draft = Draft(text: text, language: language, published: published, title: arguments["title"]?.stringValue)
    let result: CheckResult
    do { result = try drafts.check(draft) } catch { return .failure(ToolError(error.description)) }
    var titles: [String: (title: String?, published: String?)] = [:]
    for document in result.documents { titles[document.path] = (document.title, document.published?.description) }
    func citation(_ claim: Claim) -> JSONValue {
      let isDraft = claim.document == draft.path
      var object: [String: JSONValue] = [
        "source": .string(isDraft ? "draft" : "archive"), "document": .string(claim.document),
        "line": .number(Double(claim.location.line)), "column": .number(Double(claim.location.column)),
        "figure": .string(claim.valueText), "value": claim.value.isFinite ? .number(claim.value) : .null,
        "unit": claim.unit.map { .string($0) } ?? .null, "entity": claim.entity.map { .string($0) } ?? .null,
        "attribute": .string(claim.attribute), "period": .string(claim.period.description), "sentence": .string(claim.sentence),
      ]
      if isDraft {
        let start = draft.utf16Offset(ofByte: claim.valueRange.lowerBound) ?? 0
        let end = draft.utf16Offset(ofByte: claim.valueRange.upperBound) ?? start
        object["span"] = .object(["start": .number(Double(start)), "end": .number(Double(end)), "unit": .string("utf16")])
      } else {
        object["span"] = .object(["start": .number(Double(claim.valueRange.lowerBound)),
                                  "end": .number(Double(claim.valueRange.upperBound)), "unit": .string("utf8")])
        object["title"] = titles[claim.document]?.title.map { .string($0) } ?? .null
        object["published"] = titles[claim.document]?.published.map { .string($0) } ?? .null
      }
      return .object(object)
    }
    let findings: [JSONValue] = result.findings.map { finding in
      .object([
        "severity": .string(finding.severity.rawValue), "check": .string(finding.check), "message": .string(finding.message),
        "entity": finding.entity.map { .string($0) } ?? .null, "attribute": .string(finding.attribute),
        "why": .array(finding.details.filter { !$0.hasPrefix("archived:") }.map { .string($0) }),
        "claims": .array(finding.claims.map { citation(result.claims[$0]) }),
      ])
    }
    let draftClaims = result.claims.filter { $0.document == draft.path }
    return .success(.object([
      "findings": .array(findings),
      "draft_claims": .array(draftClaims.map(citation)),
      "archive": drafts.archive.map { .string($0.path) } ?? .null,
      "summary": .string("\(result.findings.count) finding\(result.findings.count == 1 ? "" : "s") over \(draftClaims.count) figure\(draftClaims.count == 1 ? "" : "s") of the draft"
        + (drafts.archive == nil ? " (no archive: the draft was checked alone)" : "")),
    ]))
  }

  /// `search_claims`: archived figures by entity and attribute, or by free words.
  func searchClaims(_ arguments: [String: Value]) -> Result<JSONValue, ToolError> {
    guard let archive = drafts.archive else { return .failure(ToolError("no claim archive: start 'factcheck mcp --archive PATH'")) }
    let entity = arguments["entity"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    let attribute = arguments["attribute"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    let query = arguments["query"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    let limit = min(200, max(1, arguments["limit"]?.intValue ?? 20))
    let words = [entity, query].compactMap { $0 }.joined(separator: " ")
      .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { "\"\($0)\"" }
    guard !words.isEmpty || attribute != nil else { return .failure(ToolError("give 'entity', 'attribute' or 'query'")) }
    let search = (words + (attribute.map { ["\"\($0)\""] } ?? [])).joined(separator: " AND ")
    let hits: [ArchiveSearchHit]
    do { hits = try archive.search(search, limit: limit * 4) } catch { return .failure(ToolError(error.description)) }
    let folded = { (text: String) in text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
    let kept = hits.filter { hit in
      (attribute == nil || hit.claim.attribute == attribute)
        && (entity == nil || hit.claim.entity.map { folded($0).contains(folded(entity!)) } ?? false)
    }.prefix(limit)
    return .success(.object([
      "claims": .array(kept.map { hit in
        let claim = hit.claim
        return .object([
          "entity": claim.entity.map { .string($0) } ?? .null, "attribute": .string(claim.attribute),
          "figure": .string(claim.valueText), "value": claim.value.isFinite ? .number(claim.value) : .null,
          "unit": claim.unit.map { .string($0) } ?? .null, "hedge": .string(claim.hedge.name), "period": .string(claim.period.description),
          "document": .string(claim.document), "title": hit.title.map { .string($0) } ?? .null,
          "published": hit.published.map { .string($0.description) } ?? .null,
          "line": .number(Double(claim.location.line)), "column": .number(Double(claim.location.column)),
          "sentence": .string(claim.sentence),
        ])
      }),
      "count": .number(Double(kept.count)),
    ]))
  }
}

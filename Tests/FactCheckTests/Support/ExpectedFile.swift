import Foundation
import Yams

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// An `expected.yaml` like the seeds' one: the claims a good checker extracts, the conflicts it must
/// report, and the pairs it must never put in one conflict.
struct ExpectedFile {
  struct ExpectedClaim: CustomStringConvertible {
    let doc: String
    let entity: String?
    let attribute: String
    let value: Double
    let valueMax: Double?
    let approx: Bool
    let bound: String?
    let time: String?
    let unit: String?
    let scope: String?
    let quote: String

    var description: String { "\(doc) \(attribute)=\(value) (\(time ?? "-")) «\(quote)»" }
  }

  struct ExpectedConflict {
    let id: String
    let kind: String
    let entity: String?
    let attribute: String?
    let time: String?
    let values: [(value: Double, docs: [String])]
  }

  struct ClaimRef {
    let doc: String
    let attribute: String?
    let value: Double
  }

  let claims: [ExpectedClaim]
  let conflicts: [ExpectedConflict]
  let forbiddenPairs: [(ClaimRef, ClaimRef)]

  init(path: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    guard let root = try Yams.load(yaml: text) as? [String: Any] else { throw CocoaError(.fileReadCorruptFile) }
    func double(_ any: Any?) -> Double? {
      if let d = any as? Double { return d }
      if let i = any as? Int { return Double(i) }
      if let s = any as? String { return Double(s) }
      return nil
    }
    func string(_ any: Any?) -> String? {
      if let s = any as? String { return s }
      if let i = any as? Int { return String(i) }
      return nil
    }
    claims = (root["claims"] as? [[String: Any]] ?? []).compactMap { c in
      guard let doc = string(c["doc"]), let attribute = c["attribute"] as? String, let value = double(c["value"]) else { return nil }
      return ExpectedClaim(doc: doc, entity: c["entity"] as? String, attribute: attribute, value: value, valueMax: double(c["value_max"]),
                           approx: c["approx"] as? Bool ?? false, bound: c["bound"] as? String, time: string(c["time"]),
                           unit: c["unit"] as? String, scope: c["scope"] as? String, quote: c["quote"] as? String ?? "")
    }
    conflicts = (root["conflicts"] as? [[String: Any]] ?? []).map { c in
      var values: [(Double, [String])] = []
      if let map = c["values"] as? [AnyHashable: Any] {
        for (key, docs) in map {
          guard let value = double(key.base) else { continue }
          values.append((value, (docs as? [Any] ?? []).compactMap(string)))
        }
      }
      return ExpectedConflict(id: c["id"] as? String ?? "?", kind: c["kind"] as? String ?? "conflict", entity: c["entity"] as? String,
                              attribute: c["attribute"] as? String, time: string(c["time"]), values: values.sorted { $0.0 < $1.0 })
    }
    forbiddenPairs = (root["forbidden_pairs"] as? [[[String: Any]]] ?? []).compactMap { pair in
      guard pair.count == 2 else { return nil }
      let refs = pair.compactMap { p -> ClaimRef? in
        guard let doc = string(p["doc"]), let value = double(p["value"]) else { return nil }
        return ClaimRef(doc: doc, attribute: p["attribute"] as? String, value: value)
      }
      return refs.count == 2 ? (refs[0], refs[1]) : nil
    }
  }

  /// The document id of a path: the digits its file name starts with ("000-fr-…md" → "000").
  static func docID(_ path: String) -> String {
    let name = (path as NSString).lastPathComponent
    return String(name.prefix { $0.isNumber })
  }

  static func sameValue(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= max(0.06, abs(b) * 0.005) }

  /// The claim of `result` that matches an expected one (document, attribute, value), if any.
  /// When several claims qualify, the one whose sentence holds the expected quote.
  func match(_ expected: ExpectedClaim, in result: CheckResult) -> Claim? {
    let candidates = result.claims.filter { claim in
      ExpectedFile.docID(claim.document) == expected.doc && claim.attribute == expected.attribute
        && ExpectedFile.sameValue(claim.value, expected.value)
    }
    let quote = expected.quote.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
    func normalised(_ s: String) -> String {
      s.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
        .replacingOccurrences(of: "’", with: "'")
    }
    return candidates.first { normalised($0.sentence).contains(normalised(quote)) || normalised(quote).contains(normalised($0.quote)) }
      ?? candidates.first
  }

  /// Whether a claim is the one a reference names.
  static func refers(_ ref: ClaimRef, to claim: Claim) -> Bool {
    docID(claim.document) == ref.doc && (ref.attribute == nil || ref.attribute == claim.attribute) && sameValue(claim.value, ref.value)
  }

  /// Whether `result` reports the expected conflict.
  func isReported(_ conflict: ExpectedConflict, in result: CheckResult) -> Bool {
    switch conflict.kind {
    case "spelling":
      return result.findings.contains { $0.kind == .spelling }
    case "arithmetic":
      return result.findings.contains { $0.kind == .arithmetic && (conflict.entity == nil || $0.entity == conflict.entity) }
    default:
      return result.findings.contains { finding in
        guard finding.kind == .conflict, conflict.entity == nil || finding.entity == conflict.entity,
          conflict.attribute == nil || finding.attribute == conflict.attribute
        else { return false }
        let claims = finding.claims.map { result.claims[$0] }
        return conflict.values.allSatisfy { value, docs in
          docs.allSatisfy { doc in claims.contains { ExpectedFile.docID($0.document) == doc && ExpectedFile.sameValue($0.value, value) } }
        }
      }
    }
  }
}

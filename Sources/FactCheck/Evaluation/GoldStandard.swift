import Foundation
import Yams

/// Hand-made gold annotations of a corpus, in the schema of the real-world development set: per story,
/// the documents, the claims a good checker reads, the conflicts it must or should report, and the
/// look-alike pairs it must not.
package struct GoldStandard: Sendable {
  /// One story: a handful of articles about one event.
  package struct Story: Sendable {
    /// The story's key, also the name of its folder under `corpus/`.
    package var id: String
    package var title: String?
    package var documents: [Document]
    package var claims: [GoldClaim]
    package var conflicts: [GoldConflict]
    package var nonConflicts: [GoldConflict]
    package var ambiguous: [GoldConflict]
  }

  /// One annotated article.
  package struct Document: Sendable, Hashable {
    /// The file name within the story's folder.
    package var file: String
    package var language: String?
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `unknown`, as annotated.
    package var published: String?
    package var source: String?
  }

  /// The file the annotations were read from.
  package var path: String
  package var stories: [Story]

  /// Reads a gold file (`expected-*.yaml`).
  package static func load(path: String) throws(EvaluationError) -> GoldStandard {
    guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
    let text = String(decoding: data, as: UTF8.self)
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch {
      throw .malformed(path: path, reason: "\(error)")
    }
    guard let root = node?.mapping, let stories = root["stories"]?.mapping else {
      throw .malformed(path: path, reason: "no `stories:` mapping at the top level")
    }
    var result = GoldStandard(path: path, stories: [])
    for (key, value) in stories {
      guard let id = key.string, let story = value.mapping else { throw .malformed(path: path, reason: "story \(key) is not a mapping") }
      result.stories.append(try Story(id: id, story, path: path))
    }
    return result
  }
}

extension GoldStandard.Story {
  init(id: String, _ map: Node.Mapping, path: String) throws(EvaluationError) {
    self.id = id
    title = map["title"]?.string
    documents = try (map["docs"]?.sequence ?? []).map { (node) throws(EvaluationError) -> GoldStandard.Document in
      guard let doc = node.mapping, let file = doc["file"]?.string else { throw .malformed(path: path, reason: "a doc of \(id) has no `file`") }
      return GoldStandard.Document(file: file, language: doc["language"]?.string, published: doc["published"]?.string, source: doc["source"]?.string)
    }
    claims = try (map["claims"]?.sequence ?? []).map { (node) throws(EvaluationError) in try GoldClaim(node, story: id, path: path) }
    func entries(_ key: String) throws(EvaluationError) -> [GoldConflict] {
      try (map[key]?.sequence ?? []).map { (node) throws(EvaluationError) in try GoldConflict(node, story: id, path: path) }
    }
    conflicts = try entries("conflicts")
    nonConflicts = try entries("non_conflicts")
    ambiguous = try entries("ambiguous")
  }
}

/// A figure a good checker reads from one document.
package struct GoldClaim: Sendable, Hashable {
  /// A figure as annotated: a number, a range, or a malformed figure (`null`).
  package enum Value: Sendable, Hashable {
    case number(Double)
    case range(Double, Double)
    case malformed
  }

  package var id: String
  package var story: String
  /// The document's file name within its story.
  package var document: String
  package var entity: String?
  /// The gold attribute name (descriptive: `layoffs_share_of_workforce`), mapped through ``GoldAttributeMap``.
  package var attribute: String
  package var value: Value
  package var time: String?
  package var qualifier: String?
  /// A side figure (an age, a share price) a checker may leave out.
  package var isOptional: Bool
  /// A verbatim substring of the document around the figure.
  package var quote: String?

  init(_ node: Node, story: String, path: String) throws(EvaluationError) {
    guard let map = node.mapping, let id = map["id"]?.string, let document = map["doc"]?.string, let attribute = map["attribute"]?.string
    else { throw .malformed(path: path, reason: "a claim of \(story) lacks `id`, `doc` or `attribute`") }
    self.id = id
    self.story = story
    self.document = document
    self.attribute = attribute
    entity = map["entity"]?.string
    time = map["time"]?.string
    qualifier = map["qualifier"]?.string
    quote = map["quote"]?.string
    isOptional = map["optional"]?.bool ?? false
    switch map["value"] {
    case .some(.sequence(let sequence)) where sequence.count == 2:
      guard let low = sequence[0].float, let high = sequence[1].float else { throw .malformed(path: path, reason: "claim \(id): a range needs two numbers") }
      value = .range(low, high)
    case .some(let scalar) where scalar.float != nil: value = .number(scalar.float!)
    case .none: value = .malformed
    case .some(let other):
      if other.null != nil { value = .malformed } else { throw .malformed(path: path, reason: "claim \(id): value \(other) is not a number") }
    }
  }
}

/// Claims that conflict (or must not be reported as conflicting, or may go either way).
package struct GoldConflict: Sendable, Hashable {
  package var id: String
  package var story: String
  /// Gold claim ids.
  package var claims: [String]
  /// `must` or `should` for conflicts; `nil` for non-conflicts and ambiguous pairs.
  package var level: String?
  package var kind: String?
  package var why: String?

  init(_ node: Node, story: String, path: String) throws(EvaluationError) {
    guard let map = node.mapping, let claims = map["claims"]?.sequence?.compactMap(\.string), claims.count >= 2 else {
      throw .malformed(path: path, reason: "a conflict of \(story) needs `claims` with two ids or more")
    }
    id = map["id"]?.string ?? claims.joined(separator: "+")
    self.story = story
    self.claims = claims
    level = map["level"]?.string
    kind = map["kind"]?.string
    why = map["why"]?.string
  }
}

/// Why a corpus could not be evaluated.
package enum EvaluationError: Error, Sendable, CustomStringConvertible {
  case unreadable(path: String)
  case malformed(path: String, reason: String)
  case noGold(path: String)

  package var description: String {
    switch self {
    case .unreadable(let path): return "\(path): cannot be read"
    case .malformed(let path, let reason): return "\(path): \(reason)"
    case .noGold(let path): return "\(path): no gold file (expected*.yaml) next to a corpus/ folder"
    }
  }
}

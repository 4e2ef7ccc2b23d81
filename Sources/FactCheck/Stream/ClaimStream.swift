import Foundation

/// The claim stream: what `factcheck extract --format jsonl` writes and `factcheck reconcile` reads, so that
/// extraction (a map over articles) and reconciliation (a reduce by key) can run apart, on one machine or on
/// many (`Distributed/spark/`).
///
/// One JSON object per line (JSON Lines, UTF-8). Every line has `"v": 1`, the format version, and a
/// `"record"`: `document` (one per input, checked or skipped), `claim` (every field of a ``Claim``), `names`
/// (part of the proper-name tally of the spelling check), `diagnostic` (a problem met in an article),
/// `entities` (the corpus's raw entity names, for a part) and `key` (what `reconcile --keys` writes).
/// `Schemas/claim-stream-v1.schema.json` gives every field; readers ignore fields they do not know, and
/// refuse a version they do not know.
///
/// **Partial reconciliation.** A stream may be split into parts, each reconciled alone, and the parts'
/// findings merged: they are then the findings of the whole stream when
/// 1. all the claims of one *key* are in one part, the key of a claim being the canonical name of its
///    entity over the whole corpus (what ``keys(for:rules:)`` and `reconcile --keys` give); claims without an
///    entity are compared with nothing and may go anywhere, or nowhere;
/// 2. each part holds the `document` records of its claims' documents (their dates and the entities they
///    name next to a figure, over all their claims) and an `entities` record listing the corpus's raw
///    entity names (so that names unify as over the whole corpus);
/// 3. the `names` records — the second aggregate, small and mergeable — go to exactly one part, whose
///    spelling findings are the corpus's; parts without `names` records make none.
/// Every check compares claims of one entity, so a part finds exactly the findings of its keys; their ids,
/// values and claim locations are those of the whole run.
public enum ClaimStream {
  /// The format version every line carries in `"v"`.
  package static let version = 1

  /// Words of the name tally per `names` record: a corpus's tally is split across lines of bounded length.
  static let wordsPerNamesRecord = 500

  /// The stream lines of an extraction run, each without its line break: documents (sorted by path), then
  /// their claims (in report order), diagnostics, and the name tally.
  ///
  /// - Parameters:
  ///   - run: What extraction gave.
  ///   - includeTexts: Whether `document` records carry the article's text (when the run kept texts), for
  ///     reports that show the articles (HTML).
  /// - Returns: The lines, UTF-8.
  package static func lines(of run: ExtractionRun, includeTexts: Bool = false) -> [String] {
    let encoder = lineEncoder()
    var named: [String: Set<String>] = [:]
    for claim in run.claims where claim.entitySource.isExplicit {
      if let entity = claim.entity { named[claim.document, default: []].insert(entity) }
    }
    var lines: [String] = []
    lines.reserveCapacity(run.documents.count + run.claims.count + run.diagnostics.count + 1)
    var suppressions: [String: [Suppression]] = [:]
    for suppression in run.suppressions {
      switch suppression.scope {
      case .lines(let path, _), .document(let path): suppressions[path, default: []].append(suppression)
      case .everywhere: break  // a rule layer's: reconcile loads the rules itself
      }
    }
    for document in run.documents.sorted(by: { $0.path < $1.path }) {
      let text = includeTexts ? run.texts[document.path] : nil
      lines.append(encode(DocumentLine(document, namedEntities: named[document.path] ?? [], text: text,
                                       suppressions: suppressions[document.path] ?? []), encoder))
    }
    let claims = run.claims.sorted { ($0.location, $0.valueRange.lowerBound, $0.rule) < ($1.location, $1.valueRange.lowerBound, $1.rule) }
    for claim in claims { lines.append(encode(ClaimLine(claim), encoder)) }
    for diagnostic in run.diagnostics { lines.append(encode(DiagnosticLine(diagnostic), encoder)) }
    let words = run.names.words.sorted { $0.key < $1.key }
    var start = 0
    while start < words.count {
      let end = min(words.count, start + wordsPerNamesRecord)
      lines.append(encode(NamesLine(words[start..<end].map { (key: $0.key, value: $0.value) }), encoder))
      start = end
    }
    return lines
  }

  /// An `entities` record listing raw entity names (for a part of a stream; see ``ClaimStream``).
  package static func entitiesLine(_ names: Set<String>) -> String {
    encode(EntitiesLine(names: names.sorted()), lineEncoder())
  }

  /// The partition key of every raw entity name: its canonical name over all of `names`, the key claims are
  /// grouped by when a stream is reconciled in parts.
  ///
  /// A claim's own entity name is not a key: "Atlas" is "Atlas Robotics" only when the corpus has one longer
  /// Atlas name, so the key depends on every name of the corpus, and a split by raw name could put the two
  /// halves of one conflict in different parts.
  ///
  /// - Parameters:
  ///   - names: Every raw entity name of the corpus (the claims' `entity` fields, before unification).
  ///   - rules: The rules the claims were read with: their lexicons' legal forms and organisation words
  ///     (`legal_forms`, `organisation_words`) decide which names are one.
  /// - Returns: Each name of `names` with its key.
  public static func keys(for names: Set<String>, rules: CompiledRuleSet) -> [String: String] {
    keys(for: names, library: rules.library)
  }

  /// ``keys(for:rules:)`` from the rule library itself.
  package static func keys(for names: Set<String>, library: RuleLibrary) -> [String: String] {
    let canonical = EntityNameUnification.canonicalNames(for: names, library: library)
    var keys: [String: String] = [:]
    for name in names { keys[name] = canonical[name] ?? name }
    return keys
  }

  /// `key` records for raw entity names, sorted by name: what `factcheck reconcile --keys` writes.
  package static func keyLines(for names: Set<String>, library: RuleLibrary) -> [String] {
    let encoder = lineEncoder()
    return keys(for: names, library: library).sorted { $0.key < $1.key }.map { encode(KeyLine(entity: $0.key, key: $0.value), encoder) }
  }

  // MARK: - Encoding

  static func lineEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return encoder
  }

  static func lineDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return decoder
  }

  private static func encode(_ value: some Encodable, _ encoder: JSONEncoder) -> String {
    // Every field is a string, number, bool or array or object of them: encoding cannot fail.
    String(decoding: try! encoder.encode(value), as: UTF8.self)
  }
}

/// What a claim stream (or a part of one) holds, read back: an extraction run, and what a part needs to
/// reconcile as the whole stream would.
package struct ClaimStreamContents: Sendable {
  /// Documents, claims, diagnostics, the name tally and (when carried) texts.
  package var run = ExtractionRun()
  /// Raw entity names of the whole corpus, from `entities` records.
  package var corpusEntityNames: Set<String> = []
  /// For each document, the raw entity names it names next to a figure, over all its claims.
  package var namedEntities: [String: Set<String>] = [:]
  /// Lines read.
  package var lineCount = 0

  /// An empty stream.
  package init() {}

  /// Every raw entity name the stream mentions: its claims', its documents' and its `entities` records'.
  package var entityNames: Set<String> {
    Set(run.claims.compactMap(\.entity)).union(corpusEntityNames).union(namedEntities.values.joined())
  }
}

/// Reads claim-stream lines into ``ClaimStreamContents``.
package struct ClaimStreamReader {
  /// What has been read so far.
  package private(set) var contents = ClaimStreamContents()
  private let decoder = ClaimStream.lineDecoder()
  private var suppressionsRead = Set<Suppression>()

  /// A reader with nothing read yet.
  package init() {}

  /// What has been read, handed over: the reader is left empty, so that reconciling the contents does not copy
  /// their claims (sorting and renaming claims that another value still holds copies them all).
  package mutating func takeContents() -> ClaimStreamContents {
    var taken = ClaimStreamContents()
    swap(&taken, &contents)
    return taken
  }

  /// Reads one line (without its line break); an empty line is skipped.
  ///
  /// - Parameters:
  ///   - line: The line's bytes.
  ///   - path: The stream's name, for errors (`-` or `<stdin>` for standard input).
  ///   - number: The 1-based line number, for errors.
  /// - Throws: ``ClaimStreamError`` naming the path, line and column of what is wrong.
  package mutating func read(_ line: some Collection<UInt8>, path: String, number: Int) throws(ClaimStreamError) {
    contents.lineCount += 1
    var bytes = Array(line)
    if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
    guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
    let record: StreamRecord
    do {
      record = try decoder.decode(StreamRecord.self, from: Data(bytes))
    } catch {
      throw ClaimStreamError(path: path, line: number, decoding: error, in: bytes)
    }
    switch record {
    case .document(let document):
      contents.run.documents.append(document.report)
      if !document.namedEntities.isEmpty { contents.namedEntities[document.path, default: []].formUnion(document.namedEntities) }
      if let text = document.text { contents.run.texts[document.path] = text }
      for code in document.suppressions ?? [] {
        guard let suppression = code.suppression(path: document.path) else {
          throw ClaimStreamError(path: path, line: number, problem: .field("suppressions", "lines must be [first, end] with first ≤ end"), in: bytes)
        }
        // A document record may come twice (in a part, once per key); its comments count once.
        if suppressionsRead.insert(suppression).inserted { contents.run.suppressions.append(suppression) }
      }
    case .claim(let claim):
      switch claim.claim() {
      case .success(let claim): contents.run.claims.append(claim)
      case .failure(let problem): throw ClaimStreamError(path: path, line: number, problem: problem, in: bytes)
      }
    case .names(let names): contents.run.names.merge(names.tally)
    case .diagnostic(let diagnostic): contents.run.diagnostics.append(diagnostic.diagnostic)
    case .entities(let entities): contents.corpusEntityNames.formUnion(entities.names)
    case .key: break
    }
  }
}

/// One line of a claim stream, decoded in one pass: the version and record kind, then the record's fields.
enum StreamRecord: Decodable {
  case document(DocumentLine)
  case claim(ClaimLine)
  case names(NamesLine)
  case diagnostic(DiagnosticLine)
  case entities(EntitiesLine)
  case key(KeyLine)

  private enum CodingKeys: String, CodingKey { case v, record }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let version = try container.decode(Int.self, forKey: .v)
    guard version == ClaimStream.version else {
      throw DecodingError.dataCorruptedError(forKey: .v, in: container, debugDescription:
        "claim stream version \(version) is not supported (this factcheck reads version \(ClaimStream.version))")
    }
    let kind = try container.decode(String.self, forKey: .record)
    switch kind {
    case "document": self = .document(try DocumentLine(from: decoder))
    case "claim": self = .claim(try ClaimLine(from: decoder))
    case "names": self = .names(try NamesLine(from: decoder))
    case "diagnostic": self = .diagnostic(try DiagnosticLine(from: decoder))
    case "entities": self = .entities(try EntitiesLine(from: decoder))
    case "key": self = .key(try KeyLine(from: decoder))
    default:
      throw DecodingError.dataCorruptedError(forKey: .record, in: container, debugDescription:
        "unknown record '\(kind)' (document, claim, names, diagnostic, entities, key)")
    }
  }
}

extension FactChecker {
  /// Reconciles a claim stream (or a part of one; see ``ClaimStream``) as ``reconcile(_:)`` reconciles an
  /// extraction run: the whole stream of a corpus gives the report `check` gives on that corpus, byte for byte.
  package func reconcile(_ stream: consuming ClaimStreamContents) -> CheckResult {
    var run = ExtractionRun()
    swap(&run, &stream.run)
    return result(of: run, runningChecks: true, corpusEntityNames: stream.corpusEntityNames, namedEntities: stream.namedEntities)
  }

  /// Extracts the articles of stream-input lines (`{"path", "text", "published"?, "language"?}`, see
  /// ``StreamArticle``): a `published` date dates an article that states none (as `--published` does), a
  /// `language` replaces the detected one. Empty, binary and UTF-16 texts are skipped, as files are.
  package func extract(_ inputs: [StreamArticle]) -> ExtractionRun {
    var articles: [Article] = []
    var skipped: [DocumentReport] = []
    for input in inputs {
      let loader = ArticleLoader(lexicons: rules.library.lexicons, defaultPublished: input.published ?? options.published)
      switch loader.load(path: input.path, bytes: Array(input.text.utf8)) {
      case .skipped(let path, let reason): skipped.append(DocumentReport(path: path, status: .skipped, reason: reason))
      case .article(var article):
        if let language = input.language {
          article.language = language
          article.languageIsGuessed = false
        }
        articles.append(article)
      }
    }
    var run = extract(articles: articles)
    run.documents += skipped
    return run
  }
}

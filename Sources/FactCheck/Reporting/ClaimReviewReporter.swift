import Foundation

/// schema.org `ClaimReview` in JSON-LD, the form fact-checking organisations exchange and search engines
/// read: an array with one review per claim of each finding.
///
/// Each review quotes the claim's sentence (`claimReviewed`), says where it appeared (`itemReviewed`, a
/// `Claim` whose `appearance` is the article, as a `file:` URL when the base directory is known, and whose
/// `firstAppearance` is the earliest dated article stating the same figure), and rates it with words
/// rather than a number: `alternateName` names the figures it disagrees with ("Inconsistent with
/// 000-fr-klarna-….md (3 500)"), `ratingExplanation` is the finding's message and details.
///
/// Spelling findings are not reviewed: a name spelled two ways is not a claim anybody made.
public struct ClaimReviewReporter: Reporter {
  public static let identifier = "claimreview"
  public static let description = "schema.org ClaimReview (JSON-LD), one review per claim of each finding"

  let options: ReportOptions
  private let uris: ArtifactURI

  /// Creates the reporter; `options.date` dates the reviews (default: today, UTC).
  public init(options: ReportOptions = ReportOptions()) {
    self.options = options
    self.uris = ArtifactURI(baseDirectory: options.baseDirectory)
  }

  public func report(_ result: CheckResult) -> String { document(result).serialized() + "\n" }

  /// The reviews as one JSON-LD array.
  func document(_ result: CheckResult) -> JSONValue {
    let documents = Dictionary(result.documents.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    let date = (options.date ?? ClaimReviewReporter.today).description
    var reviews: [JSONValue] = []
    for finding in result.findings where finding.kind != .spelling {
      var seen = Set<Int>()
      for index in finding.claims where seen.insert(index).inserted && result.claims.indices.contains(index) {
        reviews.append(review(of: index, in: finding, result: result, documents: documents, date: date))
      }
    }
    return .array(reviews)
  }

  // MARK: - One review

  private func review(of index: Int, in finding: Finding, result: CheckResult, documents: [String: DocumentReport],
                      date: String) -> JSONValue {
    let claim = result.claims[index]
    let own = finding.groups.filter { $0.claims.contains(index) }
    // The earliest dated article among those stating the same figure, else this one.
    let sameFigure = (own.first?.claims ?? [index]).map { result.claims[$0].document }
    let first = sameFigure.min { lhs, rhs in
      switch (documents[lhs]?.published, documents[rhs]?.published) {
      case (let l?, let r?): return (l, lhs) < (r, rhs)
      case (.some, .none): return true
      case (.none, .some): return false
      case (.none, .none): return lhs < rhs
      }
    } ?? claim.document

    var item: [String: JSONValue] = [
      "@type": .string("Claim"),
      "appearance": creativeWork(claim.document, documents[claim.document]),
      "firstAppearance": creativeWork(first, documents[first]),
    ]
    if let source = documents[claim.document]?.source { item["author"] = organization(source) }
    if let published = documents[claim.document]?.published { item["datePublished"] = .string(published.description) }

    return .object([
      "@context": .string("https://schema.org"),
      "@type": .string("ClaimReview"),
      "identifier": .string("\(finding.id)#\(claim.document):\(claim.location.line):\(claim.location.column)"),
      "claimReviewed": .string(claim.sentence.isEmpty ? claim.quote : claim.sentence),
      "itemReviewed": .object(item),
      "reviewRating": .object([
        "@type": .string("Rating"),
        "alternateName": .string(rating(of: index, in: finding, result: result)),
        "ratingExplanation": .string(([finding.message] + finding.details).joined(separator: "\n")),
      ]),
      "author": .object([
        "@type": .string("Organization"), "name": .string(ToolInfo.name), "url": .string(ToolInfo.informationURI),
      ]),
      "datePublished": .string(date),
    ])
  }

  /// "Inconsistent with a.md, b.md (3 500); c.md (≈3 800)": the other sides of the finding, by document.
  private func rating(of index: Int, in finding: Finding, result: CheckResult) -> String {
    var sides: [String] = []
    for group in finding.groups where !group.claims.contains(index) {
      var files: [String] = []
      for other in group.claims where result.claims.indices.contains(other) {
        let file = fileName(result.claims[other].document)
        if !files.contains(file) { files.append(file) }
      }
      if !files.isEmpty { sides.append("\(files.joined(separator: ", ")) (\(group.label))") }
    }
    return sides.isEmpty ? "Inconsistent" : "Inconsistent with " + sides.joined(separator: "; ")
  }

  // MARK: - Pieces

  private func creativeWork(_ path: String, _ document: DocumentReport?) -> JSONValue {
    var work: [String: JSONValue] = ["@type": .string("CreativeWork"), "url": .string(uris.absolute(path))]
    if let title = document?.title { work["headline"] = .string(title) }
    if let published = document?.published { work["datePublished"] = .string(published.description) }
    if let source = document?.source { work["publisher"] = organization(source) }
    if let language = document?.language { work["inLanguage"] = .string(language) }
    return .object(work)
  }

  private func organization(_ name: String) -> JSONValue {
    .object(["@type": .string("Organization"), "name": .string(name)])
  }

  private func fileName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

  /// Today's date in UTC, the day the reviews are published.
  static var today: Day {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(year: 1970, month: 1, day: 1)!
  }
}

import FactCheckExtraction
import FactCheckModel
import FactCheckRules
import Foundation

/// schema.org `ClaimReview` in JSON-LD, the form fact-checking organisations exchange and search engines
/// read: an array with one review per claim of each finding, with the properties Google's ClaimReview
/// structured data requires (`claimReviewed`, `reviewRating.alternateName`, `url`) and recommends.
///
/// - `url`: ``ReportOptions/reviewURLBase`` and the review's anchor, else the article's public address
///   (front matter `url`, or a `source` that is an address); left out when neither is known, never made up.
/// - `claimReviewed`: at most 75 characters of the claim's sentence around the figure, cut between words.
/// - `reviewRating`: on a 1 (false) to 5 (true) scale, 2 for a figure an error finding contradicts and 3 for
///   one a warning or note disputes; `alternateName` says so in one word ("Inconsistent", "Disputed") and
///   `ratingExplanation` names the figures it disagrees with, then the finding's message and details.
/// - `author`: the organisation publishing the reviews (``ReportOptions/reviewAuthor``, default FactCheck).
/// - `itemReviewed`: a `Claim` with the article's author (front matter `author`, else its outlet), date and
///   `appearance` (its public address where known, else a `file:` URL) and `firstAppearance`, the earliest
///   dated article stating the same figure.
///
/// With ``ReportOptions/embed`` the array comes inside `<script type="application/ld+json">`, ready to paste
/// into the page that publishes the reviews.
///
/// Spelling findings are not reviewed: a name spelled two ways is not a claim anybody made.
public struct ClaimReviewReporter: Reporter {
  /// The name `--format` and ``Reporters/reporter(_:options:)`` know this reporter by.
  public static let identifier = "claimreview"
  /// One line for `--help`.
  public static let description = "schema.org ClaimReview (JSON-LD), one review per claim of each finding"

  package let options: ReportOptions
  private let uris: ArtifactURI

  /// Creates the reporter.
  ///
  /// - Parameter options: ``ReportOptions/date`` dates the reviews (default: today, UTC); the review options
  ///   (``ReportOptions/reviewURLBase``, ``ReportOptions/reviewAuthor``, ``ReportOptions/reviewAuthorURL``,
  ///   ``ReportOptions/embed``) and ``ReportOptions/baseDirectory`` fill the fields described above.
  public init(options: ReportOptions = ReportOptions()) {
    self.options = options
    self.uris = ArtifactURI(baseDirectory: options.baseDirectory)
  }

  /// The reviews as one JSON-LD array, or inside a `<script>` element with ``ReportOptions/embed``.
  ///
  /// - Parameter result: What a run produced.
  /// - Returns: The JSON-LD text (or the HTML element), ending with a line break.
  public func report(_ result: CheckResult) -> String {
    let json = document(result).serialized()
    guard options.embed else { return json + "\n" }
    // `</` cannot end the script element early once escaped; JSON reads `<\/` as `</`.
    return "<script type=\"application/ld+json\">\n" + json.replacingOccurrences(of: "</", with: "<\\/") + "\n</script>\n"
  }

  /// The longest `claimReviewed` Google shows.
  package static let claimLimit = 75

  /// The reviews as one JSON-LD array.
  package func document(_ result: CheckResult) -> JSONValue {
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

    let document = documents[claim.document]
    var item: [String: JSONValue] = [
      "@type": .string("Claim"),
      "appearance": creativeWork(claim.document, document),
      "firstAppearance": creativeWork(first, documents[first]),
    ]
    if let author = document?.author {
      item["author"] = .object(["@type": .string("Person"), "name": .string(author)])
    } else if let source = document?.source, ClaimReviewReporter.publicURL(source) == nil {
      item["author"] = organization(source)
    }
    if let published = document?.published { item["datePublished"] = .string(published.description) }

    let identifier = "\(finding.id)#\(claim.document):\(claim.location.line):\(claim.location.column)"
    let contradicted = finding.severity == .error
    var author: [String: JSONValue] = ["@type": .string("Organization"), "name": .string(options.reviewAuthor ?? ToolInfo.name)]
    if let url = options.reviewAuthorURL ?? (options.reviewAuthor == nil ? ToolInfo.informationURI : nil) { author["url"] = .string(url) }
    var review: [String: JSONValue] = [
      "@context": .string("https://schema.org"),
      "@type": .string("ClaimReview"),
      "identifier": .string(identifier),
      "claimReviewed": .string(QuoteExcerpt.around(claim.valueText, in: claim.sentence.isEmpty ? claim.quote : claim.sentence,
                                                   limit: ClaimReviewReporter.claimLimit)),
      "itemReviewed": .object(item),
      "reviewRating": .object([
        "@type": .string("Rating"),
        "ratingValue": .number(contradicted ? 2 : 3),
        "bestRating": .number(5),
        "worstRating": .number(1),
        "alternateName": .string(contradicted ? "Inconsistent" : "Disputed"),
        "name": .string(contradicted ? "Inconsistent with other reports" : "Disputed by other reports"),
        "ratingExplanation": .string(([rating(of: index, in: finding, result: result)] + [finding.message] + finding.details)
          .joined(separator: "\n")),
      ]),
      "author": .object(author),
      "datePublished": .string(date),
    ]
    if let base = options.reviewURLBase {
      review["url"] = .string(base + (base.contains("#") ? "-" : "#") + ClaimReviewReporter.anchor(identifier))
    } else if let url = document.flatMap(ClaimReviewReporter.articleURL) {
      review["url"] = .string(url)
    }
    return .object(review)
  }

  /// An HTML id from a review identifier: letters, digits and `-`.
  package static func anchor(_ identifier: String) -> String {
    var out = "review-"
    var dash = false
    for scalar in identifier.unicodeScalars {
      if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
        out.unicodeScalars.append(scalar)
        dash = false
      } else if !dash {
        out += "-"
        dash = true
      }
    }
    return dash ? String(out.dropLast()) : out
  }

  /// The article's public address: front matter `url`, else a `source` that is an address.
  package static func articleURL(_ document: DocumentReport) -> String? {
    document.url.flatMap(publicURL) ?? document.source.flatMap(publicURL)
  }

  /// `text` when it is an `http:` or `https:` address.
  package static func publicURL(_ text: String) -> String? {
    let lowered = text.lowercased()
    guard (lowered.hasPrefix("https://") || lowered.hasPrefix("http://")), !text.contains(" "), URL(string: text) != nil else { return nil }
    return text
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
    let word = finding.severity == .error ? "Inconsistent" : "Disputed"
    return sides.isEmpty ? word : "\(word): other reports give " + sides.joined(separator: "; ")
  }

  // MARK: - Pieces

  private func creativeWork(_ path: String, _ document: DocumentReport?) -> JSONValue {
    let url = document.flatMap(ClaimReviewReporter.articleURL) ?? uris.absolute(path)
    var work: [String: JSONValue] = ["@type": .string("CreativeWork"), "url": .string(url)]
    if let title = document?.title { work["headline"] = .string(title) }
    if let published = document?.published { work["datePublished"] = .string(published.description) }
    if let author = document?.author { work["author"] = .object(["@type": .string("Person"), "name": .string(author)]) }
    if let source = document?.source, ClaimReviewReporter.publicURL(source) == nil { work["publisher"] = organization(source) }
    if let language = document?.language { work["inLanguage"] = .string(language) }
    return .object(work)
  }

  private func organization(_ name: String) -> JSONValue {
    .object(["@type": .string("Organization"), "name": .string(name)])
  }

  private func fileName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

  /// Today's date in UTC, the day the reviews are published.
  package static var today: Day {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(year: 1970, month: 1, day: 1)!
  }
}

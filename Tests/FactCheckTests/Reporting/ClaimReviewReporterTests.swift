import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// The ClaimReview export: JSON-LD that parses, with the fields schema.org's ClaimReview needs, one review
/// per claim of each finding.
@Suite struct ClaimReviewReporterTests {
  static func reviews(_ result: CheckResult, options: ReportOptions = ReportingFixtures.fixedOptions) throws -> [[String: Any]] {
    let json = ClaimReviewReporter(options: options).report(result)
    return try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
  }

  @Test func everyReviewHasTheRequiredFields() throws {
    let result = ReportingFixtures.klarna
    let reviews = try ClaimReviewReporterTests.reviews(result)
    let expected = result.findings.filter { $0.kind != .spelling }.map { Set($0.claims).count }.reduce(0, +)
    #expect(reviews.count == expected)
    #expect(!reviews.isEmpty)
    for review in reviews {
      #expect(review["@context"] as? String == "https://schema.org")
      #expect(review["@type"] as? String == "ClaimReview")
      #expect((review["claimReviewed"] as? String)?.isEmpty == false)
      #expect(review["datePublished"] as? String == "2025-06-01")
      let author = try #require(review["author"] as? [String: Any])
      #expect(author["@type"] as? String == "Organization")
      #expect(author["name"] as? String == "FactCheck")
      let item = try #require(review["itemReviewed"] as? [String: Any])
      #expect(item["@type"] as? String == "Claim")
      for key in ["appearance", "firstAppearance"] {
        let work = try #require(item[key] as? [String: Any], "itemReviewed.\(key)")
        #expect(work["@type"] as? String == "CreativeWork")
        #expect((work["url"] as? String)?.hasSuffix(".md") == true)
      }
      // Every Klarna article names its outlet in front matter.
      #expect((item["author"] as? [String: Any])?["@type"] as? String == "Organization")
      let rating = try #require(review["reviewRating"] as? [String: Any])
      #expect(rating["@type"] as? String == "Rating")
      // A short word for the rating (Google shows it as is); the figures disagreed with are in the explanation.
      #expect(["Inconsistent", "Disputed"].contains(rating["alternateName"] as? String ?? ""))
      #expect((rating["ratingExplanation"] as? String)?.contains(" other reports give ") == true)
    }
  }

  @Test func theRatingNamesTheOtherSidesOfTheConflict() throws {
    let result = ReportingFixtures.klarna
    let reviews = try ClaimReviewReporterTests.reviews(result)
    let review = try #require(reviews.first {
      ($0["claimReviewed"] as? String)?.contains("3 500 personnes") == true
        && (($0["reviewRating"] as? [String: Any])?["ratingExplanation"] as? String)?.contains("\nKlarna employees") == true
    })
    let explanation = try #require((review["reviewRating"] as? [String: Any])?["ratingExplanation"] as? String)
    let rating = String(explanation.prefix { $0 != "\n" })
    #expect(rating.contains("003-fr-klarna-rappelle-des-humains.md"))
    #expect(rating.contains("(3 000 / ≈3 000)"))
    #expect(rating.contains("(≈3 800 / 3 800)"))
    #expect(!rating.contains("(3 500)"), "a claim is not inconsistent with its own side: \(rating)")
    #expect(explanation.dropFirst(rating.count + 1).hasPrefix(result.findings[0].message))
    let appearance = try #require((review["itemReviewed"] as? [String: Any])?["appearance"] as? [String: Any])
    #expect((appearance["url"] as? String)?.hasSuffix("000-fr-klarna-ia-remplace-recrutements.md") == true)
  }

  @Test func relativePathsBecomeFileURLsUnderTheBaseDirectory() throws {
    let result = Fixtures.checker().check(paths: ["Examples/klarna"].map { Fixtures.repository + "/" + $0 })
    var options = ReportingFixtures.fixedOptions
    options.baseDirectory = "/somewhere/else"
    let reviews = try ClaimReviewReporterTests.reviews(result, options: options)
    let urls = reviews.compactMap { (($0["itemReviewed"] as? [String: Any])?["appearance"] as? [String: Any])?["url"] as? String }
    #expect(!urls.isEmpty)
    for url in urls {
      #expect(url.hasPrefix("file:///"), "\(url)")
      #expect(URL(string: url) != nil)
    }
  }

  @Test func noFindingsGiveAnEmptyArray() throws {
    #expect(try ClaimReviewReporterTests.reviews(CheckResult()).isEmpty)
  }
}

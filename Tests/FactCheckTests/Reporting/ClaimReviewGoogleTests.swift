import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// ClaimReview as Google's structured-data documentation for fact checks asks: every required property
/// present, every recommended one present where the input allows, no made-up address.
@Suite struct ClaimReviewGoogleTests {
  /// Google's required (R) and recommended (r) properties, as paths into one review.
  static let properties: [(path: [String], required: Bool)] = [
    (["claimReviewed"], true),
    (["reviewRating"], true),
    (["reviewRating", "alternateName"], true),
    (["url"], true),
    (["author"], false),
    (["author", "name"], false),
    (["itemReviewed"], false),
    (["itemReviewed", "author"], false),
    (["itemReviewed", "datePublished"], false),
    (["itemReviewed", "appearance"], false),
    (["itemReviewed", "appearance", "url"], false),
    (["itemReviewed", "firstAppearance"], false),
    (["reviewRating", "ratingValue"], false),
    (["reviewRating", "bestRating"], false),
    (["reviewRating", "worstRating"], false),
    (["reviewRating", "name"], false),
  ]

  static func value(at path: [String], in object: Any) -> Any? {
    path.reduce(Optional(object)) { current, key in (current as? [String: Any])?[key] }
  }

  static var options: ReportOptions {
    var options = ReportingFixtures.fixedOptions
    options.reviewURLBase = "https://checks.example.org/2025/klarna"
    options.reviewAuthor = "Desk Vérification"
    options.reviewAuthorURL = "https://checks.example.org/"
    return options
  }

  @Test func everyRequiredAndRecommendedPropertyIsThere() throws {
    let reviews = try ClaimReviewReporterTests.reviews(ReportingFixtures.klarna, options: Self.options)
    #expect(!reviews.isEmpty)
    for review in reviews {
      for property in Self.properties {
        #expect(Self.value(at: property.path, in: review) != nil, "\(property.required ? "required" : "recommended") \(property.path.joined(separator: "."))")
      }
      let rating = try #require(review["reviewRating"] as? [String: Any])
      let value = try #require(rating["ratingValue"] as? Double)
      #expect(value >= 1 && value <= 5)
      #expect(rating["worstRating"] as? Double == 1)
      #expect(rating["bestRating"] as? Double == 5)
      #expect(((rating["alternateName"] as? String)?.count ?? 99) <= 20)
      let claim = try #require(review["claimReviewed"] as? String)
      #expect(claim.count <= ClaimReviewReporter.claimLimit, "\(claim)")
      let url = try #require(review["url"] as? String)
      #expect(url.hasPrefix("https://checks.example.org/2025/klarna#review-"))
      #expect(Self.value(at: ["author", "name"], in: review) as? String == "Desk Vérification")
      #expect(Self.value(at: ["author", "url"], in: review) as? String == "https://checks.example.org/")
    }
    let urls = reviews.compactMap { $0["url"] as? String }
    #expect(Set(urls).count == urls.count, "each review has its own anchor")
  }

  @Test func withoutABaseTheUrlIsTheArticlesOwnOrLeftOut() throws {
    let first = Article(path: "a.md", text: "Ostra emploie aujourd’hui 3 500 personnes dans ses ateliers de Lyon.\n", language: "fr",
                        published: Day(year: 2025, month: 3, day: 1), source: "https://news.example.net/ostra-3500")
    var second = Article(path: "b.md", text: "Ostra emploie aujourd’hui 4 400 personnes.\n", language: "fr",
                         published: Day(year: 2025, month: 3, day: 2), source: "La Gazette")
    second.author = "Camille Durand"
    let result = Fixtures.checker().check(articles: [first, second])
    try #require(!result.findings.isEmpty, "the two figures conflict")
    let reviews = try ClaimReviewReporterTests.reviews(result)
    let ofFirst = try #require(reviews.first { ($0["claimReviewed"] as? String)?.contains("3 500") == true })
    #expect(ofFirst["url"] as? String == "https://news.example.net/ostra-3500")
    #expect(Self.value(at: ["itemReviewed", "appearance", "url"], in: ofFirst) as? String == "https://news.example.net/ostra-3500")
    let ofSecond = try #require(reviews.first { ($0["claimReviewed"] as? String)?.contains("4 400") == true })
    #expect(ofSecond["url"] == nil, "no public address known: left out, not made up")
    #expect(Self.value(at: ["itemReviewed", "author", "name"], in: ofSecond) as? String == "Camille Durand")
    #expect(Self.value(at: ["author", "url"], in: ofSecond) == nil)
  }

  @Test func noMadeUpAddressAnywhere() {
    let outputs = [ClaimReviewReporter(options: ReportingFixtures.fixedOptions).report(ReportingFixtures.klarna),
                   SARIFReporter().report(ReportingFixtures.klarna)]
    for output in outputs {
      #expect(!output.contains("github.com/factcheck"))
      #expect(!output.contains("example.com"))
    }
  }

  @Test func embedWrapsTheArrayInAScriptElement() throws {
    var options = Self.options
    options.embed = true
    let page = ClaimReviewReporter(options: options).report(ReportingFixtures.klarna)
    #expect(page.hasPrefix("<script type=\"application/ld+json\">\n["))
    #expect(page.hasSuffix("]\n</script>\n"))
    let json = page.dropFirst("<script type=\"application/ld+json\">\n".count).dropLast("\n</script>\n".count)
    let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any]
    #expect(parsed?.isEmpty == false)
    #expect(!json.contains("</"))
  }

  @Test(arguments: [
    ("Ostra emploie 3 500 personnes.", "3 500", 75, "Ostra emploie 3 500 personnes."),
    ("Selon la direction, qui s’exprimait lundi devant les syndicats, Ostra emploie aujourd’hui 3 500 personnes dans ses ateliers de Lyon et de Grenoble.",
     "3 500", 75, "…syndicats, Ostra emploie aujourd’hui 3 500 personnes dans ses ateliers de…"),
    ("Un deux trois quatre cinq six sept huit neuf dix onze douze treize 3 500", "3 500", 30, "…dix onze douze treize 3 500"),
    // One end cut: one `…`, so the quote may take all but one character; the figure at its end stays whole.
    ("Un deux trois quatre cinq six sept huit neuf dix onze douze quatorze 3 500", "3 500", 30, "…dix onze douze quatorze 3 500"),
    ("Un deux trois quatre cinq six sept huit neuf dix onze douze quatorze 3,500.", "3,500", 30, "…onze douze quatorze 3,500."),
    // Words around the figure longer than the limit: they are cut, the figure is not.
    ("Le groupe annonce un-effectif-mondial-de-3500-salariés-répartis-entre-Lyon-Grenoble-et-Annecy.", "3500", 20,
     "…ial-de-3500-salari…"),
  ])
  func quotesAreCutBetweenWordsAroundTheFigure(sentence: String, figure: String, limit: Int, expected: String) {
    let excerpt = QuoteExcerpt.around(figure, in: sentence, limit: limit)
    #expect(excerpt.count <= limit)
    #expect(excerpt.contains(figure))
    #expect(excerpt == expected)
  }
}

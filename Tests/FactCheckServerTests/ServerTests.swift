import FactCheck
import FactCheckArchive
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FactCheckServer

/// `factcheck serve`, started on a free loopback port (Hummingbird's live test mode), every endpoint, limit
/// and error answered as documented.
@Suite("Server", .serialized)
struct ServerTests {
  static func server(_ configure: (inout ServerConfiguration) -> Void = { _ in }, archive: String? = ServerFixtures.archivePath,
                     allowAdd: Bool = false) throws -> CheckServer {
    var configuration = ServerConfiguration(port: 0, maxConcurrentChecks: 4)
    configure(&configuration)
    let drafts = try DraftChecker(checker: ServerFixtures.checker, archivePath: archive, allowAdd: allowAdd)
    return CheckServer(drafts: drafts, configuration: configuration)
  }

  static func json(_ response: TestResponse) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body))
    return try #require(object as? [String: Any], "not a JSON object: \(String(buffer: response.body))")
  }

  static func errorMessage(_ response: TestResponse) throws -> String {
    let error = try #require(try json(response)["error"] as? [String: Any])
    #expect(error["status"] as? Int == Int(response.status.code))
    return try #require(error["message"] as? String)
  }

  static func body(_ object: [String: Any]) throws -> ByteBuffer {
    ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object))
  }

  static let jsonHeaders: HTTPFields = [.contentType: "application/json"]

  @Test func healthRulesAndOpenAPIAnswer() async throws {
    try await Self.server().application().test(.live) { client in
      try await client.execute(uri: "/v1/health", method: .get) { response in
        #expect(response.status == .ok)
        let health = try Self.json(response)
        #expect(health["status"] as? String == "ok")
        let archive = try #require(health["archive"] as? [String: Any])
        #expect(archive["documents"] as? Int == 10)
        #expect(archive["writable"] as? Bool == false)
        let limits = try #require(health["limits"] as? [String: Any])
        #expect(limits["max_body_bytes"] as? Int == ServerConfiguration.defaultMaxBodyBytes)
      }
      try await client.execute(uri: "/v1/rules", method: .get) { response in
        #expect(response.status == .ok)
        let rules = try #require(try Self.json(response)["rules"] as? [[String: Any]])
        #expect(rules.count == ServerFixtures.rules.rules.count)
        #expect(rules.contains { ($0["id"] as? String)?.hasPrefix("fr.") == true && $0["language"] as? String == "fr" && $0["attribute"] is String })
      }
      try await client.execute(uri: "/v1/openapi.json", method: .get) { response in
        #expect(response.status == .ok)
        let document = try Self.json(response)
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: Any])
        #expect(Set(paths.keys).isSuperset(of: ["/v1/check", "/v1/claims", "/v1/health", "/v1/rules", "/v1/openapi.json", "/"]))
      }
    }
  }

  @Test func pageIsSelfContained() async throws {
    try await Self.server().application().test(.live) { client in
      try await client.execute(uri: "/", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
        #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
        let html = String(buffer: response.body)
        #expect(html.contains("<textarea id=\"draft\""))
        #expect(html.contains("name=\"viewport\""))
        // No asset to fetch: no external script, style sheet, image or font.
        #expect(!html.contains(" src="))
        #expect(!html.contains("<link"))
        #expect(!html.contains("url("))
      }
    }
  }

  @Test func checkFindsTheArchivedFigureADraftContradicts() async throws {
    try await Self.server().application().test(.live) { client in
      let request = try Self.body(["text": ServerFixtures.klarnaDraft])
      try await client.execute(uri: "/v1/check", method: .post, headers: Self.jsonHeaders, body: request) { response in
        #expect(response.status == .ok)
        let report = try Self.json(response)
        let claims = try #require(report["claims"] as? [[String: Any]])
        let spans = try #require(report["spans"] as? [Any])
        #expect(spans.count == claims.count)
        #expect(report["draft"] as? String == "draft.md")
        let findings = try #require(report["findings"] as? [[String: Any]])
        let conflict = try #require(findings.first { ($0["check"] as? String) == "conflict/employees" }, "\(findings)")
        let cited = (conflict["claims"] as? [Int] ?? []).map { claims[$0] }
        #expect(cited.contains { $0["document"] as? String == "draft.md" && $0["text"] as? String == "3 500" })
        #expect(cited.contains { ($0["document"] as? String)?.hasSuffix("001-fr-klarna-effectifs-pourraient-diminuer-de-moitie.md") == true
          && ($0["text"] as? String)?.contains("3 800") == true })
        #expect((conflict["details"] as? [String] ?? []).contains { $0.hasPrefix("archived: “") })
        // The draft's figure, where the span says it is (UTF-16 offsets of the text sent).
        let index = try #require(claims.firstIndex { $0["document"] as? String == "draft.md" && $0["text"] as? String == "3 500" })
        let span = try #require(spans[index] as? [String: Int])
        let utf16 = Array(ServerFixtures.klarnaDraft.utf16)
        #expect(String(decoding: utf16[span["start"]!..<span["end"]!], as: UTF16.self) == "3 500")
        #expect(claims.indices.allSatisfy { (claims[$0]["document"] as? String == "draft.md") == !(spans[$0] is NSNull) })
      }
    }
  }

  @Test func claimsListsTheDraftsClaimsOnly() async throws {
    try await Self.server().application().test(.live) { client in
      let request = try Self.body(["text": "Klarna employs 3,500 people today.", "language": "en", "published": "2024-09-20", "title": "T"])
      try await client.execute(uri: "/v1/claims", method: .post, headers: Self.jsonHeaders, body: request) { response in
        #expect(response.status == .ok)
        let report = try Self.json(response)
        let claims = try #require(report["claims"] as? [[String: Any]])
        #expect(claims.count == 1)
        #expect(claims.first?["value"] as? Double == 3500)
        #expect((report["findings"] as? [Any])?.isEmpty == true)
        #expect((report["documents"] as? [[String: Any]])?.first?["title"] as? String == "T")
      }
    }
  }

  @Test func badRequestsAreAnsweredWithAMessage() async throws {
    try await Self.server().application().test(.live) { client in
      let cases: [(body: [UInt8], status: HTTPResponse.Status, message: String)] = [
        (Array("{\"text\": ".utf8), .badRequest, "invalid JSON"),
        ([0x7B, 0x22, 0x74, 0xFF, 0x22, 0x7D], .badRequest, "not valid UTF-8 (byte 3)"),
        (Array("{}".utf8), .badRequest, "'text' is required"),
        (Array("{\"text\": 3}".utf8), .badRequest, "expected a string at 'text'"),
        (Array("[1]".utf8), .badRequest, "invalid JSON"),
        (Array("{\"text\": \"x\", \"published\": \"yesterday\"}".utf8), .badRequest, "'published' must be a date"),
        (Array("{\"text\": \"x\", \"language\": \"es\"}".utf8), .badRequest, "'language' must be one of de, en, fr"),
        (Array("{\"text\": \"x\", \"add\": true}".utf8), .forbidden, "read-only"),
      ]
      for (body, status, message) in cases {
        try await client.execute(uri: "/v1/check", method: .post, headers: Self.jsonHeaders, body: ByteBuffer(bytes: body)) { response in
          #expect(response.status == status, "\(String(decoding: body, as: UTF8.self))")
          let message = try Self.errorMessage(response); #expect(message.contains(message), "\(String(buffer: response.body))")
        }
      }
      try await client.execute(uri: "/v1/check", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "{}")) { response in
        #expect(response.status == .unsupportedMediaType)
      }
      try await client.execute(uri: "/v1/nothing", method: .get) { response in
        #expect(response.status == .notFound)
        let message = try Self.errorMessage(response); #expect(message.contains("/v1/nothing"))
      }
      try await client.execute(uri: "/v1/check", method: .get) { response in
        #expect(response.status == .methodNotAllowed)
        let message = try Self.errorMessage(response); #expect(message.contains("POST"))
      }
    }
  }

  @Test func bodiesOverTheLimitAre413() async throws {
    try await Self.server { $0.maxBodyBytes = 1024 }.application().test(.live) { client in
      let big = try Self.body(["text": String(repeating: "Klarna emploie 3 500 personnes. ", count: 40)])
      #expect(big.readableBytes > 1024)
      try await client.execute(uri: "/v1/check", method: .post, headers: Self.jsonHeaders, body: big) { response in
        #expect(response.status == .contentTooLarge)
        let message = try Self.errorMessage(response); #expect(message.contains("limit of 1024 bytes"))
      }
      let small = try Self.body(["text": "Klarna emploie 3 500 personnes."])
      try await client.execute(uri: "/v1/claims", method: .post, headers: Self.jsonHeaders, body: small) { response in
        #expect(response.status == .ok)
      }
    }
  }

  @Test func aCheckOverTheTimeLimitIs503() async throws {
    let server = try Self.server {
      $0.timeLimit = .milliseconds(100)
      $0.delayBeforeCheck = .seconds(3)
    }
    try await server.application().test(.live) { client in
      let started = ContinuousClock.now
      try await client.execute(uri: "/v1/check", method: .post, headers: Self.jsonHeaders, body: try Self.body(["text": "Klarna emploie 3 500 personnes."])) { response in
        #expect(response.status == .serviceUnavailable)
        #expect(response.headers[.retryAfter] != nil)
        let message = try Self.errorMessage(response); #expect(message.contains("time limit of 0.1 s"))
      }
      #expect(ContinuousClock.now - started < .seconds(2))
    }
  }

  @Test func aTokenGuardsTheAPIButNotThePageOrHealth() async throws {
    try await Self.server { $0.token = "s3cret-token" }.application().test(.live) { client in
      try await client.execute(uri: "/v1/rules", method: .get) { response in
        #expect(response.status == .unauthorized)
        #expect(response.headers[.wwwAuthenticate] == "Bearer")
      }
      try await client.execute(uri: "/v1/rules", method: .get, headers: [.authorization: "Bearer s3cret-tokem"]) { response in
        #expect(response.status == .unauthorized)
      }
      try await client.execute(uri: "/v1/check", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{\"text\":\"x\"}")) { response in
        #expect(response.status == .unauthorized)
      }
      try await client.execute(uri: "/v1/rules", method: .get, headers: [.authorization: "Bearer s3cret-token"]) { response in
        #expect(response.status == .ok)
      }
      for open in ["/", "/v1/health"] {
        try await client.execute(uri: open, method: .get) { response in #expect(response.status == .ok) }
      }
    }
  }

  @Test func addingDraftsNeedsAllowAdd() async throws {
    let path = ServerFixtures.writableCopy()
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    try await Self.server(archive: path, allowAdd: true).application().test(.live) { client in
      let request = try Self.body(["text": ServerFixtures.klarnaDraft, "path": "drafts/klarna.md", "add": true])
      try await client.execute(uri: "/v1/check", method: .post, headers: Self.jsonHeaders, body: request) { response in
        #expect(response.status == .ok)
        let added = try #require(try Self.json(response)["added"] as? [String: Any])
        #expect(added["added"] as? [String] == ["drafts/klarna.md"])
      }
      try await client.execute(uri: "/v1/health", method: .get) { response in
        let archive = try #require(try Self.json(response)["archive"] as? [String: Any])
        #expect(archive["documents"] as? Int == 11)
        #expect(archive["writable"] as? Bool == true)
      }
    }
    // The draft is archived with its claims: a search finds it.
    let hits = try ClaimArchive(path: path, readOnly: true).search("klarna", limit: 200)
    #expect(hits.contains { $0.claim.document == "drafts/klarna.md" && $0.claim.valueText == "3 500" })
  }

  @Test func concurrentChecksShareOneRuleSet() async throws {
    try await Self.server().application().test(.live) { client in
      try await withThrowingTaskGroup(of: Int.self) { group in
        for _ in 0..<12 {
          group.addTask {
            try await client.execute(uri: "/v1/check", method: .post, headers: Self.jsonHeaders,
                                     body: try Self.body(["text": ServerFixtures.klarnaDraft])) { response in
              (try Self.json(response)["findings"] as? [Any])?.count ?? -1
            }
          }
        }
        var counts: Set<Int> = []
        for try await count in group { counts.insert(count) }
        #expect(counts.count == 1)
        #expect((counts.first ?? 0) > 0)
      }
    }
  }

  @Test func withoutAnArchiveTheDraftIsCheckedAlone() async throws {
    try await Self.server(archive: nil).application().test(.live) { client in
      let text = "Klarna emploie 3 500 personnes. Plus loin : Klarna emploie 3 800 personnes."
      try await client.execute(uri: "/v1/check", method: .post, headers: Self.jsonHeaders, body: try Self.body(["text": text, "language": "fr"])) { response in
        #expect(response.status == .ok)
        let report = try Self.json(response)
        #expect((report["claims"] as? [Any])?.count == 2)
      }
      try await client.execute(uri: "/v1/health", method: .get) { response in
        let health = try Self.json(response); #expect(health["archive"] is NSNull)
      }
    }
  }
}

import FactCheck
import FactCheckArchive
import Foundation
import Hummingbird

/// `factcheck serve`: the checker over HTTP, for editors' pages and newsroom tools.
///
/// Endpoints (described at `/v1/openapi.json`):
/// - `POST /v1/check` — a draft (`{"text", "language"?, "published"?, "title"?}`) → the JSON report of its
///   findings against the archive, with `spans` (where each draft claim's figure is in `text`);
/// - `POST /v1/claims` — the draft's claims only;
/// - `GET /v1/health`, `GET /v1/rules`, `GET /v1/openapi.json`, and the page at `/`.
///
/// Every request shares one ``DraftChecker`` (one compiled rule set, one read-only archive). Bodies over
/// ``ServerConfiguration/maxBodyBytes`` get 413, invalid UTF-8 or JSON 400 with a message, a check over
/// ``ServerConfiguration/timeLimit`` 503; with a token, API requests without it get 401.
package struct CheckServer: Sendable {
  /// The shared checker.
  package let drafts: DraftChecker
  /// How the server listens and what it accepts.
  package let configuration: ServerConfiguration
  let runner: CheckRunner

  /// Creates a server (nothing is bound until ``application(onRunning:)`` runs).
  package init(drafts: DraftChecker, configuration: ServerConfiguration) {
    self.drafts = drafts
    self.configuration = configuration
    runner = CheckRunner(configuration: configuration)
  }

  /// The Hummingbird application: run it with `runService()`.
  ///
  /// - Parameter onRunning: Called once listening, with the port bound (useful with port 0).
  package func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
    Application(
      router: router(),
      configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "factcheck/\(ToolInfo.version)"),
      onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) })
  }

  /// The routes, behind the error and token middleware.
  func router() -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: TokenMiddleware(token: configuration.token))
    let server = self
    router.get("/") { _, _ in CheckPage.response() }
    router.get("/v1/health") { _, _ in try server.health() }
    router.get("/v1/rules") { _, _ in server.rules() }
    router.get("/v1/openapi.json") { _, _ in OpenAPIDocument.response(server.configuration, languages: server.drafts.checker.rules.languages) }
    router.post("/v1/check") { request, _ in try await server.check(request, reconcile: true) }
    router.post("/v1/claims") { request, _ in try await server.check(request, reconcile: false) }
    for path in ["/v1/check", "/v1/claims"] {
      router.get(RouterPath(path)) { _, _ -> Response in throw APIError.methodNotAllowed("\(path) takes POST with a JSON body") }
    }
    return router
  }

  // MARK: - Handlers

  func health() throws(APIError) -> JSONBody {
    var archive: JSONValue = .null
    if let opened = drafts.archive {
      do {
        let statistics = try opened.statistics()
        archive = .object([
          "path": .string(opened.path), "documents": .number(Double(statistics.documents)),
          "claims": .number(Double(statistics.claims)), "writable": .bool(drafts.writableArchive != nil),
        ])
      } catch { throw APIError(error) }
    }
    return JSONBody(.object([
      "status": .string("ok"), "version": .string(ToolInfo.version), "rules": .number(Double(drafts.checker.rules.rules.count)),
      "languages": .array(drafts.checker.rules.languages.map { .string($0) }), "archive": archive,
      "limits": .object([
        "max_body_bytes": .number(Double(configuration.maxBodyBytes)),
        "time_limit_seconds": .number(configuration.timeLimit.seconds),
        "concurrent_checks": .number(Double(configuration.maxConcurrentChecks)),
      ]),
    ]))
  }

  func rules() -> JSONBody {
    let set = drafts.checker.rules
    return JSONBody(.object([
      "languages": .array(set.languages.map { .string($0) }),
      "rules": .array(set.rules.map { rule in
        let definition = rule.definition
        return .object([
          "id": .string(definition.id), "kind": .string(definition.kind.rawValue), "language": .string(definition.language),
          "attribute": .string(definition.attribute), "description": .string(definition.description),
          "location": .string("\(definition.location.path):\(definition.location.line)"),
        ])
      }),
      "problems": .array(set.problems.map { .string($0.description) }),
    ]))
  }

  /// `POST /v1/check` (reconciled against the archive) and `POST /v1/claims` (claims only).
  func check(_ request: Request, reconcile: Bool) async throws(APIError) -> Response {
    if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/json") {
      throw .unsupportedMediaType(type)
    }
    let bytes = try await body(of: request)
    let (decoded, draft) = try CheckRequest.decode(bytes, languages: drafts.checker.rules.languages)
    let add = decoded.add ?? false
    if add && !reconcile { throw .badRequest("'add' is for /v1/check") }
    if add && drafts.writableArchive == nil {
      throw .forbidden(drafts.archive == nil ? "'add' needs an archive: start the server with --archive PATH --allow-add"
                                             : "the archive is read-only: start the server with --allow-add to add drafts")
    }
    let drafts = self.drafts
    let answer = try await runner.run { () throws(APIError) -> [UInt8] in
      do throws(ArchiveError) {
        let result = reconcile ? try drafts.check(draft) : drafts.claims(draft)
        let added = add ? try drafts.add(draft) : nil
        return CheckResponse.body(result, draft: draft, added: added)
      } catch {
        throw APIError(error)
      }
    }
    return JSONBody(bytes: answer).response(status: .ok)
  }

  /// The whole body, refused past the limit: at once by its `Content-Length`, else as it arrives.
  func body(of request: Request) async throws(APIError) -> [UInt8] {
    let limit = configuration.maxBodyBytes
    if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw .bodyTooLarge(limit: limit) }
    var bytes: [UInt8] = []
    do {
      for try await buffer in request.body {
        guard bytes.count + buffer.readableBytes <= limit else { throw APIError.bodyTooLarge(limit: limit) }
        bytes += buffer.readableBytesView
      }
    } catch let error as APIError {
      throw error
    } catch {
      throw .badRequest("cannot read the request body: \(error)")
    }
    return bytes
  }
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

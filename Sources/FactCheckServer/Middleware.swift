import FactCheck
import Foundation
import Hummingbird

/// Answers every error as JSON (`{"error": {"status", "message"}}`): ours with their message, Hummingbird's
/// (404 for an unknown path) with theirs, anything else as 500.
struct ErrorMiddleware: RouterMiddleware {
  typealias Context = BasicRequestContext

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let error as APIError {
      return try error.response(from: request, context: context)
    } catch let error as HTTPError {
      if error.status == .notFound { return try APIError.notFound(request.uri.path).response(from: request, context: context) }
      let message = error.body ?? error.status.reasonPhrase
      return JSONBody(.object(["error": .object(["status": .number(Double(error.status.code)), "message": .string(message)])]))
        .response(status: error.status)
    } catch {
      context.logger.error("request failed: \(error)")
      return JSONBody(.object(["error": .object(["status": .number(500), "message": .string("internal error")])]))
        .response(status: .internalServerError)
    }
  }
}

/// With a token, every request but the page and the health check must carry `Authorization: Bearer TOKEN`.
struct TokenMiddleware: RouterMiddleware {
  typealias Context = BasicRequestContext
  let token: String?

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    guard let token, request.uri.path != "/", request.uri.path != "/v1/health" else { return try await next(request, context) }
    let given = request.headers[.authorization] ?? ""
    let prefix = "Bearer "
    guard given.count > prefix.count, given.prefix(prefix.count).lowercased() == prefix.lowercased(),
          TokenMiddleware.equal(Array(given.dropFirst(prefix.count).utf8), Array(token.utf8))
    else { throw APIError.unauthorized }
    return try await next(request, context)
  }

  /// Compares in time that depends on the lengths only, not on where the bytes differ.
  static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    var difference = UInt8(a.count == b.count ? 0 : 1)
    for index in 0..<max(a.count, b.count) {
      difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
    }
    return difference == 0
  }
}

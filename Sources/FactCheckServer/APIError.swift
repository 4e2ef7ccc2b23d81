import FactCheckArchive
import Foundation
import Hummingbird

/// Why the server refused or failed a request; each case is one HTTP status and a message, answered as
/// `{"error": {"status": …, "message": …}}`.
package enum APIError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The request is malformed: invalid JSON or UTF-8, a missing or wrong field (400).
  case badRequest(String)
  /// No valid bearer token (401).
  case unauthorized
  /// No such endpoint (404).
  case notFound(String)
  /// The endpoint exists but not for this method (405).
  case methodNotAllowed(String)
  /// The body is over the limit (413).
  case bodyTooLarge(limit: Int)
  /// The body is not JSON (415).
  case unsupportedMediaType(String)
  /// The check took longer than the time limit (503).
  case timeLimit(seconds: Double)
  /// Adding to the archive was asked for but not allowed (403).
  case forbidden(String)
  /// The archive failed (500).
  case archive(String)

  /// The HTTP status.
  package var status: HTTPResponse.Status {
    switch self {
    case .badRequest: .badRequest
    case .unauthorized: .unauthorized
    case .notFound: .notFound
    case .methodNotAllowed: .methodNotAllowed
    case .bodyTooLarge: .contentTooLarge
    case .unsupportedMediaType: .unsupportedMediaType
    case .timeLimit: .serviceUnavailable
    case .forbidden: .forbidden
    case .archive: .internalServerError
    }
  }

  /// The message answered.
  package var description: String {
    switch self {
    case .badRequest(let message): message
    case .unauthorized: "missing or wrong bearer token: send 'Authorization: Bearer TOKEN' (the token of --token-file)"
    case .notFound(let path): "no such endpoint: \(path); see /v1/openapi.json"
    case .methodNotAllowed(let what): what
    case .bodyTooLarge(let limit): "the request body is larger than the limit of \(limit) bytes"
    case .unsupportedMediaType(let type): "the request body must be JSON (Content-Type: application/json), not \(type)"
    case .timeLimit(let seconds): "the check took longer than the time limit of \(seconds.formatted()) s; send a shorter text, or retry later"
    case .forbidden(let message): message
    case .archive(let message): message
    }
  }

  /// The error body.
  var json: JSONBody {
    JSONBody(.object(["error": .object(["status": .number(Double(status.code)), "message": .string(description)])]))
  }
}

extension APIError: HTTPResponseError {
  package func response(from request: Request, context: some RequestContext) throws -> Response {
    var response = json.response(status: status)
    if case .unauthorized = self { response.headers[.wwwAuthenticate] = "Bearer" }
    if case .timeLimit = self { response.headers[.retryAfter] = "5" }
    return response
  }
}

extension APIError {
  /// An archive failure, as a 500 naming what failed.
  init(_ error: ArchiveError) { self = .archive(error.description) }
}

import FactCheck
import Foundation
import Hummingbird

/// A JSON response body: a ``FactCheck/JSONValue`` serialised as the JSON report serialises it (sorted keys).
struct JSONBody: ResponseGenerator {
  /// The body's bytes, one line.
  let bytes: [UInt8]

  init(_ value: JSONValue) { bytes = value.serializedBytes(pretty: false) + [UInt8(ascii: "\n")] }

  /// A body already written as JSON (the report, by its own writer), ending with a line break.
  init(bytes: [UInt8]) { self.bytes = bytes }

  func response(from request: Request, context: some RequestContext) throws -> Response { response(status: .ok) }

  func response(status: HTTPResponse.Status) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    headers[.cacheControl] = "no-store"
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
  }
}

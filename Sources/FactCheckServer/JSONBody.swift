import FactCheck
import Foundation
import Hummingbird

/// A JSON response body: a ``FactCheck/JSONValue`` serialised as the JSON report serialises it (sorted keys).
struct JSONBody: ResponseGenerator {
  let value: JSONValue

  init(_ value: JSONValue) { self.value = value }

  func response(from request: Request, context: some RequestContext) throws -> Response { response(status: .ok) }

  func response(status: HTTPResponse.Status) -> Response {
    let bytes = value.serializedBytes(pretty: false) + [UInt8(ascii: "\n")]
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    headers[.cacheControl] = "no-store"
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
  }
}

import Foundation

/// How `factcheck serve` listens and what it accepts.
package struct ServerConfiguration: Sendable {
  /// The host to bind: loopback (`127.0.0.1`) unless told otherwise.
  package var host: String
  /// The port to bind; 0 picks a free one (the server reports it).
  package var port: Int
  /// The largest request body accepted, in bytes; larger ones get 413.
  package var maxBodyBytes: Int
  /// How long one check may take before the request is answered 503 (the check is then dropped when it
  /// had not started, or its result discarded).
  package var timeLimit: Duration
  /// Checks run at once; further requests wait for a slot (within their time limit).
  package var maxConcurrentChecks: Int
  /// The bearer token every API request must carry (`Authorization: Bearer …`), or `nil` for none.
  package var token: String?
  /// A pause before each check, for tests of the time limit only.
  var delayBeforeCheck: Duration = .zero

  /// The default body limit: 1 MiB, some 150 pages of text.
  package static let defaultMaxBodyBytes = 1 << 20
  /// The default time limit of one check.
  package static let defaultTimeLimit: Duration = .seconds(30)

  /// Creates a configuration.
  package init(host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = ServerConfiguration.defaultMaxBodyBytes,
              timeLimit: Duration = ServerConfiguration.defaultTimeLimit,
              maxConcurrentChecks: Int = ProcessInfo.processInfo.activeProcessorCount, token: String? = nil) {
    self.host = host
    self.port = port
    self.maxBodyBytes = maxBodyBytes
    self.timeLimit = timeLimit
    self.maxConcurrentChecks = max(1, maxConcurrentChecks)
    self.token = token
  }

  /// Whether `host` is a loopback address (or `localhost`), reachable from this machine only.
  package var isLoopback: Bool {
    host == "localhost" || host == "::1" || host.hasPrefix("127.")
  }
}

import FactCheck
import Foundation
import Testing

/// `factcheck mcp`, spoken to as an assistant's client would: JSON-RPC lines over its standard input and
/// output — initialize, the initialized notification, tools/list, tools/call check_draft and search_claims.
@Suite("MCP", .serialized)
struct MCPTests {
  /// The `factcheck` binary beside the test bundle.
  static var binary: String? {
    var candidates: [String] = []
    if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent().path) }
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().path)
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      candidates.append((bundle.bundlePath as NSString).deletingLastPathComponent)
    }
    return candidates.map { $0 + "/factcheck" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// A running `factcheck mcp` and what it has printed so far.
  final class Session: @unchecked Sendable {
    let process = Process()
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    // Guarded by `lock`: bytes read from standard output, not yet split into messages.
    private let lock = NSLock()
    private var pending = Data()
    private var messages: [[String: Any]] = []

    init(binary: String, arguments: [String]) throws {
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments = arguments
      var environment = ProcessInfo.processInfo.environment
      environment["FACTCHECK_HOME"] = ServerFixtures.repository
      process.environment = environment
      process.standardInput = input
      process.standardOutput = output
      process.standardError = errors
      output.fileHandleForReading.readabilityHandler = { [weak self] handle in
        let data = handle.availableData
        guard let self, !data.isEmpty else { return }
        self.lock.withLock {
          self.pending.append(data)
          while let newline = self.pending.firstIndex(of: 0x0A) {
            let line = self.pending[self.pending.startIndex..<newline]
            self.pending = Data(self.pending[(newline + 1)...])
            if let object = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] { self.messages.append(object) }
          }
        }
      }
      try process.run()
    }

    func send(_ message: [String: Any]) throws {
      var data = try JSONSerialization.data(withJSONObject: message)
      data.append(0x0A)
      try input.fileHandleForWriting.write(contentsOf: data)
    }

    /// The answer to request `id`, waiting at most `seconds`.
    func response(id: Int, seconds: Double = 60) throws -> [String: Any] {
      let deadline = Date().addingTimeInterval(seconds)
      while Date() < deadline {
        if let found = lock.withLock({ messages.first { ($0["id"] as? Int) == id } }) { return found }
        Thread.sleep(forTimeInterval: 0.02)
      }
      let stderr = String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
      throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "no answer to request \(id); stderr: \(stderr)"])
    }

    func request(_ id: Int, _ method: String, _ params: [String: Any]) throws -> [String: Any] {
      try send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
      return try response(id: id)
    }

    func close() -> Int32 {
      try? input.fileHandleForWriting.close()
      let deadline = Date().addingTimeInterval(20)
      while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
      if process.isRunning { process.terminate() }
      process.waitUntilExit()
      output.fileHandleForReading.readabilityHandler = nil
      return process.terminationStatus
    }
  }

  @Test(.enabled(if: binary != nil, "the factcheck binary is not built"))
  func speaksMCPOverStandardIO() throws {
    let session = try Session(binary: Self.binary!, arguments: ["mcp", "--archive", ServerFixtures.archivePath])
    defer { _ = session.close() }

    let initialized = try session.request(1, "initialize", [
      "protocolVersion": "2025-06-18", "capabilities": [String: Any](),
      "clientInfo": ["name": "factcheck-tests", "version": "1"],
    ])
    let server = try #require((initialized["result"] as? [String: Any]), "\(initialized)")
    #expect((server["serverInfo"] as? [String: Any])?["name"] as? String == "factcheck")
    #expect((server["capabilities"] as? [String: Any])?["tools"] != nil)
    try session.send(["jsonrpc": "2.0", "method": "notifications/initialized"])

    let listed = try session.request(2, "tools/list", [:])
    let tools = try #require((listed["result"] as? [String: Any])?["tools"] as? [[String: Any]], "\(listed)")
    #expect(Set(tools.compactMap { $0["name"] as? String }) == ["check_draft", "search_claims"])
    let checkTool = try #require(tools.first { $0["name"] as? String == "check_draft" })
    #expect(((checkTool["inputSchema"] as? [String: Any])?["required"] as? [String]) == ["text"])

    let called = try session.request(3, "tools/call", ["name": "check_draft", "arguments": ["text": ServerFixtures.klarnaDraft]])
    let result = try #require(called["result"] as? [String: Any], "\(called)")
    #expect(result["isError"] as? Bool == false)
    let text = try #require((result["content"] as? [[String: Any]])?.first?["text"] as? String)
    let answer = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(result["structuredContent"] != nil)
    let findings = try #require(answer["findings"] as? [[String: Any]])
    let conflict = try #require(findings.first { $0["check"] as? String == "conflict/employees" }, "\(answer)")
    let claims = try #require(conflict["claims"] as? [[String: Any]])
    let mine = try #require(claims.first { $0["source"] as? String == "draft" })
    #expect(mine["figure"] as? String == "3 500")
    let span = try #require(mine["span"] as? [String: Any])
    let utf16 = Array(ServerFixtures.klarnaDraft.utf16)
    #expect(String(decoding: utf16[(span["start"] as! Int)..<(span["end"] as! Int)], as: UTF16.self) == "3 500")
    let archived = try #require(claims.first { ($0["figure"] as? String)?.contains("3 800") == true && $0["source"] as? String == "archive" })
    #expect((archived["document"] as? String)?.hasSuffix("001-fr-klarna-effectifs-pourraient-diminuer-de-moitie.md") == true)
    #expect(archived["title"] as? String == "Klarna compte sur l'IA pour réduire encore ses effectifs")
    #expect(archived["published"] as? String == "2024-09-10")
    #expect(archived["line"] as? Int == 19)

    let searched = try session.request(4, "tools/call", ["name": "search_claims", "arguments": ["entity": "Klarna", "attribute": "employees"]])
    let hits = try #require((searched["result"] as? [String: Any])?["content"] as? [[String: Any]], "\(searched)")
    let found = try #require(try JSONSerialization.jsonObject(with: Data((hits.first?["text"] as? String ?? "").utf8)) as? [String: Any])
    let figures = (found["claims"] as? [[String: Any]] ?? []).compactMap { $0["figure"] as? String }
    #expect(figures.contains { $0.contains("3 800") })
    #expect(figures.contains("3 500"))

    let missing = try session.request(5, "tools/call", ["name": "check_draft", "arguments": [String: Any]()])
    #expect((missing["result"] as? [String: Any])?["isError"] as? Bool == true)

    #expect(session.close() == 0)
  }
}

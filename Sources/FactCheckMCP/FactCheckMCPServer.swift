import FactCheck
import FactCheckArchive
import Foundation
import MCP

/// `factcheck mcp`: the checker as a Model Context Protocol server, so that an AI assistant can ground what
/// it drafts in what was already published.
///
/// Two tools:
/// - `check_draft` — a draft's text → its findings against the claim archive, each citing the draft's figure
///   (with its span in the text) and the archived articles' figures (title, date, path, line, column, byte span
///   and sentence);
/// - `search_claims` — an entity and/or attribute (or free words) → the archived figures.
///
/// Both answer with JSON, as text content and as structured content. The archive is opened read-only.
package struct FactCheckMCPServer: Sendable {
  /// The shared checker and archive.
  package let drafts: DraftChecker

  /// Creates the server.
  package init(drafts: DraftChecker) { self.drafts = drafts }

  /// Serves over `transport` (standard input and output for `factcheck mcp`) until the client hangs up.
  ///
  /// - Throws: What the transport throws when it cannot start.
  package func run(transport: any Transport) async throws {
    let server = Server(
      name: "factcheck", version: ToolInfo.version, title: "FactCheck",
      instructions: "Check a draft's figures against the published articles of the claim archive (check_draft), and look up archived figures (search_claims).",
      capabilities: .init(tools: .init(listChanged: false)))
    let listed = FactCheckMCPServer.tools(languages: drafts.checker.rules.languages)
    await server.withMethodHandler(ListTools.self) { _ in .init(tools: listed) }
    let tools = self
    await server.withMethodHandler(CallTool.self) { parameters in await tools.call(parameters) }
    try await server.start(transport: transport)
    await server.waitUntilCompleted()
  }

  /// The tools, with their input schemas; `languages` are those of the loaded rules, the values a draft's
  /// `language` may take.
  package static func tools(languages: [String]) -> [Tool] { [
    Tool(
      name: "check_draft",
      title: "Check a draft's figures",
      description: """
        Checks the figures of a draft article (headcounts, layoffs, revenue, valuations, users, percentages…) against \
        the articles already published in the claim archive, and returns each inconsistency: the draft's figure (with \
        its UTF-16 span in the text) and the archived figures it contradicts, each citing its article (title, date, \
        path, line, column, byte span) and sentence.
        """,
      inputSchema: .object([
        "type": "object",
        "properties": .object([
          "text": .object(["type": "string", "description": "The draft: Markdown or plain text, in a language of the rules; YAML front matter allowed."]),
          "language": .object(["type": "string", "enum": .array(languages.map { .string($0) }), "description": "The draft's language, instead of the detected one."]),
          "published": .object(["type": "string", "description": "Publication date (YYYY-MM-DD) when the text states none; relative periods (last year) resolve from it."]),
          "title": .object(["type": "string", "description": "The draft's title."]),
        ]),
        "required": ["text"],
      ]),
      annotations: .init(readOnlyHint: true)),
    Tool(
      name: "search_claims",
      title: "Search archived figures",
      description: """
        Finds the figures published articles state about an entity and/or attribute (for example entity "Klarna", \
        attribute "employees"), or matching free words, with the article, date and sentence of each.
        """,
      inputSchema: .object([
        "type": "object",
        "properties": .object([
          "entity": .object(["type": "string", "description": "Who the figure is about (a company, a person)."]),
          "attribute": .object(["type": "string", "description": "What it measures: employees, layoffs, revenue_usd, valuation_usd, users… (see /v1/rules)."]),
          "query": .object(["type": "string", "description": "Free words instead (matched whole, accents and case ignored)."]),
          "limit": .object(["type": "integer", "description": "At most this many figures (default 20, at most 200)."]),
        ]),
      ]),
      annotations: .init(readOnlyHint: true)),
  ] }

  /// Answers one `tools/call`; a problem (missing argument, unknown tool, archive failure) is a tool error.
  package func call(_ parameters: CallTool.Parameters) async -> CallTool.Result {
    let arguments = parameters.arguments ?? [:]
    let answer: Result<JSONValue, ToolError>
    switch parameters.name {
    case "check_draft": answer = await offload { checkDraft(arguments) }
    case "search_claims": answer = await offload { searchClaims(arguments) }
    default: answer = .failure(ToolError("unknown tool '\(parameters.name)'; the tools are check_draft and search_claims"))
    }
    switch answer {
    case .success(let value):
      let text = value.serialized()
      let structured = try? JSONDecoder().decode(Value.self, from: Data(text.utf8))
      return .init(content: [.text(text)], structuredContent: structured, isError: false)
    case .failure(let error):
      return .init(content: [.text(error.message)], isError: true)
    }
  }

  /// Runs synchronous work (PCRE2, SQLite) off the cooperative pool.
  private func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async { continuation.resume(returning: work()) }
    }
  }
}

/// A tool call's problem, answered as a tool error (`isError: true`) with this message.
struct ToolError: Error, Sendable {
  var message: String
  init(_ message: String) { self.message = message }
}

extension FactCheckMCPServer {
  /// Serves over standard input and output (``run(transport:)`` with the SDK's stdio transport).
  package func runOverStandardIO() async throws { try await run(transport: StdioTransport()) }
}

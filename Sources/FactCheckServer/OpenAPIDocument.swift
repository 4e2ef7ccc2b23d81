import FactCheck
import Foundation
import Hummingbird

/// The OpenAPI 3.1 description of the server's endpoints, served at `/v1/openapi.json`.
enum OpenAPIDocument {
  static func response(_ configuration: ServerConfiguration, languages: [String]) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text(configuration, languages: languages))))
  }

  /// The document; `languages` (those of the loaded rules) are the values a draft's `language` may take.
  static func text(_ configuration: ServerConfiguration, languages rules: [String]) -> String {
    let languages = rules.map { "\"\($0)\"" }.joined(separator: ", ")
    let limit = configuration.maxBodyBytes
    let seconds = configuration.timeLimit.seconds.formatted()
    return #"""
      {
        "openapi": "3.1.0",
        "info": {
          "title": "FactCheck server",
          "version": "\#(ToolInfo.version)",
          "description": "Checks a draft's figures against the claim archive. Request bodies are JSON in UTF-8, at most \#(limit) bytes (413 past it); invalid UTF-8 or JSON is answered 400 with a message; a check longer than \#(seconds) s is answered 503. With --token-file, every endpoint but / and /v1/health needs 'Authorization: Bearer TOKEN' (401 without). Errors are {\"error\": {\"status\", \"message\"}}."
        },
        "components": {
          "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
          "schemas": {
            "Draft": {
              "type": "object",
              "required": ["text"],
              "properties": {
                "text": { "type": "string", "description": "The draft, Markdown or plain text, YAML front matter allowed." },
                "language": { "type": "string", "enum": [\#(languages)], "description": "Instead of the detected language." },
                "published": { "type": "string", "description": "Publication date (YYYY-MM-DD, YYYY-MM or YYYY) when the text states none." },
                "title": { "type": "string", "description": "Title when the front matter gives none." },
                "path": { "type": "string", "default": "draft.md", "description": "The name the report gives the draft; an archived article under this path is replaced by the draft." },
                "add": { "type": "boolean", "default": false, "description": "/v1/check only: add the draft to the archive afterwards (403 unless the server runs with --allow-add)." }
              }
            },
            "Report": {
              "type": "object",
              "description": "The JSON report of 'factcheck check --format json' (Schemas/json-report-v1.schema.json), plus 'draft' and 'spans'.",
              "required": ["version", "documents", "claims", "findings", "summary", "spans", "draft"],
              "properties": {
                "version": { "type": "string" },
                "documents": { "type": "array", "items": { "type": "object" } },
                "claims": { "type": "array", "items": { "type": "object" } },
                "findings": { "type": "array", "items": { "type": "object" }, "description": "Each finding's 'claims' index 'claims'; its 'details' name the archived articles it cites." },
                "suppressed": { "type": "array", "items": { "type": "object" } },
                "problems": { "type": "array", "items": { "type": "object" } },
                "summary": { "type": "object" },
                "draft": { "type": "string", "description": "The path the draft is reported under." },
                "spans": {
                  "type": "array",
                  "description": "For each claim, where its figure is in 'text' (UTF-16 code units, as JavaScript indexes strings), or null for an archived claim.",
                  "items": { "oneOf": [ { "type": "null" }, { "type": "object", "properties": { "start": { "type": "integer" }, "end": { "type": "integer" } } } ] }
                },
                "added": { "type": "object", "description": "With 'add': the paths added and their claim count." }
              }
            },
            "Error": {
              "type": "object",
              "properties": { "error": { "type": "object", "properties": { "status": { "type": "integer" }, "message": { "type": "string" } } } }
            }
          },
          "responses": {
            "BadRequest": { "description": "Invalid UTF-8, invalid JSON, or a wrong field.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
            "Unauthorized": { "description": "Missing or wrong bearer token.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
            "TooLarge": { "description": "The body is over \#(limit) bytes.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
            "TimeLimit": { "description": "The check took longer than \#(seconds) s.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
          }
        },
        "security": [ { "bearer": [] }, {} ],
        "paths": {
          "/v1/check": {
            "post": {
              "summary": "Check a draft against the archive",
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Draft" } } } },
              "responses": {
                "200": { "description": "The findings and claims.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Report" } } } },
                "400": { "$ref": "#/components/responses/BadRequest" },
                "401": { "$ref": "#/components/responses/Unauthorized" },
                "403": { "description": "'add' without --allow-add." },
                "413": { "$ref": "#/components/responses/TooLarge" },
                "415": { "description": "The body is not JSON." },
                "503": { "$ref": "#/components/responses/TimeLimit" }
              }
            }
          },
          "/v1/claims": {
            "post": {
              "summary": "The draft's claims, not reconciled",
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Draft" } } } },
              "responses": {
                "200": { "description": "The claims (no findings).", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Report" } } } },
                "400": { "$ref": "#/components/responses/BadRequest" },
                "401": { "$ref": "#/components/responses/Unauthorized" },
                "413": { "$ref": "#/components/responses/TooLarge" },
                "503": { "$ref": "#/components/responses/TimeLimit" }
              }
            }
          },
          "/v1/health": {
            "get": {
              "summary": "Status, version, rules, archive and limits",
              "security": [ {} ],
              "responses": { "200": { "description": "{\"status\": \"ok\", \"version\", \"rules\", \"languages\", \"archive\", \"limits\"}", "content": { "application/json": {} } } }
            }
          },
          "/v1/rules": {
            "get": {
              "summary": "The loaded rules",
              "responses": {
                "200": { "description": "{\"rules\": [{\"id\", \"kind\", \"language\", \"attribute\", \"description\", \"location\"}], \"languages\", \"problems\"}", "content": { "application/json": {} } },
                "401": { "$ref": "#/components/responses/Unauthorized" }
              }
            }
          },
          "/v1/openapi.json": { "get": { "summary": "This description", "responses": { "200": { "description": "OpenAPI 3.1", "content": { "application/json": {} } } } } },
          "/": { "get": { "summary": "The page: paste a draft, see its figures and findings", "security": [ {} ], "responses": { "200": { "description": "HTML", "content": { "text/html": {} } } } } }
        }
      }
      """#
  }
}

import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// Turns document paths into URI references, as SARIF's `artifactLocation.uri` and ClaimReview's `url` want.
///
/// Paths stay relative when they can, so a report made in a checkout reads the same on every machine;
/// an absolute path under the base directory is shortened to a relative one. Everything outside the
/// unreserved characters and `/` is percent-encoded (UTF-8), which also keeps a `:` in a first segment
/// from being read as a URI scheme.
package struct ArtifactURI {
  /// The absolute directory relative paths are relative to, without a trailing `/`; `nil` when unknown.
  package let base: String?

  /// Creates a converter for paths relative to `baseDirectory`.
  package init(baseDirectory: String?) {
    guard var base = baseDirectory, base.hasPrefix("/") else {
      self.base = nil
      return
    }
    while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
    self.base = base
  }

  /// The path relative to the base when it is under it, else as given; `./` prefixes removed.
  package func relativePath(_ path: String) -> String {
    var path = path
    // `../x.md` (an input outside the working directory) becomes absolute, never a `../` reference.
    if let base, !path.hasPrefix("/"), path.hasPrefix("../") || path.contains("/../") {
      path = ArtifactURI.normalised(base + "/" + path)
    }
    if let base, path.hasPrefix("/") {
      let prefix = base == "/" ? "/" : base + "/"
      if path.hasPrefix(prefix) { path.removeFirst(prefix.count) }
    }
    while path.hasPrefix("./") { path.removeFirst(2) }
    return path
  }

  /// `/a/b/../c/./d` → `/a/c/d`.
  package static func normalised(_ absolute: String) -> String {
    var parts: [Substring] = []
    for part in absolute.split(separator: "/") {
      if part == "." { continue }
      if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }

  /// Whether `path`, once made relative, still needs a base to be resolved.
  package func isRelative(_ path: String) -> Bool { !relativePath(path).hasPrefix("/") }

  /// A URI reference: relative (percent-encoded path) when the path is relative, else a `file:` URI.
  package func reference(_ path: String) -> String {
    let relative = relativePath(path)
    return relative.hasPrefix("/") ? "file://" + ArtifactURI.encode(relative) : ArtifactURI.encode(relative)
  }

  /// An absolute `file:` URI when the path is absolute or the base is known, else the relative reference.
  package func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return "file://" + ArtifactURI.encode(path) }
    guard let base else { return reference(path) }
    return "file://" + ArtifactURI.encode((base == "/" ? "" : base) + "/" + relativePath(path))
  }

  /// The base as a `file:` URI ending in `/`, as SARIF's `originalUriBaseIds` requires.
  package var baseURI: String? {
    base.map { "file://" + ArtifactURI.encode($0 == "/" ? "/" : $0 + "/") }
  }

  /// Percent-encodes every byte outside RFC 3986's unreserved set and `/`.
  package static func encode(_ path: String) -> String {
    var out = ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" : "") + hex
      }
    }
    return out
  }
}

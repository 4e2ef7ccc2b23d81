import Foundation

/// This process's peak resident memory, as the kernel counts it for its current program image.
///
/// The children the benchmark spawns report it themselves because `wait4`'s `ru_maxrss` cannot be trusted for
/// them on Linux: when a process `exec`s, the kernel folds the peak of the memory it leaves into the new
/// program's, and a child spawned from this 200-odd-MiB benchmark process leaves the benchmark's. `VmHWM` of
/// `/proc/self/status` belongs to the new image alone.
enum PeakMemory {
  /// `VmHWM` in bytes on Linux; `nil` elsewhere or when it cannot be read (callers fall back to `ru_maxrss`).
  static func ownPeakBytes() -> Int? {
    #if os(Linux)
      guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kib = Int(line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
      else { return nil }
      return kib * 1024
    #else
      return nil
    #endif
  }
}

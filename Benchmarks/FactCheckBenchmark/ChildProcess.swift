import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A finished child process: exit status, wall time, CPU time and peak resident memory (`ru_maxrss` from `wait4`,
/// which on Linux is at least this process's own size at the spawn: see ``PeakMemory``).
struct ChildRun {
  var status: Int32
  /// Killed after its time limit.
  var timedOut = false
  var wallSeconds: Double
  var cpuSeconds: Double
  var peakBytes: Int
}

struct BenchmarkError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

enum ChildProcess {
  /// Runs `executable` with `arguments`, stdout sent to `stdoutPath` (or inherited), and waits for it with
  /// `wait4`, which reports its CPU time and a peak memory unaffected by earlier children (but not by this
  /// process: our own children report their `VmHWM` instead).
  /// With `timeout`, the child is killed (SIGKILL) when it runs longer, and the result says so.
  static func run(_ executable: String, _ arguments: [String], stdoutPath: String? = nil, stderrToNull: Bool = false,
                  timeout: Double? = nil) throws -> ChildRun {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let stdoutPath {
      posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    }
    if stderrToNull {
      posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let start = Clock.now()
    let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else { throw BenchmarkError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
    let guardian = KillSwitch(pid: pid)
    if let timeout, timeout > 0 {
      DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { guardian.fire() }
    }
    // Wait without reaping first, so that the timer can never kill a recycled pid.
    var info = siginfo_t()
    while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 {
      guard errno == EINTR else { break }
    }
    let timedOut = guardian.finish()
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
      guard errno == EINTR else { throw BenchmarkError("wait4 failed: \(String(cString: strerror(errno)))") }
    }
    let wall = Clock.now() - start
    let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
      + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    #if os(Linux)
      let peak = Int(usage.ru_maxrss) * 1024  // KiB on Linux
    #else
      let peak = Int(usage.ru_maxrss)  // bytes on macOS
    #endif
    let exitStatus: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return ChildRun(status: exitStatus, timedOut: timedOut, wallSeconds: wall, cpuSeconds: cpu, peakBytes: peak)
  }

  /// The path of the running executable, to re-execute it with a sub-command.
  static var selfPath: String {
    #if os(Linux)
      if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    #endif
    return Bundle.main.executablePath ?? CommandLine.arguments[0]
  }

  /// Standard output of a short command, or `nil`.
  static func output(_ executable: String, _ arguments: [String]) -> String? {
    let path = NSTemporaryDirectory() + "factcheck-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).out"
    defer { try? FileManager.default.removeItem(atPath: path) }
    guard let run = try? run(executable, arguments, stdoutPath: path, stderrToNull: true), run.status == 0,
      let text = try? String(contentsOfFile: path, encoding: .utf8)
    else { return nil }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Whether `name` is an executable on PATH.
  static func which(_ name: String) -> String? {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let path = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }
}

/// Kills a child once, unless it has finished.
private final class KillSwitch: @unchecked Sendable {
  private let lock = NSLock()
  private let pid: pid_t
  private var finished = false
  private var fired = false

  init(pid: pid_t) { self.pid = pid }

  func fire() {
    lock.lock()
    defer { lock.unlock() }
    guard !finished else { return }
    fired = true
    kill(pid, SIGKILL)
  }

  /// Marks the child finished; returns whether it was killed.
  func finish() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    finished = true
    return fired
  }
}

enum Clock {
  /// Monotonic seconds.
  static func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }

  /// CPU seconds used by this process (all threads).
  static func cpu() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }
}

/// How much parallelism the machine offers right now: a CPU-bound loop on 1 thread, then on `threads` threads
/// (each doing the same work, through `DispatchQueue.concurrentPerform` as the pipeline does). On an idle
/// 2-core machine the speed-up is about 2; other processes lower it.
enum ParallelismProbe {
  static func speedup(threads: Int, seconds: Double = 0.4) -> Double {
    guard threads > 1 else { return 1 }
    // Calibrate the work to about `seconds` on one thread.
    var iterations = 1 << 20
    var single = 0.0
    while true {
      single = time(iterations: iterations, threads: 1)
      if single >= seconds / 4 { break }
      iterations *= 2
    }
    iterations = Int(Double(iterations) * seconds / max(single, 1e-6))
    single = time(iterations: iterations, threads: 1)
    let parallel = time(iterations: iterations, threads: threads)
    return Double(threads) * single / max(parallel, 1e-9)
  }

  private static func time(iterations: Int, threads: Int) -> Double {
    let start = Clock.now()
    DispatchQueue.concurrentPerform(iterations: threads) { index in
      var state = UInt64(index + 1)
      for _ in 0..<iterations {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      }
      if state == 42 { print("") }  // keeps the loop from being optimised away
    }
    return Clock.now() - start
  }
}

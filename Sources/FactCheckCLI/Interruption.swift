import Dispatch
import Foundation

/// What SIGINT and SIGTERM do: remove the temporary files of reports being written, then end the process
/// as the signal would have (status 128 + signal in a shell), so that an interrupted run leaves any
/// earlier report intact and nothing half-written beside it.
///
/// The signals are handled on a dispatch queue rather than in a C signal handler, so that the clean-up may
/// take a lock: a report being renamed into place finishes its rename first, and is then whole.
enum Interruption {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var temporaries: Set<String> = []
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

  /// Installs the handlers; call once, first thing.
  static func install() {
    // A closed pipe (`factcheck … | head -1`) is a write error to report, not a silent death.
    signal(SIGPIPE, SIG_IGN)
    for number in [SIGINT, SIGTERM, SIGHUP] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { end(by: number) }
      source.resume()
      sources.append(source)
    }
  }

  /// Creates a temporary file with `create`, which returns its path (`nil` when it could not), and records it
  /// to remove if the run is interrupted, with the clean-up held off until both are done: a signal that came
  /// between the file's creation and its record left the file behind.
  static func creatingTemporary(_ create: () -> String?) -> String? {
    lock.lock()
    defer { lock.unlock() }
    guard let path = create() else { return nil }
    temporaries.insert(path)
    return path
  }

  /// Forgets a temporary file (renamed into place, or removed).
  static func unregister(_ path: String) {
    lock.lock()
    temporaries.remove(path)
    lock.unlock()
  }

  /// Runs `body` (a rename) with the clean-up held off, so that an interruption sees it done or not begun.
  static func renaming(_ body: () throws(RunError) -> Void) throws(RunError) {
    lock.lock()
    defer { lock.unlock() }
    try body()
  }

  /// Tests of interruption set `FACTCHECK_TEST_PAUSE_BEFORE_RENAME` (seconds) to hold a report in its
  /// temporary file long enough to send a signal; nothing else reads it.
  static func pauseBeforeRenameForTests() {
    guard let text = ProcessInfo.processInfo.environment["FACTCHECK_TEST_PAUSE_BEFORE_RENAME"], let seconds = Double(text),
      seconds > 0
    else { return }
    usleep(useconds_t(min(seconds, 60) * 1_000_000))
  }

  private static func end(by number: Int32) {
    lock.lock()
    for path in temporaries { unlink(path) }
    temporaries.removeAll()
    // Keep the lock: no rename may start now. Die by the signal itself, so the exit status says so.
    // libdispatch may block the signal in every thread (signalfd): unblock it here and raise it at this
    // thread, where it is then delivered at once.
    signal(number, SIG_DFL)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, number)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    raise(number)
    // A blocked or ignored signal would leave us here; end all the same.
    _exit(128 + number)
  }
}

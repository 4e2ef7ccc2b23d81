import Dispatch
import Foundation

/// Runs checks off the server's event loops, a bounded number at once, each within the time limit.
///
/// A check is synchronous CPU work (PCRE2 over the text, then reconciliation with the archive), so it runs
/// on a dispatch queue while the request's task waits. Whichever comes first answers: the result, or the
/// time limit (``APIError/timeLimit(seconds:)``). A check still waiting for a slot when its time is up is
/// never started; one already running finishes and its result is dropped (PCRE2's own limits bound it).
final class CheckRunner: Sendable {
  private let queue = DispatchQueue(label: "factcheck.serve.checks", attributes: .concurrent)
  private let slots: DispatchSemaphore
  private let timeLimit: Duration
  private let delay: Duration

  init(configuration: ServerConfiguration) {
    slots = DispatchSemaphore(value: configuration.maxConcurrentChecks)
    timeLimit = configuration.timeLimit
    delay = configuration.delayBeforeCheck
  }

  /// `work`'s result, or ``APIError/timeLimit(seconds:)`` when the time limit comes first.
  func run<Value: Sendable>(_ work: @escaping @Sendable () throws(APIError) -> Value) async throws(APIError) -> Value {
    let result: Result<Value, APIError> = await withCheckedContinuation { continuation in
      let answer = Answer(continuation)
      let seconds = Double(timeLimit.components.seconds) + Double(timeLimit.components.attoseconds) / 1e18
      queue.asyncAfter(deadline: .now() + seconds) { answer.give(.failure(.timeLimit(seconds: seconds))) }
      queue.async { [slots, delay] in
        slots.wait()
        defer { slots.signal() }
        guard !answer.isGiven else { return }
        if delay > .zero { Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18) }
        do throws(APIError) { answer.give(.success(try work())) } catch { answer.give(.failure(error)) }
      }
    }
    return try result.get()
  }

  /// The one answer of a request: the first of result and time limit resumes the waiting task.
  private final class Answer<Value: Sendable>: @unchecked Sendable {
    // Guarded by `lock`: the continuation is resumed once, then dropped.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Result<Value, APIError>, Never>?

    init(_ continuation: CheckedContinuation<Result<Value, APIError>, Never>) { self.continuation = continuation }

    var isGiven: Bool { lock.withLock { continuation == nil } }

    func give(_ result: Result<Value, APIError>) {
      let waiting = lock.withLock {
        let waiting = continuation
        continuation = nil
        return waiting
      }
      waiting?.resume(returning: result)
    }
  }
}

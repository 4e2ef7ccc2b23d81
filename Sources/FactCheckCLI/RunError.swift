/// An error that ends a run with exit status 2 and a one-line message, without the usage text: the
/// command line was well formed, but what it asks for cannot be done safely (a report onto an input, a
/// write that failed). ArgumentParser's `ValidationError` is for mistakes in the command line itself.
struct RunError: Error, CustomStringConvertible {
  /// What went wrong, naming the path or option concerned.
  let message: String

  init(_ message: String) { self.message = message }

  var description: String { message }
}

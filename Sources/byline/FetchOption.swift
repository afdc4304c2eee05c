import ArgumentParser
import BylineCore
import BylineSources
import Foundation

/// `--timeout SECONDS`: how long a fetch over HTTP may take, for every command that fetches.
struct FetchOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Seconds a web address or a feed may take to arrive, redirects included (default: 20).", valueName: "SECONDS"))
    var timeout: Double = HTTPFetcher.Options.defaultTimeout

    func validate() throws {
        guard timeout.isFinite, timeout > 0, timeout <= 3600 else {
            throw ValidationError("--timeout must be a number of seconds between 0 and 3600, for example 20 or 2.5")
        }
    }

    var options: HTTPFetcher.Options { HTTPFetcher.Options(timeout: timeout) }
}

/// Runs `body`, turning a subscription error into an input error (one line, exit status 1).
func reportingSubscriptionErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as SubscriptionError {
        throw InputError(description: TerminalSafe.line(error.description))
    }
}

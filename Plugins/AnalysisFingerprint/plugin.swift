import Foundation
import PackagePlugin

/// Fingerprints the sources that decide what the library index stores (see
/// `SourceFingerprint`), so a rule change of any kind invalidates every cache built before it.
@main
struct AnalysisFingerprint: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let names = ["BylineCore", "BylineSources", "BylineIndex"]
        var sources: [URL] = []
        for module in try context.package.targets(named: names) {
            guard let module = module.sourceModule else { continue }
            sources += module.sourceFiles(withSuffix: "swift").map(\.url)
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "AnalysisSources.swift")
        return [
            .buildCommand(
                displayName: "Fingerprinting the analysis sources (\(sources.count) files)",
                executable: try context.tool(named: "analysis-fingerprint").url,
                arguments: [root.path, output.path] + sources.map(\.path),
                inputFiles: sources,
                outputFiles: [output]),
        ]
    }
}

import ABRFormats
import ABRSimulator
import Foundation
import TestSupport
import Testing

/// The shipped `traces/` folder reads back as exactly what its generators produce.
@Suite struct ProjectTracesTests {
    static let folder = PackageRoot.path("traces")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: folder), "traces/ is absent"))
    func shippedTracesEqualTheirGeneratorsPeriods() throws {
        let traces = try TraceReader.readAll(paths: [Self.folder])
        let entries = ProjectTraceSet.entries()
        #expect(traces.map(\.name) == entries.map(\.name))
        for (trace, entry) in zip(traces, entries) {
            // Whole seconds and whole kbit/s print exactly in the cooked format.
            #expect(trace.periods == entry.generator.periods(seed: entry.seed), "\(entry.name)")
        }
    }

    @Test func writerProducesTheSameBytesTwiceAndREADMELast() throws {
        let scratch = try TemporaryDirectory()
        let a = try scratch.directory("a").path, b = try scratch.directory("b").path
        let written = try TraceSetWriter.write(to: a)
        try TraceSetWriter.write(to: b)
        #expect(written.last?.hasSuffix("README.md") == true)
        #expect(written.count == ProjectTraceSet.entries().count + 1)
        for path in written {
            let name = URL(fileURLWithPath: path).lastPathComponent
            #expect(FileManager.default.contents(atPath: path) == FileManager.default.contents(atPath: b + "/" + name))
        }
        let readme = try String(contentsOfFile: written[written.count - 1], encoding: .utf8)
        for entry in ProjectTraceSet.entries() { #expect(readme.contains("`\(entry.name)`")) }
    }
}

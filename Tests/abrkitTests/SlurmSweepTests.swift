import Foundation
import TestSupport
import Testing

/// The Slurm job-array sweep end to end, through `scripts/test-slurm.sh`: a throwaway single-node
/// Slurm cluster on loopback runs a 4-task array of `abrkit simulate` (each task takes its shard from
/// SLURM_ARRAY_TASK_ID/COUNT), `abrkit merge` joins the shards, and the merged result set and summary
/// table must equal the unsharded run's byte for byte.
///
/// The script runs as root only (it installs slurmctld, slurmd, slurm-client and munge with apt-get
/// when missing). Where it does not run it prints a `skipped:` line and exits 0, and the test passes,
/// printing why.
@Suite struct SlurmSweepTests {
    @Test(.timeLimit(.minutes(10)))
    func shardedSweepOnSlurmMergesToTheUnshardedRun() throws {
        let script = PackageRoot.path("scripts/test-slurm.sh")
        // Through bash, so that the test does not depend on the script's executable bit.
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["bash", script, CLI.binary.path])
        if result.status == 0, let skipped = result.stdout.split(separator: "\n").first(where: { $0.hasPrefix("skipped:") }) {
            print("SlurmSweepTests: \(skipped)")
            return
        }
        #expect(
            result.status == 0,
            "scripts/test-slurm.sh \(CLI.binary.path) exited \(result.status)\n--- stdout\n\(result.stdout)\n--- stderr\n\(result.stderr)")
    }
}

import Testing

/// Every command's help shows a runnable example and the exit statuses.
@Test(arguments: [[], ["plan"], ["goal"], ["frontier"], ["merge"], ["validate"], ["verify"], ["report"], ["compare"], ["export-model"], ["generate"]])
func helpShowsAnExample(subcommand: [String]) throws {
    let run = try runPhaseout(subcommand + ["--help"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("Example"), "\(subcommand) --help has no example")
    #expect(run.stdout.contains("Exit status"), "\(subcommand) --help does not document its exit status")
    let command = (["phaseout"] + subcommand).joined(separator: " ") + " "
    #expect(run.stdout.contains(command), "\(subcommand) --help has no `\(command)…` line")
}

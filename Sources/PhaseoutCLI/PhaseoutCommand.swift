import ArgumentParser
import Phaseout

@main
struct PhaseoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phaseout",
        abstract: "Plan the phased replacement of high-risk surveillance devices.",
        discussion: """
            Turns a device register (CSV) and a scenario (JSON) into a multi-year replacement \
            schedule within budgets, labour and deadlines, and checks, explains and exports it.

            Exit status (SPEC §4): 0 success; 1 a plan breaks a constraint (verify) or an output \
            cannot be written; 2 bad input, listed on stderr as `error: FILE:LINE:COL: message`; \
            3 some organisation is infeasible (plan; the shortfall is reported); 4 some organisation \
            is unknown because time ran out (plan; 4 wins over 3).

            Example:
              phaseout validate Examples/ScottishCouncils/register.csv Examples/ScottishCouncils/scenario.json
              phaseout plan Examples/ScottishCouncils/register.csv Examples/ScottishCouncils/scenario.json --out plan-out --time-limit 20 --report
              phaseout verify Examples/ScottishCouncils/register.csv Examples/ScottishCouncils/scenario.json plan-out/plan.csv
            """,
        subcommands: [PlanCommand.self, GoalCommand.self, FrontierCommand.self, MergeCommand.self, ValidateCommand.self,
                      VerifyCommand.self, ReportCommand.self, CompareCommand.self, ExportModelCommand.self, GenerateCommand.self]
    )
}

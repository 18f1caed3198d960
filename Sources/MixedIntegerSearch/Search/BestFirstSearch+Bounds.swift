import LinearProgramming

extension BestFirstSearch {
    /// The bounds of the node being solved (``apply(_:)`` has moved the relaxation to them).
    func currentLower(_ index: Int) -> Double {
        applied[index]?.lower ?? model.variables[index].lowerBound
    }

    func currentUpper(_ index: Int) -> Double {
        applied[index]?.upper ?? model.variables[index].upperBound
    }

    /// Moves the relaxation's bounds from the last node's to those of the chain `changes`.
    mutating func apply(_ changes: Link?) {
        var target: [Int: Change] = [:]
        var link = changes
        while let current = link {
            for change in current.changes.reversed() where target[change.index] == nil { target[change.index] = change }
            link = current.parent
        }
        for (index, _) in applied where target[index] == nil {
            relaxation.setBounds(index, lower: model.variables[index].lowerBound, upper: model.variables[index].upperBound)
        }
        for (index, change) in target { relaxation.setBounds(index, lower: change.lower, upper: change.upper) }
        applied = target
    }

    /// Moves one more bound of the node being solved.
    mutating func move(_ change: Change) {
        applied[change.index] = change
        relaxation.setBounds(change.index, lower: change.lower, upper: change.upper)
    }
}

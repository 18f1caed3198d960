import LinearProgramming

extension BestFirstSearch {
    /// Open nodes by bound; ties go to the deeper node, then the older one.
    struct NodeHeap {
        private var nodes: [Node] = []

        var minimumBound: Double? { nodes.first?.bound }
        var count: Int { nodes.count }

        private func before(_ a: Node, _ b: Node) -> Bool {
            if a.bound != b.bound { return a.bound < b.bound }
            if a.depth != b.depth { return a.depth > b.depth }
            return a.id < b.id
        }

        mutating func push(_ node: Node) {
            nodes.append(node)
            var child = nodes.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard before(nodes[child], nodes[parent]) else { break }
                nodes.swapAt(child, parent)
                child = parent
            }
        }

        mutating func pop() -> Node? {
            guard !nodes.isEmpty else { return nil }
            nodes.swapAt(0, nodes.count - 1)
            let top = nodes.removeLast()
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var first = parent
                if left < nodes.count, before(nodes[left], nodes[first]) { first = left }
                if right < nodes.count, before(nodes[right], nodes[first]) { first = right }
                guard first != parent else { break }
                nodes.swapAt(parent, first)
                parent = first
            }
            return top
        }
    }
}

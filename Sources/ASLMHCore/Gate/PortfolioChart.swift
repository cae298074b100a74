/// An inline SVG bar chart of a portfolio: products per tier, stacked by gate decision.
enum PortfolioChart {
    static let colors: [(GateDecision, String, String)] = [(.ship, "#1f7a4d", "ship"), (.blocked, "#b42318", "blocked"), (.error, "#c29a00", "input error")]

    static func svg(_ g: GateResult) -> String {
        let maxTier = max(6, g.entries.compactMap { $0.report?.classification.tier }.max() ?? 6)
        var columns: [(label: String, counts: [GateDecision: Int])] = (1...maxTier).map { ("ASL-MH \($0)", [:]) }
        var errors = 0
        for e in g.entries {
            if let t = e.report?.classification.tier { columns[t - 1].counts[e.decision, default: 0] += 1 } else { errors += 1 }
        }
        if errors > 0 { columns.append(("unreadable", [.error: errors])) }
        let peak = max(1, columns.map { $0.counts.values.reduce(0, +) }.max() ?? 1)
        let barW = 64, gap = 28, left = 40, top = 36, plotH = 180
        let width = left + columns.count * (barW + gap) + 20
        let height = top + plotH + 48
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"chart-title\">\n"
        out += "<title id=\"chart-title\">Products per ASL-MH tier and gate decision</title>\n"
        // Legend.
        var lx = left
        for (_, color, name) in colors {
            out += "<rect x=\"\(lx)\" y=\"8\" width=\"12\" height=\"12\" fill=\"\(color)\"/><text x=\"\(lx + 16)\" y=\"18\" font-size=\"12\" fill=\"#1d2430\">\(name)</text>\n"
            lx += 16 + name.count * 7 + 24
        }
        // Grid lines and scale.
        for step in 0...peak where peak <= 10 || step % max(1, peak / 5) == 0 {
            let y = top + plotH - step * plotH / peak
            out += "<line x1=\"\(left - 4)\" y1=\"\(y)\" x2=\"\(width - 10)\" y2=\"\(y)\" stroke=\"#e3e7ee\"/><text x=\"\(left - 8)\" y=\"\(y + 4)\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6473\">\(step)</text>\n"
        }
        for (i, col) in columns.enumerated() {
            let x = left + gap / 2 + i * (barW + gap)
            var y = top + plotH
            for (decision, color, name) in colors {
                let n = col.counts[decision] ?? 0
                guard n > 0 else { continue }
                let h = n * plotH / peak
                y -= h
                out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(barW)\" height=\"\(h)\" fill=\"\(color)\"><title>\(ReviewHTML.esc(col.label)): \(n) \(name)</title></rect>\n"
                out += "<text x=\"\(x + barW / 2)\" y=\"\(y + h / 2 + 5)\" font-size=\"13\" font-weight=\"600\" text-anchor=\"middle\" fill=\"#fff\">\(n)</text>\n"
            }
            out += "<text x=\"\(x + barW / 2)\" y=\"\(top + plotH + 18)\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1d2430\">\(ReviewHTML.esc(col.label))</text>\n"
        }
        out += "<line x1=\"\(left - 4)\" y1=\"\(top + plotH)\" x2=\"\(width - 10)\" y2=\"\(top + plotH)\" stroke=\"#1d2430\"/>\n"
        return out + "</svg>\n"
    }
}

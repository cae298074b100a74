extension ReviewHTML {
    /// Inline styles: system fonts only, print-friendly, no external resources.
    static let css = """
    :root { --ink: #1d2430; --dim: #5b6473; --line: #d9dee6; --ship: #1f7a4d; --blocked: #b42318; --error: #7a5a00; --bg: #f6f8fb; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 1100px; padding: 24px 32px 48px; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
    header { border-bottom: 3px solid var(--ink); margin-bottom: 16px; }
    h1 { font-size: 26px; margin: 0 0 4px; }
    h2 { font-size: 20px; margin: 0 0 8px; }
    h3 { font-size: 15px; margin: 18px 0 6px; text-transform: uppercase; letter-spacing: .04em; color: var(--dim); }
    section { margin: 20px 0; padding: 16px 20px; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
    section.product { page-break-inside: auto; }
    .meta, .dim { color: var(--dim); }
    .dim { font-size: 12px; }
    code { font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, monospace; background: var(--bg); padding: 1px 4px; border-radius: 3px; overflow-wrap: anywhere; }
    table { width: 100%; border-collapse: collapse; margin: 8px 0; }
    th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
    th { background: var(--bg); font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: var(--dim); }
    table.controls td:first-child code { white-space: nowrap; overflow-wrap: normal; }
    table.findings td:first-child { width: 34%; }
    table.findings td:first-child code { overflow-wrap: anywhere; }
    td.date { white-space: nowrap; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    dl.facts { display: grid; grid-template-columns: 160px 1fr; gap: 2px 12px; margin: 8px 0; }
    dl.facts dt { color: var(--dim); }
    dl.facts dd { margin: 0; overflow-wrap: anywhere; }
    blockquote { margin: 6px 0; padding: 4px 12px; border-left: 3px solid var(--line); color: var(--dim); }
    .blocks { background: #fdecea; border: 1px solid #f5c2bd; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
    .blocks ul { margin: 4px 0 0; padding-left: 20px; }
    .ok { color: var(--ship); font-weight: 600; }
    .pending { color: var(--dim); font-style: italic; }
    .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; background: #e8ebf0; color: var(--ink); white-space: nowrap; }
    .b-ship, .b-satisfied, .b-current, .b-active, .b-pass { background: #dcf3e6; color: var(--ship); }
    .b-blocked, .b-blocking, .b-missing, .b-stale, .b-expired, .b-no-evidence, .b-evidence-not-found, .b-fail { background: #fdecea; color: var(--blocked); }
    .b-compliant { background: #dcf3e6; color: var(--ship); }
    .b-prohibited, .b-obligations-missing { background: #fdecea; color: var(--blocked); }
    .b-error { background: #fff4d6; color: var(--error); }
    .b-waived, .b-baselined, .b-unused { background: #eef0ff; color: #3b3f9e; }
    svg { display: block; max-width: 100%; height: auto; margin: 8px 0 12px; }
    footer { margin-top: 24px; color: var(--dim); font-size: 12px; }
    @media print { section { border: none; padding: 0; } }

    """
}

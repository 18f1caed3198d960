extension ComparisonPage {
    /// What the comparison adds to the report's style sheet: a colour per plan (Okabe–Ito,
    /// told apart by colour-blind readers), the differences' colours and the flagged rows.
    static let css = """

    :root { --plan-0: #0072b2; --plan-1: #e69f00; --plan-2: #009e73; --plan-3: #cc79a7; --plan-4: #56b4e9; --plan-5: #d55e00;
      --better: #1e6b34; --worse: #b03a2e; --neutral: #1f4e79; }
    .swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }
    .swatch.plan-0, svg.chart rect.plan-0 { background: var(--plan-0); fill: var(--plan-0); }
    .swatch.plan-1, svg.chart rect.plan-1 { background: var(--plan-1); fill: var(--plan-1); }
    .swatch.plan-2, svg.chart rect.plan-2 { background: var(--plan-2); fill: var(--plan-2); }
    .swatch.plan-3, svg.chart rect.plan-3 { background: var(--plan-3); fill: var(--plan-3); }
    .swatch.plan-4, svg.chart rect.plan-4 { background: var(--plan-4); fill: var(--plan-4); }
    .swatch.plan-5, svg.chart rect.plan-5 { background: var(--plan-5); fill: var(--plan-5); }
    svg.chart path.plan-0 { stroke: var(--plan-0); } svg.chart circle.plan-0 { fill: var(--plan-0); }
    svg.chart path.plan-1 { stroke: var(--plan-1); } svg.chart circle.plan-1 { fill: var(--plan-1); }
    svg.chart path.plan-2 { stroke: var(--plan-2); } svg.chart circle.plan-2 { fill: var(--plan-2); }
    svg.chart path.plan-3 { stroke: var(--plan-3); } svg.chart circle.plan-3 { fill: var(--plan-3); }
    svg.chart path.plan-4 { stroke: var(--plan-4); } svg.chart circle.plan-4 { fill: var(--plan-4); }
    svg.chart path.plan-5 { stroke: var(--plan-5); } svg.chart circle.plan-5 { fill: var(--plan-5); }
    svg.chart line.budget-tick { stroke: var(--ink); stroke-width: 2.5; }
    svg.chart.exposure { max-height: none; max-width: 880px; }
    ol.plans { list-style: none; padding: 0; margin: 10px 0; }
    ol.plans li { margin: 3px 0; }
    ol.plans code { color: var(--muted); font-size: .8rem; }
    .baseline-tag { display: inline-block; margin-left: 6px; padding: 0 6px; border-radius: 8px; font-size: .7rem;
      font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); border: 1px solid var(--line); }
    table.compare th[scope="row"] { font-weight: 500; }
    table.compare td.num { vertical-align: top; }
    .delta { display: block; font-size: .75rem; font-weight: 600; }
    .delta.better { color: var(--better); }
    .delta.worse { color: var(--worse); }
    .delta.neutral { color: var(--neutral); }
    .delta.same { color: var(--muted); font-weight: 400; }
    td.missing { color: var(--muted); }
    tr.differs th, tr.differs td { background: #fff4d6; }
    .flag { display: inline-block; margin-left: 6px; padding: 0 6px; border-radius: 8px; font-size: .7rem; font-weight: 600;
      color: #7a5a00; border: 1px solid currentColor; }
    .scope-notes ul { margin: 4px 0 6px 18px; padding: 0; }

    """
}

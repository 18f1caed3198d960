extension ReportPage {
    /// The page's only style sheet: system fonts, no external resource; a print layout that
    /// keeps the colours of the charts and avoids splitting a table or an organisation.
    static let css = """

    :root { --ink: #1d2733; --muted: #5b6673; --line: #d8dee6; --band: #f4f6f9; --accent: #1f4e79;
      --budget: #a9c7e8; --carry: #cfe5a8; --spend: #1f4e79; --remaining: #f2c4bb; --risk: #b03a2e; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #fff;
      font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 48px; }
    h1 { font-size: 1.7rem; margin: 0 0 4px; color: var(--accent); }
    h2 { font-size: 1.3rem; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
    h3 { font-size: 1.1rem; margin: 0 0 6px; }
    p { margin: 6px 0 10px; }
    .subtitle { color: var(--muted); margin: 0; }
    .kpis { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin: 0; }
    .kpi { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: var(--band); }
    .kpi dt { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
    .kpi dd { margin: 2px 0 0; font-size: 1.45rem; font-weight: 600; font-variant-numeric: tabular-nums; }
    .kpi dd.note { font-size: .8rem; font-weight: 400; color: var(--muted); }
    p.note { font-size: .85rem; color: var(--muted); }
    .alert { border-left: 4px solid var(--risk); background: #fbeeeb; padding: 8px 12px; }
    .status { display: inline-block; white-space: nowrap; padding: 1px 8px; border-radius: 10px; font-size: .8rem; font-weight: 600;
      vertical-align: middle; border: 1px solid currentColor; }
    .status.optimal { color: #1e6b34; background: #e6f4ea; }
    .status.feasible { color: #7a5a00; background: #fff4d6; }
    .status.infeasible, .status.unknown { color: #a3271b; background: #fbeeeb; }
    figure { margin: 8px 0 14px; }
    figcaption { font-size: .85rem; color: var(--muted); }
    svg.chart { width: 100%; height: auto; max-height: 320px; display: block; }
    svg.chart text { font-size: 11px; fill: #3b4450; }
    svg.chart text.value { font-size: 10px; fill: #1d2733; }
    svg.chart .grid line { stroke: #e3e7ec; stroke-width: 1; }
    svg.chart rect.budget { fill: var(--budget); }
    svg.chart rect.carry { fill: var(--carry); }
    svg.chart rect.spend { fill: var(--spend); }
    svg.chart rect.remaining { fill: var(--remaining); }
    svg.chart rect.funded { fill: none; stroke: #4a5562; stroke-dasharray: 3 2; }
    svg.chart path.line { fill: none; stroke-width: 2.5; }
    svg.chart path.remaining { stroke: var(--risk); }
    svg.chart path.funded { stroke: #4a5562; stroke-dasharray: 6 4; }
    svg.chart circle.remaining { fill: var(--risk); }
    svg.chart circle.funded { fill: #4a5562; }
    table { border-collapse: collapse; width: 100%; margin: 8px 0 18px; font-size: .88rem; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; }
    th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; }
    thead th { background: var(--band); font-size: .8rem; color: var(--muted); font-weight: 600; vertical-align: bottom; }
    td.num, thead th:not(:first-child) { text-align: right; }
    thead th.text { text-align: left; }
    td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.total, tfoot td { font-weight: 600; }
    tfoot th, tfoot td { border-top: 2px solid var(--line); }
    tbody tr:nth-child(even) { background: #fafbfc; }
    .bad { color: var(--risk); font-weight: 600; }
    td.reason { max-width: 360px; }
    td.empty { color: var(--muted); text-align: center; }
    p.lead { font-size: 1.2rem; margin: 4px 0 8px; }
    p.counts { color: var(--muted); }
    details.organisation { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; }
    details.organisation > summary { cursor: pointer; padding: 8px 12px; background: var(--band); list-style-position: inside; }
    details.organisation > summary h3 { display: inline; margin-right: 8px; }
    details.organisation[open] > summary { border-bottom: 1px solid var(--line); }
    details.organisation > article { padding: 8px 14px 4px; }
    article.shortfall { margin: 12px 0 22px; }
    table.schedule td.work { white-space: normal; }
    table.schedule tr.subtotal td { font-weight: 600; background: var(--band); }
    table.schedule th[scope="rowgroup"] { vertical-align: top; background: #fff; }
    table.schedule th.done, table.schedule td.done { width: 4.5em; }
    table.schedule td.done { border: 1px solid var(--line); }
    table.side-by-side th.plan { text-align: center; border-bottom: 1px solid var(--line); }
    svg.frontier-chart { width: 100%; height: auto; max-height: 320px; display: block; }
    .frontier-chart .curve { fill: none; stroke: var(--risk); stroke-width: 2.5; } .frontier-chart .point { fill: var(--risk); }
    .frontier-chart .axis { stroke: #6b7682; } .frontier-chart .baseline { stroke: #4a5562; stroke-dasharray: 4 3; }
    .frontier-chart text { font-size: 11px; fill: #3b4450; }
    dl.glossary { display: grid; grid-template-columns: 14em 1fr; gap: 4px 16px; font-size: .92rem; }
    dl.glossary dt { font-weight: 600; }
    dl.glossary dd { margin: 0; }
    .facts { color: var(--muted); }
    footer { margin-top: 40px; font-size: .8rem; color: var(--muted); }
    a { color: var(--accent); }
    @media (max-width: 760px) { .kpis { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
    @media print {
      @page { size: A4; margin: 14mm; }
      body { font-size: 10.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      main { max-width: none; padding: 0; }
      h2 { break-after: avoid; }
      table, figure, .kpis, .alert { break-inside: avoid; }
      details.organisation { break-before: page; border: none; }
      details.organisation::details-content { content-visibility: visible; display: block; }
      details.organisation > summary { list-style: none; background: none; }
      table.schedule { break-inside: auto; }
      table.schedule tbody { break-inside: avoid; }
      table.schedule thead { display: table-header-group; }
      a { color: inherit; text-decoration: none; }
      svg.chart { max-height: 240px; }
    }

    """
}

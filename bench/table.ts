import { shown, type Row } from './measure.js'

/** The README's performance table: one line per row, in the order they ran. */
export function markdownTable(rows: Row[]) {
  const cell = (text: string) => text.replaceAll('|', '\\|')
  const lines = ['| group | benchmark | value | baseline (same run) | target | verdict |', '| --- | --- | --- | --- | --- | --- |']
  for (const r of rows) {
    const baseline = `${r.baseline.name}: ${shown(r.baseline.value, r.baseline.unit)}`
    const ratio = r.ratio !== null && r.unit === r.baseline.unit ? ` (${r.ratio.toFixed(2)}×)` : ''
    lines.push(`| ${r.group} | ${cell(r.name)} | ${shown(r.value, r.unit)}${ratio} | ${cell(baseline)} | ${cell(r.target.text)} | ${r.verdict} |`)
  }
  return lines.join('\n') + '\n'
}

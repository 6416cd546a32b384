import { expect } from 'chai'
import { row } from '../../bench/measure.js'
import { markdownTable } from '../../bench/table.js'

describe('bench result rows', () => {
  it('judge a ratio against the baseline of the same run and an absolute bound, and say the target in words', () => {
    const fast = row({
      name: 'POST /api/mp/cases: requests/s',
      value: 900,
      unit: 'req/s',
      baseline: { name: 'durable floor', value: 1500 },
      target: { ratioAtLeast: 0.5 },
    })
    expect(fast).to.include({ verdict: 'ok', ratio: 0.6 })
    expect(fast.target.text).to.equal('≥ 0.5× durable floor')
    const slow = row({ name: 'p99', value: 63, unit: 'ms', baseline: { name: 'durable floor', value: 20 }, target: { below: 50 } })
    expect(slow).to.include({ verdict: 'missed' })
    expect(slow.target.text).to.equal('< 50 ms')
    const context = row({ name: 'floor', value: 1500, unit: 'req/s', baseline: { name: 'bare Koa', value: 20_000 }, target: {} })
    expect(context).to.include({ verdict: 'ok' })
    expect(context.target.text).to.equal('context, no target')
  })

  it('make one markdown table line per row, with the ratio when the units agree', () => {
    const table = markdownTable([
      { ...row({ name: 'import', value: 1234.5, unit: 'ms', baseline: { name: 'bare insert', value: 500 }, target: { below: 5000 } }), group: 'import' },
    ])
    expect(table.split('\n')[2]).to.equal('| import | import | 1,235 ms (2.47×) | bare insert: 500 ms | < 5,000 ms | ok |')
  })
})

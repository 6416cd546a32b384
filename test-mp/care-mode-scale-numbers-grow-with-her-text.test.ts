import { expect } from 'chai'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MP_ROOT } from './harness/runtime.js'

/** The declarations of a selector's rule in a stylesheet, comments taken out. */
function declarations(file: string, selector: string): Map<string, string> {
  const text = readFileSync(join(MP_ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
  const rule = [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].find((m) => m[1].trim() === selector)
  if (!rule) throw new Error(`${file} has no rule for ${selector}`)
  return new Map(
    rule[2]
      .split(';')
      .map((d) => d.split(':'))
      .filter((d) => d.length >= 2)
      .map(([name, ...value]) => [name.trim(), value.join(':').trim()]),
  )
}

/** The body text a page shows, in rpx: app.wxss on the page, and on the page shell in 关怀模式. */
function bodySizes() {
  const app = readFileSync(join(MP_ROOT, 'app.wxss'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
  const size = (selector: string) => parseFloat(/font-size:\s*([\d.]+)rpx/.exec(new RegExp(`(?:^|\\n)${selector}\\s*\\{([^}]*)\\}`).exec(app)![1])![1])
  return { standard: size('page'), care: size('\\.shell\\.care') }
}

/** A font size as the phone draws it on a body of `body` rpx: "1.1em" is 1.1 times the body; "36rpx" stays 36. */
const drawn = (size: string, body: number) => (size.endsWith('em') ? parseFloat(size) * body : parseFloat(size))

/**
 * 赵阿姨, 71, in 关怀模式, answers "您对所在社区绿化现状的满意度": the numbers 1 to 5 in the boxes she taps are
 * as large as the words around them, which 关怀模式 makes larger (40rpx), not a fixed 36rpx that stays small
 * beside them; and the five boxes still share one row.
 */
describe('mini-program: in 关怀模式 the numbers of a 1–5 scale are as large as her text', () => {
  it('grows the numbers with the text, at least as large as it, in both modes', () => {
    const body = bodySizes()
    expect(body.care, '关怀模式 raises the body text').to.be.above(body.standard)
    const number = declarations('components/question/question.wxss', '.point').get('font-size')!
    for (const [mode, size] of Object.entries(body)) expect(drawn(number, size), `${mode}: ${size}rpx body`).to.be.at.least(size)
  })

  it('keeps one row of five, each wide enough for "10" at that size', () => {
    const body = bodySizes()
    const point = declarations('components/question/question.wxss', '.point')
    expect(declarations('components/question/question.wxss', '.scale').get('flex-wrap'), 'the row never wraps').to.equal('nowrap')
    expect(point.get('flex')).to.equal('1 1 0')
    // 750rpx wide; the page shell's 32rpx and the card's 24rpx each side, four gaps of 8rpx: each box about 121rpx.
    const box = (750 - 2 * 32 - 2 * 24 - 4 * 8) / 5
    // Two digits are about one em wide in the phone's fonts; a margin either side.
    expect(drawn(point.get('font-size')!, body.care) * 1.2, 'two digits and a margin').to.be.below(box)
  })
})

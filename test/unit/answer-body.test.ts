import { expect } from 'chai'
import { plainAnswerBody, respondBody } from '../../src/http/routes/surveys/schemas.js'
import { mulberry32 } from '../../src/demo/names.js'

/**
 * An answer's body is read directly when it has the plain shape, and by respondBody otherwise: whatever the body, the
 * direct reading gives respondBody's own result or leaves the body to respondBody (which then words its refusal).
 */
function sameAsRespondBody(body: unknown) {
  const direct = plainAnswerBody(body)
  const parsed = respondBody.safeParse(body)
  if (!parsed.success) {
    expect(direct, `refused by respondBody, so not read directly: ${JSON.stringify(body)?.slice(0, 80)}`).to.equal(null)
    return 'refused'
  }
  if (direct === null) return 'left to respondBody'
  expect(direct).to.deep.equal(parsed.data)
  // The same keys in the same order: the answers are stored as JSON.
  expect(JSON.stringify(direct)).to.equal(JSON.stringify(parsed.data))
  return 'read directly'
}

const long = (n: number) => '意'.repeat(n)

describe('an answer’s body read directly, as respondBody reads it', () => {
  it('reads the answers a page sends, texts cleaned as a long text is', () => {
    const bodies = [
      { answers: { q1: 'yes', q2: 4 } },
      { answers: { q1: 'yes', q2: 4 }, comments: [] },
      { answers: { q1: ['a', 'b'], q2: 0, q3: -2.5, q4: '  两边有空格  ', q5: '第一行\r\n第二行\r第三行\t完', q6: 'a\u0000b\u202ec\u200dd' } },
      { answers: { 1: 'one', q: 'q', 0: 'zero', '': '' } },
      { answers: {} },
      {},
      { comments: [] },
      { answers: { q1: [] } },
      { answers: { [long(64)]: 'key of 64' } },
      { answers: { q1: long(10_000) } },
      { answers: { q1: `  ${long(10_000)}  \u0001` } },
      { answers: { q1: Array.from({ length: 200 }, (_, i) => `o${i}`) } },
      { answers: { q1: [long(64)] } },
      { answers: { q1: -0 } },
    ]
    for (const body of bodies) expect(sameAsRespondBody(body), JSON.stringify(body).slice(0, 80)).to.equal('read directly')
  })

  it('leaves every other body to respondBody', () => {
    const bodies: unknown[] = [
      { answers: { q1: 'yes' }, comments: [{ articleId: 'a1', text: '意见' }] },
      { answers: { q1: 'yes' }, via: 'x' },
      { answers: { q1: 'yes' }, comments: null },
      { answers: { q1: 'yes' }, comments: {} },
      { answers: null },
      { answers: [] },
      { answers: 'yes' },
      { answers: { q1: null } },
      { answers: { q1: true } },
      { answers: { q1: { nested: 1 } } },
      { answers: { q1: [1, 2] } },
      { answers: { q1: ['a', null] } },
      { answers: { [long(65)]: 'key of 65' } },
      { answers: { q1: long(10_001) } },
      { answers: { q1: Array.from({ length: 201 }, (_, i) => `o${i}`) } },
      { answers: { q1: [long(65)] } },
      JSON.parse('{"answers": {"__proto__": "x", "q1": "yes"}}'),
      JSON.parse('{"answers": {"constructor": "x"}}'),
      JSON.parse('{"answers": {"prototype": "x"}}'),
      JSON.parse('{"__proto__": {"answers": {}}}'),
      [],
      'answers',
      null,
      Object.create(null),
    ]
    for (const body of bodies) {
      expect(plainAnswerBody(body), JSON.stringify(body)?.slice(0, 80)).to.equal(null)
      sameAsRespondBody(body)
    }
  })

  it('agrees with respondBody on thousands of bodies made at random from the pieces above', () => {
    const rand = mulberry32(38)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]
    const texts = ['yes', '', ' ', '  有空格 ', '\u0000', 'a\r\nb', '\u202e反', long(9_999), ` ${long(10_000)} `, long(10_001), '😀\u200d😀']
    const values: Array<() => unknown> = [
      () => pick(texts),
      () => pick([0, -0, 1, -7, 3.5, 1e21, Number.MAX_SAFE_INTEGER]),
      () => Array.from({ length: pick([0, 1, 3, 200, 201]) }, () => pick(['o1', '', long(64), long(65)])),
      () => pick([null, true, false, {}, [1], ['a', 2]]),
    ]
    const keys = ['q1', 'q2', '1', '', long(64), long(65), 'constructor', 'toString']
    let read = 0
    for (let n = 0; n < 3000; n++) {
      const answers: Record<string, unknown> = {}
      for (let k = Math.floor(rand() * 4); k > 0; k--) answers[pick(keys)] = rand() < 0.85 ? pick(values.slice(0, 3))() : pick(values)()
      const body: Record<string, unknown> = rand() < 0.9 ? { answers } : {}
      if (rand() < 0.5) body.comments = rand() < 0.8 ? [] : [{ articleId: 'a1', text: pick(texts) }]
      if (rand() < 0.05) body.extra = 1
      if (sameAsRespondBody(JSON.parse(JSON.stringify(body))) === 'read directly') read++
    }
    expect(read, 'most plain bodies are read directly').to.be.greaterThan(1000)
  })
})

import { expect } from 'chai'
import { BigramTable } from '../../src/domain/hot-issue-clusters.js'
import { DEFAULT_SPIKE, groupHotIssues, spikingIssues, type HotIssueCase } from '../../src/domain/hot-issues.js'
import { referenceGroupHotIssues } from './hot-issues-reference.js'

const FROM = new Date('2026-11-01T02:00:00Z')
const TO = new Date('2026-11-08T02:00:00Z')
const HOUR = 3_600_000
const MID = new Date(FROM.getTime() + (TO.getTime() - FROM.getTime()) / 2)

/** A small seeded generator, so that a failure shows the same messages again. */
function random(seed: number) {
  let s = seed
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]
  return { next, pick }
}

// What residents write, in pieces: messages about one problem share some pieces and not others,
// so that pairs fall on both sides of every threshold.
const PIECES = [
  ['3号楼电梯又坏了', '电梯坏了一个星期', '电梯经常坏物业拖着不修', '老人上不去楼', '请尽快修电梯'],
  ['小区门口的路灯不亮', '路灯坏了一个多月', '晚上走路看不清', '路灯晚上不亮请修一下'],
  ['垃圾站臭气熏天', '夏天没法开窗', '垃圾桶满了好几天没人清运', '还有老鼠'],
  ['小区里停车位太少', '车停到消防通道上了', '希望规划停车位'],
]
// Text that cleaning treats specially: digits and punctuation dropped, full width folded (NFKC),
// capitals lowered, characters outside the BMP kept whole, nothing left at all, one character.
const ODD = [
  '',
  '！！！',
  '1234',
  '水',
  ' 水 ',
  'ＡＢＣ电梯坏了',
  'abc电梯坏了',
  '𠀋𠀌电梯坏了𠀋',
  '😀😀',
  '我叫张三，电话13812345678，水管漏水好几天了',
  '水管漏水好几天了',
]
const PLACES: Array<Pick<HotIssueCase, 'communityId' | 'districtId'>> = [
  { communityId: 'xingfu', districtId: 'd01' },
  { communityId: 'xingfu', districtId: 'd01' },
  { communityId: 'heping', districtId: 'd01' },
  { communityId: 'yangguang', districtId: 'd02' },
  { communityId: null, districtId: 'd02' },
  { communityId: null, districtId: null },
]
const TOPICS = ['城乡建设', '城乡建设', '物业管理', '环境保护']
// The window's edges and its middle (growth), and instants several messages share (ties go by id).
const EDGES = [-1, 0, 1, MID.getTime() - FROM.getTime() - 1, MID.getTime() - FROM.getTime(), TO.getTime() - FROM.getTime() - 1, TO.getTime() - FROM.getTime()]

function messages(seed: number, count: number): HotIssueCase[] {
  const { next, pick } = random(seed)
  return Array.from({ length: count }, (_, n) => {
    const theme = pick(PIECES)
    const text =
      next() < 0.08
        ? pick(ODD)
        : Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(theme)).join(pick(['，', '。', '', '！'])) + (next() < 0.3 ? `（${n % 7}号楼）` : '')
    const at = next() < 0.2 ? FROM.getTime() + pick(EDGES) : FROM.getTime() + Math.floor(next() * 170) * HOUR
    return {
      // Capitals and small letters: ids that sort differently by locale than by code unit.
      id: `${pick(['c', 'C', 'b'])}${String(n).padStart(4, '0')}`,
      text,
      residentId: `r${Math.floor(next() * 40)}`,
      ...pick(PLACES),
      stationId: pick(['st1', 'st2', null]),
      topic: pick(TOPICS),
      createdAt: new Date(at),
      reopenCount: next() < 0.15 ? 1 + Math.floor(next() * 2) : 0,
      overdue: next() < 0.25,
    }
  })
}

const shuffled = <T>(xs: T[], seed: number) => {
  const { next } = random(seed)
  const out = [...xs]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

describe('hot issues: the fast grouping gives the very issues the pairwise one gave', () => {
  const settings = [
    { name: 'the defaults', options: {} },
    { name: 'a spike alert (five messages at least)', options: { minMessages: 5 } },
    { name: 'single messages too', options: { minMessages: 1 } },
    { name: 'no bar at all (threshold 0)', options: { threshold: 0 } },
    { name: 'a high bar (0.5, above the across-topics one)', options: { threshold: 0.5 } },
    { name: 'only identical texts (threshold 1)', options: { threshold: 1 } },
  ]
  for (const seed of [1, 2, 3, 4]) {
    const cases = messages(seed, 300 + seed * 50)
    for (const { name, options } of settings) {
      it(`${cases.length} varied messages (seed ${seed}), ${name}`, () => {
        const expected = referenceGroupHotIssues(cases, { from: FROM, to: TO, ...options })
        expect(expected.length, 'the messages make issues').to.be.greaterThan(options.threshold === 1 ? 0 : 5)
        expect(groupHotIssues(cases, { from: FROM, to: TO, ...options })).to.deep.equal(expected)
        expect(groupHotIssues(shuffled(cases, seed), { from: FROM, to: TO, ...options }), 'in any order').to.deep.equal(expected)
        expect(groupHotIssues(cases, { from: FROM, to: TO, ...options, limit: 5 }), 'the hottest five').to.deep.equal(expected.slice(0, 5))
      })
    }
  }

  it('gives the same issues with a table of bigrams kept from earlier calls', () => {
    const kept = new BigramTable()
    for (const seed of [5, 6, 5, 7]) {
      const cases = messages(seed, 300)
      const expected = referenceGroupHotIssues(cases, { from: FROM, to: TO })
      expect(groupHotIssues(cases, { from: FROM, to: TO, bigrams: kept }), `seed ${seed}`).to.deep.equal(expected)
    }
    expect(kept.size).to.be.greaterThan(100)
  })

  it('follows a chain: a message joins the earliest group through a copy of a text that joined it later', () => {
    // X starts group 1; A is unlike X and starts group 2; Q is like both and joins group 1; A again joins
    // group 1 through Q; then M, like A only, joins group 1 (through the second A), not group 2.
    const texts = ['甲乙丙丁戊己', '子丑寅卯辰巳', '甲乙丙丁子丑寅卯', '子丑寅卯辰巳', '卯辰巳午未申酉']
    const cases = texts.map((text, i) => ({
      ...messages(1, 1)[0],
      id: `m${i}`,
      text,
      topic: '城乡建设',
      communityId: 'xingfu',
      createdAt: new Date(FROM.getTime() + i * HOUR),
    }))
    const expected = referenceGroupHotIssues(cases, { from: FROM, to: TO })
    expect(expected.map((i) => i.caseIds)).to.deep.equal([['m0', 'm2', 'm3', 'm4']])
    expect(groupHotIssues(cases, { from: FROM, to: TO })).to.deep.equal(expected)
  })

  it('gives the same issues for one community’s messages about several things, some naming two things or none (review 33)', () => {
    // Every message starts with the community and a building, and many share 坏了, 老人 and 晚上: the things named
    // (电梯, 路灯, 楼道灯, 下水道) and the messages naming two or none are what keep the issues apart.
    const PLACE_WORDS = ['光明社区3号楼', '光明社区5号楼', '我们光明小区', '光明社区', '']
    const SAID = [
      '电梯坏了三天',
      '路灯坏了一个多月',
      '楼道灯不亮',
      '下水道堵了',
      '路灯和电梯都坏了',
      '坏了好几天没人修',
      '晚上很黑老人摔了一跤',
      '老人上下楼困难',
    ]
    for (const seed of [11, 12, 13]) {
      const { next, pick } = random(seed)
      const cases = messages(seed, 250).map((c, n) => ({
        ...c,
        text: `${pick(PLACE_WORDS)}${pick(SAID)}${next() < 0.5 ? `，${pick(SAID)}` : ''}`,
        communityId: n % 5 === 0 ? 'heping' : 'guangming',
        topic: next() < 0.8 ? '城乡建设' : '社区治理',
      }))
      for (const options of [{}, { threshold: 0 }, { threshold: 0.5 }]) {
        const expected = referenceGroupHotIssues(cases, { from: FROM, to: TO, ...options })
        expect(expected.length, 'the messages make issues').to.be.greaterThan(2)
        expect(groupHotIssues(cases, { from: FROM, to: TO, ...options }), `seed ${seed}, ${JSON.stringify(options)}`).to.deep.equal(expected)
        expect(groupHotIssues(shuffled(cases, seed), { from: FROM, to: TO, ...options }), 'in any order').to.deep.equal(expected)
      }
    }
  })

  it('finds the same spikes in a busy place', () => {
    const cases = messages(9, 400).map((c) => ({ ...c, communityId: 'xingfu', districtId: 'd01' }))
    const now = new Date(TO.getTime() - 1)
    const options = { from: FROM, to: TO, minMessages: DEFAULT_SPIKE.messages }
    const expected = spikingIssues(referenceGroupHotIssues(cases, options), cases, DEFAULT_SPIKE, now, new Set())
    expect(expected.length).to.be.greaterThan(0)
    expect(spikingIssues(groupHotIssues(cases, options), cases, DEFAULT_SPIKE, now, new Set())).to.deep.equal(expected)
  })
})

import { expect } from 'chai'
import { mulberry32 } from '../../src/demo/names.js'
import { barReader, FIRST_RANKED_MAX, firstRanked, RankedOrders, rankGroups, STATS_SORTS, type RankedGroup } from '../../src/domain/stats-ranking.js'
import { inTimeShare } from '../../src/domain/case-stats.js'
import type { BarCounts } from '../../src/domain/case-dashboard.js'

const group = (key: string, name: string, total: number, overdueOpen: number, repliedInTimeShare: number | null): RankedGroup => ({
  key,
  name,
  total,
  overdueOpen,
  repliedInTimeShare,
})

describe('ranking the statistics’ groups', () => {
  const groups = [group('st1', '乙站', 5, 0, null), group('st2', '甲站', 5, 2, 0.5), group('st3', '丙站', 9, 2, 0.9), group('st4', '甲站', 1, 0, 0)]
  const keys = (sort: 'total' | 'overdue' | 'replied') => rankGroups(groups, sort).map((g) => g.key)

  it('puts the most messages first, ties by name and then key', () => {
    expect(keys('total')).to.deep.equal(['st3', 'st1', 'st2', 'st4'])
  })

  it('puts the most overdue first', () => {
    expect(keys('overdue')).to.deep.equal(['st3', 'st2', 'st1', 'st4'])
  })

  it('puts the lowest on-time reply share first, and a group with no reply due yet last: nothing there to chase', () => {
    expect(keys('replied')).to.deep.equal(['st4', 'st2', 'st3', 'st1'])
  })

  it('leaves the list it was given as it was', () => {
    rankGroups(groups, 'total')
    expect(groups.map((g) => g.key)).to.deep.equal(['st1', 'st2', 'st3', 'st4'])
  })

  // A province's deputies: many with the same figures (and some with the same name), so the order rests on the ties.
  const random = mulberry32(17)
  const many = Array.from({ length: 1_300 }, (_, i) =>
    group(
      `dp${String(i).padStart(4, '0')}`,
      `代表${Math.floor(random() * 400)}`,
      Math.floor(random() * 6),
      Math.floor(random() * 3),
      random() < 0.2 ? null : Math.round(random() * 4) / 4,
    ),
  )

  it('gives the first groups of the whole order without ordering the rest, however many are asked', () => {
    for (const sort of STATS_SORTS)
      for (const count of [0, 1, 20, 137, FIRST_RANKED_MAX, FIRST_RANKED_MAX + 1, many.length, many.length + 5])
        expect(firstRanked(many, sort, count), `${sort}, first ${count}`).to.deep.equal(rankGroups(many, sort).slice(0, count))
  })

  it('reads each group about once for the first pages, where ordering them all reads each many times', () => {
    // What the first look after a change pays for an admin's 100,000 deputies: counted as the reads of a measure.
    const big = Array.from({ length: 20_000 }, (_, i) => group(`dp${i}`, `代表${i % 900}`, Math.floor(random() * 8), 0, null))
    let reads = 0
    const counting = {
      key: (g: RankedGroup) => g.key,
      name: (g: RankedGroup) => g.name,
      overdueOpen: (g: RankedGroup) => g.overdueOpen,
      repliedInTimeShare: () => null,
    }
    const reader = { ...counting, total: (g: RankedGroup) => (reads++, g.total) }
    new RankedOrders(big, reader).upTo('total', 20)
    const firstPages = reads
    reads = 0
    rankGroups(big, 'total', reader)
    expect(firstPages, `${firstPages} reads for the first pages, ${reads} for all`).to.be.below(reads / 4)
  })

  it('pages through every order as the whole order does, the first pages and then past them, deep pages first too', () => {
    for (const sort of STATS_SORTS) {
      const whole = rankGroups(many, sort)
      const orders = new RankedOrders(many)
      const page = (offset: number) => orders.upTo(sort, offset + 20).slice(offset, offset + 20)
      for (let offset = 0; offset < many.length; offset += 20) expect(page(offset), `${sort} from ${offset}`).to.deep.equal(whole.slice(offset, offset + 20))
      // A deep page asked first, then the first again.
      const deepFirst = new RankedOrders(many)
      expect(deepFirst.upTo(sort, 1_000).slice(980, 1_000), `${sort}, deep page first`).to.deep.equal(whole.slice(980, 1_000))
      expect(deepFirst.upTo(sort, 20).slice(0, 20), `${sort}, then the first`).to.deep.equal(whole.slice(0, 20))
    }
  })

  it("ranks deputies' bars as they are, in the order of the groups their figures make", () => {
    // Bars as the store keeps them: replies due and in time make the share, ties as many as a province has.
    const bars: BarCounts[] = many.map((g) => {
      const replyDue = Math.floor(random() * 5)
      return {
        key: g.key,
        total: g.total,
        open: Math.floor(random() * 3),
        overdueOpen: g.overdueOpen,
        replyDue,
        replyOk: Math.floor(random() * (replyDue + 1)),
      }
    })
    const names = new Map(many.map((g) => [g.key, g.name]))
    const asGroups = bars.map((b) => group(b.key, names.get(b.key)!, b.total, b.overdueOpen, inTimeShare(b.replyOk, b.replyDue)))
    for (const sort of STATS_SORTS) {
      const expected = rankGroups(asGroups, sort).map((g) => g.key)
      const orders = new RankedOrders(
        bars,
        barReader((key) => names.get(key)!),
      )
      expect(
        orders
          .upTo(sort, 40)
          .slice(0, 40)
          .map((b) => b.key),
        `${sort}, first pages`,
      ).to.deep.equal(expected.slice(0, 40))
      expect(
        orders.upTo(sort, bars.length).map((b) => b.key),
        `${sort}, all`,
      ).to.deep.equal(expected)
    }
  })
})

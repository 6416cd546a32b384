import { expect } from 'chai'
import { rankGroups, type RankedGroup } from '../../src/domain/stats-ranking.js'

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
})

import { expect } from 'chai'
import { byProposer } from '../../src/domain/livelihood-proposers.js'

// Only who wrote each proposal matters to the grouping; the titles are what a proposer's one message names.
const proposal = (id: string, title: string, by: { mpUserId?: string; deputyId?: string }) => ({
  id,
  title,
  mpUserId: by.mpUserId ?? null,
  deputyId: by.deputyId ?? null,
})

describe('proposals grouped by who proposed them (one message each)', () => {
  it("puts a proposer's proposals together, in the order each proposer first appears", () => {
    const groups = byProposer([
      proposal('p1', '加装电梯', { mpUserId: 'u1' }),
      proposal('p2', '修缮菜场', { deputyId: 'd1' }),
      proposal('p3', '增设路灯', { mpUserId: 'u1' }),
    ])
    expect(groups.map((g) => g.mine.map((p) => p.title))).to.deep.equal([['加装电梯', '增设路灯'], ['修缮菜场']])
    expect(groups.map((g) => g.to)).to.deep.equal([
      { kind: 'mp_user', id: 'u1' },
      { kind: 'deputy', id: 'd1' },
    ])
  })

  it('keeps a resident and a deputy apart even when their ids read the same', () => {
    const groups = byProposer([proposal('p1', '加装电梯', { mpUserId: 'x' }), proposal('p2', '修缮菜场', { deputyId: 'x' })])
    expect(groups.map((g) => g.mine.map((p) => p.title))).to.deep.equal([['加装电梯'], ['修缮菜场']])
  })

  it('leaves out a proposal nobody can be told of (the resident erased her data)', () => {
    const groups = byProposer([proposal('p1', '加装电梯', {}), proposal('p2', '修缮菜场', { mpUserId: 'u2' })])
    expect(groups.map((g) => g.mine.map((p) => p.title))).to.deep.equal([['修缮菜场']])
  })
})

import { expect } from 'chai'
import { timeOrderedUuid } from '../../src/ids.js'

describe('time-ordered ids (UUID version 7)', () => {
  it('are UUIDs of version 7 that sort in the order they were made, and never repeat', () => {
    // Several in each millisecond, as a busy group commit makes them.
    const made = Array.from({ length: 5000 }, (_, i) => timeOrderedUuid(Date.parse('2026-12-01T00:00:00Z') + Math.floor(i / 7)))
    for (const id of made) expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect([...made].sort()).to.deep.equal(made)
    expect(new Set(made).size).to.equal(made.length)
  })

  it('end in fresh random bits every time, across many refills of the random pool', () => {
    const tails = Array.from({ length: 2000 }, () => timeOrderedUuid(Date.parse('2026-12-01T00:00:00Z')).slice(-12))
    expect(new Set(tails).size).to.equal(tails.length)
  })

  it('carry the time they were made in their first 48 bits', () => {
    const before = Date.now()
    const id = timeOrderedUuid()
    const at = parseInt(id.replaceAll('-', '').slice(0, 12), 16)
    expect(at)
      .to.be.at.least(before)
      .and.at.most(Date.now() + 1)
  })
})

import { expect } from 'chai'
import { dutyAfterImport } from '../../src/domain/duty-after-import.js'

/** A roster import keeps the days gone by at each of the deputy's stations as recorded, those he comes back to too. */
describe('duty days after a roster import', () => {
  const today = '2026-11-27'

  it('keeps the days gone by at a station he stays at and one he comes back to; the days ahead are the file’s', () => {
    const before = { dutyByStation: { st001: ['2026-11-25', '2026-12-01'] }, formerDuty: { st002: ['2026-11-10'] } }
    const next = { stationIds: ['st001', 'st002'], dutyByStation: { st001: ['2026-11-20', '2026-12-02'], st002: ['2026-11-11', '2026-11-27'] } }
    const after = dutyAfterImport(before, next, today)
    expect(after.dutyByStation).to.deep.equal({ st001: ['2026-11-25', '2026-12-02'], st002: ['2026-11-10', '2026-11-27'] })
    expect(after.formerDuty).to.deep.equal({})
    expect(after.pastKept).to.deep.equal([
      { stationId: 'st001', added: ['2026-11-20'], dropped: ['2026-11-25'] },
      { stationId: 'st002', added: ['2026-11-11'], dropped: [] },
    ])
  })
})

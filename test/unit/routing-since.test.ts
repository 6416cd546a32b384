import { expect } from 'chai'
import type { CaseEvent } from '../../src/domain/case.js'
import { moveSinceRouting, type Holder } from '../../src/domain/routing-since.js'

// A message routed to 张伟 (dp0001) at 轻工街道代表联络站 (st001), and what became of it.
let n = 0
const event = (type: CaseEvent['type'], actorRole: CaseEvent['actorRole'], data: Record<string, unknown>): CaseEvent => ({
  id: `e${++n}`,
  caseId: 'c1',
  at: new Date(Date.UTC(2026, 11, 1, n)),
  type,
  actorRole,
  actorId: actorRole === 'system' ? null : 'someone',
  fromStatus: null,
  toStatus: null,
  note: null,
  data,
})
const submitted = event('submitted', 'resident', {})
const routedToZhang = event('assigned', 'system', { deputyId: 'dp0001', stationId: 'st001' })
const held = (deputyId: string | null, stationId: string | null, officeId: string | null = null): Holder => ({ deputyId, stationId, officeId })

describe('where a message went after the routing placed it', () => {
  it('still with the deputy the routing chose: nothing to say', () => {
    expect(moveSinceRouting([submitted, routedToZhang], held('dp0001', 'st001'), 'assigned')).to.equal(null)
  })

  it('never moved at all: nothing to say', () => {
    expect(moveSinceRouting([submitted], held(null, 'st001'), 'submitted')).to.equal(null)
  })

  it('staff gave it to another deputy: 改派', () => {
    const moved = event('assigned', 'station_staff', { fromDeputyId: 'dp0001', deputyId: 'dp0002', fromStationId: 'st001', stationId: 'st001' })
    expect(moveSinceRouting([submitted, routedToZhang, moved], held('dp0002', 'st001'), 'assigned')).to.deep.equal({ kind: 'reassigned', deputyId: 'dp0002' })
  })

  it('the routing found no deputy and staff chose one: 分派', () => {
    const chosen = event('assigned', 'station_staff', { fromDeputyId: null, deputyId: 'dp0002', fromStationId: 'st001', stationId: 'st001' })
    expect(moveSinceRouting([submitted, chosen], held('dp0002', 'st001'), 'assigned')).to.deep.equal({ kind: 'assigned', deputyId: 'dp0002' })
  })

  it('the deputy gave it back to the station: 交回, waiting for a deputy until one is chosen', () => {
    const back = event('transferred', 'deputy', { fromDeputyId: 'dp0001', deputyId: null, fromStationId: 'st001', stationId: 'st001' })
    expect(moveSinceRouting([submitted, routedToZhang, back], held(null, 'st001'), 'submitted')).to.deep.equal({
      kind: 'returned',
      placeId: 'st001',
      waiting: true,
    })
  })

  it('handed up to the district office: 上报', () => {
    const up = event('referred', 'station_staff', { fromStationId: 'st001', toOffice: 'd01' })
    expect(moveSinceRouting([submitted, up], held(null, null, 'd01'), 'submitted')).to.deep.equal({ kind: 'handedUp', placeId: 'd01' })
  })

  it('passed on by the office to a station other than the routing chose: 转给', () => {
    const routedToOffice = event('assigned', 'system', { toOffice: 'city' })
    const passed = event('assigned', 'organizer', { fromOffice: 'city', stationId: 'st002' })
    expect(moveSinceRouting([submitted, routedToOffice, passed], held(null, 'st002'), 'submitted')).to.deep.equal({ kind: 'passed', placeId: 'st002' })
  })
})

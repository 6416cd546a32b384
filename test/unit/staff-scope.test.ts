import { expect } from 'chai'
import { canManageCampaign } from '../../src/domain/campaign.js'
import type { Region } from '../../src/domain/directory.js'
import { caseScopeOf, scopeHasPlace, scopeHasStation, scopeKind, scopeOwnerIds, scopeOwns, staffScope } from '../../src/domain/staff-scope.js'
import { canSeeCase } from '../../src/domain/case-access.js'

const regions: Region[] = [
  { id: 'd01', name: '湛河区', kind: 'district', parentId: null },
  { id: 's0101', name: '轻工街道', kind: 'street', parentId: 'd01' },
  { id: 'c010101', name: '建设路社区', kind: 'community', parentId: 's0101' },
  { id: 's0102', name: '马庄街道', kind: 'street', parentId: 'd01' },
  { id: 'd02', name: '新华区', kind: 'district', parentId: null },
  { id: 's0201', name: '新华街道', kind: 'street', parentId: 'd02' },
]
const tree = new Map(regions.map((r) => [r.id, r]))
const organizer = (...regionIds: string[]) => staffScope({ role: 'organizer', regionIds }, tree)

describe('who may see what, by place (staff scope)', () => {
  it('gives admins and the city office everything, station and unit staff nothing by place', () => {
    for (const s of [staffScope({ role: 'admin', regionIds: ['d01'] }, tree), organizer()]) {
      expect(s.kind).to.equal('city')
      expect([s.covers('s0201'), scopeOwns(s, []), scopeHasStation(s, { regionIds: [] })]).to.deep.equal([true, true, true])
      expect(scopeOwnerIds(s)).to.equal(null)
    }
    const station = staffScope({ role: 'station_staff', regionIds: [] }, tree)
    expect(station.kind).to.equal('none')
    expect([station.covers('d01'), scopeOwns(station, ['d01']), scopeHasPlace(station, { districtId: 'd01' })]).to.deep.equal([false, false, false])
    expect(scopeOwnerIds(station)).to.deep.equal([])
  })

  it("finds a street organizer's messages by the stations in the street, a district organizer's by district, both for both", () => {
    const stations = [
      { id: 'st-qg', regionIds: ['s0101'] },
      { id: 'st-jsl', regionIds: ['c010101'] },
      { id: 'st-mz', regionIds: ['s0102'] },
      { id: 'st-d01', regionIds: ['d01'] },
      { id: 'st-xh', regionIds: ['s0201'] },
    ]
    expect(caseScopeOf(organizer('d01'), stations)).to.deep.equal({ districtIds: ['d01'], stationIds: [] })
    // A station of the whole district is not in a street's scope.
    expect(caseScopeOf(organizer('s0101'), stations)).to.deep.equal({ districtIds: [], stationIds: ['st-jsl', 'st-qg'] })
    expect(caseScopeOf(organizer('d02', 's0102'), stations)).to.deep.equal({ districtIds: ['d02'], stationIds: ['st-mz'] })
    expect(caseScopeOf(organizer('d-gone'), stations), 'an id the tree does not know, as before').to.deep.equal({ districtIds: ['d-gone'], stationIds: [] })

    const viewer = { kind: 'staff' as const, id: 'sf', role: 'organizer' as const, stationIds: [], regionIds: ['s0101'], streetStationIds: ['st-jsl', 'st-qg'] }
    const message = (stationId: string | null) => ({
      residentId: 'r',
      deputyId: null,
      stationId,
      districtId: 'd01',
      officeRegionId: null,
      handlingDistrictId: 'd01',
    })
    expect(['st-qg', 'st-jsl', 'st-mz', 'st-d01', null].map((s) => canSeeCase(viewer, message(s)))).to.deep.equal([true, true, false, false, false])
  })

  it('tells which scope a console user has without the region tree, as the scope judged on it says', () => {
    const people = [
      { role: 'admin', regionIds: ['d01'] },
      { role: 'organizer', regionIds: [] },
      { role: 'organizer', regionIds: ['s0101'] },
      { role: 'station_staff', regionIds: [] },
      { role: 'unit_staff', regionIds: [] },
    ]
    expect(people.map(scopeKind)).to.deep.equal(['city', 'city', 'regions', 'none', 'none'])
    expect(people.map((p) => staffScope(p, tree).kind)).to.deep.equal(people.map(scopeKind))
  })

  it("gives a district organizer the district and everything under it, and its own and its streets' records", () => {
    const d01 = organizer('d01')
    expect(['d01', 's0101', 'c010101', 's0102', 'd02', 's0201'].map((id) => d01.covers(id))).to.deep.equal([true, true, true, true, false, false])
    expect(scopeOwns(d01, ['s0102']), 'a street meeting of the district').to.equal(true)
    expect(scopeOwns(d01, []), "the city's records are not the district's").to.equal(false)
    expect(scopeOwnerIds(d01)).to.deep.equal(['d01', 's0101', 's0102'])
    expect(scopeHasStation(d01, { regionIds: ['c010101'] })).to.equal(true)
    expect(scopeHasStation(d01, { regionIds: [] }), 'a park station with no place').to.equal(false)
  })

  it('gives a street organizer his street and below, and no record placed only by district', () => {
    const street = organizer('s0101')
    expect(['d01', 's0101', 'c010101', 's0102'].map((id) => street.covers(id))).to.deep.equal([false, true, true, false])
    expect(scopeOwnerIds(street)).to.deep.equal(['s0101'])
    expect(scopeHasPlace(street, { regionId: 'c010101', districtId: 'd01' })).to.equal(true)
    expect(scopeHasPlace(street, { districtId: 'd01' }), 'known only by district').to.equal(false)
    expect(scopeHasStation(street, { regionIds: ['d01'] }), "a station of the whole district is not the street's").to.equal(false)
    expect([scopeOwns(street, ['s0101']), scopeOwns(street, ['s0102']), scopeOwns(street, ['d01'])]).to.deep.equal([true, false, false])
  })

  it("lets an organizer run the campaigns of his places and those under them, never the city's or a neighbour's", () => {
    const campaign = (...scopeDistrictIds: string[]) => ({ scopeDistrictIds })
    const run = (scope: ReturnType<typeof organizer>) =>
      [campaign('d01'), campaign('s0101'), campaign('s0102'), campaign('d02'), campaign()].map((c) => canManageCampaign(scope, c))
    expect(run(organizer('d01')), 'the district: its own and its streets’').to.deep.equal([true, true, true, false, false])
    expect(run(organizer('s0101')), 'the street: its own only').to.deep.equal([false, true, false, false, false])
    expect(run(organizer()), 'the city office: all').to.deep.equal([true, true, true, true, true])
    expect(run(staffScope({ role: 'station_staff', regionIds: [] }, tree)), 'station staff: none').to.deep.equal([false, false, false, false, false])
  })

  it('judges a region the tree does not know by its own id', () => {
    const s = staffScope({ role: 'organizer', regionIds: ['d09'] })
    expect([s.covers('d09'), s.covers('s0901')]).to.deep.equal([true, false])
  })
})

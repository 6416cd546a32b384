import { expect } from 'chai'
import { standingJudge } from '../../src/domain/meeting-selector.js'
import { smallCity } from '../fixtures.js'

/**
 * Who a list of a meeting ahead still expects, and who it takes: judged on places and tenure. 张伟 (city deputy of
 * 轻工) is on 轻工's reception day and on a meeting of city deputies.
 */
describe('a deputy’s standing on the lists of meetings ahead', () => {
  const { regions, stations } = smallCity()
  const judge = standingJudge({ regions, stations })
  const zhang = { id: 'dp0001', level: 'city' as const, stationIds: ['st001'], active: true }
  const reception = { selector: { stationIds: ['st001'] }, districtIds: ['d01'] }
  const cityDeputies = { selector: { levels: ['city' as const] }, districtIds: [] }
  const byName = { selector: { deputyIds: ['dp0004'] }, districtIds: ['d01'] }

  it('marks one who moved away or left office, never one whose level a new term changed', () => {
    expect(judge.standing(reception, { ...zhang, stationIds: ['st002'] })).to.equal('moved')
    expect(judge.standing(reception, { ...zhang, active: false })).to.equal('left_office')
    expect(judge.standing(cityDeputies, { ...zhang, level: 'county' }), 'not 已调到 the station he is still at').to.equal(null)
    expect(judge.standing(reception, { ...zhang, level: 'county' })).to.equal(null)
  })

  it('takes one in office who comes to a station it invites by station, in the levels it names; never onto a list by name', () => {
    const li = { id: 'dp0009', level: 'township' as const, stationIds: ['st001'], active: true }
    expect(judge.joins(reception, li)).to.equal(true)
    expect(judge.joins({ ...reception, selector: { stationIds: ['st001'], levels: ['city' as const] } }, li)).to.equal(false)
    expect(judge.joins(reception, { ...li, active: false })).to.equal(false)
    expect(judge.joins(reception, { ...li, stationIds: ['st002'] })).to.equal(false)
    expect(judge.joins(cityDeputies, { ...li, level: 'city' }), 'a list by level alone is not added to').to.equal(false)
    expect(judge.joins(byName, { ...li, stationIds: ['st002'] })).to.equal(false)
  })
})

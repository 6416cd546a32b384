import { expect } from 'chai'
import type { Region } from '../../src/domain/directory.js'
import { mayTakeQuiz } from '../../src/domain/quiz.js'
import { quizPersonOf, quizRecipients, type QuizNoticeDirectory } from '../../src/domain/quiz-audience.js'
import { districtOf, stationDistricts, stationStreets } from '../../src/domain/station-district.js'

// Two districts: 湛河区 (d01) with a street and a community, 新华区 (d02); a station in each, and one covering nothing known.
const regions = new Map<string, Region>(
  [
    { id: 'd01', name: '湛河区', kind: 'district', parentId: null },
    { id: 's0101', name: '轻工街道', kind: 'street', parentId: 'd01' },
    { id: 'c010101', name: '建设路社区', kind: 'community', parentId: 's0101' },
    { id: 'd02', name: '新华区', kind: 'district', parentId: null },
  ].map((r) => [r.id, r as Region]),
)
const stationDistrict = stationDistricts(
  [
    { id: 'st-zh', regionIds: ['c010101', 'd02'] },
    { id: 'st-xh', regionIds: ['d02'] },
    { id: 'st-lost', regionIds: ['gone'] },
  ],
  regions,
)
const directory: QuizNoticeDirectory = {
  deputies: [
    { id: 'dp-zh', stationIds: ['st-zh'] },
    { id: 'dp-xh', stationIds: ['st-xh'] },
    { id: 'dp-both', stationIds: ['st-lost', 'st-xh'] },
  ],
  staff: [
    { id: 'sf-zh', role: 'station_staff', stationIds: ['st-zh'] },
    { id: 'sf-xh', role: 'station_staff', stationIds: ['st-xh'], active: false },
    { id: 'sf-org', role: 'organizer', stationIds: ['st-zh'] },
  ],
  stationDistrict,
}
const ids = (rs: { id: string }[]) => rs.map((r) => r.id)

describe('quiz audience rules', () => {
  it('places a station in the district of the first region it covers, and nowhere when that region is unknown', () => {
    expect(districtOf('c010101', regions), 'a community lies in its district').to.equal('d01')
    expect(districtOf('d02', regions), 'a district is its own').to.equal('d02')
    expect(districtOf(null, regions)).to.equal(null)
    expect(Object.fromEntries(stationDistrict)).to.deep.equal({ 'st-zh': 'd01', 'st-xh': 'd02', 'st-lost': null })
  })

  it('places a station in the street of the first region it covers, and in none above a street or when unknown', () => {
    const streets = stationStreets(
      [
        { id: 'st-zh', regionIds: ['c010101', 'd02'] },
        { id: 'st-street', regionIds: ['s0101'] },
        { id: 'st-xh', regionIds: ['d02'] },
        { id: 'st-lost', regionIds: ['gone'] },
      ],
      regions,
    )
    expect(Object.fromEntries(streets)).to.deep.equal({ 'st-zh': 's0101', 'st-street': 's0101', 'st-xh': null, 'st-lost': null })
  })

  it('lets a deputy answer as the deputy, whichever account they use; anyone else as themselves', () => {
    expect(quizPersonOf({ id: 'mp-1', deputyId: 'dp-zh' })).to.deep.equal({ kind: 'deputy', id: 'dp-zh' })
    expect(quizPersonOf({ id: 'mp-2', deputyId: null })).to.deep.equal({ kind: 'mp_user', id: 'mp-2' })
  })

  it("sends a district's deputies' quiz to the deputies with a station in it, and a city-wide one to every deputy", () => {
    expect(ids(quizRecipients({ audience: 'deputies', scopeDistrictIds: ['d02'] }, directory))).to.deep.equal(['dp-xh', 'dp-both'])
    expect(ids(quizRecipients({ audience: 'deputies', scopeDistrictIds: [] }, directory))).to.deep.equal(['dp-zh', 'dp-xh', 'dp-both'])
    expect(ids(quizRecipients({ audience: 'public', scopeDistrictIds: ['d01'] }, directory)), 'a public quiz is announced to deputies').to.deep.equal(['dp-zh'])
  })

  it('sends a staff quiz to active station staff only, and no list for residents (they hear through their campaign)', () => {
    expect(quizRecipients({ audience: 'staff', scopeDistrictIds: [] }, directory)).to.deep.equal([{ kind: 'staff', id: 'sf-zh' }])
    expect(quizRecipients({ audience: 'staff', scopeDistrictIds: ['d02'] }, directory), 'the only staff there is inactive').to.deep.equal([])
    expect(quizRecipients({ audience: 'residents', scopeDistrictIds: [] }, directory)).to.deep.equal([])
  })

  it('lets a deputy take a district quiz only with a station in one of its districts; residents take only theirs', () => {
    const district = { audience: 'deputies' as const, scopeDistrictIds: ['d01'] }
    expect(mayTakeQuiz(district, ['d01', 'd02'])).to.equal(true)
    expect(mayTakeQuiz(district, ['d02'])).to.equal(false)
    expect(mayTakeQuiz(district, null), 'not a deputy').to.equal(false)
    expect(mayTakeQuiz({ audience: 'residents', scopeDistrictIds: [] }, null)).to.equal(true)
    expect(mayTakeQuiz({ audience: 'residents', scopeDistrictIds: [] }, ['d01']), 'a deputy is not a resident here').to.equal(false)
    expect(mayTakeQuiz({ audience: 'public', scopeDistrictIds: [] }, ['d01'])).to.equal(true)
  })
})

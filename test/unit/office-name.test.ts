import { expect } from 'chai'
import type { Region, Station } from '../../src/domain/directory.js'
import {
  everyDistrictOffice,
  officeName,
  officesInScope,
  officeToAsk,
  staffOfficeName,
  organizerOfficeName,
  placesName,
  staffScopeName,
  type NamingDirectory,
} from '../../src/domain/office-name.js'
import { buildRoutingIndex } from '../../src/domain/routing-index.js'

const region = (id: string, name: string, kind: Region['kind'], parentId: string | null = null): Region => ({ id, name, kind, parentId })
const station = (id: string, name: string, regionIds: string[]): Station => ({
  id,
  code: id.toUpperCase(),
  name,
  kind: 'township',
  address: '',
  regionIds,
  receptionDays: [],
})

/** A directory as the routing cache prepares it: the regions, the stations and the routing index over them. */
function directory(regions: Region[], stations: Station[], configured: string | null = null): NamingDirectory {
  const index = buildRoutingIndex({ regions, stations, deputies: [], officeName: configured })
  return { regions: index.regions, stations: index.stations, index }
}

/** A prefecture city of two counties, 石门县 and 桃源县, one street each with its station. */
const COUNTIES = [
  region('shimen', '石门县', 'district'),
  region('chutian', '楚天镇', 'street', 'shimen'),
  region('taoyuan', '桃源县', 'district'),
  region('zhangjiang', '漳江镇', 'street', 'taoyuan'),
]
const COUNTY_STATIONS = [station('s-chutian', '楚天镇代表联络站', ['chutian']), station('s-zhangjiang', '漳江镇代表联络站', ['zhangjiang'])]

/** A city of a district and a county. */
const MIXED = [region('lanjiang', '澜江区', 'district'), region('shimen', '石门县', 'district')]

describe('office names (domain/office-name)', () => {
  it('names a county’s office as the county’s, and the city’s by the name set in config', () => {
    const d = directory(COUNTIES, COUNTY_STATIONS, '常德市人大常委会办公室')
    expect(officeName('shimen', d)).to.equal('石门县人大常委会办公室')
    expect(officeName('city', d)).to.equal('常德市人大常委会办公室')
    expect(officeName('city', directory(COUNTIES, COUNTY_STATIONS))).to.equal('市人大常委会办公室')
  })

  it('says 各县人大办 for a city of counties seeing everything, never a fixed 各区', () => {
    const d = directory(COUNTIES, COUNTY_STATIONS, '常德市人大常委会办公室')
    expect(officesInScope({}, d)).to.equal('各县人大办和常德市人大办')
    expect(officesInScope({}, directory(MIXED, []))).to.equal('各区县人大办和市人大办')
    expect(everyDistrictOffice([{ name: '澜江区' }, { name: '青石区' }])).to.equal('各区人大办')
  })

  it('names the offices of a scope’s districts, and none for a scope of stations alone', () => {
    const d = directory(COUNTIES, COUNTY_STATIONS)
    expect(officesInScope({ districtIds: ['taoyuan'] }, d)).to.equal('桃源县人大常委会办公室')
    expect(officesInScope({ districtsOrStations: { districtIds: ['shimen', 'taoyuan'] } }, d)).to.equal('石门县人大办、桃源县人大办')
    expect(officesInScope({ stationIds: ['s-chutian'] }, d)).to.equal(null)
  })

  it('names a county’s own Liaison by its office, whatever its name in config', () => {
    const own = directory(COUNTIES.slice(0, 2), COUNTY_STATIONS.slice(0, 1), '石门县人大常委会')
    expect(officesInScope({}, own)).to.equal('石门县人大常委会办公室')
    expect(officeName('city', own)).to.equal('石门县人大常委会')
  })

  it('sends a clerk or a street’s organizer to her county’s office, and one of two counties to the city’s', () => {
    const d = directory(COUNTIES, COUNTY_STATIONS, '常德市人大常委会办公室')
    expect(officeToAsk({ role: 'station_staff', stationIds: ['s-chutian'], regionIds: [] }, d)).to.equal('石门县人大常委会办公室')
    expect(officeToAsk({ role: 'organizer', stationIds: [], regionIds: ['zhangjiang'] }, d)).to.equal('桃源县人大常委会办公室')
    expect(officeToAsk({ role: 'organizer', stationIds: [], regionIds: ['shimen'] }, d)).to.equal('常德市人大常委会办公室')
    expect(officeToAsk({ role: 'station_staff', stationIds: ['s-chutian', 's-zhangjiang'], regionIds: [] }, d)).to.equal('常德市人大常委会办公室')
  })

  it('names an organizer’s office by her first place: a street’s 人大工委, a county’s office, else the installation’s', () => {
    const d = directory(COUNTIES, COUNTY_STATIONS)
    expect(organizerOfficeName(d.regions.get('chutian'), '常德市人大常委会办公室')).to.equal('楚天镇人大工委')
    expect(organizerOfficeName(d.regions.get('shimen'), '常德市人大常委会办公室')).to.equal('石门县人大常委会办公室')
    expect(organizerOfficeName(undefined, '常德市人大常委会办公室')).to.equal('常德市人大常委会办公室')
    // Anyone of the console by the office they work for: an organizer's own, a clerk's county's, an admin's the installation's.
    const named = directory(COUNTIES, COUNTY_STATIONS, '常德市人大常委会办公室')
    expect(staffOfficeName({ role: 'organizer', stationIds: [], regionIds: ['chutian'] }, named)).to.equal('楚天镇人大工委')
    expect(staffOfficeName({ role: 'organizer', stationIds: [], regionIds: ['shimen'] }, named)).to.equal('石门县人大常委会办公室')
    expect(staffOfficeName({ role: 'station_staff', stationIds: ['s-chutian'], regionIds: [] }, named)).to.equal('石门县人大常委会办公室')
    expect(staffOfficeName({ role: 'admin', stationIds: [], regionIds: [] }, named)).to.equal('常德市人大常委会办公室')
  })

  it('begins a download’s or a report’s name with whose it is: the places, the station, or 全市', () => {
    const d = directory(COUNTIES, COUNTY_STATIONS)
    expect(staffScopeName({ role: 'organizer', regionIds: ['shimen', 'taoyuan'], stationIds: [] }, d)).to.equal('石门县、桃源县')
    expect(staffScopeName({ role: 'station_staff', regionIds: [], stationIds: ['s-zhangjiang'] }, d)).to.equal('漳江镇代表联络站')
    expect(staffScopeName({ role: 'admin', regionIds: ['shimen'], stationIds: [] }, d)).to.equal('全市')
    expect(placesName(['taoyuan'], d.regions)).to.equal('桃源县')
    expect(placesName([], d.regions)).to.equal('全市')
  })
})

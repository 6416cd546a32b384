import { expect } from 'chai'
import { DEPUTY_LEVELS, REGION_KINDS, STAFF_ROLES, STATION_KINDS, WEEKDAYS, type DirectoryFile, type Region } from '../../src/domain/directory.js'
import { loadConfig } from '../../src/config.js'
import { checkDirectoryFile } from '../../src/domain/directory-import.js'
import { dutyDatesAmong } from '../../src/domain/duty-days.js'
import { demoDirectory } from '../../src/demo/demo-city.js'
import { fullSizeDirectory } from '../../src/demo/full-size.js'
import { mulberry32, namePinyin, personName } from '../../src/demo/names.js'

// The configured topics, so the demo data cannot drift from config/default.json.
const TOPICS = loadConfig().business.topics
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/
const CODE = /^[A-Z0-9_-]{1,24}$/
const PHONE = /^1[3-9]\d{9}$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

function unique(values: readonly string[]): boolean {
  return new Set(values).size === values.length
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1
  return out
}

function regionsOf(dir: DirectoryFile, kind: Region['kind']): Region[] {
  return (dir.regions ?? []).filter((r) => r.kind === kind)
}

/**
 * The invariants every generated directory must satisfy, whatever its size.
 * Problems are collected rather than asserted one by one: a single failure
 * report then lists everything wrong, and 9,000 deputies check quickly.
 */
function consistencyProblems(dir: DirectoryFile, today: string): string[] {
  const problems: string[] = []
  const check = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem)
  }
  const regions = dir.regions ?? []
  const stations = dir.stations ?? []
  const deputies = dir.deputies ?? []
  const staff = dir.staff ?? []
  const regionById = new Map(regions.map((r) => [r.id, r]))
  const stationIds = new Set(stations.map((s) => s.id))

  // Identity: ids and codes are well-formed and unique within each list.
  for (const [label, list] of [
    ['region', regions],
    ['station', stations],
    ['deputy', deputies],
    ['staff', staff],
  ] as const) {
    const ids = list.map((x) => x.id)
    check(unique(ids), `${label} ids are not unique`)
    for (const id of ids) check(ID.test(id), `${label} id ${id} is malformed`)
  }
  for (const [label, list] of [
    ['station', stations],
    ['deputy', deputies],
  ] as const) {
    const codes = list.map((x) => x.code)
    check(unique(codes), `${label} codes are not unique`)
    for (const code of codes) check(CODE.test(code), `${label} code ${code} is malformed`)
  }

  // Regions form the district → street → community → grid hierarchy, parents listed first.
  const parentKind: Record<Region['kind'], Region['kind'] | null> = {
    district: null,
    street: 'district',
    community: 'street',
    grid: 'community',
  }
  const seen = new Set<string>()
  for (const region of regions) {
    check(REGION_KINDS.includes(region.kind), `region ${region.id} has kind ${region.kind}`)
    check(region.name.length > 0, `region ${region.id} has no name`)
    const expected = parentKind[region.kind]
    if (expected === null) {
      check(region.parentId === null, `${region.kind} ${region.id} has a parent`)
    } else {
      const parent = regionById.get(region.parentId ?? '')
      check(parent?.kind === expected, `${region.id}'s parent ${region.parentId} is not a ${expected}`)
      check(seen.has(region.parentId ?? ''), `${region.id} is listed before its parent`)
    }
    seen.add(region.id)
  }

  // Stations reference real regions, and every community is covered exactly once.
  const coverage = new Map<string, number>()
  for (const station of stations) {
    check(STATION_KINDS.includes(station.kind), `station ${station.id} has kind ${station.kind}`)
    check(station.name.length > 0 && station.address.length > 0, `station ${station.id} lacks name or address`)
    check(station.regionIds.length > 0, `station ${station.id} covers no region`)
    for (const id of station.regionIds) {
      check(regionById.has(id), `station ${station.id} → unknown region ${id}`)
      coverage.set(id, (coverage.get(id) ?? 0) + 1)
    }
    check(station.receptionDays.length > 0, `station ${station.id} has no reception days`)
    for (const day of station.receptionDays) check(WEEKDAYS.includes(day), `station ${station.id} receives on ${day}`)
  }
  for (const community of regions.filter((r) => r.kind === 'community')) {
    let covers = 0
    for (let r: Region | undefined = community; r; r = r.parentId ? regionById.get(r.parentId) : undefined) {
      covers += coverage.get(r.id) ?? 0
    }
    check(covers === 1, `community ${community.id} ${community.name} is covered by ${covers} stations`)
  }

  // Deputies: at a real station, valid level, topics, phone and duty dates in the coming four weeks.
  const last = addDays(today, 28)
  for (const d of deputies) {
    check(DEPUTY_LEVELS.includes(d.level), `deputy ${d.id} has level ${d.level}`)
    check(/^\p{Script=Han}{2,4}$/u.test(d.name), `deputy ${d.id} is named ${d.name}`)
    check(d.stationIds.length > 0, `deputy ${d.id} is at no station`)
    check(unique(d.stationIds), `deputy ${d.id} lists a station twice`)
    for (const id of d.stationIds) check(stationIds.has(id), `deputy ${d.id} → unknown station ${id}`)
    check(d.topics.length >= 1 && d.topics.length <= 3, `deputy ${d.id} has ${d.topics.length} topics`)
    check(unique(d.topics), `deputy ${d.id} lists a topic twice`)
    for (const topic of d.topics) check(TOPICS.includes(topic), `deputy ${d.id} has topic ${topic}`)
    check(PHONE.test(d.phone ?? ''), `deputy ${d.id} has phone ${d.phone}`)
    check(d.dutyDates === undefined, `deputy ${d.id} has duty dates of no station`)
    for (const [stationId, dates] of Object.entries(d.dutyByStation ?? {})) {
      check(d.stationIds.includes(stationId), `deputy ${d.id} on duty at ${stationId}, not theirs`)
      check(unique(dates), `deputy ${d.id} lists a duty date twice at ${stationId}`)
      for (const date of dates) check(DATE.test(date) && date > today && date <= last, `deputy ${d.id} on duty ${date}`)
    }
  }
  check(unique(deputies.map((d) => d.phone ?? '')), 'deputy phones are not unique')

  // Staff: valid roles, unique usernames, the reserved `admin` left alone, references resolve.
  const usernames = staff.map((s) => s.username)
  check(unique(usernames), 'usernames are not unique')
  check(!usernames.includes('admin'), 'the reserved username admin is used')
  for (const member of staff) {
    check(STAFF_ROLES.includes(member.role), `staff ${member.id} has role ${member.role}`)
    check(/^[a-z][a-z0-9]*$/.test(member.username), `staff ${member.id} has username ${member.username}`)
    for (const id of member.stationIds) check(stationIds.has(id), `staff ${member.id} → unknown station ${id}`)
    for (const id of member.regionIds ?? []) check(regionById.has(id), `staff ${member.id} → unknown region ${id}`)
  }
  const staffed = new Set(staff.filter((s) => s.role === 'station_staff').flatMap((s) => s.stationIds))
  for (const station of stations) check(staffed.has(station.id), `station ${station.id} has no staff`)
  return problems
}

function expectConsistent(dir: DirectoryFile, today: string): void {
  expect(consistencyProblems(dir, today).slice(0, 20)).to.deep.equal([])
}

/** What the import command would say about the file, as if it went into an empty store. */
function expectImportable(dir: DirectoryFile): void {
  const empty = { regions: [], stations: [], units: [], deputies: [], staff: [] }
  const result = checkDirectoryFile(JSON.parse(JSON.stringify(dir)), empty, TOPICS)
  expect(result.ok ? [] : result.problems.slice(0, 20)).to.deep.equal([])
  expect(result.ok && result.warnings).to.deep.equal([])
}

describe('demo data', () => {
  describe('demoDirectory', () => {
    const today = '2026-11-22'
    const dir = demoDirectory()

    it('is internally consistent', () => {
      expectConsistent(dir, today)
    })

    it('is accepted by the importer without warnings', () => {
      expectImportable(dir)
    })

    it('has the size of a small city', () => {
      const districts = regionsOf(dir, 'district')
      const streets = regionsOf(dir, 'street')
      const communities = regionsOf(dir, 'community')
      expect(districts.length).to.be.within(3, 4)
      for (const d of districts) expect(streets.filter((s) => s.parentId === d.id).length).to.be.within(2, 3)
      for (const s of streets) expect(communities.filter((c) => c.parentId === s.id).length).to.be.within(2, 4)
      expect(regionsOf(dir, 'grid').length).to.be.greaterThan(0)
      expect(dir.stations?.length).to.be.within(8, 12)
      expect(dir.deputies?.length).to.be.within(50, 70)
    })

    it('has the station kinds a demo should show', () => {
      const kinds = countBy(dir.stations ?? [], (s) => s.kind)
      expect(kinds.industrial_park).to.equal(1)
      expect(kinds.township).to.equal(1)
      expect(kinds.scenic_area).to.equal(1)
      expect(kinds.community).to.be.greaterThan(kinds.industrial_park ?? 0)
    })

    it('has deputies of all five levels, numbered DP0001 onwards', () => {
      const levels = countBy(dir.deputies ?? [], (d) => d.level)
      for (const level of DEPUTY_LEVELS) expect(levels[level], level).to.be.greaterThan(0)
      expect(dir.deputies?.[0]?.code).to.equal('DP0001')
    })

    it('gives every deputy a few duty dates and every station someone on every reception day', () => {
      for (const deputy of dir.deputies ?? []) expect(dutyDatesAmong(deputy.dutyByStation ?? {}).length, deputy.id).to.be.within(1, 6)
      for (const station of dir.stations ?? []) {
        const members = (dir.deputies ?? []).filter((d) => d.stationIds.includes(station.id))
        expect(members.length, station.id).to.be.greaterThan(0)
        // The station's own roster covers its reception days: another station's days do not count here.
        const onDuty = new Set(members.flatMap((d) => d.dutyByStation?.[station.id] ?? []))
        for (let i = 1; i <= 28; i++) {
          const date = addDays(today, i)
          const weekday = WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]
          if (weekday && station.receptionDays.includes(weekday)) {
            expect(onDuty.has(date), `${station.id} on ${date}`).to.equal(true)
          }
        }
      }
    })

    it('has one admin, a city-wide and a district organizer, and staff for each station, all without passwords', () => {
      const staff = dir.staff ?? []
      const roles = countBy(staff, (s) => s.role)
      expect(roles.admin).to.equal(1)
      expect(roles.organizer).to.equal(2)
      expect(roles.station_staff).to.equal(dir.stations?.length)
      const organizers = staff.filter((s) => s.role === 'organizer')
      expect(organizers.some((o) => (o.regionIds ?? []).length === 0)).to.equal(true)
      const districtIds = regionsOf(dir, 'district').map((d) => d.id)
      expect(organizers.some((o) => o.regionIds?.length === 1 && districtIds.includes(o.regionIds[0] ?? ''))).to.equal(true)
      for (const member of staff) expect(member).to.not.have.property('password')
    })

    it('is deterministic and follows `today`', () => {
      expect(demoDirectory()).to.deep.equal(dir)
      expect(demoDirectory({ today })).to.deep.equal(dir)
      const later = demoDirectory({ today: '2027-03-01' })
      expectConsistent(later, '2027-03-01')
      expect(later.deputies?.map((d) => d.id)).to.deep.equal(dir.deputies?.map((d) => d.id))
      expect(later.deputies?.[0]?.dutyByStation).to.not.deep.equal(dir.deputies?.[0]?.dutyByStation)
    })

    it('rejects a malformed `today`', () => {
      expect(() => demoDirectory({ today: '2026-02-30' })).to.throw(/invalid date/)
      expect(() => demoDirectory({ today: '22/11/2026' })).to.throw(/invalid date/)
    })
  })

  describe('fullSizeDirectory', () => {
    const today = '2026-11-22'
    let dir: DirectoryFile

    before(() => {
      dir = fullSizeDirectory()
    })

    it('is internally consistent', () => {
      expectConsistent(dir, today)
    })

    it('is accepted by the importer without warnings', () => {
      expectImportable(dir)
    })

    it('has exactly 270 stations and 9,000 deputies by default', () => {
      expect(dir.stations?.length).to.equal(270)
      expect(dir.deputies?.length).to.equal(9000)
    })

    it('has the geography of a prefecture-level city', () => {
      expect(regionsOf(dir, 'district').length).to.be.within(8, 12)
      expect(regionsOf(dir, 'street').length).to.be.within(80, 100)
      expect(regionsOf(dir, 'community').length).to.be.within(850, 1150)
      expect(regionsOf(dir, 'grid').length).to.be.within(2500, 3500)
    })

    it('spreads deputies over stations and levels like a real city', () => {
      const perStation = countBy(
        (dir.deputies ?? []).flatMap((d) => d.stationIds),
        (id) => id,
      )
      const loads = Object.values(perStation)
      expect(loads.length, 'stations with deputies').to.equal(270)
      expect(Math.min(...loads)).to.be.at.least(25)
      expect(Math.max(...loads)).to.be.at.most(45)

      const levels = countBy(dir.deputies ?? [], (d) => d.level)
      const share = (level: string): number => (levels[level] ?? 0) / 9000
      expect(share('national')).to.be.within(0.001, 0.006)
      expect(share('provincial')).to.be.within(0.01, 0.03)
      expect(share('city')).to.be.within(0.06, 0.1)
      expect(share('county')).to.be.within(0.25, 0.35)
      expect(share('township')).to.be.within(0.5, 0.7)
    })

    it('has about 300 staff with passwords: one per station, ~25 organizers, 2 admins', () => {
      const staff = dir.staff ?? []
      const roles = countBy(staff, (s) => s.role)
      expect(roles.station_staff).to.equal(270)
      expect(roles.organizer).to.be.within(20, 30)
      expect(roles.admin).to.equal(2)
      expect(staff.length).to.be.within(280, 320)
      for (const member of staff) expect(member.password, member.id).to.be.a('string').and.not.equal('')
    })

    it('is deterministic from the seed', () => {
      expect(fullSizeDirectory()).to.deep.equal(dir)
      expect(fullSizeDirectory({ seed: 1 })).to.deep.equal(dir)
      const other = fullSizeDirectory({ seed: 2 })
      expect(other.deputies?.map((d) => d.name)).to.not.deep.equal(dir.deputies?.map((d) => d.name))
    })

    it('scales down and up consistently', () => {
      for (const options of [
        { stations: 1, deputies: 5 },
        { stations: 12, deputies: 100, seed: 7 },
        { stations: 40, deputies: 30, today: '2027-01-31' },
        { stations: 600, deputies: 20_000, seed: 3 },
      ]) {
        const small = fullSizeDirectory(options)
        expectConsistent(small, options.today ?? today)
        expect(small.stations?.length).to.equal(options.stations)
        expect(small.deputies?.length).to.equal(options.deputies)
        const levels = new Set((small.deputies ?? []).map((d) => d.level))
        expect(levels.size).to.equal(5)
      }
    })

    it('rejects nonsensical sizes', () => {
      expect(() => fullSizeDirectory({ stations: 0 })).to.throw(/stations/)
      expect(() => fullSizeDirectory({ deputies: 1.5 })).to.throw(/deputies/)
    })
  })

  describe('names', () => {
    it('produces plausible names with pinyin for usernames', () => {
      const rand = mulberry32(42)
      const names = Array.from({ length: 2000 }, () => personName(rand))
      for (const name of names) {
        expect(name).to.match(/^\p{Script=Han}{2,4}$/u)
        expect(namePinyin(name), name).to.match(/^[a-z]+$/)
      }
      // Common surnames dominate, as in real rosters.
      const wangLiZhang = names.filter((n) => /^[王李张]/.test(n)).length / names.length
      expect(wangLiZhang).to.be.within(0.12, 0.35)
      expect(new Set(names).size).to.be.greaterThan(500)
    })
  })
})

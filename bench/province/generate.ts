/**
 * The data of a province, not a demo: 100,000 deputies, 3,000 stations under a region tree,
 * and three years of history (1,000,000 cases with their timelines, 200,000 survey
 * responses, 500,000 outbox rows) in one sqlite store file. Cached under bench/out/ and
 * reused while GENERATOR_VERSION is unchanged. `npm run bench:province-data` makes it.
 */
import Database from 'better-sqlite3'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { build } from '../../src/app.js'
import { ManualClock } from '../../src/clock.js'
import { loadConfig } from '../../src/config.js'
import { fullSizeDirectory } from '../../src/demo/full-size.js'
import { mulberry32 } from '../../src/demo/names.js'
import { writeHistory } from './history.js'
import { stationPlaces } from './places.js'
import { writeOutbox, writeResidents, writeSurveyResponses } from './traffic.js'

/** Bump when the generated data changes shape: the cached file is then made again. */
export const GENERATOR_VERSION = 1

export const PROVINCE = {
  deputies: 100_000,
  stations: 3_000,
  cases: 1_000_000,
  responses: 200_000,
  outbox: 500_000,
  residents: 250_000,
  /** The benches' "now": a Monday morning in Shanghai; the history ends here. */
  now: new Date('2026-11-30T02:00:00Z'),
  start: new Date('2023-12-01T00:00:00Z'),
}

export const SECRET_KEY = 'c'.repeat(64)

/** A console account of each kind, as the benches log in. */
export interface BenchAccount {
  username: string
  password: string
  role: string
  stationIds: string[]
  regionIds: string[]
}

export interface ProvinceData {
  path: string
  accounts: { station: BenchAccount; organizer: BenchAccount; admin: BenchAccount }
  counts: Record<string, number>
}

const OUT = join(import.meta.dirname, '..', 'out')
const FILE = join(OUT, `province-v${GENERATOR_VERSION}.db`)

/** The cached province file, made first when it is missing or of an older generator. */
export async function provinceData(log: (line: string) => void = console.log): Promise<ProvinceData> {
  if (existsSync(FILE)) {
    const db = new Database(FILE, { readonly: true })
    try {
      const meta = db.prepare('SELECT version, info FROM bench_meta').get() as { version: number; info: string } | undefined
      if (meta?.version === GENERATOR_VERSION) return { path: FILE, ...JSON.parse(meta.info) }
    } catch {
      // No meta table: an interrupted or foreign file; made again below.
    } finally {
      db.close()
    }
  }
  return generate(log)
}

async function generate(log: (line: string) => void): Promise<ProvinceData> {
  mkdirSync(OUT, { recursive: true })
  const tmp = `${FILE}.${process.pid}.tmp`
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true })
  const started = Date.now()
  const directory = fullSizeDirectory({ deputies: PROVINCE.deputies, stations: PROVINCE.stations, seed: 17 })
  const stations = stationPlaces(directory)
  const accounts = pickAccounts(directory, stations[0].id, stations[0].districtId)
  // The directory through the real importer (ids, encrypted phones, memberships as the app keeps them).
  const config = loadConfig({
    env: { LIAISON_DB: `sqlite:${tmp}`, LIAISON_SECRET_KEY: SECRET_KEY },
    overrides: { log: { level: 'silent' }, security: { scryptCost: 1024 } },
  })
  const liaison = await build(config, { clock: new ManualClock(PROVINCE.now) })
  const wanted = new Set(Object.values(accounts).map((a) => a.username))
  // The bench signs in with the file's passwords and goes straight to work, as people who changed theirs would.
  await liaison.services.importer.import({ ...directory, staff: directory.staff!.filter((s) => wanted.has(s.username)) }, null, undefined, {
    changeAtFirstLogin: false,
  })
  await liaison.close()
  log(`province: directory of ${PROVINCE.deputies} deputies imported in ${Math.round((Date.now() - started) / 1000)} s`)

  // The history in bulk: one connection, no journal (a failed run leaves only the .tmp file).
  const db = new Database(tmp)
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -400000')
  const rand = mulberry32(2026)
  const counts = db.transaction(() => {
    writeResidents(db, PROVINCE.residents, PROVINCE.start)
    const history = writeHistory(db, rand, stations, { cases: PROVINCE.cases, start: PROVINCE.start, now: PROVINCE.now, residents: PROVINCE.residents })
    writeOutbox(
      db,
      rand,
      PROVINCE.outbox,
      PROVINCE.start,
      PROVINCE.now,
      directory.deputies!.map((d) => d.id),
      PROVINCE.residents,
    )
    writeSurveyResponses(db, rand, PROVINCE.responses, PROVINCE.start, PROVINCE.now, stations)
    return { deputies: PROVINCE.deputies, stations: PROVINCE.stations, ...history, responses: PROVINCE.responses, outbox: PROVINCE.outbox }
  })()
  const info = { accounts, counts }
  db.exec('CREATE TABLE bench_meta (version INTEGER NOT NULL, info TEXT NOT NULL)')
  db.prepare('INSERT INTO bench_meta (version, info) VALUES (?, ?)').run(GENERATOR_VERSION, JSON.stringify(info))
  db.pragma('journal_mode = WAL')
  db.close()
  renameSync(tmp, FILE)
  log(
    `province: ${counts.cases} cases, ${counts.events} events, ${counts.outbox} outbox rows, ${counts.responses} responses in ${Math.round((Date.now() - started) / 1000)} s`,
  )
  return { path: FILE, ...info }
}

/** The station staff of the busiest station, the organizer of its district, and an admin. */
function pickAccounts(directory: ReturnType<typeof fullSizeDirectory>, stationId: string, districtId: string) {
  const staff = directory.staff!
  const account = (s: (typeof staff)[number]): BenchAccount => ({
    username: s.username,
    password: s.password!,
    role: s.role,
    stationIds: s.stationIds,
    regionIds: s.regionIds ?? [],
  })
  return {
    station: account(staff.find((s) => s.role === 'station_staff' && s.stationIds.includes(stationId))!),
    organizer: account(staff.find((s) => s.role === 'organizer' && s.regionIds?.includes(districtId))!),
    admin: account(staff.find((s) => s.role === 'admin')!),
  }
}

if (process.argv[1] === import.meta.filename) {
  const data = await provinceData()
  console.log(JSON.stringify({ path: data.path, counts: data.counts }))
}

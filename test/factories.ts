import { randomUUID } from 'node:crypto'
import type { CaseRecord } from '../src/domain/case.js'
import type { DirectoryFile } from '../src/domain/directory.js'
import type { CaseDraft } from '../src/services/cases/case-submission.js'
import { asResident, type TestApp } from './helpers/app.js'
import { caseEvent, caseRecord } from './store/records.js'

type Region = NonNullable<DirectoryFile['regions']>[number]
type Station = NonNullable<DirectoryFile['stations']>[number]
type Deputy = NonNullable<DirectoryFile['deputies']>[number]
export type Resident = Awaited<ReturnType<typeof asResident>>

/**
 * Factories, not fixtures: each builder makes what it needs through the services, as an office
 * or a resident would, so a test names only what its story is about. Fixed cities are in
 * fixtures.ts. Ids count up per process; every test has its own app, so they never meet.
 */
let made = 0
const next = () => ++made

/** A street of a district of its own, with the liaison station that covers it, imported as an office does. */
export async function buildStation(app: TestApp, overrides: Partial<Station> = {}) {
  const n = next()
  const district: Region = { id: `fd${n}`, name: `新区${n}区`, kind: 'district', parentId: null }
  const street: Region = { id: `fs${n}`, name: `新区${n}街道`, kind: 'street', parentId: district.id }
  const station: Station = {
    id: `fst${n}`,
    code: `FST${n}`,
    name: `新区${n}街道代表联络站`,
    kind: 'community',
    address: `新区路${n}号`,
    regionIds: [street.id],
    receptionDays: ['wed'],
    ...overrides,
  }
  await app.liaison.services.importer.import({ regions: [district, street], stations: [station] }, null)
  return { district, street, station }
}

/** A deputy, at a station of their own unless `stationIds` names one already there. */
export async function buildDeputy(app: TestApp, overrides: Partial<Deputy> = {}): Promise<Deputy> {
  const stationIds = overrides.stationIds ?? [(await buildStation(app)).station.id]
  const n = next()
  const deputy: Deputy = { id: `fdp${n}`, code: `FDP${n}`, name: `代表${n}号`, level: 'city', topics: [], phone: null, dutyDates: [], ...overrides, stationIds }
  await app.liaison.services.importer.import({ deputies: [deputy] }, null)
  return deputy
}

/** A resident in the mini-program who has agreed to the privacy notice (unless `consent: false`), with a session. */
export function buildResident(app: TestApp, overrides: { openid?: string; consent?: boolean } = {}): Promise<Resident> {
  return asResident(app, overrides.openid, { consent: overrides.consent })
}

/**
 * A message a resident left, submitted as the mini-program submits it. Without a place or a
 * code it goes to a deputy made for it; the resident is made too unless given.
 */
export async function buildCase(app: TestApp, overrides: Partial<CaseDraft> & { resident?: Resident } = {}) {
  const { resident: given, ...draft } = overrides
  const resident = given ?? (await buildResident(app))
  const placed = draft.regionId || draft.deputyCode || draft.stationCode
  const deputy = placed ? null : await buildDeputy(app)
  const submitted = await app.liaison.services.submitter.submit(
    { kind: 'mp_user', id: resident.userId, deputyId: null },
    { text: '小区门口的路灯坏了一个月，晚上出门看不清路', images: [], anonymous: false, publicConsent: false, deputyCode: deputy?.code ?? null, ...draft },
    null,
  )
  return { case: submitted.record, resident, deputy }
}

/**
 * A person's history of messages, written straight into the store (as submission writes them, numbered
 * per local date as the store numbers them), a minute apart from `at`: hundreds in a moment, for a story
 * about a busy block's spokeswoman where the submission path and its rate limit are not the point. At
 * 轻工街道代表联络站 with 张伟 (caseCity) unless `over` says otherwise.
 */
export async function buildStoredCases(
  app: TestApp,
  residentId: string,
  count: number,
  { ticketDate, at, ...over }: { ticketDate: string; at: Date } & Partial<CaseRecord>,
): Promise<CaseRecord[]> {
  const written: CaseRecord[] = []
  for (let i = 0; i < count; i++) {
    const createdAt = new Date(at.getTime() + i * 60_000)
    const record = caseRecord({ id: randomUUID(), residentId, text: `停车位被占用（第 ${i + 1} 条）`, createdAt, updatedAt: createdAt, ...over })
    const events = [caseEvent(record.id, 'submitted', { at: createdAt, actorRole: 'resident', actorId: residentId, toStatus: 'submitted' })]
    written.push(await app.liaison.store.cases.submit({ record, ticketDate, events, outbox: [] }))
  }
  return written
}

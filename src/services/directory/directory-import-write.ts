import type { ImportCheck, ImportedDeputy } from '../../domain/directory-import.js'
import { WAITING_STATUSES, type CaseRecord } from '../../domain/case.js'
import {
  deputiesNotInFileWarning,
  deputyLeftOutText,
  deputyMoveText,
  movesWarning,
  pastDutyKeptText,
  pastDutyKeptWarning,
  staffLeftOutText,
  staffNotInFileWarning,
  type DeputyMove,
} from '../../domain/import-review.js'
import type { MeetingDepartures } from '../meetings/meeting-departures.js'
import type { PasswordHasher } from '../../security/passwords.js'
import type { Clock } from '../../clock.js'
import { localDate } from '../../domain/dates.js'
import { dutyAfterImport, type PastDutyKept } from '../../domain/duty-after-import.js'
import { DEMO_STORE_MARKER } from '../accounts/demo-login.js'
import type { PiiCipher } from '../../security/pii.js'
import type { DeputyRecord, DirectorySnapshot, Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { deputiesNotInFile, staffNotInFileOf, type ImportProgress, type ImportReport } from './import-report.js'
import { auditDeputyChanges, tellDeputyDetails } from './import-deputy-details.js'
import { codeOwnerIn, staffRecords, tellGeneratedCodes, tellStillWaiting } from './import-codes.js'

type Kind = keyof DirectorySnapshot
type Tally = Record<Kind, number>
const zero = (): Tally => ({ regions: 0, stations: 0, units: 0, deputies: 0, staff: 0 })

/**
 * What writing an import needs (DirectoryImporter's, its defaults settled): the file checked (directory-import.ts)
 * is applied here, all or nothing, and what it changed, moved or left out is told to the clerk in words.
 */
export interface ImportWriting {
  store: Pick<Store, 'directory' | 'markers' | 'cases'>
  cipher: PiiCipher
  passwords: PasswordHasher
  audit: AuditTrail
  clock: Clock
  timeZone: string
  /** Told after every import, so caches of the directory (routing) start afresh. */
  onChange: () => void
  /** Marks deputies who moved on the lists of meetings ahead at stations no longer theirs (已调到…); null: none kept. */
  departures: Pick<MeetingDepartures, 'reconsider'> | null
}

/** Writes a checked file in one go and says what it did (DirectoryImporter.import and importSheets). */
export async function writeImport(
  w: ImportWriting,
  check: Extract<ImportCheck, { ok: true }>,
  existing: DirectorySnapshot,
  actor: StaffPrincipal | null,
  progress: ImportProgress,
  {
    passwordCost,
    changeAtFirstLogin,
    keepPhones = new Set(),
    generateCodes = false,
  }: { passwordCost?: number; changeAtFirstLogin: boolean; keepPhones?: ReadonlySet<string>; generateCodes?: boolean },
): Promise<ImportReport> {
  const { file } = check
  progress(
    `校验通过：${file.regions.length} 个区域，${file.stations.length} 个联络站，${file.units.length} 个承办单位，${file.deputies.length} 名代表，${file.staff.length} 名工作人员`,
  )

  const deputiesById = new Map(existing.deputies.map((d) => [d.id, d]))
  const staffById = new Map(existing.staff.map((s) => [s.id, s]))
  const today = localDate(w.clock.now(), w.timeZone)
  const pastKept: Array<{ deputy: ImportedDeputy; kept: PastDutyKept[] }> = []
  const deputies = file.deputies.map((d) => {
    const { record, pastDutyKept } = deputyRecord(w.cipher, d, deputiesById.get(d.id), today, keepPhones.has(d.id))
    if (pastDutyKept.length) pastKept.push({ deputy: d, kept: pastDutyKept })
    return record
  })
  const generated: Array<{ username: string; name: string; code: string }> = []
  const stillWaiting: string[] = []
  const staff = await staffRecords({ cipher: w.cipher, passwords: w.passwords, clock: w.clock }, file.staff, staffById, progress, {
    passwordCost,
    changeAtFirstLogin,
    generated: generateCodes ? generated : null,
    stillWaiting,
    taken: codeOwnerIn(w.cipher, existing),
  })

  const incoming: DirectorySnapshot = { regions: file.regions, stations: file.stations, units: file.units, deputies, staff }
  const notInFile = deputiesNotInFile(existing.deputies, file.deputies)
  const staffNotInFile = staffNotInFileOf(existing.staff, file.staff)
  const report: ImportReport = {
    created: zero(),
    updated: zero(),
    unchanged: zero(),
    notInFile: { deputies: notInFile, staff: staffNotInFile },
    moved: [],
    leftOut: { deputies: [], staff: [] },
    pastDutyKept: [],
    detailsChanged: { count: 0, items: [] },
    sameName: [],
    warnings: check.warnings,
    notes: [],
  }
  tellPastDutyKept(report, pastKept, [...existing.stations, ...file.stations], today)
  const changed: DirectorySnapshot = { regions: [], stations: [], units: [], deputies: [], staff: [] }
  for (const kind of Object.keys(incoming) as Kind[]) {
    const before = new Map<string, unknown>(existing[kind].map((r) => [r.id, r]))
    for (const record of incoming[kind]) {
      const old = before.get(record.id)
      const verdict = old === undefined ? 'created' : sameRecord(old, record) ? 'unchanged' : 'updated'
      report[verdict][kind]++
      if (verdict !== 'unchanged') (changed[kind] as unknown[]).push(record)
    }
  }
  progress(`写入：新增 ${sum(report.created)}，更新 ${sum(report.updated)}，未变 ${sum(report.unchanged)}`)
  // Whatever is imported may be a real office's people: the store is no longer only the demo, and
  // the demo's login without WeChat (accounts/demo-login.ts) must not reach them. Cleared before the
  // write, so a failed write leaves it cleared; seedDemo marks the store again after its own import.
  await w.store.markers.clear(DEMO_STORE_MARKER)
  // An account the file disables lets go of its WeChat binding in the same write, audited as the console's 停用 is.
  await w.store.directory.upsertAll(changed, (staffId) =>
    w.audit.entry(actor, 'staff.bot_unbound', { kind: 'staff', id: staffId }, { cause: 'account_disabled' }),
  )
  w.onChange()
  await review(w, report, existing, incoming)
  await auditDeputyChanges(w.audit, actor, existing.deputies, changed.deputies)
  await w.audit.record(actor, 'directory.import', null, {
    created: report.created,
    updated: report.updated,
    deputiesNotInFile: notInFile.count,
    staffNotInFile: staffNotInFile.count,
    moved: report.moved.length,
    ...(report.pastDutyKept.length ? { pastDutyKept: report.pastDutyKept.length } : {}),
    ...(generated.length ? { codesGenerated: generated.length } : {}),
  })
  await tellGeneratedCodes(report, generated)
  tellStillWaiting(report, stillWaiting)
  return report
}

/**
 * What the clerk must know of the people the import moved or left out, said in words (import-review.ts):
 * each deputy moved with what he still holds at the stations he left, and the meetings ahead there, now
 * marked 已调到… on their lists; each deputy and console account not in the file, and how to act on them.
 */
async function review(w: ImportWriting, report: ImportReport, existing: DirectorySnapshot, incoming: DirectorySnapshot) {
  report.notes = [...report.warnings]
  tellDeputyDetails(report, existing.deputies, incoming.deputies)
  const stationName = new Map([...existing.stations, ...incoming.stations].map((s) => [s.id, s.name]))
  const names = (ids: string[]) => ids.map((id) => stationName.get(id) ?? id)
  const before = new Map(existing.deputies.map((d) => [d.id, d]))
  const movers = incoming.deputies.flatMap((d) => {
    const old = before.get(d.id)
    return old && (old.stationIds.length !== d.stationIds.length || old.stationIds.some((id) => !d.stationIds.includes(id))) ? [{ old, now: d }] : []
  })
  // Meetings ahead follow whoever moved, left or came back to office, or is new (his station's lists take him).
  const reconsidered = incoming.deputies.filter((d) => {
    const old = before.get(d.id)
    return !old || old.active !== d.active
  })
  const changes = w.departures ? await w.departures.reconsider([...movers.map((m) => m.now.id), ...reconsidered.map((d) => d.id)]) : []
  // The open cases of every mover and every deputy left out, in one read (a new term moves thousands).
  const { deputies: notListed } = report.notInFile
  const openIds = [...movers.map((m) => m.now.id), ...notListed.items.map((d) => d.id)]
  const openOf = new Map<string, CaseRecord[]>()
  if (openIds.length)
    for (const c of await w.store.cases.listForStats({ deputyIds: openIds, statuses: [...WAITING_STATUSES] }))
      if (c.deputyId) openOf.set(c.deputyId, [...(openOf.get(c.deputyId) ?? []), c])
  for (const { old, now } of movers) {
    const left = old.stationIds.filter((id) => !now.stationIds.includes(id))
    const open = openOf.get(now.id) ?? []
    const held = left.flatMap((id) => {
      const count = open.filter((c) => c.stationId === id).length
      return count ? [{ station: stationName.get(id) ?? id, count }] : []
    })
    const move: DeputyMove = {
      id: now.id,
      code: now.code,
      name: now.name,
      from: names(old.stationIds),
      to: names(now.stationIds),
      held,
      meetingsLeft: changes.filter((c) => c.deputyId === now.id && c.withdrawn).map((c) => c.meeting.title),
      meetingsJoined: changes.filter((c) => c.deputyId === now.id && c.joined).map((c) => c.meeting.title),
      dutyKept: left.some((id) => (now.formerDuty?.[id]?.length ?? 0) > (old.formerDuty?.[id]?.length ?? 0)),
    }
    report.moved.push({ ...move, text: deputyMoveText(move) })
  }
  if (report.moved.length) report.warnings.push(movesWarning(report.moved))

  const { deputies, staff } = report.notInFile
  // Where a left-out deputy's messages would go back to nobody: stations without a clerk's account in service after this import.
  const accountsNow = new Map([...existing.staff, ...incoming.staff].map((s) => [s.id, s]))
  const staffed = new Set([...accountsNow.values()].flatMap((s) => (s.role === 'station_staff' && s.active ? s.stationIds : [])))
  for (const d of deputies.items) {
    const open = openOf.get(d.id) ?? []
    const unstaffed = [...new Set(open.flatMap((c) => (c.stationId && !staffed.has(c.stationId) ? [stationName.get(c.stationId) ?? c.stationId] : [])))]
    const sameNameAs = report.sameName.find((p) => p.leftOut.id === d.id)?.created
    const said = { ...d, openCases: open.length, ...(sameNameAs ? { sameNameAs } : {}) }
    report.leftOut.deputies.push({ ...said, text: deputyLeftOutText({ ...said, unstaffed }) })
  }
  if (deputies.count)
    report.warnings.push(
      deputiesNotInFileWarning(
        deputies.count,
        deputies.items.slice(0, 10).map((d) => `${d.name}(${d.code})`),
      ),
    )
  const accounts = new Map(existing.staff.map((s) => [s.id, s]))
  for (const s of staff.items) {
    const role = accounts.get(s.id)?.role ?? ''
    report.leftOut.staff.push({ id: s.id, username: s.code, name: s.name, role, text: staffLeftOutText({ name: s.name, username: s.code, role }) })
  }
  if (staff.count)
    report.warnings.push(
      staffNotInFileWarning(
        staff.count,
        staff.items.slice(0, 10).map((s) => `${s.name}(${s.code})`),
      ),
    )
}

/**
 * The days gone by that the file gave otherwise than recorded, kept as they were: each said in words (one line per
 * deputy and station) and, for the page's list of notes, in one line of the warnings.
 */
function tellPastDutyKept(
  report: ImportReport,
  pastKept: Array<{ deputy: ImportedDeputy; kept: PastDutyKept[] }>,
  stations: Array<{ id: string; name: string }>,
  today: string,
) {
  const stationName = new Map(stations.map((s) => [s.id, s.name]))
  for (const { deputy, kept } of pastKept)
    for (const k of kept) {
      const note = {
        id: deputy.id,
        code: deputy.code,
        name: deputy.name,
        station: stationName.get(k.stationId) ?? k.stationId,
        added: k.added,
        dropped: k.dropped,
      }
      report.pastDutyKept.push({ ...note, stationId: k.stationId, text: pastDutyKeptText(note, today) })
    }
  if (!pastKept.length) return
  const texts = report.pastDutyKept.slice(0, 10).map((k) => k.text)
  report.warnings.push(pastDutyKeptWarning(pastKept.length, texts, report.pastDutyKept.length > texts.length))
}

/**
 * `keepPhone`: the sheet said nothing of the phone and the stored one will not open: it stays as stored.
 * His days gone by stay as recorded, whatever the file says of them (dutyAfterImport; `pastDutyKept`: where it
 * differed); a deputy moved to another station keeps his duty there before `today` as its history.
 */
function deputyRecord(
  cipher: PiiCipher,
  d: ImportedDeputy,
  old: DeputyRecord | undefined,
  today: string,
  keepPhone = false,
): { record: DeputyRecord; pastDutyKept: PastDutyKept[] } {
  const { phone, ...imported } = d
  const duty = dutyAfterImport(old, imported, today)
  const rest = { ...imported, dutyByStation: duty.dutyByStation, ...(Object.keys(duty.formerDuty).length ? { formerDuty: duty.formerDuty } : {}) }
  const pastDutyKept = duty.pastKept
  if (keepPhone && !phone && old) return { record: { ...rest, phoneEnc: old.phoneEnc, phoneIndex: old.phoneIndex, active: old.active ?? true }, pastDutyKept }
  const phoneIndex = phone ? cipher.blindIndex(phone) : null
  // The same number keeps its envelope, so a re-import without changes writes nothing.
  const phoneEnc = !phone ? null : old?.phoneIndex === phoneIndex && old.phoneEnc ? old.phoneEnc : cipher.encrypt(phone, d.id)
  // The file says nothing of who is in office: one taken out of service stays out until the office restores them.
  return { record: { ...rest, phoneEnc, phoneIndex, active: old?.active ?? true }, pastDutyKept }
}

function sum(t: Tally) {
  return t.regions + t.stations + t.units + t.deputies + t.staff
}

/** Records compare by value; key order differs between the file and the store. */
function sameRecord(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v,
  )
}

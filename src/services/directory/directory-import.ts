import { checkDirectoryFile, type ImportCheck, type ImportedDeputy } from '../../domain/directory-import.js'
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
import { sheetProblemSummary, type SheetProblemSummary } from '../../domain/directory-sheet-problems.js'
import { sheetsToDirectoryFile } from '../../domain/directory-sheets.js'
import type { ErrorDetail } from '../../errors.js'
import { UnprocessableError } from '../../errors.js'
import type { PasswordHasher } from '../../security/passwords.js'
import type { Clock } from '../../clock.js'
import { localDate } from '../../domain/dates.js'
import { dutyAfterImport, type PastDutyKept } from '../../domain/duty-after-import.js'
import { DEMO_STORE_MARKER } from '../accounts/demo-login.js'
import type { PiiCipher } from '../../security/pii.js'
import type { DeputyRecord, DirectorySnapshot, Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { readSheetRows, type SheetUpload } from './directory-sheets.js'
import { deputiesNotInFile, staffNotInFileOf, type ImportProgress, type ImportReport } from './import-report.js'
import { codeOwnerIn, staffRecords, tellGeneratedCodes, tellStillWaiting } from './import-codes.js'

export type { GeneratedCodes, ImportProgress, ImportReport, NotInFile } from './import-report.js'

type Kind = keyof DirectorySnapshot
type Tally = Record<Kind, number>
const zero = (): Tally => ({ regions: 0, stations: 0, units: 0, deputies: 0, staff: 0 })

/** What DirectoryImporter is built from (one object: the parameters are many). */
export interface DirectoryImporterDeps {
  store: Pick<Store, 'directory' | 'markers' | 'cases'>
  cipher: PiiCipher
  passwords: PasswordHasher
  audit: AuditTrail
  topics: readonly string[]
  /** Dates new activation codes, which expire (AuthService.activate), and is the day a roster's 值班日期 without a year counts from. */
  clock: Clock
  /** The business time zone, which dates the import day. */
  timeZone: string
  /** Told after every import, so caches of the directory (routing) start afresh. */
  onChange?: () => void
  /** Marks deputies who moved on the lists of meetings ahead at stations no longer theirs (已调到…). */
  departures?: Pick<MeetingDepartures, 'reconsider'>
}

/**
 * Imports a directory file: all or nothing, updating records in place by id so that a
 * nightly sync from another system works. Phones are sealed before they reach the store;
 * a password in the file is only an initial password and never overwrites one already set,
 * and an activation code (the safer choice: nothing to hash, nothing to print) lets a new
 * staff member set their own password at first login.
 */
export class DirectoryImporter {
  private readonly store: Pick<Store, 'directory' | 'markers' | 'cases'>
  private readonly cipher: PiiCipher
  private readonly passwords: PasswordHasher
  private readonly audit: AuditTrail
  private readonly topics: readonly string[]
  private readonly clock: Clock
  private readonly timeZone: string
  /** Told after every import, so caches of the directory (routing) start afresh. */
  private readonly onChange: () => void
  private readonly departures: Pick<MeetingDepartures, 'reconsider'> | null

  constructor(deps: DirectoryImporterDeps) {
    this.departures = deps.departures ?? null
    ;({
      store: this.store,
      cipher: this.cipher,
      passwords: this.passwords,
      audit: this.audit,
      topics: this.topics,
      clock: this.clock,
      timeZone: this.timeZone,
      onChange: this.onChange = () => {},
    } = deps)
  }

  /**
   * `passwordCost`: scrypt N for the file's initial passwords, when not today's (see seedDemo).
   * `changeAtFirstLogin`: whether a new account's initial password must be changed before anything
   * else, as whoever wrote the file knows it (yes, unless the passwords are the reader's own: seedDemo).
   */
  async import(
    input: unknown,
    actor: StaffPrincipal | null,
    progress: ImportProgress = () => {},
    { passwordCost, changeAtFirstLogin = true }: { passwordCost?: number; changeAtFirstLogin?: boolean } = {},
  ): Promise<ImportReport> {
    const existing = await this.store.directory.snapshot()
    const check = checkDirectoryFile(input, existing, this.topics, { codeOwner: codeOwnerIn(this.cipher, existing) })
    if (!check.ok) throw rejected(check.problems)
    return this.write(check, existing, actor, progress, { passwordCost, changeAtFirstLogin })
  }

  /**
   * Imports the roster as an office keeps it: spreadsheets saved as CSV (directory-sheets.ts),
   * turned into the file format and checked and written exactly as a file is. Every problem
   * names the sheet's row and column; one problem anywhere and nothing is imported.
   */
  async importSheets(uploads: SheetUpload[], actor: StaffPrincipal | null, progress: ImportProgress = () => {}): Promise<ImportReport> {
    const read = await Promise.all(uploads.map(readSheetRows))
    const unreadable = read.flatMap((r) => (r.problem ? [r.problem] : []))
    if (unreadable.length) throw rejected(unreadable)
    const sheets = read.flatMap((r) => (r.problem ? [] : [r.sheet]))
    const existing = await this.store.directory.snapshot()
    // A column a sheet leaves out keeps the stored value; a stored phone is opened only for that.
    const phones = new Map(existing.deputies.map((d) => [d.id, d.phoneEnc]))
    // Stored numbers that will not open: kept as stored (not deleted, not a 500 for the whole roster), and said in the report.
    const unreadablePhones = new Set<string>()
    const conversion = sheetsToDirectoryFile(
      sheets,
      existing,
      {
        deputies: existing.deputies,
        staff: existing.staff,
        phoneOf: (id) => {
          const envelope = phones.get(id)
          const phone = envelope ? this.cipher.tryDecrypt(envelope, id) : null
          if (envelope && phone === null) unreadablePhones.add(id)
          return phone
        },
      },
      // Past the first problems, the rest are only counted: a sheet of 50,000 bad rows must not hold 200,000 of them.
      { today: localDate(this.clock.now(), this.timeZone), problemsListed: PROBLEMS_LISTED },
    )
    const check = checkDirectoryFile(conversion.file, existing, this.topics, { codeOwner: codeOwnerIn(this.cipher, existing) })
    const problems = sheetProblemSummary(sheets, conversion, check.ok ? [] : check.problems)
    if (problems.total || !check.ok) throw rejectedSheets(problems)
    // Sheets left out (a workbook's 说明 page) are said first: the clerk checks nothing of theirs was among them.
    check.warnings.unshift(...conversion.skipped, ...conversion.notes)
    for (const d of check.file.deputies.filter((d) => unreadablePhones.has(d.id) && d.phone === null))
      check.warnings.push(`代表${d.name}（${d.code}）原来存的电话无法读取，这次没有改动，原样保留；如需改正，请在表格里加上"电话"一列，填上号码后重新导入`)
    return this.write(check, existing, actor, progress, { changeAtFirstLogin: true, keepPhones: unreadablePhones, generateCodes: true })
  }

  private async write(
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
    const today = localDate(this.clock.now(), this.timeZone)
    const pastKept: Array<{ deputy: ImportedDeputy; kept: PastDutyKept[] }> = []
    const deputies = file.deputies.map((d) => {
      const { record, pastDutyKept } = this.deputyRecord(d, deputiesById.get(d.id), today, keepPhones.has(d.id))
      if (pastDutyKept.length) pastKept.push({ deputy: d, kept: pastDutyKept })
      return record
    })
    const generated: Array<{ username: string; name: string; code: string }> = []
    const stillWaiting: string[] = []
    const staff = await staffRecords({ cipher: this.cipher, passwords: this.passwords, clock: this.clock }, file.staff, staffById, progress, {
      passwordCost,
      changeAtFirstLogin,
      generated: generateCodes ? generated : null,
      stillWaiting,
      taken: codeOwnerIn(this.cipher, existing),
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
      warnings: check.warnings,
      notes: [],
    }
    this.tellPastDutyKept(report, pastKept, [...existing.stations, ...file.stations], today)
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
    await this.store.markers.clear(DEMO_STORE_MARKER)
    // An account the file disables lets go of its WeChat binding in the same write, audited as the console's 停用 is.
    await this.store.directory.upsertAll(changed, (staffId) =>
      this.audit.entry(actor, 'staff.bot_unbound', { kind: 'staff', id: staffId }, { cause: 'account_disabled' }),
    )
    this.onChange()
    await this.review(report, existing, incoming)
    await this.audit.record(actor, 'directory.import', null, {
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
  private async review(report: ImportReport, existing: DirectorySnapshot, incoming: DirectorySnapshot) {
    report.notes = [...report.warnings]
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
    const changes = this.departures ? await this.departures.reconsider([...movers.map((m) => m.now.id), ...reconsidered.map((d) => d.id)]) : []
    // The open cases of every mover and every deputy left out, in one read (a new term moves thousands).
    const { deputies: notListed } = report.notInFile
    const openIds = [...movers.map((m) => m.now.id), ...notListed.items.map((d) => d.id)]
    const openOf = new Map<string, CaseRecord[]>()
    if (openIds.length)
      for (const c of await this.store.cases.listForStats({ deputyIds: openIds, statuses: [...WAITING_STATUSES] }))
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
    for (const d of deputies.items) {
      const openCases = openOf.get(d.id)?.length ?? 0
      report.leftOut.deputies.push({ ...d, openCases, text: deputyLeftOutText({ ...d, openCases }) })
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
  private tellPastDutyKept(
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
  private deputyRecord(
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
    const phoneIndex = phone ? this.cipher.blindIndex(phone) : null
    // The same number keeps its envelope, so a re-import without changes writes nothing.
    const phoneEnc = !phone ? null : old?.phoneIndex === phoneIndex && old.phoneEnc ? old.phoneEnc : this.cipher.encrypt(phone, d.id)
    // The file says nothing of who is in office: one taken out of service stays out until the office restores them.
    return { record: { ...rest, phoneEnc, phoneIndex, active: old?.active ?? true }, pastDutyKept }
  }
}

/** At most this many problems are told: a whole sheet of mistakes made an answer of megabytes the page could not show. */
export const PROBLEMS_LISTED = 200

function rejected(problems: ErrorDetail[]) {
  if (problems.length <= PROBLEMS_LISTED) return new UnprocessableError(`导入文件有 ${problems.length} 处问题，未导入任何数据`, problems, 'import_rejected')
  return new UnprocessableError(
    `导入文件有问题，未导入任何数据：共 ${problems.length} 处问题，下面列出前 ${PROBLEMS_LISTED} 处`,
    problems.slice(0, PROBLEMS_LISTED),
    'import_rejected',
  )
}

/** A roster's problems: the first ones by row, then a line for each column of those not listed (how many, which rows). */
function rejectedSheets({ total, listed, unlisted }: SheetProblemSummary) {
  if (!unlisted.length) return rejected(listed)
  return new UnprocessableError(
    `导入文件有问题，未导入任何数据：共 ${total} 处问题，下面列出前 ${listed.length} 处`,
    [...listed, ...unlisted],
    'import_rejected',
  )
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

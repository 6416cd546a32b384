import { BUILT_IN_ADMIN_ID, type ImportedDeputy, type ImportedStaff } from '../../domain/directory-import.js'
import type { DeputyMove } from '../../domain/import-review.js'
import type { DeputyRecord, DirectorySnapshot, StaffRecord } from '../../store/ports.js'

type Tally = Record<keyof DirectorySnapshot, number>

export interface ImportReport {
  created: Tally
  updated: Tally
  unchanged: Tally
  /**
   * Deputies in office whom a file listing deputies leaves out, and active console accounts a file listing
   * staff leaves out (`code`: the user name). They are kept as they are (a file may cover one district only):
   * the office takes those who have left out of service itself (设为离任, 停用), which `leftOut` says how.
   */
  notInFile: { deputies: NotInFile; staff: NotInFile }
  /** Deputies whose stations the file changed: from where to where, what they still hold, in words (`text`). */
  moved: Array<DeputyMove & { text: string }>
  /**
   * Those left out, each in words: what they still hold or may still do, and where to act. `sameNameAs`: a new
   * deputy of the file with the same name, likely the code mistyped (see `sameName`): checked before 设为离任.
   */
  leftOut: {
    deputies: Array<{ id: string; code: string; name: string; openCases: number; sameNameAs?: { id: string; code: string; name: string }; text: string }>
    staff: Array<{ id: string; username: string; name: string; role: string; text: string }>
  }
  /**
   * Deputies' days gone by that the file gave otherwise than recorded (one per deputy and station): kept as they were,
   * the record of who sat; `added`: in the file, never sat, not recorded; `dropped`: sat, left out, still recorded.
   * Today and the days ahead are the file's. Said in words (`text`) and in one line of `warnings`.
   */
  pastDutyKept: Array<{ id: string; code: string; name: string; stationId: string; station: string; added: string[]; dropped: string[]; text: string }>
  /**
   * Deputies kept (same code) whose name, phone or 关注领域 the file changed or cleared, each in words (`text`):
   * the first NOT_IN_FILE_LISTED of them, and how many in all. Also said in one line of `warnings` and `notes`.
   */
  detailsChanged: { count: number; items: DeputyDetailsChange[] }
  /** New deputies named as a deputy in office the file leaves out, each asked in words (`text`, also in `warnings` and `notes`). */
  sameName: Array<SameNamePair & { text: string }>
  /** Every line the clerk should read, those about the people above included (for the command line and the API). */
  warnings: string[]
  /**
   * The lines of `warnings` the page lists under its counts: about the file itself (sheets skipped, years read, places
   * no station covers), and about people what the page's lists below do not show (details changed, a same name).
   */
  notes: string[]
  /**
   * The codes the system made for new accounts whose activation-code cell was blank (sheets only), as a CSV file
   * to save at once: they are kept nowhere else (the store holds only their hashes), so this answer is the one
   * chance to download them. Absent when none was made.
   */
  activationCodes?: GeneratedCodes
}

/** Codes made by an import: how many, and the file of them (姓名, 账号, 激活码) for the clerk to save and hand out. */
export interface GeneratedCodes {
  count: number
  fileName: string
  csv: string
}

/** How many were left out, and the first of them by id. */
export interface NotInFile {
  count: number
  items: Array<{ id: string; code: string; name: string }>
}
export const NOT_IN_FILE_LISTED = 100

/** Deputies in office the file does not list; none when the file lists no deputies at all (a file of stations or staff only). */
export function deputiesNotInFile(existing: DeputyRecord[], listed: ImportedDeputy[]): NotInFile {
  if (!listed.length) return { count: 0, items: [] }
  const inFile = new Set(listed.map((d) => d.id))
  const left = existing.filter((d) => d.active && !inFile.has(d.id))
  return { count: left.length, items: left.slice(0, NOT_IN_FILE_LISTED).map(({ id, code, name }) => ({ id, code, name })) }
}

/**
 * Console accounts still able to log in that a file listing staff leaves out, of the roles it lists (a sheet of
 * station and office staff says nothing of the handling units' accounts, which the sheet cannot hold); none when
 * it lists no staff. The built-in admin is the system's, never the roster's, and is not named.
 */
export function staffNotInFileOf(existing: StaffRecord[], listed: ImportedStaff[]): NotInFile {
  if (!listed.length) return { count: 0, items: [] }
  const inFile = new Set(listed.map((s) => s.id))
  const roles = new Set(listed.map((s) => s.role))
  const left = existing.filter((s) => s.active && !inFile.has(s.id) && roles.has(s.role) && s.id !== BUILT_IN_ADMIN_ID)
  return { count: left.length, items: left.slice(0, NOT_IN_FILE_LISTED).map(({ id, username, name }) => ({ id, code: username, name })) }
}

export type ImportProgress = (message: string) => void

/** Said of a deputy's 关注领域 in the report: “环境保护、交通出行”. */
const topicsWords = (topics: string[]) => `“${topics.join('、')}”`

/**
 * A deputy the import kept (same code) whose own details it changed: his name, phone or 关注领域, each said in words
 * (`text`), the phone without its number. `fields` names them as the audit trail does (name, phone, topics).
 */
export interface DeputyDetailsChange {
  id: string
  code: string
  name: string
  fields: Array<'name' | 'phone' | 'topics'>
  text: string
}

/** "张玮（DP0001）：姓名由“张伟”改为“张玮”；电话已删去；关注领域已删去（原为“环境保护”）"; null when none of these changed. */
export function deputyDetailsChange(old: DeputyRecord, now: DeputyRecord): DeputyDetailsChange | null {
  const fields: DeputyDetailsChange['fields'] = []
  const parts: string[] = []
  if (old.name !== now.name) {
    fields.push('name')
    parts.push(`姓名由“${old.name}”改为“${now.name}”`)
  }
  if ((old.phoneIndex ?? null) !== (now.phoneIndex ?? null)) {
    fields.push('phone')
    parts.push(!now.phoneIndex ? '电话已删去' : !old.phoneIndex ? '填上了电话' : '电话已改')
  }
  const [before, after] = [old.topics ?? [], now.topics ?? []]
  if (before.length !== after.length || before.some((t, i) => t !== after[i])) {
    fields.push('topics')
    parts.push(
      !after.length
        ? `关注领域已删去（原为${topicsWords(before)}）`
        : !before.length
          ? `关注领域填上了${topicsWords(after)}`
          : `关注领域由${topicsWords(before)}改为${topicsWords(after)}`,
    )
  }
  return fields.length ? { id: now.id, code: now.code, name: now.name, fields, text: `${now.name}（${now.code}）：${parts.join('；')}` } : null
}

/** The report's line for the deputies whose name, phone or 关注领域 changed (`changes`: the first ones). */
export function detailsChangedWarning(count: number, changes: DeputyDetailsChange[]): string {
  return `${count} 位代表的姓名、电话或关注领域有改动，请核对：${changes.map((c) => c.text).join('。')}${count > changes.length ? ' 等' : ''}`
}

/** A new deputy named as a deputy in office the file left out: likely his code mistyped, and a second of him made. */
export interface SameNamePair {
  created: { id: string; code: string; name: string }
  leftOut: { id: string; code: string; name: string }
}

/**
 * Each new deputy of the file whose name is that of a deputy in office the file leaves out ("DP00O1" typed for
 * DP0001 makes a second 张伟, and lists the real one as left out): the office is asked before it retires the real one.
 */
export function sameNamePairs(existing: DeputyRecord[], listed: Array<Pick<DeputyRecord, 'id' | 'code' | 'name'>>): SameNamePair[] {
  const inFile = new Set(listed.map((d) => d.id))
  const stored = new Set(existing.map((d) => d.id))
  const leftOutByName = new Map<string, DeputyRecord[]>()
  for (const d of existing) if (d.active && !inFile.has(d.id)) leftOutByName.set(nameKey(d.name), [...(leftOutByName.get(nameKey(d.name)) ?? []), d])
  return listed.flatMap((d) =>
    stored.has(d.id)
      ? []
      : (leftOutByName.get(nameKey(d.name)) ?? []).map((o) => ({
          created: { id: d.id, code: d.code, name: d.name },
          leftOut: { id: o.id, code: o.code, name: o.name },
        })),
  )
}
const nameKey = (name: string) => name.replace(/\s+/g, '')

/** "新代表 张伟（DP00O1）和名册外的 张伟（DP0001）同名，是不是代码写错了？…". */
export function sameNameWarning(p: SameNamePair): string {
  return (
    `新代表 ${p.created.name}（${p.created.code}）和名册外的 ${p.leftOut.name}（${p.leftOut.code}）同名，是不是代码写错了？` +
    `是写错了的，请把表格里的代码改回 ${p.leftOut.code} 重新导入，再把多出来的 ${p.created.name}（${p.created.code}）设为离任；确是两个人的，不用处理`
  )
}

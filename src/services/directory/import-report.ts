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
  /** Those left out, each in words: what they still hold or may still do, and where to act. */
  leftOut: {
    deputies: Array<{ id: string; code: string; name: string; openCases: number; text: string }>
    staff: Array<{ id: string; username: string; name: string; role: string; text: string }>
  }
  /**
   * Deputies' days gone by that the file gave otherwise than recorded (one per deputy and station): kept as they were,
   * the record of who sat; `added`: in the file, never sat, not recorded; `dropped`: sat, left out, still recorded.
   * Today and the days ahead are the file's. Said in words (`text`) and in one line of `warnings`.
   */
  pastDutyKept: Array<{ id: string; code: string; name: string; stationId: string; station: string; added: string[]; dropped: string[]; text: string }>
  /** Every line the clerk should read, those about the people above included (for the command line and the API). */
  warnings: string[]
  /** The lines of `warnings` about the file itself (sheets skipped, years read, places no station covers), not about people. */
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

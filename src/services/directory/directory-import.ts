import { checkDirectoryFile } from '../../domain/directory-import.js'
import { sheetProblemSummary, type SheetProblemSummary } from '../../domain/directory-sheet-problems.js'
import { sheetsToDirectoryFile } from '../../domain/directory-sheets.js'
import type { ErrorDetail } from '../../errors.js'
import { UnprocessableError } from '../../errors.js'
import type { PasswordHasher } from '../../security/passwords.js'
import type { Clock } from '../../clock.js'
import { localDate } from '../../domain/dates.js'
import type { PiiCipher } from '../../security/pii.js'
import type { Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { MeetingDepartures } from '../meetings/meeting-departures.js'
import { readSheetRows, type SheetUpload } from './directory-sheets.js'
import type { ImportProgress, ImportReport } from './import-report.js'
import { codeOwnerIn } from './import-codes.js'
import { writeImport, type ImportWriting } from './directory-import-write.js'

export type { GeneratedCodes, ImportProgress, ImportReport, NotInFile } from './import-report.js'

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
 * staff member set their own password at first login. Here the file or the roster's sheets are read and
 * checked; a file that passes is written, and the clerk told what changed, by writeImport (directory-import-write.ts).
 */
export class DirectoryImporter {
  private readonly store: Pick<Store, 'directory'>
  private readonly cipher: PiiCipher
  private readonly topics: readonly string[]
  private readonly clock: Clock
  private readonly timeZone: string
  /** What applies a checked file and tells what it did (directory-import-write.ts). */
  private readonly writing: ImportWriting

  constructor(deps: DirectoryImporterDeps) {
    ;({ store: this.store, cipher: this.cipher, topics: this.topics, clock: this.clock, timeZone: this.timeZone } = deps)
    this.writing = { ...deps, onChange: deps.onChange ?? (() => {}), departures: deps.departures ?? null }
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
    return writeImport(this.writing, check, existing, actor, progress, { passwordCost, changeAtFirstLogin })
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
    // A column a sheet leaves out, or a deputy's 电话 left blank, keeps the stored value; a stored phone is opened only for that.
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
    return writeImport(this.writing, check, existing, actor, progress, { changeAtFirstLogin: true, keepPhones: unreadablePhones, generateCodes: true })
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

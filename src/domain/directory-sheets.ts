import type { ExistingDirectory } from './directory-import.js'
import type { Deputy, DeputyLevel, RegionKind, Staff, StaffRole, StationKind } from './directory.js'
import {
  LEVEL_WORDS,
  REGION_KIND_WORDS,
  ROLE_WORDS,
  SCIENTIFIC,
  STATION_KIND_WORDS,
  compact,
  dutyOf,
  exampleCodeRefused,
  levelOf,
  hoursField,
  keptUnlessWritten,
  readReceptionHours,
  readWeekday,
  splitList,
  splitWords,
  staffRegions,
} from './directory-sheet-readers.js'
import { NO_DUTY, KEY_HEADING, SHEET_KINDS, specOf, type SheetKind } from './directory-sheet-specs.js'
import { duplicateWords, requiredWords, rowsByKind, type SheetRow, type SheetRows } from './directory-sheet-rows.js'
import { idsByCode, placeholderId, referenceIndex, type Reference } from './directory-sheet-ids.js'
import { trimCell } from './sheet-cells.js'
import { dayText } from './dates.js'
import { SheetProblemList, type Place, type SheetProblem } from './sheet-problem-list.js'

export type { Place, SheetProblem } from './sheet-problem-list.js'
export type { SheetRows } from './directory-sheet-rows.js'

/**
 * The roster as an office keeps it: spreadsheets saved as CSV, one per kind (地区, 联络站, 代表,
 * 工作人员), Chinese column headings, records referring to each other by name or code. Each sheet
 * is turned into the import file's own shape (DirectoryFile), so the one check of
 * directory-import.ts judges it; its problems are then told back by row and heading, as Excel
 * numbers the rows (directory-sheet-problems.ts). A sheet's rows are read in directory-sheet-rows.ts,
 * its records' ids made in directory-sheet-ids.ts.
 */

type SheetRecord = Record<string, unknown>
export type SheetFile = Record<SheetKind, SheetRecord[]>

/**
 * The stored records a sheet may update, in full: a column a sheet leaves out (the clerk deleted
 * it, or the sheet comes from another system) keeps what is stored rather than wiping it.
 */
export interface StoredDirectory {
  deputies: Array<Omit<Deputy, 'phone' | 'active'>>
  staff: Staff[]
  /** A stored deputy's phone, opened only for a deputy updated by a sheet whose 电话 is left out or blank (kept). */
  phoneOf: (deputyId: string) => string | null
}
const NOTHING_STORED: StoredDirectory = { deputies: [], staff: [], phoneOf: () => null }

export interface SheetConversion {
  file: SheetFile
  places: Record<SheetKind, Place[]>
  /** The first problems found (all of them, unless a limit was given), in sheet, row and column order. */
  problems: SheetProblem[]
  /** All of them as counted: the check's problems are added here (sheetProblemSummary), past the limit only counted. */
  problemList: SheetProblemList
  /** What the clerk is told of sheets left out as plainly no roster (a 说明 page beside the roster). */
  skipped: string[]
  /** What the clerk is told of days read in a way she did not write out: 值班日期 without a year, and the year taken. */
  notes: string[]
}

/**
 * Turns the sheets into one import file. Records name each other by name or code; those are
 * looked up among the file's own rows and what the store holds. Ids an office never sees are
 * kept for records already in the store (found by code or account) and made from the code for
 * new ones, so that uploading the same sheet again updates the same records.
 */
export function sheetsToDirectoryFile(
  sheets: SheetRows[],
  existing: ExistingDirectory,
  stored: StoredDirectory = NOTHING_STORED,
  { today, problemsListed }: { today?: string; problemsListed?: number } = {},
): SheetConversion {
  const out: SheetConversion = {
    file: { regions: [], stations: [], deputies: [], staff: [] },
    places: { regions: [], stations: [], deputies: [], staff: [] },
    problems: [],
    problemList: new SheetProblemList(problemsListed),
    skipped: [],
    notes: [],
  }
  // 值班日期 written without a year ("12月3日" imported on 2026-12-05 → 2026-12-03, dutyDate), each said once in the report: the clerk checks the year taken.
  const yearless = new Map<string, string>()
  const problem = (p: SheetProblem) => out.problemList.add(p)

  type Row = SheetRow
  const rowsOf = rowsByKind(sheets, problem, out.skipped)

  // 2. Ids, and what each record may be called, before any record refers to another.
  const regionRefs: Reference[] = []
  const regionInFile = new Set<string>()
  for (const r of rowsOf.regions) {
    const id = r.cells.get('地区代码') ?? ''
    const name = r.cells.get('地区名称') ?? ''
    if (id) regionInFile.add(id)
    if (id) regionRefs.push({ id, keys: [id, name].filter(Boolean) })
  }
  for (const r of existing.regions) if (!regionInFile.has(r.id)) regionRefs.push({ id: r.id, keys: [r.id, r.name] })

  const stationIds = idsByCode(rowsOf.stations, '联络站代码', existing.stations, (c) => c.toUpperCase())
  const stationInFile = new Set(stationIds.filter(Boolean))
  const stationRefs: Reference[] = rowsOf.stations.flatMap((r, i) =>
    stationIds[i] ? [{ id: stationIds[i], keys: [(r.cells.get('联络站代码') ?? '').toUpperCase(), r.cells.get('联络站名称') ?? ''].filter(Boolean) }] : [],
  )
  for (const s of existing.stations) if (!stationInFile.has(s.id)) stationRefs.push({ id: s.id, keys: [s.code, s.name] })
  // A station row of this upload without a usable code has its own problem told at its row (必须填写, or the code's).
  // Rows naming it by name mean it: they are given its stand-in id (one the check counts as a station of the file),
  // so one missing code is one problem, not one more at every row that names the station.
  const codeless = rowsOf.stations.filter((r, i) => !stationIds[i] && r.cells.get('联络站名称'))
  if (codeless.length) {
    const named = new Set(stationRefs.flatMap((ref) => ref.keys.map((k) => k.toUpperCase())))
    for (const r of codeless) {
      const name = r.cells.get('联络站名称')!
      if (!named.has(name.toUpperCase())) stationRefs.push({ id: placeholderId(r), keys: [name] })
    }
  }
  const deputyIds = idsByCode(rowsOf.deputies, '代表代码', existing.deputies, (c) => c.toUpperCase())
  const staffIds = idsByCode(
    rowsOf.staff,
    '账号',
    existing.staff.map((s) => ({ id: s.id, code: s.username })),
    (c) => c.toLowerCase(),
  )
  const upper = (s: string) => s.toUpperCase()
  const regionIndex = referenceIndex(regionRefs)
  const stationIndex = referenceIndex(stationRefs, upper)
  const storedRegion = new Map(existing.regions.map((r) => [r.id, r]))
  const storedStation = new Map(existing.stations.map((r) => [r.id, r]))
  const storedDeputy = new Map(stored.deputies.map((r) => [r.id, r]))
  const storedStaff = new Map(stored.staff.map((r) => [r.id, r]))

  // The first row of each code (代表代码, 联络站代码, 账号): a later row with the same one is told how to fix it.
  const firstWithCode = new Map<string, Row>()
  const earlierWithCode = (kind: SheetKind, row: Row): Row | undefined => {
    const raw = (row.cells.get(KEY_HEADING[kind]) ?? '').trim()
    if (!raw) return undefined
    const key = `${kind}:${kind === 'staff' ? raw.toLowerCase() : raw.toUpperCase()}`
    const first = firstWithCode.get(key)
    if (!first) firstWithCode.set(key, row)
    return first && first !== row ? first : undefined
  }

  // 3. The records, each cell read into the import format's shape.
  for (const kind of SHEET_KINDS) {
    rowsOf[kind].forEach((row, index) => {
      const record: SheetRecord = {}
      const at = (heading: string, message: string) => {
        const field = specOf(kind).columns.find((c) => c.heading === heading)!.field
        const column = specOf(kind).columns.findIndex((c) => c.heading === heading)
        problem({ sheet: row.sheet, row: row.row, heading, column, message, key: `${kind}[${index}].${field}` })
      }
      const cell = (heading: string) => row.cells.get(heading) ?? ''
      /** A column the sheet has (blank or not); one it leaves out keeps the stored value. */
      const has = (heading: string) => row.cells.has(heading)
      for (const c of specOf(kind).columns) {
        const value = cell(c.heading)
        if (SCIENTIFIC.test(value))
          at(c.heading, `“${value}”是 Excel 把一长串数字改成的科学计数法，原来的数字已经丢失。请把这一列设为“文本”格式，重新填写后再保存`)
        else if (c.required && !value) at(c.heading, requiredWords(kind, c.heading, cell('联络站名称')))
      }
      const twin = kind === 'regions' ? undefined : earlierWithCode(kind, row)
      if (twin) at(KEY_HEADING[kind], duplicateWords(kind, row, twin, sheets))
      /** The one record a name or code stands for; when none or several, told at the heading. */
      const lookup = (heading: string, token: string, index: Map<string, Set<string>>, what: string, normalize = (t: string) => t): string[] => {
        const ids = [...(index.get(normalize(token)) ?? [])]
        if (ids.length === 1) return ids
        if (ids.length) at(heading, `有 ${ids.length} 个${what}叫“${token}”，请改填${what}代码`)
        else if (/[/／\\]/.test(token))
          at(
            heading,
            `没有叫“${token}”的${what}。属于几个${what}的，请用顿号“、”隔开，如“${token
              .split(/[/／\\]/)
              .map(trimCell)
              .join('、')}”`,
          )
        else at(heading, `没有叫“${token}”的${what}`)
        return []
      }
      const ref = (heading: string, index: Map<string, Set<string>>, what: string, normalize?: (t: string) => string) =>
        splitList(cell(heading)).flatMap((token) => lookup(heading, token, index, what, normalize))
      /**
       * A choice written in words. Not one of them: told here, and the check gets `stand_in` (when
       * no other check depends on the choice, so that the row's other problems are found too) or
       * the cell as written, which it refuses without telling it again.
       */
      const chosen = <T>(
        heading: string,
        table: Map<string, string>,
        options: string,
        { read, standIn }: { read?: (v: string) => string | undefined; standIn?: T } = {},
      ) => {
        const value = cell(heading)
        if (!value) return value as T
        const code = read ? read(value) : table.get(compact(value).toLowerCase())
        if (!code) at(heading, `“${value}”不是可选的值，请填写：${options}`)
        return (code ?? standIn ?? value) as T
      }
      // Alt+Enter in a cell starts a new line: in a name or an address it is a space.
      const line = (heading: string) => cell(heading).replace(/\s*\n\s*/g, ' ')

      if (kind === 'regions') {
        const id = cell('地区代码')
        const old = storedRegion.get(id)
        Object.assign(record, {
          id,
          name: line('地区名称'),
          kind: chosen<RegionKind>('类型', REGION_KIND_WORDS, '区县、街道乡镇、社区村、网格'),
          parentId: !has('上级地区') && old ? old.parentId : cell('上级地区') ? (ref('上级地区', regionIndex, '地区')[0] ?? null) : null,
        })
      } else if (kind === 'stations') {
        const old = storedStation.get(stationIds[index])
        Object.assign(record, {
          id: stationIds[index] || placeholderId(row),
          code: cell('联络站代码'),
          name: line('联络站名称'),
          kind: chosen<StationKind>('类型', STATION_KIND_WORDS, '社区、园区、景区、乡镇、行业、其他', { standIn: 'other' }),
          address: !has('地址') && old ? old.address : line('地址'),
          regionIds: !has('覆盖地区') && old ? old.regionIds : ref('覆盖地区', regionIndex, '地区'),
          receptionDays: !has('接待日') && old ? old.receptionDays : [...new Set(splitWords(cell('接待日')).flatMap((w) => readWeekday(w, at)))],
          // Optional column: a sheet without it keeps the hours kept; a blank cell says none.
          ...hoursField(!has('接待时间') ? old?.receptionHours : readReceptionHours(cell('接待时间'), at)),
        })
      } else if (kind === 'deputies') {
        const old = storedDeputy.get(deputyIds[index])
        const stationIdsOf = ref('所属联络站', stationIndex, '联络站', upper)
        const topics = keptUnlessWritten(row.cells.get('关注领域'), !!old)
        const phone = keptUnlessWritten(row.cells.get('电话'), !!old)
        // Kept duty days: those at the stations the deputy still belongs to (the check refuses others).
        // A blank cell keeps them too: each station's staff keep its roster in the console day by day,
        // and an office re-importing its list (a new phone, a new deputy) must not wipe every station's
        // roster. Only 无 written in the cell takes a deputy off duty; a station named in the cell
        // changes that station's days only.
        const kept = old ? Object.fromEntries(Object.entries(old.dutyByStation).filter(([id]) => stationIdsOf.includes(id))) : {}
        const duty =
          old && (!has('值班日期') || !cell('值班日期'))
            ? { dutyByStation: kept }
            : compact(cell('值班日期')) === NO_DUTY
              ? {}
              : dutyOf(
                  cell('值班日期'),
                  stationIdsOf,
                  kept,
                  (name) => lookup('值班日期', name, stationIndex, '联络站', upper)[0],
                  (m) => at('值班日期', m),
                  { today, yearless: (written, date) => yearless.set(compact(written), date) },
                )
        Object.assign(record, {
          id: deputyIds[index] || placeholderId(row),
          code: cell('代表代码'),
          name: line('姓名'),
          level: chosen<DeputyLevel>('层级', LEVEL_WORDS, '全国、省、市、县区、乡镇人大代表', { read: levelOf, standIn: 'city' }),
          stationIds: stationIdsOf,
          // Blank keeps what is stored, 无 clears it (keptUnlessWritten), as 值班日期 says.
          topics: 'keep' in topics ? old!.topics : splitList(topics.text),
          phone: 'keep' in phone ? stored.phoneOf(old!.id) : phone.text || null,
          ...duty,
        })
      } else {
        const old = storedStaff.get(staffIds[index])
        const role = chosen<StaffRole>('角色', ROLE_WORDS, '联络站工作人员、人大办工作人员、系统管理员')
        Object.assign(record, {
          id: staffIds[index] || placeholderId(row),
          name: line('姓名'),
          role,
          stationIds: !has('所属联络站') && old ? old.stationIds : ref('所属联络站', stationIndex, '联络站', upper),
          regionIds: staffRegions(
            role,
            old,
            has('负责地区'),
            cell('负责地区'),
            (token) => lookup('负责地区', token, regionIndex, '地区'),
            (m) => at('负责地区', m),
          ),
          // No column for these: a sheet never takes a unit's staff off their units, nor lets a disabled account in again.
          ...(old ? { unitIds: old.unitIds ?? [], active: old.active } : {}),
          username: cell('账号'),
          ...(cell('激活码') ? { activationCode: exampleCodeRefused(cell('激活码'), (m) => at('激活码', m)) } : {}),
          ...(cell('初始密码') ? { password: cell('初始密码') } : {}),
        })
      }
      out.file[kind].push(record)
      out.places[kind].push({ sheet: row.sheet, row: row.row })
    })
  }
  if (yearless.size)
    out.notes.push(
      `值班日期没写年份的，按导入当天前后最近的那一天算（最多往前算两个月）：${[...yearless].map(([written, date]) => `“${written}”是 ${dayText(date)}`).join('，')}。不对的，请写上年份重新导入`,
    )
  out.problems = out.problemList.listed()
  return out
}

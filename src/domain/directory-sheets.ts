import type { ErrorDetail } from '../errors.js'
import { CODE_PATTERN, ID_PATTERN, type ExistingDirectory } from './directory-import.js'
import type { Deputy, DeputyLevel, RegionKind, Staff, StaffRole, StationKind, Weekday } from './directory.js'
import {
  DUTY_EXAMPLE,
  NO_DUTY,
  ID_SOURCE,
  KEY_HEADING,
  SHEET_KINDS,
  EXAMPLE_ACTIVATION_CODE,
  SHEET_SPECS,
  WHOLE_CITY,
  specOf,
  type SheetKind,
} from './directory-sheet-specs.js'
import { showInvisible, trimCell, withoutInvisible } from './sheet-cells.js'

/**
 * The roster as an office keeps it: spreadsheets saved as CSV, one per kind (地区, 联络站, 代表,
 * 工作人员), Chinese column headings, records referring to each other by name or code. Each sheet
 * is turned into the import file's own shape (DirectoryFile), so the one check of
 * directory-import.ts judges it; its problems are then told back by row and heading, as Excel
 * numbers the rows.
 */

/** One uploaded sheet: its file name and its rows as read (the first is Excel's row 1). */
export interface SheetRows {
  name: string
  rows: string[][]
  /** The worksheet's tab name, for a sheet read from a workbook (.xlsx). */
  sheet?: string
}

type SheetRecord = Record<string, unknown>
export type SheetFile = Record<SheetKind, SheetRecord[]>

/** Where a record of the converted file came from. */
interface Place {
  sheet: number
  row: number
}

interface SheetProblem extends Place {
  heading?: string
  /** The column's place in the template, for telling a row's problems left to right. */
  column?: number
  message: string
  /** The converted record and field it stands for, so the check does not tell it again. */
  key?: string
}

/**
 * The stored records a sheet may update, in full: a column a sheet leaves out (the clerk deleted
 * it, or the sheet comes from another system) keeps what is stored rather than wiping it.
 */
export interface StoredDirectory {
  deputies: Array<Omit<Deputy, 'phone' | 'active'>>
  staff: Staff[]
  /** A stored deputy's phone, opened only for a deputy updated by a sheet without 电话. */
  phoneOf: (deputyId: string) => string | null
}
const NOTHING_STORED: StoredDirectory = { deputies: [], staff: [], phoneOf: () => null }

export interface SheetConversion {
  file: SheetFile
  places: Record<SheetKind, Place[]>
  problems: SheetProblem[]
  /** What the clerk is told of sheets left out as plainly no roster (a 说明 page beside the roster). */
  skipped: string[]
}

const words = (table: Record<string, string[]>) => new Map(Object.entries(table).flatMap(([code, ws]) => [code, ...ws].map((w) => [w.toLowerCase(), code])))
const REGION_KIND_WORDS = words({
  district: ['区县', '区', '县', '县区', '市辖区'],
  street: ['街道乡镇', '街道', '乡镇', '乡', '镇'],
  community: ['社区村', '社区', '村', '居委会', '村委会'],
  grid: ['网格'],
})
const STATION_KIND_WORDS = words({
  community: ['社区', '社区联络站'],
  industrial_park: ['园区', '工业园区', '园区联络站'],
  scenic_area: ['景区', '景区联络站'],
  township: ['乡镇', '乡镇联络站'],
  sector: ['行业', '行业联络站'],
  other: ['其他'],
})
const LEVEL_WORDS = words({
  national: ['全国'],
  provincial: ['省', '省级'],
  city: ['市', '市级'],
  county: ['县区', '县', '区', '县级', '区级', '县（区）', '县(区)', '区县'],
  township: ['乡镇', '乡', '镇', '乡镇级'],
})
const ROLE_WORDS = words({
  station_staff: ['联络站工作人员', '联络站'],
  organizer: ['人大办工作人员', '人大办', '组织者'],
  admin: ['系统管理员', '管理员'],
})
const WEEKDAY_WORDS = words({
  mon: ['周一', '星期一', '礼拜一', '一'],
  tue: ['周二', '星期二', '礼拜二', '二'],
  wed: ['周三', '星期三', '礼拜三', '三'],
  thu: ['周四', '星期四', '礼拜四', '四'],
  fri: ['周五', '星期五', '礼拜五', '五'],
  sat: ['周六', '星期六', '礼拜六', '六'],
  sun: ['周日', '星期日', '星期天', '礼拜天', '周天', '日', '天'],
})

const splitList = (cell: string) =>
  cell
    .split(/[、,，;；|\n]+/)
    .map(trimCell)
    .filter(Boolean)
const compact = (s: string) => s.replace(/\s+/g, '')
/** "市人大代表", "市级", "市" → city. */
const levelOf = (cell: string) =>
  LEVEL_WORDS.get(
    compact(cell)
      .toLowerCase()
      .replace(/(人大代表|人大|代表)$/, ''),
  ) as DeputyLevel | undefined
/** What Excel writes for a long number it shows in scientific notation: the digits are lost. */
const SCIENTIFIC = /^\d+(\.\d+)?E\+\d+$/i

/**
 * A date as Excel saves it: 2026-12-01, 2026/12/1 (a cell Excel took for a date), 2026.12.1,
 * 2026年12月1日 → "2026-12-01"; null when it is none of these.
 */
export function sheetDate(cell: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(cell.trim())
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** A heading as typed: "*姓名", "姓名（必填）" and stray spaces still name the column. */
const headingOf = (cell: string) =>
  compact(withoutInvisible(cell))
    .replace(/^[*＊]+|[*＊]+$/g, '')
    .replace(/[（(]必填[)）]$/, '')

interface Reference {
  id: string
  /** Names and codes it may be written as. */
  keys: string[]
}

/**
 * Normalized name or code → the ids of the records it may stand for, made once per conversion:
 * filtering every reference list for every name took minutes for a province's roster.
 */
function referenceIndex(refs: Reference[], normalize: (t: string) => string = (t) => t): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>()
  for (const r of refs) {
    for (const key of r.keys) {
      const k = normalize(key)
      const ids = index.get(k)
      if (ids) ids.add(r.id)
      else index.set(k, new Set([r.id]))
    }
  }
  return index
}

/** Whether a row is the template's example left in: identical to it, column by column. */
function isExampleRow(kind: SheetKind, cells: Map<string, string>): boolean {
  return specOf(kind).columns.every((c) => compact(cells.get(c.heading) ?? '') === compact(c.example))
}

/**
 * Turns the sheets into one import file. Records name each other by name or code; those are
 * looked up among the file's own rows and what the store holds. Ids an office never sees are
 * kept for records already in the store (found by code or account) and made from the code for
 * new ones, so that uploading the same sheet again updates the same records.
 */
export function sheetsToDirectoryFile(sheets: SheetRows[], existing: ExistingDirectory, stored: StoredDirectory = NOTHING_STORED): SheetConversion {
  const out: SheetConversion = {
    file: { regions: [], stations: [], deputies: [], staff: [] },
    places: { regions: [], stations: [], deputies: [], staff: [] },
    problems: [],
    skipped: [],
  }
  const problem = (p: SheetProblem) => out.problems.push(p)

  // 1. Which kind each sheet is, and its rows as heading → cell.
  type Row = Place & { cells: Map<string, string> }
  const rowsOf: Record<SheetKind, Row[]> = { regions: [], stations: [], deputies: [], staff: [] }
  const headerAtOf = (sheet: SheetRows) => sheet.rows.findIndex((r) => r.some((c) => trimCell(c)))
  const kindOf = (sheet: SheetRows, headerAt = headerAtOf(sheet)) => {
    const headings = headerAt < 0 ? [] : sheet.rows[headerAt].map(headingOf)
    return SHEET_KINDS.find((k) => headings.includes(KEY_HEADING[k]))
  }
  // A workbook's 说明 page beside its roster is left out, and said so; with no roster at all, every sheet is refused.
  const anyRoster = sheets.some((sheet) => kindOf(sheet))
  sheets.forEach((sheet, s) => {
    const headerAt = headerAtOf(sheet)
    if (headerAt < 0) return problem({ sheet: s, row: 0, message: '文件是空的，没有读到任何内容' })
    const headings = sheet.rows[headerAt].map(headingOf)
    const kind = kindOf(sheet, headerAt)
    const headerRow = headerAt + 1
    if (!kind && anyRoster && !hasHeaderRow(sheet.rows)) {
      out.skipped.push(sheet.sheet ? `“${sheet.sheet}”页不是名单，已跳过` : `“${sheet.name}”不是名单，已跳过`)
      return
    }
    if (!kind) {
      const expected = SHEET_SPECS.map((spec) => `${spec.title}：${spec.columns.map((c) => c.heading).join('、')}`).join('；')
      return problem({ sheet: s, row: headerRow, message: `看不出这是哪一种名册。第一行应是模板的列名（${expected}），请从本页下载模板填写` })
    }
    const { columns } = specOf(kind)
    const known = new Set(columns.map((c) => c.heading))
    let usable = true
    // A set, not indexOf: a header row of thousands of cells must not take quadratic time.
    const seen = new Set<string>()
    headings.forEach((h) => {
      if (!h) return
      if (!known.has(h)) problem({ sheet: s, row: headerRow, message: `不认识的列名「${h}」。这一页的列名应为：${[...known].join('、')}` })
      else if (seen.has(h)) problem({ sheet: s, row: headerRow, message: `列名「${h}」出现了两次` })
      seen.add(h)
    })
    for (const c of columns) {
      if (c.required && !headings.includes(c.heading)) {
        problem({ sheet: s, row: headerRow, message: `缺少「${c.heading}」这一列（必填）` })
        usable = false
      }
    }
    if (!usable) return
    sheet.rows.forEach((cells, i) => {
      // Rows left empty are skipped, but still counted: row numbers are Excel's.
      if (i <= headerAt || !cells.some((c) => trimCell(c))) return
      const byHeading = new Map<string, string>()
      headings.forEach((h, j) => h && known.has(h) && !byHeading.has(h) && byHeading.set(h, trimCell(cells[j] ?? '')))
      // The example left in would be imported as a real record: a staff account whose activation
      // code every template reader knows, or a station and deputy overwriting real ones with common codes.
      if (isExampleRow(kind, byHeading)) return problem({ sheet: s, row: i + 1, message: `第 ${i + 1} 行是模板里的示例，请删去这一行，或改成自己的内容` })
      rowsOf[kind].push({ sheet: s, row: i + 1, cells: byHeading })
    })
  })

  // 2. Ids, and what each record may be called, before any record refers to another.
  const regionRefs: Reference[] = []
  const regionInFile = new Set<string>()
  for (const r of rowsOf.regions) {
    const id = r.cells.get('地区编号') ?? ''
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
        else if (c.required && !value) at(c.heading, '必须填写')
      }
      /** The one record a name or code stands for; when none or several, told at the heading. */
      const lookup = (heading: string, token: string, index: Map<string, Set<string>>, what: string, normalize = (t: string) => t): string[] => {
        const ids = [...(index.get(normalize(token)) ?? [])]
        if (ids.length === 1) return ids
        at(heading, ids.length ? `有 ${ids.length} 个${what}叫“${token}”，请改填${what}${what === '地区' ? '编号' : '代码'}` : `没有叫“${token}”的${what}`)
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
        const id = cell('地区编号')
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
        })
      } else if (kind === 'deputies') {
        const old = storedDeputy.get(deputyIds[index])
        const stationIdsOf = ref('所属联络站', stationIndex, '联络站', upper)
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
                )
        Object.assign(record, {
          id: deputyIds[index] || placeholderId(row),
          code: cell('代表代码'),
          name: line('姓名'),
          level: chosen<DeputyLevel>('层级', LEVEL_WORDS, '全国、省、市、县区、乡镇人大代表', { read: levelOf, standIn: 'city' }),
          stationIds: stationIdsOf,
          topics: !has('关注领域') && old ? old.topics : splitList(cell('关注领域')),
          phone: !has('电话') && old ? stored.phoneOf(old.id) : cell('电话') || null,
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
  return out
}

/** The template prints its example code: whoever has seen the template could activate the account with it. */
function exampleCodeRefused(code: string, problem: (message: string) => void): string {
  if (code.toUpperCase() === EXAMPLE_ACTIVATION_CODE) problem('激活码不能用模板里的示例，请另设一个')
  return code
}

/**
 * The 负责地区 cell. Blank means the whole city to the rest of the system, so for an organizer the
 * sheet must say 全市 in words: a column left out or a cell left empty must not widen what they see.
 * A column left out keeps an organizer's stored regions.
 */
function staffRegions(
  role: StaffRole,
  old: Staff | undefined,
  hasColumn: boolean,
  cellText: string,
  lookup: (token: string) => string[],
  problem: (message: string) => void,
): string[] {
  // An organizer made from another role has no stored regions of their own to keep.
  if (!hasColumn && old && (role !== 'organizer' || old.role === 'organizer')) return old.regionIds
  const tokens = splitList(cellText)
  const wholeCity = tokens.filter((t) => compact(t) === WHOLE_CITY).length
  if (wholeCity && tokens.length > wholeCity) problem(`“${WHOLE_CITY}”已包含所有地区，请只填“${WHOLE_CITY}”，或只填具体的地区`)
  if (wholeCity) return []
  if (!tokens.length && role === 'organizer') problem(`人大办工作人员请填写负责的地区；负责全市的，请填“${WHOLE_CITY}”`)
  return tokens.flatMap(lookup)
}

/**
 * The 值班日期 cell: plain dates for a deputy of one station; for a deputy of several, each
 * station's dates after its name, segments divided by “；” (or a new line in the cell). A station
 * named replaces that station's days only (“东风路联络站：无” clears them); the deputy's other
 * stations keep theirs (`kept`), as each station's staff keep them in the console.
 */
function dutyOf(
  cellText: string,
  stationIds: string[],
  kept: Record<string, string[]>,
  station: (name: string) => string | undefined,
  problem: (message: string) => void,
) {
  const dates = (text: string) =>
    splitWords(text).flatMap((w) => {
      const date = sheetDate(w)
      if (!date) problem(`日期“${w}”看不懂，请写成 2026-12-01 这样`)
      return date ? [date] : []
    })
  const segments = cellText
    .split(/[;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)
  const plain: string[] = []
  const byStation: Record<string, string[]> = {}
  let named = 0
  for (const segment of segments) {
    const m = /^([^:：]+)[:：](.*)$/s.exec(segment)
    if (!m) {
      plain.push(...dates(segment))
      continue
    }
    named++
    const name = trimCell(m[1])
    const id = station(name)
    const text = trimCell(m[2])
    if (id && !stationIds.includes(id)) problem(`“${name}”不是这位代表的所属联络站`)
    // Nothing after the name: whether to keep or clear that station's days is not said, so it is asked.
    else if (id && !text) problem(`“${name}：”后面没有写日期。要取消在这个联络站的值班，请写“${name}：${NO_DUTY}”；不改动的，请删去这一段`)
    else if (id && compact(text) === NO_DUTY) byStation[id] = []
    else if (id) (byStation[id] ??= []).push(...dates(text))
  }
  if (named && plain.length) problem(`有的日期前写了联络站，有的没有，请每一段都写明联络站，${DUTY_EXAMPLE}`)
  else if (named) return { dutyByStation: Object.fromEntries(Object.entries({ ...kept, ...byStation }).filter(([, days]) => days.length)) }
  else if (plain.length && stationIds.length > 1) problem(`这位代表属于 ${stationIds.length} 个联络站，请在日期前写明是哪个联络站，${DUTY_EXAMPLE}`)
  else if (plain.length) return { dutyDates: plain }
  return {}
}

const splitWords = (cell: string) => splitList(cell).flatMap((s) => s.split(/\s+/).filter(Boolean))

/**
 * Whether any row reads as a roster's heading row: a sheet's key heading (代表代码 …), or two
 * headings of one template. A sheet without one (a 说明 page of instructions) is plainly no roster;
 * one with a title above its headings still is, and is refused with words saying what is wrong.
 */
function hasHeaderRow(rows: string[][]): boolean {
  return rows.some((row) => {
    const headings = new Set(row.map(headingOf))
    return SHEET_SPECS.some((spec) => headings.has(KEY_HEADING[spec.kind]) || spec.columns.filter((c) => headings.has(c.heading)).length >= 2)
  })
}

function readWeekday(word: string, at: (heading: string, message: string) => void): Weekday[] {
  const day = WEEKDAY_WORDS.get(word.toLowerCase()) as Weekday | undefined
  if (!day) at('接待日', `“${word}”不是星期几，请写成“周一”到“周日”`)
  return day ? [day] : []
}

/** An id no record has, for a row whose code is not usable: the code's own problem is told, and the import refused. */
const placeholderId = (p: Place) => `sheet${p.sheet}-row${p.row}`

/**
 * The id of each row's record: the one of the record in the store with that code (or account),
 * else one made from the code that no other record of the kind has; '' for a row without a usable code.
 */
function idsByCode(
  rows: Array<{ cells: Map<string, string> }>,
  heading: string,
  existing: Array<{ id: string; code: string }>,
  normalize: (c: string) => string,
): string[] {
  const byCode = new Map(existing.map((e) => [normalize(e.code), e.id]))
  const taken = new Set(existing.map((e) => e.id))
  const madeFor = new Map<string, string>()
  return rows.map((r) => {
    const code = normalize((r.cells.get(heading) ?? '').trim())
    const found = byCode.get(code) ?? madeFor.get(code)
    if (found) return found
    const base = code.toLowerCase()
    if (!ID_PATTERN.test(base) || (heading !== '账号' && !CODE_PATTERN.test(code))) return ''
    let id = base
    for (let n = 2; taken.has(id) || !ID_PATTERN.test(id); n++) id = `${base.slice(0, 58)}-${n}`
    taken.add(id)
    madeFor.set(code, id)
    return id
  })
}

const KIND_WORDS: Record<string, string> = { district: '区县', street: '街道乡镇', community: '社区村', grid: '网格' }
const RECORD_PATH = /^(regions|stations|deputies|units|staff)\[(\d+)\](?:\.(\w+))?/

/**
 * Every problem of the upload, as a clerk reads it: the place is "代表名册.csv 第 5 行「所属联络站」",
 * Excel's row number and the template's heading; the check's own problems (paths into the
 * converted file) are told at the row they came from, each once, in file and row order.
 */
export function sheetProblemDetails(sheets: SheetRows[], conversion: SheetConversion, checkProblems: ErrorDetail[]): ErrorDetail[] {
  const told = new Set(conversion.problems.flatMap((p) => (p.key ? [p.key] : [])))
  // "kind[index].field" of every check problem, found once rather than by searching the list for each.
  const checked = new Set(
    checkProblems.flatMap(({ path }) => {
      const m = RECORD_PATH.exec(path)
      return m?.[3] ? [`${m[1]}[${m[2]}].${m[3]}`] : []
    }),
  )
  const all: SheetProblem[] = [...conversion.problems]
  const rowText = (from: Place, to: Place) => (to.sheet === from.sheet ? `第 ${to.row} 行` : `${sheets[to.sheet].name} 第 ${to.row} 行`)
  for (const { path, message } of checkProblems) {
    const m = RECORD_PATH.exec(path)
    const kind = m?.[1] as SheetKind | undefined
    const place = kind && conversion.places[kind]?.[Number(m![2])]
    if (!place) {
      all.push({ sheet: 0, row: 0, message })
      continue
    }
    const index = Number(m![2])
    let field = m![3] ?? ''
    if (field === 'dutyByStation') field = 'dutyDates'
    // A code written twice makes the same id twice: the code's problem says it, the id's would repeat it.
    const idFrom = ID_SOURCE[kind]
    if (field === 'id' && idFrom) {
      if (told.has(`${kind}[${index}].${idFrom}`) || checked.has(`${kind}[${index}].${idFrom}`)) continue
      field = idFrom
    }
    if (told.has(`${kind}[${index}].${field}`)) continue
    const column = specOf(kind).columns.findIndex((c) => c.field === field)
    const heading = specOf(kind).columns[column]?.heading
    const words = message
      .replace(/ ?(regions|stations|deputies|units|staff)\[(\d+)\] ?/g, (_all, list: SheetKind, i: string) => {
        const other = conversion.places[list]?.[Number(i)]
        return other ? rowText(place, other) : _all
      })
      .replace(/\b(district|street|community|grid)\b/g, (w) => (kind === 'regions' ? KIND_WORDS[w] : w))
    all.push({ ...place, heading, column, message: words })
  }
  const seen = new Set<string>()
  return (
    all
      .sort((a, b) => a.sheet - b.sheet || a.row - b.row || (a.column ?? -1) - (b.column ?? -1))
      // A cell quoted in a message may hold characters that show as nothing: they are named instead.
      .map((p) => ({
        path: `${sheets[p.sheet]?.name ?? ''}${p.row ? ` 第 ${p.row} 行` : ''}${p.heading ? `「${p.heading}」` : ''}`.trim(),
        message: showInvisible(p.message),
      }))
      .filter((d) => {
        const key = `${d.path}\n${d.message}`
        return !seen.has(key) && (seen.add(key), true)
      })
  )
}

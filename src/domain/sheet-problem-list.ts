import { SHEET_KINDS, specOf, type SheetKind } from './directory-sheet-specs.js'

/** Where a record of the converted file came from. */
export interface Place {
  sheet: number
  row: number
}

export interface SheetProblem extends Place {
  heading?: string
  /** The column's place in the template, for telling a row's problems left to right. */
  column?: number
  message: string
  /** The converted record and field it stands for, so the check does not tell it again. */
  key?: string
}

/** Problems of one sheet and column that were not listed one by one: how many, and from which row to which. */
export interface UnlistedProblems {
  sheet: number
  heading?: string
  column?: number
  count: number
  fromRow: number
  toRow: number
}

type Kept = SheetProblem & { seq: number }

const byPlace = (a: Kept, b: Kept) => a.sheet - b.sheet || a.row - b.row || (a.column ?? -1) - (b.column ?? -1) || a.seq - b.seq

/**
 * The problems of a roster upload, kept as a clerk is shown them: the first `limit` in sheet, row and column
 * order in full, the rest only counted per sheet and column. A sheet of 50,000 bad rows has some 200,000
 * problems; keeping each as an object with its words took hundreds of megabytes for a page that lists 200.
 */
export class SheetProblemList {
  /** Every problem's converted record and field, listed or not, as a small number (toldKey): the check does not tell them again. */
  private readonly told = new Set<number>()
  /** How many problems, the same one at the same place counted once. */
  total = 0
  private kept: Kept[] = []
  private sorted = true
  private readonly unlisted = new Map<string, UnlistedProblems>()
  // The same words at the same place are one problem. They come together (one row's cells are read together, and
  // the check tells one record's list at once), so only the current row's are remembered, and a file's own (row 0).
  private place = ''
  private atPlace = new Set<string>()
  private readonly fileLevel = new Set<string>()

  constructor(readonly limit = Infinity) {}

  add(problem: SheetProblem): void {
    const told = problem.key === undefined ? undefined : toldKey(problem.key)
    if (told !== undefined) this.told.add(told)
    const place = `${problem.sheet}:${problem.row}`
    if (place !== this.place) {
      this.place = place
      this.atPlace = new Set()
    }
    const seen = problem.row === 0 ? this.fileLevel : this.atPlace
    const same = `${problem.heading ?? ''}\n${problem.message}`
    if (seen.has(same)) return
    seen.add(same)
    this.total++
    const { key: _key, ...rest } = problem
    this.kept.push({ ...rest, seq: this.total })
    this.sorted = false
    // Sorting only now and then keeps the adding cheap; what falls past the limit is counted, never kept.
    if (this.kept.length >= 2 * this.limit) this.trim()
  }

  /** Whether a problem was told of this record's field ("deputies[5].code"). */
  wasTold(key: string): boolean {
    const told = toldKey(key)
    return told !== undefined && this.told.has(told)
  }

  /** The first problems (up to `limit`), in sheet, row and column order. */
  listed(): SheetProblem[] {
    this.trim()
    return this.kept.map(({ seq: _seq, ...p }) => p)
  }

  /** Those past the limit, per sheet and column, in sheet and column order. */
  rest(): UnlistedProblems[] {
    this.trim()
    return [...this.unlisted.values()].sort((a, b) => a.sheet - b.sheet || (a.column ?? -1) - (b.column ?? -1))
  }

  private trim() {
    if (!this.sorted) this.kept.sort(byPlace)
    this.sorted = true
    if (this.kept.length <= this.limit) return
    for (const p of this.kept.slice(this.limit)) {
      const group = `${p.sheet}\n${p.heading ?? ''}`
      const counted = this.unlisted.get(group)
      if (counted) {
        counted.count++
        counted.fromRow = Math.min(counted.fromRow, p.row)
        counted.toRow = Math.max(counted.toRow, p.row)
      } else this.unlisted.set(group, { sheet: p.sheet, heading: p.heading, column: p.column, count: 1, fromRow: p.row, toRow: p.row })
    }
    this.kept.length = this.limit
  }
}

const KEY = /^(\w+)\[(\d+)\]\.(\w+)$/

/**
 * "deputies[5].code" as one small integer (a string each took 25 MB for 200,000 problems); undefined for a field
 * that is no column of the sheet, which no sheet problem is about.
 */
function toldKey(key: string): number | undefined {
  const m = KEY.exec(key)
  const kind = m ? SHEET_KINDS.indexOf(m[1] as SheetKind) : -1
  if (kind < 0) return undefined
  const field = specOf(m![1] as SheetKind).columns.findIndex((c) => c.field === m![3])
  return field < 0 ? undefined : (Number(m![2]) * SHEET_KINDS.length + kind) * 8 + field
}

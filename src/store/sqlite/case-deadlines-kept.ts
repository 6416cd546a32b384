import type { CaseFilter } from '../ports.js'
import { ACKED, OPEN, WAITING } from './case-sql.js'
import type { Db } from './open.js'
import { logEnds, readWholeAgain } from './case-change-log.js'

/**
 * The cases whose figures depend on the time of asking, and the deadline each figure counts them
 * against (null when it does not count them), exactly as the partial index cases_unfinished
 * (migration 036) spells them: SQLite reads the index only for this very condition, and the
 * deadlines from it only for these very expressions. By caseStats' definitions (a live case is
 * neither withdrawn, rejected nor merged), as in case-tally.ts's live SQL.
 */
export const UNFINISHED = `(next_due_at IS NOT NULL OR status IN (${WAITING}) OR (replied_at IS NULL AND status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL))`
export const DEADLINES = {
  /** An acknowledgement due and not given. */
  ack: `(CASE WHEN status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND ${ACKED} IS NULL THEN ack_due_at END)`,
  /** A reply due and not given. */
  reply: `(CASE WHEN status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND replied_at IS NULL THEN reply_due_at END)`,
  /**
   * Waiting (not merged), with the deadline that mattered before 超期 became the reply's alone: kept as the index spells
   * it, and read only for whether the case waits (超期 is `reply` passed while it waits: waitingLate).
   */
  waiting: `(CASE WHEN status IN (${WAITING}) AND merged_into IS NULL THEN CASE WHEN ${ACKED} IS NOT NULL THEN reply_due_at ELSE ack_due_at END END)`,
  /** Open with its next deadline (the acknowledgement's until given): 未按时受理 is this passed and `reply` not (ackLate). */
  open: `(CASE WHEN status IN (${OPEN}) THEN next_due_at END)`,
}

/** Where an unfinished case is, as its scope and groups see it: its station, place's district and handling district. */
export interface CasePlace {
  station: string | null
  district: string | null
  handling: string | null
}

/** One unfinished case as the figures of "now" see it: its place, deputy, and deadlines as stored (ISO strings, compared as SQL compares them). */
export interface UnfinishedCase {
  id: string
  /** Its place's index in the kept places (a few thousand places for ~41,000 cases: scope and group are decided per place). */
  place: number
  deputy: string | null
  ack: string | null
  reply: string | null
  waiting: string | null
  open: string | null
  /**
   * The reply deadline as stored, whatever the case's state (read from the row, as its id is): 超期 and 未按时受理 judge
   * it on every waiting and open case, one answered before a reopen or merged too, as the tallies' SQL does.
   */
  replyDueAt: string
}

/**
 * The figures of "now" per place, four to a place: acknowledgements due and not given (按时受理's), replies due and not
 * given (replyLate), waiting past the reply deadline (超期: overdue), and 未按时受理 (notAckedInTime).
 */
export const [ACK_LATE, REPLY_LATE, WAITING_LATE, NOT_ACKED_IN_TIME] = [0, 1, 2, 3]

/**
 * A reply counted as due and not given at `at` (caseStats' replyInTime): its reply deadline passed. A case only late
 * in being acknowledged is not (按时受理 counts that, ACK_LATE).
 */
const replyLate = (c: UnfinishedCase, at: string) => c.reply !== null && c.reply <= at

/** 超期 at `at` (domain/case-stats.ts waitingLate): waiting, and its reply deadline passed. As the tallies' SQL compares it (`<`). */
const overdue = (c: UnfinishedCase, at: string) => c.waiting !== null && c.replyDueAt < at

/** 未按时受理 at `at` (domain/case-stats.ts ackLate): its next deadline (the acknowledgement's) passed, its reply deadline not. */
const notAckedInTime = (c: UnfinishedCase, at: string) => c.open !== null && c.open < at && c.replyDueAt >= at

type Row = [
  id: string,
  station: string | null,
  district: string | null,
  handling: string | null,
  deputy: string | null,
  ack: string | null,
  reply: string | null,
  waiting: string | null,
  open: string | null,
  replyDueAt: string,
]

// Past this many changes since the last look, the unfinished cases are read again whole rather than case by case.
const MAX_CHANGES = 20_000
const COLUMNS = `id, station_id, district_id, handling_district_id, deputy_id, ${DEADLINES.ack}, ${DEADLINES.reply}, ${DEADLINES.waiting}, ${DEADLINES.open}, reply_due_at`

/** The unfinished cases in one dense list (counted in a plain loop: a Map's iteration cost five times the counting), found by id. */
class Unfinished {
  readonly list: UnfinishedCase[] = []
  readonly places: CasePlace[] = []
  private readonly slotOf = new Map<string, number>()
  private readonly placeOf = new Map<string, number>()

  constructor(public seq: number) {}

  set([id, station, district, handling, deputy, ack, reply, waiting, open, replyDueAt]: Row) {
    const key = `${station}\u0000${district}\u0000${handling}`
    let place = this.placeOf.get(key)
    if (place === undefined) {
      place = this.places.push({ station, district, handling }) - 1
      this.placeOf.set(key, place)
    }
    const c: UnfinishedCase = { id, place, deputy, ack, reply, waiting, open, replyDueAt }
    const slot = this.slotOf.get(id)
    if (slot !== undefined) this.list[slot] = c
    else this.slotOf.set(id, this.list.push(c) - 1)
  }

  delete(id: string) {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    this.slotOf.delete(id)
    // The last case takes the freed slot.
    const last = this.list.pop()!
    if (slot < this.list.length) {
      this.list[slot] = last
      this.slotOf.set(last.id, slot)
    }
  }
}

/**
 * The unfinished cases (~4% of a province's, ~41,000) kept in memory with their deadlines, brought up to date
 * from the case change log (migration 040) at each look: the figures of "now" of every report and the figures
 * mark count them here instead of walking the index of unfinished cases per figure and per request (~40 ms an
 * admin's, three times per dashboard), and a write costs nothing more. Read whole at the first look (a few
 * hundred ms on a province), again when changes were pruned from the log before they were seen.
 */
export function keptDeadlines(db: Db) {
  const changeLog = logEnds(db, 'case_changes')
  // One JSON array: a province's 41,000 rows leave SQLite as one string, parsed faster than rows handed over one by one.
  const everyOne = db.prepare(`SELECT json_group_array(json_array(${COLUMNS})) FROM cases INDEXED BY cases_unfinished WHERE ${UNFINISHED}`).pluck()
  // Each case changed since: as it is now (unfinished or not), or not at all (deleted).
  const changed = db
    .prepare(
      `SELECT cases.id IS NOT NULL AND ${UNFINISHED}, changed.case_id, ${COLUMNS.slice('id, '.length)}
      FROM (SELECT DISTINCT case_id FROM case_changes WHERE seq > ?) AS changed LEFT JOIN cases ON cases.id = changed.case_id`,
    )
    .raw()

  let kept: Unfinished | null = null

  /** Brought up to date in one read transaction: the log's last change and the cases as of that change. */
  const current = db.transaction((): Unfinished => {
    const log = changeLog()
    const seq = log.last
    if (kept && seq === kept.seq) return kept
    if (!kept || readWholeAgain(log, kept.seq, MAX_CHANGES)) {
      kept = new Unfinished(seq)
      for (const row of JSON.parse(everyOne.get() as string) as Row[]) kept.set(row)
      return kept
    }
    for (const [unfinished, ...row] of changed.all(kept.seq) as Array<[number | null, ...Row]>) {
      if (unfinished) kept.set(row as Row)
      else kept.delete(row[0])
    }
    kept.seq = seq
    return kept
  })

  return {
    /** The last case change, and the unfinished cases and their places as of it (live: read them before the next write). */
    current(): { seq: number; cases: readonly UnfinishedCase[]; places: readonly CasePlace[] } {
      const { seq, list, places } = current()
      return { seq, cases: list, places }
    },

    /** Per place, whether it is in a scope (stations, districts: a case's place's district or its handling one), as filterClauses selects its cases. */
    placesIn(filter: CaseFilter, places: readonly CasePlace[]): boolean[] {
      const stations = filter.stationIds && new Set(filter.stationIds)
      const districts = filter.districtIds && new Set(filter.districtIds)
      const either = filter.districtsOrStations && {
        districts: new Set(filter.districtsOrStations.districtIds),
        stations: new Set(filter.districtsOrStations.stationIds),
      }
      return places.map(
        ({ station, district, handling }) =>
          (!stations || (station !== null && stations.has(station))) &&
          (!districts || (district !== null && districts.has(district)) || (handling !== null && districts.has(handling))) &&
          (!either ||
            (district !== null && either.districts.has(district)) ||
            (handling !== null && either.districts.has(handling)) ||
            (station !== null && either.stations.has(station))),
      )
    },

    /** The figures of "now" at `at` of the unfinished cases in a scope, per place: `late[place * 4 + figure]`, `inScope[place]`. */
    latePerPlace(filter: CaseFilter, at: string) {
      const { cases, places } = this.current()
      const inScope = this.placesIn(filter, places)
      const late = new Int32Array(places.length * 4)
      for (let i = 0; i < cases.length; i++) {
        const c = cases[i]
        if (!inScope[c.place]) continue
        const at4 = c.place * 4
        if (c.ack !== null && c.ack <= at) late[at4 + ACK_LATE]++
        if (replyLate(c, at)) late[at4 + REPLY_LATE]++
        if (overdue(c, at)) late[at4 + WAITING_LATE]++
        if (notAckedInTime(c, at)) late[at4 + NOT_ACKED_IN_TIME]++
      }
      return { cases, places, inScope, late }
    },

    /**
     * The figures of "now" at `at` of some deputies' unfinished cases in a scope, added to their bars: the replies late
     * (due and not given) and the cases waiting past their reply deadline (超期). Returns the bars it added to.
     */
    addLateOfDeputies<T extends { replyDue: number; overdueOpen: number }>(filter: CaseFilter, at: string, bars: ReadonlyMap<string, T>): T[] {
      const { cases, places } = this.current()
      const inScope = this.placesIn(filter, places)
      // The bars added to, once or more each: the caller that keeps its bars takes the additions back at its next look.
      const added: T[] = []
      for (let i = 0; i < cases.length; i++) {
        const c = cases[i]
        const b = c.deputy === null ? undefined : bars.get(c.deputy)
        if (!b || !inScope[c.place]) continue
        const late = overdue(c, at)
        const reply = replyLate(c, at)
        if (reply) b.replyDue++
        if (late) b.overdueOpen++
        if (reply || late) added.push(b)
      }
      return added
    },
  }
}

export type KeptDeadlines = ReturnType<typeof keptDeadlines>

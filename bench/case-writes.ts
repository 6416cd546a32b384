/**
 * A new message's store write, in-process: the real caseRepo and GroupCommit on a file store,
 * groups of 50 as under load, CPU per case (`synchronous=OFF`: the write's work, not the disk's
 * flush). Baseline, in the same run: the same writes with each message's text indexed by a row
 * trigger inside its savepoint, as migration 031 did (044 indexes a group's texts before COMMIT).
 * Rounds of the two alternate, so a neighbour's burst on a shared machine hits both.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { caseRepo } from '../src/store/sqlite/case-repos.js'
import { GroupCommit } from '../src/store/sqlite/group-commit.js'
import { openDatabase } from '../src/store/sqlite/open.js'
import { caseEvent, caseRecord } from '../test/store/records.js'
import { row, type Row } from './measure.js'

const GROUP = 50
const FIRST = 20_000
const ROUND = 1_000
const ROUNDS = 8
const TEXTS = [
  '小区门口路灯坏了',
  '楼道里堆满杂物，消防通道被堵',
  '希望增设停车位',
  '电梯经常坏，物业拖着不修',
  '公交站台太远，老人出行不便',
  '菜市场周边污水横流',
]

/** Migration 031's insert trigger: every case indexed as it is inserted, whoever writes it. */
const PER_ROW = `DROP TRIGGER cases_fts_insert; DROP TRIGGER cases_fts_queued;
  CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN INSERT INTO cases_fts(rowid, text) VALUES (new.rowid, new.text); END;`

function writer(dir: string, name: string, perRow: boolean) {
  const db = openDatabase(join(dir, `${name}.db`))
  db.pragma('synchronous = OFF')
  if (perRow) db.exec(PER_ROW)
  const cases = caseRepo(db, new GroupCommit(db))
  let n = 0
  const one = () => {
    const i = n++
    const record = caseRecord({ id: `${name}-${i}`, text: `${TEXTS[i % TEXTS.length]}（${i % 97}号楼${i % 13}单元）` })
    return cases.submit({ record, ticketDate: '2026-11-22', events: [caseEvent(record.id, 'submitted')], outbox: [] })
  }
  const write = async (count: number) => {
    for (let g = 0; g < count / GROUP; g++) await Promise.all(Array.from({ length: GROUP }, one))
  }
  return { db, write, perCase: [] as number[] }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export async function benchCaseWrites(): Promise<{ rows: Row[]; lines: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-case-writes-'))
  try {
    const grouped = writer(dir, 'grouped', false)
    const perRow = writer(dir, 'per-row', true)
    await grouped.write(FIRST)
    await perRow.write(FIRST)
    for (let r = 0; r < ROUNDS; r++)
      for (const w of r % 2 ? [perRow, grouped] : [grouped, perRow]) {
        const before = process.cpuUsage()
        await w.write(ROUND)
        const used = process.cpuUsage(before)
        w.perCase.push((used.user + used.system) / ROUND)
      }
    for (const w of [grouped, perRow]) w.db.close()
    const value = median(grouped.perCase)
    const baseline = median(perRow.perCase)
    return {
      lines: [`case write, groups of ${GROUP}: ${value.toFixed(0)} µs CPU per case; text indexed per row: ${baseline.toFixed(0)} µs`],
      rows: [
        row({
          name: `a new case's store write in groups of ${GROUP}, CPU per case (in-process, context)`,
          value,
          unit: 'µs',
          baseline: { name: 'text indexed per row (031)', value: baseline },
          // No target of its own: it shows what 044 saves; the targets are the request rows.
          target: {},
        }),
      ],
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

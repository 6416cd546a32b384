import { expect } from 'chai'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dueBy } from '../../src/domain/suggestion-due.js'
import type { SuggestionRecord } from '../../src/domain/suggestion.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase } from '../../src/store/sqlite/open.js'
import { suggestionRepo } from '../../src/store/sqlite/suggestion-repo.js'
import { suggestionRecord } from './contract-suggestions.js'

const lead = { id: 'u01', name: '市住房和城乡建设局' }
const answer = (category: 'in_progress' | 'resolved', plannedBy: string | null, role: 'lead' | 'co' = 'lead', unit = lead) => ({
  unit,
  role,
  category,
  text: '答复',
  at: new Date('2026-11-20T02:00:00Z'),
  round: 1,
  plannedBy,
})
const given = (id: string, status: SuggestionRecord['status'], over: Partial<SuggestionRecord> = {}) =>
  suggestionRecord({
    id,
    status,
    number: `2026-${id}`,
    assignment: {
      leadUnit: lead,
      coUnits: [],
      deadline: '2026-12-01',
      keySupervision: false,
      supervisionLeader: null,
      assignedAt: new Date('2026-11-01T02:00:00Z'),
    },
    ...over,
  })

/**
 * Migration 084 gives the suggestions kept before it their due_by from their JSON, by the domain's rule (dueBy): what
 * was overdue before the upgrade is in 只看已超期 after it, and nothing else.
 */
describe('sqlite: the suggestions kept before migration 084', () => {
  it('get the day they are owed by, as the domain says, and are listed overdue by it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-084-'))
    try {
      const file = join(dir, 'liaison.db')
      const records = [
        given('sg-a', 'assigned'),
        given('sg-r', 'rehandling'),
        // The latest lead answer's promise counts; a co-unit's answer after it does not.
        given('sg-f', 'following', {
          answers: [answer('resolved', null), answer('in_progress', '2026-11-25'), answer('resolved', null, 'co', { id: 'u02', name: '区政府' })],
        }),
        // A promise replaced by a later lead answer that promised nothing.
        given('sg-g', 'following', { answers: [answer('in_progress', '2026-11-10'), answer('resolved', null)] }),
        given('sg-n', 'answered'),
        suggestionRecord({ id: 'sg-s', status: 'submitted' }),
      ]
      const first = openDatabase(file)
      for (const s of records) await suggestionRepo(first, new GroupCommit(first)).create(s, [])
      first.close()
      // As it was before 084.
      const bare = new Database(file)
      bare.exec('DROP INDEX suggestions_due; ALTER TABLE suggestions DROP COLUMN due_by; DELETE FROM schema_migrations WHERE version = 84;')
      bare.close()

      const db = openDatabase(file)
      try {
        const kept = Object.fromEntries(db.prepare('SELECT id, due_by FROM suggestions').raw().all() as Array<[string, string | null]>)
        expect(kept).to.deep.equal(Object.fromEntries(records.map((s) => [s.id, dueBy(s)])))
        expect(kept).to.deep.include({ 'sg-a': '2026-12-01', 'sg-f': '2026-11-25', 'sg-g': null, 'sg-n': null })
        const overdue = await suggestionRepo(db, new GroupCommit(db)).overdue({ limit: 10 }, '2026-12-10')
        expect(overdue.items.map((s) => s.id)).to.deep.equal(['sg-f', 'sg-a', 'sg-r'])
      } finally {
        db.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

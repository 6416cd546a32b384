import { expect } from 'chai'
import type { LoginFailureKey, LoginFailureRepo } from '../../src/store/ports.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { loginFailureRepo } from '../../src/store/sqlite/login-failure-repo.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'

const MINUTE = 60_000
const WINDOW = 15 * MINUTE
const T0 = new Date('2026-12-01T08:00:00.000Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE)
const guesser = (i: number): LoginFailureKey => ({ kind: 'user_at_client', username: `user${i}`, client: '198.51.100.7' })

describe('sqlite: failed console logins (migration 057)', () => {
  let db: Db
  let group: GroupCommit
  let counts: LoginFailureRepo
  beforeEach(() => {
    db = openDatabase(':memory:')
    group = new GroupCommit(db)
    counts = loginFailureRepo(db, group)
  })
  afterEach(() => {
    group.close()
    db.close()
  })
  const rows = () => db.prepare('SELECT count(*) FROM login_failures').pluck().get() as number

  it('does not keep ended counts: each new failure counted removes them, a hundred at a time, never a running one', async () => {
    // A guesser at one address tries 250 names: 250 counts, all ended 15 minutes later.
    await Promise.all(Array.from({ length: 250 }, (_, i) => counts.add([guesser(i)], WINDOW, at(0))))
    await counts.add([{ kind: 'user', username: 'lina', client: '' }], WINDOW, at(10))
    expect(rows()).to.equal(251)
    const linaAtDesk: LoginFailureKey = { kind: 'user_at_client', username: 'lina', client: '203.0.113.9' }
    await counts.add([linaAtDesk], WINDOW, at(16))
    expect(rows(), 'a hundred ended counts removed').to.equal(152)
    await counts.add([linaAtDesk], WINDOW, at(17))
    await counts.add([linaAtDesk], WINDOW, at(18))
    expect(rows(), "every ended count gone, lina's two running ones kept").to.equal(2)
    expect((await counts.add([{ kind: 'user', username: 'lina', client: '' }], WINDOW, at(19)))[0].failures).to.equal(2)
  })

  it('finds the ended counts and a user name’s counts through indexes, not by reading every row', async () => {
    const seen: string[] = []
    const prepare = db.prepare
    db.prepare = ((sql: string) => {
      seen.push(sql)
      return prepare.call(db, sql)
    }) as Db['prepare']
    // The statements prepared when the repo is made are its prune and count: made again here to be seen.
    counts = loginFailureRepo(db, group)
    await counts.clearUser('lina')
    db.prepare = prepare
    const planOf = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(sql.match(/\?/g) ?? []).map(() => null)) as Array<{ detail: string }>).map((r) => r.detail)
    const prune = seen.find((sql) => sql.startsWith('DELETE FROM login_failures WHERE (kind, username, client) IN'))!
    const clearUser = seen.find((sql) => sql.includes('AND username = ?'))!
    for (const sql of [prune, clearUser]) {
      const plan = planOf(sql)
      expect(plan.join(' | '), sql).not.to.match(/\bSCAN login_failures\b/)
    }
    expect(planOf(prune).join(' | ')).to.match(/USING COVERING INDEX login_failures_resets/)
  })
})

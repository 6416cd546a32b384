import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'chai'
import { createSqliteStore } from '../../src/store/sqlite/index.js'
import { openDatabase } from '../../src/store/sqlite/open.js'
import { storeContract } from './contract.js'
import { sampleDirectory } from './sample-directory.js'

describe('store contract: sqlite (in memory)', () => {
  storeContract(async () => createSqliteStore(':memory:'))
})

describe('sqlite store on disk', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-store-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('makes every commit durable: WAL with synchronous=FULL', () => {
    const db = openDatabase(join(dir, 'durable.db'))
    expect(db.pragma('journal_mode', { simple: true })).to.equal('wal')
    expect(db.pragma('synchronous', { simple: true }), 'FULL').to.equal(2)
    db.close()
  })

  it('keeps the savepoint journals of group commit in memory, not in a temp file written for every grouped write', () => {
    const db = openDatabase(join(dir, 'journals.db'))
    expect(db.pragma('temp_store', { simple: true }), 'MEMORY').to.equal(2)
    db.close()
  })

  it('keeps a burst of writes in the write-ahead log instead of copying it back to the file every 1,000 pages', () => {
    const db = openDatabase(join(dir, 'burst.db'))
    // ~2,000 pages in one commit, then one more: at 1,000 the first would have been copied back
    // and the log started again from its beginning.
    db.exec('CREATE TABLE burst (b BLOB)')
    db.exec('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO burst SELECT randomblob(3000) FROM n')
    db.exec('INSERT INTO burst VALUES (randomblob(10))')
    const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>
    expect(log, 'pages in the log').to.be.above(2000)
    db.close()
  })

  it('spends the subscribe credits of a batch of messages in one commit, not one disk flush each', async () => {
    const file = join(dir, 'credits.db')
    const store = createSqliteStore(file)
    const at = new Date('2026-11-23T02:00:00Z')
    const users = Array.from({ length: 50 }, (_, i) => `mu-${i}`)
    for (const u of users) await store.subscriptions.record(u, 'TPL', 'accept_once', at)
    // Another connection sees how many pages the store has written to its write-ahead log since.
    const reader = new Database(file)
    // The store's own checkpoint thread may be copying the WAL at this moment (one checkpoint at a time): again until emptied.
    for (let tries = 0; ; tries++) {
      const [{ busy, log }] = reader.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number }>
      if (busy === 0 && log === 0) break
      if (tries > 200) expect.fail('the WAL could not be emptied')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const spent = await Promise.all(users.map((u) => store.subscriptions.consume(u, 'TPL', at)))
    expect(spent.every(Boolean)).to.equal(true)
    const [{ log }] = reader.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>
    expect(log, 'pages written for 50 credits spent together').to.be.below(10)
    expect(await store.subscriptions.get('mu-0', 'TPL')).to.deep.equal({ oneTime: 0, longTerm: false })
    reader.close()
    await store.close()
  })

  it("writes a new file's whole schema in one commit (each page once), not one commit per migration", () => {
    const db = openDatabase(join(dir, 'new.db'))
    const pages = db.pragma('page_count', { simple: true }) as number
    const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>
    // One migration a commit wrote the schema's first pages again at every step: ~430 pages for a 262-page file.
    expect(log, `pages in the log, for a file of ${pages}`).to.be.at.most(pages + 5)
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get(), 'every migration recorded').to.equal(
      readdirSync(join(import.meta.dirname, '../../src/store/sqlite/migrations')).filter((f) => f.endsWith('.sql')).length,
    )
    db.close()
  })

  it('keeps what was written across a reopen and does not re-run migrations', async () => {
    const file = join(dir, 'nested', 'liaison.db')
    const first = createSqliteStore(file)
    await first.directory.upsertAll(sampleDirectory())
    await first.close()
    const second = createSqliteStore(file)
    expect(await second.directory.counts()).to.deep.equal({ regions: 4, stations: 2, units: 2, deputies: 3, staff: 3 })
    await second.close()
  })

  it("migration 012 gives an existing case back its place's district and turns its ratings into history", async () => {
    // A database as it was before 012, with a case moved to another district's deputy,
    // reopened after a 2 and rated 4.
    const file = join(dir, 'before-012.db')
    const old = new Database(file)
    const migrations = join(import.meta.dirname, '../../src/store/sqlite/migrations')
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
    for (const f of readdirSync(migrations)
      .filter((f) => /^\d{3}_/.test(f) && Number(f.slice(0, 3)) < 12)
      .sort()) {
      old.exec(readFileSync(join(migrations, f), 'utf8'))
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(Number(f.slice(0, 3)), f, '2026-11-01T00:00:00Z')
    }
    old.exec(`INSERT INTO regions (id, name, kind, parent_id) VALUES ('d01', '湛河区', 'district', NULL), ('d02', '新华区', 'district', NULL),
      ('s0201', '新华街道', 'street', 'd02'), ('c020101', '新华社区', 'community', 's0201')`)
    const t = '2026-11-23T02:00:00.000Z'
    old
      .prepare(
        `INSERT INTO cases (id, ticket, resident_id, text, images, region_id, community_id, district_id, station_id, deputy_id, topic, status,
      anonymous, public_consent, routing_reasons, created_at, updated_at, ack_due_at, reply_due_at, rating, rated_at, reopen_count, version)
      VALUES ('cs-1', '20261123-0001', 'mu1', '公交站台太窄', '[]', 'c020101', 'c020101', 'd01', 'st001', 'dp0001', '交通出行', 'closed',
      0, 0, '[]', ?, ?, ?, ?, 4, ?, 1, 5)`,
      )
      .run(t, t, t, t, t)
    const event = old.prepare(
      `INSERT INTO case_events (id, case_id, seq, at, type, actor_role, actor_id, note, data) VALUES (?, 'cs-1', ?, ?, ?, 'resident', 'mu1', ?, ?)`,
    )
    event.run('e1', 1, '2026-11-24T02:00:00.000Z', 'rated', '还是窄', '{"rating":2}')
    event.run('e2', 2, '2026-11-25T02:00:00.000Z', 'reopened', '没解决', '{"previousRating":2}')
    event.run('e3', 3, '2026-11-26T02:00:00.000Z', 'rated', null, '{"rating":4}')
    old.close()

    const store = createSqliteStore(file)
    const c = (await store.cases.get('cs-1'))!
    expect(c).to.deep.include({ districtId: 'd02', handlingDistrictId: 'd01', rating: 4 })
    expect(c.ratings).to.deep.equal([
      { rating: 2, comment: '还是窄', at: new Date('2026-11-24T02:00:00.000Z') },
      { rating: 4, comment: null, at: new Date('2026-11-26T02:00:00.000Z') },
    ])
    await store.close()
  })

  /** A database made by migrations 001–010 (and whatever `extra` adds), holding one of each kind of record. */
  function storeUpTo010(file: string, extra = '') {
    const old = new Database(file)
    const migrations = join(import.meta.dirname, '../../src/store/sqlite/migrations')
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
    for (const f of readdirSync(migrations)
      .filter((f) => /^\d{3}_/.test(f) && Number(f.slice(0, 3)) <= 10)
      .sort()) {
      old.exec(readFileSync(join(migrations, f), 'utf8'))
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(Number(f.slice(0, 3)), f, '2026-11-01T00:00:00Z')
    }
    if (extra) {
      old.exec(extra)
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(18, '018_deputy_two_channels.sql', '2026-11-20T00:00:00Z')
    }
    const t = '2026-11-23T02:00:00.000Z'
    // A deputy's mini-program account, and a resident known to the bot.
    old.exec(`INSERT INTO mp_users (id, openid, unionid, deputy_id, phone_enc, phone_index, consent_version, consent_at, created_at, bot_contact_id, bot_alias)
      VALUES ('mu1', 'o-1', 'u-1', 'dp0001', 'enc:1', 'idx:1', 'v1', '${t}', '${t}', NULL, NULL),
             ('mu2', NULL, NULL, NULL, NULL, NULL, 'v1', '${t}', '2026-11-23T03:00:00.000Z', 'wxid_2', 'LS2ABCDE')`)
    old.exec(`INSERT INTO regions (id, name, kind, parent_id) VALUES ('d01', '湛河区', 'district', NULL)`)
    old
      .prepare(
        `INSERT INTO cases (id, ticket, resident_id, text, images, region_id, community_id, district_id, station_id, deputy_id, topic, status,
      anonymous, public_consent, routing_reasons, created_at, updated_at, ack_due_at, reply_due_at, reopen_count, version)
      VALUES ('cs-1', '20261123-0001', 'mu2', '路灯不亮', '[]', 'd01', NULL, 'd01', 'st001', 'dp0001', '市政设施', 'submitted',
      0, 0, '[]', ?, ?, ?, ?, 0, 1)`,
      )
      .run(t, t, t, t)
    old
      .prepare(
        `INSERT INTO surveys (id, short_code, kind, title, description, questions, articles, ballot, anonymous, opens_at, closes_at,
      response_cap, response_count, district_ids, created_by, created_at, updated_at)
      VALUES ('sv1', 'SV0001', 'survey', '社区停车', '', '[]', '[]', NULL, 0, ?, '2026-12-23T02:00:00.000Z', NULL, 1, '["d01"]', 'sf01', ?, ?)`,
      )
      .run(t, t, t)
    old
      .prepare(
        `INSERT INTO survey_responses (id, survey_id, respondent_key, mp_user_id, answers, comments, created_at)
      VALUES ('sr1', 'sv1', 'mu2', 'mu2', '{}', '[]', ?)`,
      )
      .run(t)
    old
      .prepare(
        `INSERT INTO quizzes (id, campaign_id, title, description, draw_count, time_limit_seconds, attempts_allowed, opens_at, closes_at,
      audience, scope_district_ids, created_by, created_at, updated_at)
      VALUES ('qz1', NULL, '宪法知识', '', 5, 600, 3, ?, '2026-12-23T02:00:00.000Z', 'public', '[]', 'sf01', ?, ?)`,
      )
      .run(t, t, t)
    old.close()
  }

  async function expectNothingLost(file: string) {
    const store = createSqliteStore(file)
    try {
      const t = new Date('2026-11-23T02:00:00.000Z')
      expect(await store.mpUsers.get('mu1')).to.deep.equal({
        id: 'mu1',
        openid: 'o-1',
        unionid: 'u-1',
        deputyId: 'dp0001',
        phoneEnc: 'enc:1',
        phoneIndex: 'idx:1',
        consentVersion: 'v1',
        consentAt: t,
        createdAt: t,
        botContactId: null,
        botAlias: null,
      })
      expect(await store.mpUsers.getByBotAlias('LS2ABCDE')).to.deep.include({ id: 'mu2', botContactId: 'wxid_2' })
      expect(await store.privacy.erasedAt('mu1')).to.equal(null)
      // 018's point: the same deputy may now also be bound in the bot.
      await store.mpUsers.update('mu2', { deputyId: 'dp0001' })
      expect((await store.mpUsers.listByDeputyId('dp0001')).map((u) => u.id)).to.deep.equal(['mu1', 'mu2'])
      expect(await store.cases.get('cs-1')).to.deep.include({
        ticket: '20261123-0001',
        text: '路灯不亮',
        districtId: 'd01',
        handlingDistrictId: 'd01',
        ratings: [],
      })
      expect(await store.privacy.anonymisedAt('cs-1')).to.equal(null)
      expect(await store.surveys.get('sv1')).to.deep.include({ title: '社区停车', responseCount: 1, districtIds: ['d01'], draft: false })
      expect((await store.privacy.surveyAnswersOf('mu2')).map((a) => a.surveyId)).to.deep.equal(['sv1'])
      expect(await store.quizzes.get('qz1')).to.deep.include({ title: '宪法知识', drawCount: 5, draft: false })
    } finally {
      await store.close()
    }
    const db = new Database(file, { readonly: true })
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(), 'every migration, later ones too').to.deep.equal(
      readdirSync(join(import.meta.dirname, '../../src/store/sqlite/migrations'))
        .filter((f) => /^\d{3}_/.test(f))
        .map((f) => Number(f.slice(0, 3)))
        .sort((x, y) => x - y),
    )
    expect(db.prepare('SELECT count(*) FROM mp_users').pluck().get()).to.equal(2)
    db.close()
  }

  it('applies migrations 011–018 to a store made by 001–010, losing no person, case, survey or quiz (018 rebuilds mp_users)', async () => {
    const file = join(dir, 'up-to-010.db')
    storeUpTo010(file)
    await expectNothingLost(file)
  })

  it('applies 011–017 to a store that already had the first 018 (001–010 and 018 before erased_at existed)', async () => {
    const file = join(dir, 'with-old-018.db')
    // 018 as first released, before 013 gave mp_users an erased_at column.
    storeUpTo010(
      file,
      `
      CREATE TABLE mp_users_new (id TEXT PRIMARY KEY, openid TEXT UNIQUE, unionid TEXT, deputy_id TEXT, phone_enc TEXT, phone_index TEXT,
        consent_version TEXT, consent_at TEXT, created_at TEXT NOT NULL, bot_contact_id TEXT, bot_alias TEXT);
      INSERT INTO mp_users_new SELECT id, openid, unionid, deputy_id, phone_enc, phone_index, consent_version, consent_at, created_at, bot_contact_id, bot_alias FROM mp_users;
      DROP TABLE mp_users;
      ALTER TABLE mp_users_new RENAME TO mp_users;
      CREATE UNIQUE INDEX mp_users_bot_contact ON mp_users(bot_contact_id) WHERE bot_contact_id IS NOT NULL;
      CREATE UNIQUE INDEX mp_users_bot_alias ON mp_users(bot_alias) WHERE bot_alias IS NOT NULL;
      CREATE UNIQUE INDEX mp_users_deputy_app ON mp_users(deputy_id) WHERE deputy_id IS NOT NULL AND openid IS NOT NULL;
      CREATE UNIQUE INDEX mp_users_deputy_bot ON mp_users(deputy_id) WHERE deputy_id IS NOT NULL AND bot_contact_id IS NOT NULL;`,
    )
    await expectNothingLost(file)
  })
})

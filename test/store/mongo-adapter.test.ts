import { expect } from 'chai'
import type { Document } from 'mongodb'
import { createMongoStore } from '../../src/store/mongo/index.js'
import { StoreStartupError } from '../../src/store/startup-error.js'
import { ValidationError } from '../../src/errors.js'
import { encodeCursor } from '../../src/store/cursor.js'
import type { Store } from '../../src/store/ports.js'
import { FakeMongoServer, NO_ANSWER, cursorAnswer, type ReceivedCommand } from '../fakes/mongo-wire.js'
import { rejects } from '../helpers/rejects.js'
import { caseRecord } from './records.js'
import { meetingRecord } from './contract-meetings.js'
import { suggestionRecord } from './contract-suggestions.js'
import { quizRecord } from './contract-quizzes.js'
import { ConflictError } from '../../src/errors.js'
import { cursorContract } from './contract-cursors.js'
import { ACTIVATIONS_DATED_MARKER, dateWaitingActivations } from '../../src/services/accounts/activation-dates.js'
import { outboxMessage } from '../../src/services/delivery/outbox-message.js'

/**
 * The mongo adapter against a wire-protocol fake (no MongoDB server can run here): what
 * it refuses at start, and what it sends. The store's behaviour on real data is the
 * contract suite's, run against a replica set with MONGODB_URI (see the README).
 */
describe('mongo adapter, against a fake server', function () {
  this.timeout(30_000)
  let fake: FakeMongoServer
  let store: Store | null

  beforeEach(async () => {
    fake = await FakeMongoServer.start()
    store = null
  })
  afterEach(async () => {
    await store?.close()
    await fake.close()
  })

  const open = async (options: Parameters<typeof createMongoStore>[1] = {}) => (store = await createMongoStore(fake.uri(), options))
  /** Answers writes to `collection` as if `n` documents matched and changed. */
  const matches = (collection: string, n = 1) =>
    fake.answer((c) => (c.name === 'update' && c.body.update === collection ? { n, nModified: n, ok: 1 } : undefined))
  const on = (collection: string, ...names: string[]) => fake.sent(...names).filter((c) => c.body[c.name] === collection)
  const writeConcern = (c: ReceivedCommand) => c.body.writeConcern as Document | undefined

  describe('at start', () => {
    it('refuses a standalone server in one line, because every multi-step write is a transaction', async () => {
      fake.hello = { setName: undefined, hosts: undefined, me: undefined, primary: undefined }
      const err = await rejects(createMongoStore(fake.uri('/liaison', '')))
      expect(err).to.be.instanceOf(StoreStartupError)
      expect((err as Error).message).to.match(/^MongoDB at 127\.0\.0\.1:\d+ is a standalone server; .*replica set/)
      expect((err as Error).message).not.to.include('\n')
      expect(fake.sent('createIndexes', 'insert', 'update'), 'nothing written').to.deep.equal([])
    })

    it('says in one line when no primary of the named replica set answers', async () => {
      fake.hello = { setName: 'another-set' }
      const err = await rejects(createMongoStore(fake.uri('/liaison', 'replicaSet=rs0&serverSelectionTimeoutMS=300')))
      expect(err).to.be.instanceOf(StoreStartupError)
      expect((err as Error).message).to.match(new RegExp(`^MongoDB at ${fake.host}: no primary could be reached \\(.+\\)$`))
      expect((err as Error).message).not.to.include('\n')
    })

    it('accepts a mongos (sharded cluster)', async () => {
      fake.hello = { setName: undefined, hosts: undefined, me: undefined, primary: undefined, msg: 'isdbgrid' }
      store = await createMongoStore(fake.uri('/liaison', ''))
      expect(store!.kind).to.equal('mongo')
    })

    it('refuses a URI that names no database, before connecting, rather than writing to "test"', async () => {
      const err = await rejects(createMongoStore(fake.uri('/', 'replicaSet=rs0')))
      expect(err).to.be.instanceOf(StoreStartupError)
      expect((err as Error).message).to.equal(
        `store.url (env LIAISON_DB): name the database in the MongoDB URI, e.g. mongodb://${fake.host}/liaison?replicaSet=rs0`,
      )
      expect(fake.commands).to.deep.equal([])
    })

    it('creates missing indexes and never drops one another version relies on', async () => {
      // Every collection already has an index this version's schemas do not declare.
      fake.answer((c) =>
        c.name === 'listIndexes'
          ? cursorAnswer(c, [
              { v: 2, key: { _id: 1 }, name: '_id_' },
              { v: 2, key: { legacy: 1 }, name: 'legacy_1' },
            ])
          : undefined,
      )
      await open()
      expect(on('deputies', 'createIndexes'), 'indexes created').to.have.length.greaterThan(0)
      expect(fake.sent('dropIndexes')).to.deep.equal([])
    })

    it('starts beside an index another version made differently, leaving it for --sync', async () => {
      fake.answer((c) =>
        c.name === 'createIndexes' && c.body.createIndexes === 'staff'
          ? { ok: 0, code: 85, codeName: 'IndexOptionsConflict', errmsg: 'An existing index has the same name as the requested index' }
          : undefined,
      )
      await open()
      expect(on('sessions', 'createIndexes'), 'the other collections still get theirs').to.have.length.greaterThan(0)
      expect(fake.sent('dropIndexes')).to.deep.equal([])
    })

    it('drops undeclared indexes only when asked (npm run db:indexes -- --sync)', async () => {
      fake.answer((c) =>
        c.name === 'listIndexes' && c.body.listIndexes === 'deputies'
          ? cursorAnswer(c, [
              { v: 2, key: { _id: 1 }, name: '_id_' },
              { v: 2, key: { legacy: 1 }, name: 'legacy_1' },
            ])
          : undefined,
      )
      let dropped: Record<string, string[]> = {}
      await open({ syncIndexes: true, onIndexesDropped: (d) => (dropped = d) })
      expect(dropped).to.deep.equal({ deputies: ['legacy_1'] })
      expect(fake.sent('dropIndexes').map((c) => [c.body.dropIndexes, c.body.index])).to.deep.equal([['deputies', 'legacy_1']])
    })
  })

  describe('durability', () => {
    it('has every write acknowledged by a majority, journaled', async () => {
      await open()
      await store!.audit.append({
        at: new Date(),
        actorKind: 'staff',
        actorId: 'sf01',
        action: 'deputy.phone.read',
        targetKind: 'deputy',
        targetId: 'dp0001',
        details: {},
      })
      const [insert] = on('audit_log', 'insert').concat(fake.sent('insert'))
      expect(writeConcern(insert)).to.deep.equal({ w: 'majority', j: true })
    })

    it('reads majority-committed data in transactions and commits them majority-acknowledged', async () => {
      await open()
      matches('surveys')
      await store!.surveys.respond({
        response: {
          id: 'r1',
          surveyId: 's1',
          respondentKey: 'k1',
          mpUserId: null,
          deputyId: null,
          stationId: null,
          districtId: null,
          via: null,
          answers: {},
          comments: [],
          createdAt: new Date(),
        },
        increments: [],
        texts: [],
        opinions: [],
      })
      const first = fake.commands.find((c) => c.body.startTransaction === true)!
      expect(first.body.readConcern).to.deep.include({ level: 'majority' })
      // Inside a transaction only the commit carries a write concern: the server refuses it on the statements.
      const inside = fake.commands.filter((c) => c.body.txnNumber !== undefined && c.body.autocommit === false && c.name !== 'commitTransaction')
      expect(inside.map((c) => c.name)).to.include.members(['insert', 'update'])
      expect(inside.filter((c) => c.body.writeConcern !== undefined)).to.deep.equal([])
      const [commit] = fake.sent('commitTransaction')
      expect(writeConcern(commit)).to.deep.include({ w: 'majority', j: true })
    })
  })

  describe('during a primary election', () => {
    it('holds a request until the new primary is chosen, rather than failing it after 5 s', async function () {
      await open()
      let electing = false
      fake.answer((c) => {
        if (c.name !== 'insert' || c.body.insert !== 'audit_log' || electing) return undefined
        // The primary steps down: it refuses the write and, for a while, no member is primary.
        electing = true
        fake.hello = { ismaster: false, isWritablePrimary: false, secondary: true, primary: undefined }
        return { ok: 0, code: 10107, codeName: 'NotWritablePrimary', errmsg: 'not primary', errorLabels: ['RetryableWriteError'] }
      })
      const write = store!.audit.append({
        at: new Date(),
        actorKind: 'staff',
        actorId: 'sf01',
        action: 'deputy.phone.read',
        targetKind: 'deputy',
        targetId: 'dp0001',
        details: {},
      })
      // An election longer than the old 5 s server-selection limit, shorter than a slow one (about 12 s).
      await new Promise((resolve) => setTimeout(resolve, 6_000))
      fake.hello = {}
      await write
      expect(on('audit_log', 'insert'), 'written once the new primary is there').to.have.length(2)
    })

    it('tells /readyz the store is away within its own short limit', async () => {
      await open()
      // The app's own hello carries a session; the driver's monitoring does not.
      fake.answer((c) => (c.name === 'hello' && c.body.lsid ? NO_ANSWER : undefined))
      const err = await rejects(store!.ping())
      expect((err as Error).message).to.equal('MongoDB did not answer within 3000 ms')
    })
  })

  describe('quizzes', () => {
    it('starts an attempt, expiring overdue ones with an update pipeline mongoose 9 accepts', async () => {
      await open()
      const now = new Date('2026-11-22T02:00:00Z')
      const attempt = {
        id: 'at1',
        quizId: 'qz1',
        personKind: 'deputy' as const,
        personId: 'dp0001',
        stationId: 'st001',
        districtId: 'd01',
        number: 0,
        seed: 7,
        questionIds: ['qq1'],
        optionOrders: [[0, 1]],
        startedAt: now,
        deadline: new Date(now.getTime() + 600_000),
        status: 'open' as const,
        finishedAt: null,
        answers: null,
        score: null,
        maxScore: 1,
      }
      const started = await store!.quizzes.startAttempt(attempt, now, 3)
      expect(started.number).to.equal(1)
      const [expire] = on('quiz_attempts', 'update')
      expect(expire.body.updates[0].u).to.deep.equal([{ $set: { status: 'expired', finishedAt: '$deadline', answers: [], score: 0 } }])
      expect(on('quiz_attempts', 'insert')).to.have.length(1)
    })

    const question = {
      id: 'qq1',
      quizId: 'qz1',
      type: 'single' as const,
      stem: '宪法何时通过？',
      options: ['1954', '1982'],
      answer: [1],
      explanation: '',
      points: 1,
      tags: [],
      position: 0,
    }

    it('marks a quiz started before its first attempt is written, on the document an edit before the first start also writes', async () => {
      await open()
      const now = new Date('2026-11-22T02:00:00Z')
      await store!.quizzes.startAttempt(
        {
          id: 'at1',
          quizId: 'qz1',
          personKind: 'deputy',
          personId: 'dp0001',
          stationId: 'st001',
          districtId: 'd01',
          number: 0,
          seed: 7,
          questionIds: ['qq1'],
          optionOrders: [[0, 1]],
          startedAt: now,
          deadline: new Date(now.getTime() + 600_000),
          status: 'open',
          finishedAt: null,
          answers: null,
          score: null,
          maxScore: 1,
        },
        now,
        3,
      )
      const writes = fake.commands.filter((c) => ['insert', 'update'].includes(c.name) && ['quizzes', 'quiz_attempts'].includes(c.body[c.name]))
      expect(writes.map((c) => `${c.name} ${c.body[c.name]}`)).to.deep.equal(['update quiz_attempts', 'update quizzes', 'insert quiz_attempts'])
      expect(writes[1].body.updates[0]).to.deep.include({ q: { _id: 'qz1', started: { $ne: true } }, u: { $set: { started: true } } })
      matches('quizzes')
      matches('quiz_questions')
      await store!.quizzes.updateQuestion(question, { unstarted: true })
      const [, gate] = on('quizzes', 'update')
      expect(gate.body.updates[0].q, 'the edit writes the quiz, so it conflicts with a first start').to.deep.equal({ _id: 'qz1', started: { $ne: true } })
      expect(gate.body.txnNumber, "in the edit's transaction").to.not.equal(undefined)
    })

    it('refuses to change the scoring of a question once the quiz is marked started, though no attempt is visible yet', async () => {
      await open()
      fake.answer((c) => (c.name === 'find' && c.body.find === 'quiz_questions' ? cursorAnswer(c, [{ _id: 'qq1' }]) : undefined))
      matches('quiz_questions')
      const err = await rejects(store!.quizzes.updateQuestion(question, { unstarted: true }))
      expect(err).to.be.instanceOf(ConflictError)
      expect((err as ConflictError).code).to.equal('quiz_started')
      expect(on('quiz_questions', 'update'), 'nothing written').to.deep.equal([])
    })

    it("refuses to change a started quiz's draw and time limit, though no attempt is visible yet", async () => {
      await open()
      fake.answer((c) => (c.name === 'find' && c.body.find === 'quizzes' ? cursorAnswer(c, [{ _id: 'qz1' }]) : undefined))
      const err = await rejects(store!.quizzes.update(quizRecord({ id: 'qz1', drawCount: 9 }), { unstarted: true }))
      expect(err).to.be.instanceOf(ConflictError)
      expect((err as ConflictError).code).to.equal('quiz_started')
      const [write] = on('quizzes', 'update')
      expect(write.body.updates[0].q).to.deep.equal({ _id: 'qz1', started: { $ne: true } })
    })
  })

  describe('surveys', () => {
    it('searches text answers for text with a NUL byte in it as text, not a broken pattern', async () => {
      await open()
      const page = await store!.surveys.textAnswers('s1', { questionId: 'q1', q: 'a\0b.', limit: 10 })
      expect(page).to.deep.equal({ items: [], nextCursor: null })
      const [find] = on('survey_text_answers', 'find')
      expect(find.body.filter.text).to.deep.equal({ $regex: 'a\\x00b\\.' })
    })

    it('refuses a text-answer cursor whose key is no date, as a 400 rather than a cast error', async () => {
      await open()
      const err = await rejects(store!.surveys.textAnswers('s1', { questionId: 'q1', cursor: encodeCursor('yesterday|r1'), limit: 10 }))
      expect(err).to.be.instanceOf(ValidationError)
      expect(on('survey_text_answers', 'find')).to.deep.equal([])
    })
  })

  describe('leases', () => {
    it("keeps job locks in the server's time, so instances with skewed clocks agree on who holds one", async () => {
      // This instance's clock is ten minutes behind the server's.
      fake.hello = { localTime: new Date(Date.now() + 600_000) }
      await open()
      const now = new Date()
      await store!.locks.acquire('digest', 'instance-a', 60_000, now)
      const [take] = on('job_locks', 'findAndModify')
      const lockedUntil = (take.body.update.$set.expiresAt as Date).getTime()
      // Within a minute of the server's now + ttl (the round trip blurs the measurement).
      expect(Math.abs(lockedUntil - (now.getTime() + 600_000 + 60_000))).to.be.below(60_000)
    })

    it('leases a batch of due messages in three round trips, however many there are', async () => {
      await open()
      const due = Array.from({ length: 50 }, (_, i) => ({
        _id: `m${String(i).padStart(2, '0')}`,
        channel: 'mp',
        recipientKind: 'deputy',
        recipientId: 'dp0001',
        kind: 'case.assigned',
        payload: {},
        dedupeKey: `k${i}`,
        status: 'sending',
        attempts: 0,
        nextAttemptAt: new Date('2026-11-22T02:00:00Z'),
        lastError: null,
        createdAt: new Date('2026-11-22T01:00:00Z'),
        sentAt: null,
        address: null,
        waitingReason: null,
      }))
      fake.answer((c) => (c.name === 'find' && c.body.find === 'outbox' ? cursorAnswer(c, due) : undefined))
      matches('outbox', 50)
      fake.commands.length = 0
      const claimed = await store!.outbox.claimDue(new Date('2026-11-22T02:00:00Z'), { limit: 50, leaseMs: 60_000, holder: 'd1', channels: ['mp'] })
      expect(claimed).to.have.length(50)
      expect(fake.commands.filter((c) => c.body[c.name] === 'outbox').map((c) => c.name)).to.deep.equal(['find', 'update', 'find'])
    })

    it("writes a transaction's outbox messages in one round trip", async () => {
      await open()
      const message = (i: number) => ({
        id: `m${i}`,
        channel: 'mp',
        recipientKind: 'deputy' as const,
        recipientId: 'dp0001',
        kind: 'meeting.notice',
        payload: {},
        dedupeKey: `k${i}`,
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: new Date(),
        lastError: null,
        createdAt: new Date(),
        sentAt: null,
        address: null,
        waitingReason: null,
      })
      await store!.outbox.enqueue([1, 2, 3].map(message))
      const updates = on('outbox', 'update')
      expect(updates).to.have.length(1)
      expect(updates[0].body.updates.map((u: Document) => u.q)).to.deep.equal([{ dedupeKey: 'k1' }, { dedupeKey: 'k2' }, { dedupeKey: 'k3' }])
    })
  })

  describe('hot documents and write skew', () => {
    const writesInOrder = () =>
      fake.commands.filter((c) => ['insert', 'update', 'findAndModify'].includes(c.name)).map((c) => `${c.name} ${String(c.body[c.name])}`)

    it("binds a deputy after writing the deputy's one binding document, in the binding's transaction, so two phones at once conflict", async () => {
      await open()
      fake.answer((c) =>
        c.name === 'find' && c.body.find === 'mp_users'
          ? cursorAnswer(c, [{ _id: 'mu-old', openid: 'o-old', deputyId: 'dp0001', createdAt: new Date() }])
          : undefined,
      )
      matches('mp_users')
      fake.commands.length = 0
      const replaced = await store!.mpUsers.bindDeputy(
        'mu-new',
        'dp0001',
        (u) => u.openid !== null,
        () => [],
      )
      expect(replaced.map((u) => u.id)).to.deep.equal(['mu-old'])
      expect(writesInOrder()).to.deep.equal(['update deputy_bindings', 'update mp_users', 'update mp_users'])
      const [claim] = on('deputy_bindings', 'update')
      expect(claim.body.updates[0]).to.deep.include({ q: { _id: 'dp0001' }, u: { $inc: { bindings: 1 } }, upsert: true })
      const [bind] = on('mp_users', 'update').slice(-1)
      expect(claim.body.txnNumber, 'in the transaction').to.not.equal(undefined)
      expect(bind.body.txnNumber, 'the same one').to.deep.equal(claim.body.txnNumber)
      expect(bind.body.lsid).to.deep.equal(claim.body.lsid)
    })

    it("takes the day's ticket number near the end of a submission, so messages of one day do not queue behind it", async () => {
      await open()
      fake.answer((c) =>
        c.name === 'findAndModify' && c.body.findAndModify === 'ticket_counters'
          ? { lastErrorObject: { n: 1, updatedExisting: true }, value: { _id: '20261122', last: 7 }, ok: 1 }
          : undefined,
      )
      matches('cases')
      fake.commands.length = 0
      const stored = await store!.cases.submit({ record: caseRecord(), ticketDate: '2026-11-22', events: [], outbox: [] })
      expect(stored.ticket).to.equal('20261122-0007')
      expect(writesInOrder()).to.deep.equal(['insert cases', 'findAndModify ticket_counters', 'update cases'])
    })

    it("writes a survey's response count and tallies last in a response", async () => {
      await open()
      matches('surveys')
      fake.commands.length = 0
      await store!.surveys.respond({
        response: {
          id: 'r1',
          surveyId: 's1',
          respondentKey: 'k1',
          mpUserId: null,
          deputyId: null,
          stationId: null,
          districtId: null,
          via: null,
          answers: { q1: 'a' },
          comments: [],
          createdAt: new Date(),
        },
        increments: [{ scope: 'all', questionId: 'q1', bucket: 'a', count: 1, sum: 0 }],
        texts: [{ responseId: 'r1', questionId: 'q2', text: '好', stationId: null, districtId: null, createdAt: new Date() }],
        opinions: [],
      })
      expect(writesInOrder()).to.deep.equal(['insert survey_responses', 'insert survey_text_answers', 'update surveys', 'update survey_tallies'])
    })

    it('makes a follow and a publication of the same campaign write one document in common, so one of them retries', async () => {
      await open()
      fake.answer((c) =>
        c.name === 'findAndModify' && c.body.findAndModify === 'reading_items'
          ? { lastErrorObject: { n: 1, updatedExisting: true }, value: { _id: 'ri1', campaignId: 'cp1', publishedAt: null }, ok: 1 }
          : undefined,
      )
      fake.answer((c) =>
        c.name === 'update' && c.body.update === 'campaign_followers' ? { n: 1, nModified: 0, upserted: [{ index: 0, _id: 'f1' }], ok: 1 } : undefined,
      )
      const at = new Date('2026-11-22T02:00:00Z')
      await store!.campaigns.publishItem('ri1', at, [], [])
      const byPublication = on('campaigns', 'update').map((c) => c.body.updates[0])
      await store!.campaigns.follow('cp1', { kind: 'mp_user', id: 'mp1' }, { stationId: null, districtId: null }, at)
      const byFollow = on('campaigns', 'update')
        .map((c) => c.body.updates[0])
        .slice(byPublication.length)
      expect(byPublication).to.have.length(1)
      expect(byFollow).to.have.length(1)
      expect(byPublication[0].q).to.deep.equal({ _id: 'cp1' })
      expect(byFollow[0].q).to.deep.equal({ _id: 'cp1' })
    })

    it('publishes items together or none: a second item published meanwhile undoes the first claim and writes no message', async () => {
      await open()
      // ri1 is still to publish; ri2 is not (another publisher had it): no document matches its claim.
      fake.answer((c) =>
        c.name === 'findAndModify' && c.body.findAndModify === 'reading_items'
          ? (c.body.query as Document)._id === 'ri1'
            ? { lastErrorObject: { n: 1, updatedExisting: true }, value: { _id: 'ri1', campaignId: 'cp1', publishedAt: null }, ok: 1 }
            : { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 }
          : undefined,
      )
      const at = new Date('2026-11-22T02:00:00Z')
      const notice = outboxMessage({
        to: { kind: 'station', id: 'st001' },
        kind: 'reading.published',
        payload: { itemId: 'ri1', itemIds: ['ri1', 'ri2'], text: '【学习材料】发布了《甲》、《乙》。' },
        dedupeKey: 'reading:ri1:published:station:st001',
        at,
      })
      expect(await store!.campaigns.publishItems(['ri1', 'ri2'], at, [], [notice])).to.equal(false)
      expect(on('reading_items', 'findAndModify').map((c) => (c.body.query as Document)._id)).to.deep.equal(['ri1', 'ri2'])
      expect(on('outbox', 'update', 'insert'), 'no message').to.deep.equal([])
      expect(fake.sent('commitTransaction'), 'the claim of ri1 is not committed').to.deep.equal([])
    })
  })

  describe('reads that grow with history', () => {
    it("finds each deputy's last digest from an index, one key per deputy, not by grouping every digest", async () => {
      await open()
      const indexes = on('digests', 'createIndexes').flatMap((c) => (c.body.indexes as Document[]).map((i) => i.key))
      expect(indexes).to.deep.include({ deputyId: 1, createdAt: -1 })
      fake.answer((c) =>
        c.name === 'aggregate' && c.body.aggregate === 'digests' ? cursorAnswer(c, [{ _id: 'dp0001', at: new Date('2026-11-23T00:00:00Z') }]) : undefined,
      )
      expect(await store!.digests.lastMade()).to.deep.equal({ dp0001: new Date('2026-11-23T00:00:00Z') })
      const [lastMade] = on('digests', 'aggregate')
      expect(lastMade.body.pipeline).to.deep.equal([{ $sort: { deputyId: 1, createdAt: -1 } }, { $group: { _id: '$deputyId', at: { $first: '$createdAt' } } }])
    })

    it('counts messages by status with a count per status on its index, not a group over every message', async () => {
      await open()
      fake.commands.length = 0
      expect(await store!.outbox.countsByStatus()).to.deep.equal({ pending: 0, sending: 0, sent: 0, failed: 0, dead: 0 })
      const counts = on('outbox', 'aggregate').map((c) => c.body.pipeline[0])
      expect(counts).to.have.deep.members(['pending', 'sending', 'sent', 'failed', 'dead'].map((status) => ({ $match: { status } })))
    })

    it("declares the outbox's indexes its queries seek, and not the (status, nextAttemptAt) one that none does", async () => {
      await open()
      const keys = on('outbox', 'createIndexes').flatMap((c) => (c.body.indexes as Document[]).map((i) => i.key))
      expect(keys).to.deep.include.members([
        { channel: 1, status: 1, nextAttemptAt: 1 },
        { status: 1, _id: 1 },
        { channel: 1, _id: 1 },
        { kind: 1, _id: 1 },
      ])
      expect(keys).to.not.deep.include({ status: 1, nextAttemptAt: 1 })
    })

    it('counts messages by channel and status from the channel index, not a group over every message', async () => {
      await open()
      fake.answer((c) => (c.name === 'distinct' && c.body.distinct === 'outbox' ? { values: ['mp'], ok: 1 } : undefined))
      fake.answer((c) =>
        c.name === 'aggregate' && c.body.aggregate === 'outbox' && c.body.pipeline[0].$match?.status === 'sent'
          ? cursorAnswer(c, [{ _id: 1, n: 7 }])
          : undefined,
      )
      fake.commands.length = 0
      expect(await store!.outbox.countsByChannel()).to.deep.equal({ mp: { pending: 0, sending: 0, sent: 7, failed: 0, dead: 0 } })
      const groups = on('outbox', 'aggregate').filter((c) => c.body.pipeline[0].$group)
      expect(groups, 'no whole-collection group').to.deep.equal([])
    })
  })

  describe('the daily digest', () => {
    it("records a batch of deputies' digests in two round trips, queuing messages only for the new ones", async () => {
      await open()
      const message = (deputyId: string) => ({
        id: `ob-${deputyId}`,
        channel: 'auto',
        recipientKind: 'deputy' as const,
        recipientId: deputyId,
        kind: 'digest',
        payload: {},
        dedupeKey: `digest:${deputyId}:2026-11-23`,
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: new Date(),
        lastError: null,
        createdAt: new Date(),
        sentAt: null,
        address: null,
        waitingReason: null,
      })
      // dp0002 already has the day's digest: only the first and third are inserted.
      fake.answer((c) =>
        c.name === 'update' && c.body.update === 'digests'
          ? {
              n: 2,
              nModified: 0,
              upserted: [
                { index: 0, _id: 'x1' },
                { index: 2, _id: 'x3' },
              ],
              ok: 1,
            }
          : undefined,
      )
      fake.commands.length = 0
      const made = await store!.digests.record(
        '2026-11-23',
        ['dp0001', 'dp0002', 'dp0003'].map((d) => ({ deputyId: d, message: message(d) })),
        new Date(),
      )
      expect(made).to.equal(2)
      expect(on('digests', 'update')).to.have.length(1)
      const queued = on('outbox', 'update')
      expect(queued).to.have.length(1)
      expect(queued[0].body.updates.map((u: Document) => u.q.dedupeKey)).to.deep.equal(['digest:dp0001:2026-11-23', 'digest:dp0003:2026-11-23'])
    })
  })

  describe('methods added after the first review', () => {
    const indexesOn = (collection: string) => on(collection, 'createIndexes').flatMap((c) => c.body.indexes as Document[])

    it('invites a person named twice in one call once, as sqlite does, rather than failing on the unique key', async () => {
      await open()
      matches('meetings')
      const m = meetingRecord({ status: 'published' })
      const dp3 = {
        meetingId: m.id,
        personKind: 'deputy' as const,
        personId: 'dp0003',
        name: '王五',
        rsvp: 'pending' as const,
        reason: null,
        rsvpAt: null,
        checkedInAt: null,
        invitedAt: null,
      }
      const { added } = await store!.meetings.addInvitees(m, [dp3, dp3], [])
      expect(added).to.deep.equal([dp3])
      const [insert] = on('meeting_invitees', 'insert')
      expect(insert.body.documents.map((d: Document) => d.personId)).to.deep.equal(['dp0003'])
    })

    it('writes when an added person was invited, and reads it back', async () => {
      await open()
      matches('meetings')
      const m = meetingRecord({ status: 'published' })
      const invitedAt = new Date('2026-11-25T01:00:00Z')
      const late = {
        meetingId: m.id,
        personKind: 'deputy' as const,
        personId: 'dp0003',
        name: '王五',
        rsvp: 'pending' as const,
        reason: null,
        rsvpAt: null,
        checkedInAt: null,
        invitedAt,
      }
      await store!.meetings.addInvitees(m, [late], [])
      const [insert] = on('meeting_invitees', 'insert')
      expect(insert.body.documents[0].invitedAt).to.deep.equal(invitedAt)
      fake.answer((c) => (c.name === 'find' && c.body.find === 'meeting_invitees' ? cursorAnswer(c, [{ ...late, seq: 2 }]) : undefined))
      expect((await store!.meetings.invitation(m.id, { kind: 'deputy', id: 'dp0003' }))!.invitedAt).to.deep.equal(invitedAt)
    })

    it('records a staff entry only over the invitee as read, its times as dates, and gives a leave way to their own answer', async () => {
      await open()
      matches('meeting_invitees')
      const before = {
        meetingId: 'mt-1',
        personKind: 'deputy' as const,
        personId: 'dp0002',
        name: '王芳',
        rsvp: 'pending' as const,
        reason: null,
        rsvpAt: null,
        checkedInAt: null,
        invitedAt: null,
        staffEntry: null,
      }
      const at = new Date('2026-11-25T12:00:00Z')
      const staffEntry = {
        kind: 'leave' as const,
        note: '住院',
        staffId: 'sf00',
        staffName: '系统管理员',
        at,
        before: { rsvp: 'pending' as const, reason: null, rsvpAt: null },
      }
      expect(await store!.meetings.rewriteInvitee(before, { ...before, rsvp: 'leave', reason: '住院', rsvpAt: at, staffEntry })).to.equal(true)
      const [write] = on('meeting_invitees', 'update').flatMap((c) => c.body.updates as Document[])
      expect(write.q).to.deep.equal({
        meetingId: 'mt-1',
        personKind: 'deputy',
        personId: 'dp0002',
        rsvp: 'pending',
        rsvpAt: null,
        checkedInAt: null,
        'staffEntry.at': null,
        // A new entry: only over no 已离任 / 已调到… mark (test/store/mongo-marked-invitees.test.ts).
        withdrawn: null,
      })
      expect(write.u).to.deep.equal({ $set: { rsvp: 'leave', reason: '住院', rsvpAt: at, checkedInAt: null, staffEntry } })

      // Her own answer: first over a recorded leave (clearing it), and it is read back as written.
      const answer = { rsvp: 'attend' as const, reason: null, at: new Date('2026-11-25T13:00:00Z') }
      fake.answer((c) =>
        c.name === 'findAndModify' && c.body.findAndModify === 'meeting_invitees'
          ? { lastErrorObject: { n: 1, updatedExisting: true }, value: { ...before, rsvp: 'attend', rsvpAt: answer.at, seq: 1 }, ok: 1 }
          : undefined,
      )
      expect(await store!.meetings.respond('mt-1', { kind: 'deputy', id: 'dp0002' }, answer)).to.deep.equal({ ...before, rsvp: 'attend', rsvpAt: answer.at })
      const [overLeave] = on('meeting_invitees', 'findAndModify')
      expect(overLeave.body.query).to.deep.equal({ meetingId: 'mt-1', personKind: 'deputy', personId: 'dp0002', 'staffEntry.kind': 'leave' })
      expect(overLeave.body.update).to.deep.equal({ $set: { rsvp: 'attend', reason: null, rsvpAt: answer.at, staffEntry: null } })
    })

    it("lists a resident's public places by their own index, then their meetings by id in start order, as sqlite's join", async () => {
      await open()
      const { id, ...meeting } = meetingRecord({ status: 'cancelled', cancelReason: '推迟' })
      const registration = { meetingId: id, mpUserId: 'mu1', name: '王大爷', createdAt: new Date('2026-11-23T01:00:00Z') }
      fake.answer((c) => {
        if (c.name !== 'find') return undefined
        if (c.body.find === 'meeting_public_registrations') return cursorAnswer(c, [registration])
        if (c.body.find === 'meetings') return cursorAnswer(c, [{ _id: id, ...meeting }])
        return undefined
      })
      const endFrom = new Date('2026-11-23T00:00:00Z')
      const mine = await store!.meetings.registrationsOf('mu1', { endFrom })
      expect(on('meeting_public_registrations', 'find')[0].body.filter).to.deep.equal({ mpUserId: 'mu1' })
      const [find] = on('meetings', 'find')
      expect(find.body.filter).to.deep.equal({ _id: { $in: [id] }, endAt: { $gte: endFrom } })
      expect(find.body.sort).to.deep.equal({ startAt: 1, _id: 1 })
      expect(mine).to.deep.equal([{ meeting: { id, ...meeting }, registration }])
    })

    it("lists one staff member's campaigns (只看我创建的) on the creator's index, newest first, within the scope", async () => {
      await open()
      const index = indexesOn('campaigns').find((i) => i.name === 'createdBy_1_createdAt_-1__id_-1')!
      expect(index.key).to.deep.equal({ createdBy: 1, createdAt: -1, _id: -1 })
      await store!.campaigns.search({ limit: 20, createdBy: 'st-wang', scopeDistrictIds: ['d01'] })
      const [find] = on('campaigns', 'find')
      expect(find.body.filter).to.deep.equal({ $and: [{ scopeDistrictIds: { $in: ['d01'] } }, { createdBy: 'st-wang' }] })
      expect(find.body.sort).to.deep.equal({ createdAt: -1, _id: -1 })
    })

    it("finds a clerk's deputies of several stations with one $in on the deputies' stations, and both conditions with one named", async () => {
      await open()
      await store!.deputies.search({ limit: 50, stationIds: ['st001', 'st002'] })
      await store!.deputies.search({ limit: 50, stationId: 'st001', stationIds: ['st002'] })
      const [several, both] = on('deputies', 'find')
      expect(several.body.filter).to.deep.equal({ stationIds: { $in: ['st001', 'st002'] } })
      expect(both.body.filter).to.deep.equal({ stationIds: { $eq: 'st001', $in: ['st002'] } })
    })

    it('finds the closed ballots still to be counted on an index of ballots by their count and close, not by walking every closed survey', async () => {
      await open()
      const index = indexesOn('surveys').find((i) => i.name === 'uncountedAtClose_1_closesAt_1')!
      expect(index.key).to.deep.equal({ uncountedAtClose: 1, closesAt: 1 })
      expect(index.partialFilterExpression).to.deep.equal({ kind: 'ballot' })
      const now = new Date('2026-12-01T00:00:00Z')
      await store!.surveys.ballotsToCount(now)
      const [find] = on('surveys', 'find')
      expect(find.body.filter).to.deep.include({ kind: 'ballot', uncountedAtClose: null })
    })

    it('finds the cases merged into one through the partial index on mergedInto', async () => {
      await open()
      const index = indexesOn('cases').find((i) => i.name === 'mergedInto_1')!
      expect(index.partialFilterExpression).to.deep.equal({ mergedInto: { $type: 'string' } })
      await store!.cases.mergedInto('cs-1')
      const [find] = on('cases', 'find')
      expect(find.body.filter).to.deep.equal({ mergedInto: { $eq: 'cs-1', $type: 'string' } })
    })

    it("finds the carriers of merged messages left behind from the merged ones' partial index, then by key", async () => {
      await open()
      await store!.cases.endedCarriers()
      const [distinct] = on('cases', 'distinct')
      expect(distinct.body.key).to.equal('mergedInto')
      expect(distinct.body.query).to.deep.equal({ mergedInto: { $type: 'string' }, status: 'closed' })
      expect(on('cases', 'find'), 'nothing merged: nothing more to read').to.deep.equal([])

      fake.answer((c) => (c.name === 'distinct' ? { values: ['cs-1', 'cs-2'], ok: 1 } : undefined))
      await store!.cases.endedCarriers()
      const [find] = on('cases', 'find')
      expect(find.body.filter).to.deep.equal({ _id: { $in: ['cs-1', 'cs-2'] }, status: { $in: ['withdrawn', 'rejected'] } })
    })

    it('finds the messages waiting on departed deputies from the waiting cases, the departed among their deputies by key, then one $in', async () => {
      await open()
      const waiting = { $in: ['submitted', 'assigned', 'acknowledged', 'forwarded', 'reopened'] }
      expect(await store!.cases.waitingOnDeparted()).to.deep.equal([])
      const [distinct] = on('cases', 'distinct')
      expect(distinct.body.key).to.equal('deputyId')
      expect(distinct.body.query).to.deep.equal({ status: waiting, deputyId: { $type: 'string' } })
      expect(on('deputies', 'find'), 'no message waiting: no deputy read').to.deep.equal([])

      fake.answer((c) => (c.name === 'distinct' ? { values: ['dp1', 'dp2', 'dp3'], ok: 1 } : undefined))
      await store!.cases.waitingOnDeparted()
      const [deputies] = on('deputies', 'find')
      expect(deputies.body.filter).to.deep.equal({ _id: { $in: ['dp1', 'dp2', 'dp3'] }, active: false })
      expect(on('cases', 'find'), 'nobody of them departed: no case read').to.deep.equal([])

      fake.answer((c) => (c.name === 'find' && c.body.find === 'deputies' ? cursorAnswer(c, [{ _id: 'dp2' }]) : undefined))
      await store!.cases.waitingOnDeparted()
      const [find] = on('cases', 'find')
      expect(find.body.filter).to.deep.equal({ deputyId: { $in: ['dp2'] }, status: waiting })
      expect(find.body.sort).to.deep.equal({ createdAt: 1, _id: 1 })
      expect(
        indexesOn('cases').map((i) => i.key),
        'read on (deputyId, status)',
      ).to.deep.include({ deputyId: 1, status: 1 })
    })

    it('dates the activation codes waiting from before codes expired in one update, once, a missing date counting as none', async () => {
      await open()
      const markedAtStart = on('app_markers', 'update').length // the adapter's own start-up steps
      matches('staff', 2)
      const upgrade = new Date('2026-12-01T00:00:00Z')
      expect(await dateWaitingActivations(store!, upgrade)).to.equal(2)
      const [update] = on('staff', 'update').flatMap((c) => c.body.updates as Document[])
      expect(update.q).to.deep.equal({ activationHash: { $type: 'string' }, activationIssuedAt: null })
      expect(update.u).to.deep.equal({ $set: { activationIssuedAt: upgrade } })
      expect(update.multi).to.equal(true)
      const [marker] = on('app_markers', 'update')
        .slice(markedAtStart)
        .flatMap((c) => c.body.updates as Document[])
      expect(marker.q).to.deep.equal({ _id: ACTIVATIONS_DATED_MARKER })

      // The next start finds the marker and writes no staff.
      fake.answer((c) =>
        c.name === 'find' && c.body.find === 'app_markers' ? cursorAnswer(c, [{ _id: ACTIVATIONS_DATED_MARKER, doneAt: upgrade }]) : undefined,
      )
      expect(await dateWaitingActivations(store!, new Date('2026-12-02T00:00:00Z'))).to.equal(0)
      expect(on('staff', 'update')).to.have.length(1)
    })

    it('searches the inbox by ticket and by words of the text, each word a literal, case-ignoring pattern, with the scope', async () => {
      await open()
      await store!.cases.search({ limit: 20, stationIds: ['st001'], ticket: '20261122-0001', textWords: ['停车位', 'a.b*'] })
      const [find] = on('cases', 'find')
      expect(find.body.filter.$and).to.deep.equal([
        { stationId: { $in: ['st001'] } },
        { ticket: '20261122-0001' },
        { text: { $regex: '停车位', $options: 'i' } },
        { text: { $regex: 'a\\.b\\*', $options: 'i' } },
      ])
      expect(find.body.sort).to.deep.equal({ createdAt: -1, _id: -1 })
    })

    it("lists a hot issue's cases by their ids on the primary key, with the scope, and none for an empty list", async () => {
      await open()
      await store!.cases.search({ limit: 20, stationIds: ['st001'], ids: ['cs-1', 'cs-2'] })
      await store!.cases.search({ limit: 20, ids: [] })
      const [named, none] = on('cases', 'find')
      expect(named.body.filter.$and).to.deep.equal([{ stationId: { $in: ['st001'] } }, { _id: { $in: ['cs-1', 'cs-2'] } }])
      expect(named.body.sort).to.deep.equal({ createdAt: -1, _id: -1 })
      expect(none.body.filter.$and).to.deep.equal([{ _id: { $in: [] } }])
    })

    it("searches the inbox of an organizer of a district and a street: the district's fields or the street's stations, each on its index", async () => {
      await open()
      await store!.cases.search({ limit: 20, districtsOrStations: { districtIds: ['d02'], stationIds: ['st001', 'st003'] }, topic: '教育' })
      const [find] = on('cases', 'find')
      expect(find.body.filter.$and).to.deep.equal([
        { $or: [{ districtId: { $in: ['d02'] } }, { handlingDistrictId: { $in: ['d02'] } }, { stationId: { $in: ['st001', 'st003'] } }] },
        { topic: '教育' },
      ])
      const keys = indexesOn('cases').map((i) => i.key)
      for (const field of ['districtId', 'handlingDistrictId', 'stationId']) expect(keys, field).to.deep.include({ [field]: 1, createdAt: -1 })
    })

    it("finds a person's survey answers, opinions and quiz attempts from indexes, as sqlite's 013 does", async () => {
      await open()
      const byPerson = indexesOn('survey_responses').find((i) => i.name === 'mpUserId_1')!
      expect(byPerson.partialFilterExpression).to.deep.equal({ mpUserId: { $type: 'string' } })
      expect(indexesOn('survey_opinions').map((i) => i.key)).to.deep.include({ mpUserId: 1 })
      expect(indexesOn('quiz_attempts').map((i) => i.key)).to.deep.include({ personId: 1 })
      await store!.privacy.surveyAnswersOf('mu1')
      const [answers] = on('survey_responses', 'find')
      expect(answers.body.filter).to.deep.equal({ mpUserId: { $eq: 'mu1', $type: 'string' } })
    })

    it("leaves 述职评议 out of the open surveys by one $in on the appraisals' key, and asks nothing more when none is open", async () => {
      await open()
      const doc = (id: string) => ({
        _id: id,
        shortCode: id.toUpperCase(),
        kind: 'survey',
        title: id,
        description: '',
        questions: [],
        opensAt: new Date('2026-11-22T00:00:00Z'),
        closesAt: new Date('2026-12-19T16:00:00Z'),
        createdBy: 'sf02',
        createdAt: new Date('2026-11-22T00:00:00Z'),
        updatedAt: new Date('2026-11-22T00:00:00Z'),
      })
      const now = new Date('2026-11-24T01:00:00Z')
      expect(await store!.surveys.openAt(now)).to.deep.equal([])
      expect(on('record_appraisals', 'find'), 'nothing open: nothing more to read').to.deep.equal([])
      fake.answer((c) =>
        c.name === 'find' && c.body.find === 'surveys'
          ? cursorAnswer(c, [doc('sv-a'), doc('sv-b')])
          : c.name === 'find' && c.body.find === 'record_appraisals'
            ? cursorAnswer(c, [{ _id: 'sv-a' }])
            : undefined,
      )
      expect((await store!.surveys.openAt(now)).map((s) => s.id)).to.deep.equal(['sv-b'])
      const [appraisals] = on('record_appraisals', 'find')
      expect(appraisals.body.filter).to.deep.equal({ _id: { $in: ['sv-a', 'sv-b'] } })
    })

    it("masks a person's text answers looked up by survey and response, not by scanning every survey's answers", async () => {
      await open()
      fake.answer((c) =>
        c.name === 'find' && c.body.find === 'survey_responses'
          ? cursorAnswer(c, [{ _id: 'r1', surveyId: 's1', mpUserId: 'mu1', answers: { q1: '张三 13800000000' }, comments: [], createdAt: new Date() }])
          : undefined,
      )
      expect(await store!.privacy.maskContributions('mu1', () => '***')).to.equal(1)
      const [texts] = on('survey_text_answers', 'find')
      expect(texts.body.filter).to.deep.equal({ surveyId: 's1', responseId: 'r1' })
    })

    it("anonymises a case's every rating comment and the words suggestions quote of it, in the case's transaction", async () => {
      await open()
      matches('cases')
      matches('suggestions')
      const at = new Date('2026-11-22T02:00:00Z')
      const quoting = suggestionRecord({ id: 'sg-q', cases: [{ id: 'cs-1', ticket: 't-1', title: '我叫张三电话13800000001' }] })
      fake.answer((c) => {
        if (c.name !== 'find') return undefined
        if (c.body.find === 'cases')
          return cursorAnswer(c, [
            {
              _id: 'cs-1',
              ratings: [
                { rating: 2, comment: '张三', at },
                { rating: 4, comment: '李四', at },
              ],
            },
          ])
        if (c.body.find === 'suggestions') return cursorAnswer(c, [{ _id: 'sg-q', version: 1, doc: JSON.stringify(quoting) }])
        return undefined
      })
      const change = {
        caseId: 'cs-1',
        text: '我叫某某电话（已隐去）',
        reply: null,
        ratingComment: '某某',
        ratingComments: ['某某'],
        eventNotes: {},
        messageTexts: {},
      }
      expect(await store!.privacy.anonymiseCase(change, at)).to.equal(true)
      const [setCase] = on('cases', 'update').flatMap((c) => c.body.updates as Document[])
      expect(setCase.u.$set.ratings, 'a comment not given masked is dropped').to.deep.equal([
        { rating: 2, comment: '某某', at },
        { rating: 4, comment: null, at },
      ])
      const [setSuggestion] = on('suggestions', 'update').flatMap((c) => c.body.updates as Document[])
      expect(setSuggestion.q).to.deep.equal({ _id: 'sg-q', version: 1 })
      expect(JSON.parse(setSuggestion.u.$set.doc).cases).to.deep.equal([{ id: 'cs-1', ticket: 't-1', title: '我叫某某电话（已隐去）' }])
      expect(setSuggestion.u.$set.version).to.equal(2)
      const sessions = new Set([...on('cases', 'update'), ...on('suggestions', 'update')].map((c) => JSON.stringify(c.body.lsid)))
      expect(sessions.size, 'one transaction').to.equal(1)
    })

    it("masks and unlinks a person's proposals and public registrations, registrations found by their own index", async () => {
      await open()
      expect(indexesOn('meeting_public_registrations').map((i) => i.key)).to.deep.include({ mpUserId: 1 })
      matches('livelihood_proposals')
      matches('meeting_public_registrations')
      fake.answer((c) => {
        if (c.name !== 'find') return undefined
        if (c.body.find === 'livelihood_proposals')
          return cursorAnswer(c, [
            { _id: 'lpp-1', mpUserId: 'mu1', title: '电话13800000001', description: 'd', place: 'p', reason: 'r', photos: ['/api/mp/uploads/a.jpg'] },
          ])
        if (c.body.find === 'meeting_public_registrations') return cursorAnswer(c, [{ meetingId: 'mt-1' }])
        return undefined
      })
      expect(await store!.privacy.maskProposals('mu1', (t) => `*${t}`)).to.deep.equal({ proposals: 1, photos: ['/api/mp/uploads/a.jpg'] })
      const [setProposal] = on('livelihood_proposals', 'update').flatMap((c) => c.body.updates as Document[])
      expect(setProposal.u.$set).to.deep.equal({ mpUserId: null, title: '*电话13800000001', description: '*d', place: '*p', reason: '*r', photos: [] })
      expect(on('outbox', 'find')[0].body.filter).to.deep.equal({ recipientId: 'mu1', recipientKind: 'mp_user', kind: 'livelihood.proposal' })

      expect(await store!.privacy.maskPublicRegistrations('mu1', '某某')).to.equal(1)
      const [setRegistration] = on('meeting_public_registrations', 'update').flatMap((c) => c.body.updates as Document[])
      expect(setRegistration.q).to.deep.equal({ meetingId: 'mt-1', mpUserId: 'mu1' })
      expect(setRegistration.u.$set.name).to.equal('某某')
      expect(setRegistration.u.$set.mpUserId).to.match(/^erased:/)
    })
  })

  // Refusing a cursor happens before anything is sent, so the contract's cursor part holds here too.
  describe('duty days per station', () => {
    const deputyDoc = { _id: 'dp0003', code: 'DP0003', name: '李强', level: 'national', stationIds: ['st002', 'st001'], topics: [], active: true }

    it("writes a deputy's duty days as a list per station, removing the old shared list, and reads them back", async () => {
      await open()
      const duty = [
        { stationId: 'st002', dates: ['2026-12-01'] },
        { stationId: 'st001', dates: ['2026-12-02'] },
      ]
      fake.answer((c) =>
        c.name === 'findAndModify' && c.body.findAndModify === 'deputies'
          ? { lastErrorObject: { n: 1, updatedExisting: true }, value: { ...deputyDoc, duty }, ok: 1 }
          : undefined,
      )
      const updated = await store!.deputies.update('dp0003', { dutyByStation: { st002: ['2026-12-01'], st001: ['2026-12-02'] } })
      const [update] = on('deputies', 'findAndModify')
      // A new version, so a move that read him before this save reads him again (mongo-deputy-move-version.test.ts).
      const version = update.body.update.$set.version
      expect(version).to.be.a('string')
      expect(update.body.update).to.deep.equal({ $set: { duty, version }, $unset: { dutyDates: 1 } })
      expect(updated.dutyByStation).to.deep.equal({ st002: ['2026-12-01'], st001: ['2026-12-02'] })
    })

    it("replaces one station's days on the server, from the document as it is at the write, not as it was read", async () => {
      await open()
      const duty = [
        { stationId: 'st002', dates: ['2026-12-01'] },
        { stationId: 'st001', dates: ['2026-12-09'] },
      ]
      fake.answer((c) =>
        c.name === 'findAndModify' && c.body.findAndModify === 'deputies'
          ? { lastErrorObject: { n: 1, updatedExisting: true }, value: { ...deputyDoc, duty }, ok: 1 }
          : undefined,
      )
      const updated = await store!.deputies.update('dp0003', { dutyAt: { stationId: 'st001', dates: ['2026-12-09', '2026-12-09'] } })
      expect(updated.dutyByStation).to.deep.equal({ st002: ['2026-12-01'], st001: ['2026-12-09'] })
      const [write] = on('deputies', 'findAndModify')
      // An old document's shared list counts as each station's days, as it is read.
      const legacy = { $map: { input: { $ifNull: ['$stationIds', []] }, as: 's', in: { stationId: '$$s', dates: { $ifNull: ['$dutyDates', []] } } } }
      const others = { $filter: { input: { $ifNull: ['$duty', legacy] }, as: 'e', cond: { $and: [{ $ne: ['$$e.stationId', { $literal: 'st001' }] }] } } }
      const version = write.body.update[0].$set.version
      expect(version.$literal).to.be.a('string')
      expect(write.body.update).to.deep.equal([
        { $set: { duty: { $concatArrays: [others, [{ stationId: { $literal: 'st001' }, dates: { $literal: ['2026-12-09'] } }]] }, version } },
        { $unset: 'dutyDates' },
      ])

      // A station left: read, then written only if his version is still as read (none, on this document from before
      // versions); its days before the day of the move stay as his former duty there.
      fake.answer((c) => (c.name === 'find' && c.body.find === 'deputies' ? cursorAnswer(c, [{ ...deputyDoc, duty }]) : undefined))
      await store!.deputies.update('dp0003', { stationIds: ['st002'], today: '2026-12-10' })
      const [, leave] = on('deputies', 'findAndModify')
      expect(leave.body.query, 'his version as read').to.deep.equal({ _id: 'dp0003', version: null })
      expect(leave.body.update).to.deep.equal({
        $set: {
          stationIds: ['st002'],
          duty: [{ stationId: 'st002', dates: ['2026-12-01'] }],
          version: leave.body.update.$set.version,
          formerDuty: [{ stationId: 'st001', dates: ['2026-12-09'] }],
        },
        $unset: { dutyDates: 1 },
      })
    })

    it('reads a document from before duty was per station as the same days at each of the deputy’s stations, as sqlite’s 056 moved them', async () => {
      await open()
      fake.answer((c) => (c.name === 'find' && c.body.find === 'deputies' ? cursorAnswer(c, [{ ...deputyDoc, dutyDates: ['2026-12-01'] }]) : undefined))
      expect((await store!.deputies.get('dp0003'))!.dutyByStation).to.deep.equal({ st002: ['2026-12-01'], st001: ['2026-12-01'] })
    })

    it('replaces a deputy in an import with the duty list, keyed by station in a field value (a station id may hold a dot)', async () => {
      await open()
      const record = {
        id: 'dp0003',
        code: 'DP0003',
        name: '李强',
        level: 'national' as const,
        stationIds: ['st.2', 'st001'],
        topics: [],
        phoneEnc: null,
        phoneIndex: null,
        active: true,
      }
      await store!.directory.upsertAll({
        regions: [],
        stations: [],
        units: [],
        staff: [],
        deputies: [{ ...record, dutyByStation: { 'st.2': ['2026-12-01'] } }],
      })
      const replacements = on('deputies', 'update').flatMap((c) => (c.body.updates as Document[]).filter((u) => u.upsert === true))
      const replacement = replacements[0].u
      expect(replacement.duty).to.deep.equal([{ stationId: 'st.2', dates: ['2026-12-01'] }])
      expect(replacement).to.not.have.property('dutyByStation')
      expect(replacement.version, 'a new version: a move that read him before the import reads him again').to.be.a('string')
    })
  })

  describe('staff accounts', () => {
    const staffDoc = { _id: 'sf01', username: 'lina', name: '李娜', role: 'station_staff', stationIds: ['st001'], regionIds: [], unitIds: [], active: true }

    it('writes whether a password must be changed on create and update, and reads it back; a document from before it reads false', async () => {
      await open()
      const { _id, ...fields } = staffDoc
      const record = {
        ...fields,
        id: _id,
        role: 'station_staff' as const,
        passwordHash: 'scrypt$x',
        activationHash: null,
        activationIssuedAt: null,
      }
      await store!.staff.create({ ...record, mustChangePassword: true })
      const [insert] = on('staff', 'insert')
      expect(insert.body.documents[0]).to.include({ _id: 'sf01', mustChangePassword: true })

      fake.answer((c) =>
        c.name === 'findAndModify' && c.body.findAndModify === 'staff'
          ? { lastErrorObject: { n: 1, updatedExisting: true }, value: { ...staffDoc, passwordHash: 'scrypt$own', mustChangePassword: false }, ok: 1 }
          : undefined,
      )
      const changed = await store!.staff.update('sf01', { passwordHash: 'scrypt$own', mustChangePassword: false })
      const [update] = on('staff', 'findAndModify')
      expect(update.body.update).to.deep.equal({ $set: { passwordHash: 'scrypt$own', mustChangePassword: false } })
      expect(changed).to.include({ passwordHash: 'scrypt$own', mustChangePassword: false })

      fake.answer((c) => (c.name === 'find' && c.body.find === 'staff' ? cursorAnswer(c, [{ ...staffDoc, passwordHash: 'scrypt$x' }]) : undefined))
      expect(await store!.staff.get('sf01')).to.include({ mustChangePassword: false })
    })
  })

  describe('livelihood: a candidate withdrawn before the ballot', () => {
    const at = new Date('2026-12-05T00:00:00Z')
    const candidate = { id: 'lpj-1', cycleId: 'lc-1' }
    const deletes = (n: number) => fake.answer((c) => (c.name === 'delete' && c.body.delete === 'livelihood_projects' ? { n, ok: 1 } : undefined))

    it('writes the cycle (only while it collects), deletes the candidate and writes its proposals, in one committed transaction', async () => {
      await open()
      matches('livelihood_cycles')
      deletes(1)
      expect(await store!.livelihood.withdrawProject(candidate, [], [], at)).to.equal(true)
      const [mark] = on('livelihood_cycles', 'update')
      expect(mark.body.updates[0]).to.deep.include({ q: { _id: 'lc-1', status: 'collecting' }, u: { $set: { updatedAt: at } } })
      const [drop] = on('livelihood_projects', 'delete')
      expect(drop.body.deletes[0].q).to.deep.equal({ _id: 'lpj-1', cycleId: 'lc-1', status: 'candidate' })
      expect(drop.body.txnNumber, "in the cycle's transaction").to.deep.equal(mark.body.txnNumber)
      expect(fake.sent('commitTransaction')).to.have.length(1)
    })

    it('writes nothing once the cycle has moved on, and undoes its mark when the candidate is already gone', async () => {
      await open()
      expect(await store!.livelihood.withdrawProject(candidate, [], [], at), 'the cycle no longer collects').to.equal(false)
      expect(on('livelihood_projects', 'delete')).to.deep.equal([])
      const committed = fake.sent('commitTransaction').length
      matches('livelihood_cycles')
      expect(await store!.livelihood.withdrawProject(candidate, [], [], at), 'withdrawn by another request').to.equal(false)
      expect(fake.sent('commitTransaction').length, 'its mark on the cycle is not committed').to.equal(committed)
      expect(fake.sent('abortTransaction')).to.have.length(1)
    })

    it('unattaches uploads only where they still carry the hold given', async () => {
      await open()
      await store!.uploads.detach('image', ['a.jpg'], 'hold-1')
      const [update] = on('uploads', 'update')
      expect(update.body.updates[0]).to.deep.include({
        q: { _id: { $in: ['image/a.jpg'] }, attachedBy: { $eq: 'hold-1' } },
        u: { $set: { attachedAt: null, attachedBy: null } },
      })
    })

    it('marks an upload and clears the hold of one attached already in one step per document', async () => {
      await open()
      await store!.uploads.attach('image', ['a.jpg'], at, 'hold-1')
      const [update] = on('uploads', 'update')
      expect(update.body.updates[0].q).to.deep.equal({ _id: { $in: ['image/a.jpg'] }, $or: [{ attachedAt: { $ne: null } }, { deletingAt: null }] })
      const unattached = { $eq: [{ $ifNull: ['$attachedAt', null] }, null] }
      expect(update.body.updates[0].u).to.deep.equal([
        { $set: { attachedBy: { $cond: [unattached, { $literal: 'hold-1' }, null] }, attachedAt: { $ifNull: ['$attachedAt', at] } } },
      ])
    })
  })

  describe("livelihood: corrections and the ballot's start, fenced off from each other", () => {
    const at = new Date('2026-12-05T00:00:00Z')
    const candidate = {
      id: 'lpj-1',
      cycleId: 'lc-1',
      title: '老旧小区加装电梯',
      description: '加装电梯',
      place: '湛河区',
      costWan: 300,
      unitId: 'u01',
      proposalIds: [],
      status: 'candidate' as const,
      votes: null,
      createdAt: at,
      updatedAt: at,
    }
    const cycle = {
      id: 'lc-1',
      office: 'city',
      year: 2027,
      title: '2027年民生实事',
      opensAt: at,
      closesAt: at,
      status: 'voting' as const,
      projectCount: 1,
      ballotSurveyId: 'sv-1',
      createdBy: 'admin',
      createdAt: at,
      updatedAt: at,
    }
    const stored = (docs: object[]) => fake.answer((c) => (c.name === 'find' && c.body.find === 'livelihood_projects' ? cursorAnswer(c, docs) : undefined))

    it('corrects a candidate only over the one stored, in the transaction that marks the cycle, never writing it anew', async () => {
      await open()
      matches('livelihood_cycles')
      matches('livelihood_projects')
      expect(await store!.livelihood.saveCandidate(candidate, [], [], at, false)).to.equal(true)
      const [mark] = on('livelihood_cycles', 'update')
      expect(mark.body.updates[0]).to.deep.include({ q: { _id: 'lc-1', status: 'collecting' }, u: { $set: { updatedAt: at } } })
      const [write] = on('livelihood_projects', 'update')
      expect(write.body.updates[0].q).to.deep.equal({ _id: 'lpj-1', cycleId: 'lc-1', status: 'candidate' })
      expect(write.body.updates[0].upsert, 'a withdrawn candidate is not written back').not.to.equal(true)
      expect(write.body.txnNumber, "in the cycle's transaction").to.deep.equal(mark.body.txnNumber)
      expect(fake.sent('commitTransaction')).to.have.length(1)
    })

    it('writes no correction once the cycle has moved on, and undoes its mark when the candidate is gone', async () => {
      await open()
      expect(await store!.livelihood.saveCandidate(candidate, [], [], at, false), 'the cycle no longer collects').to.equal(false)
      expect(on('livelihood_projects', 'update')).to.deep.equal([])
      const committed = fake.sent('commitTransaction').length
      matches('livelihood_cycles')
      expect(await store!.livelihood.saveCandidate(candidate, [], [], at, false), 'withdrawn by another request').to.equal(false)
      expect(fake.sent('commitTransaction').length, 'its mark on the cycle is not committed').to.equal(committed)
      expect(fake.sent('abortTransaction')).to.have.length(1)
    })

    it('moves the year to its ballot, then reads its candidates in the same transaction, and commits only when they are as read', async () => {
      await open()
      matches('livelihood_cycles')
      stored([{ _id: 'lpj-1', ...candidate }])
      expect(await store!.livelihood.startVoting(cycle, [candidate])).to.equal('started')
      const [move] = on('livelihood_cycles', 'update')
      expect(move.body.updates[0].q).to.deep.equal({ _id: 'lc-1', status: 'collecting' })
      const [read] = on('livelihood_projects', 'find')
      expect(read.body.filter).to.deep.equal({ cycleId: 'lc-1', status: 'candidate' })
      expect(read.body.txnNumber, "in the move's transaction").to.deep.equal(move.body.txnNumber)
      expect(fake.sent('commitTransaction')).to.have.length(1)
    })

    it('corrects a candidate only over the version it was read at (one stored before versions counts as 0)', async () => {
      await open()
      matches('livelihood_cycles')
      matches('livelihood_projects')
      expect(await store!.livelihood.saveCandidate({ ...candidate, version: 3 }, [], [], at, false, 2)).to.equal(true)
      expect(await store!.livelihood.saveCandidate({ ...candidate, version: 1 }, [], [], at, false, 0)).to.equal(true)
      const [atTwo, atZero] = on('livelihood_projects', 'update').map((c) => (c.body.updates as Document[])[0]!.q)
      expect(atTwo).to.deep.equal({ _id: 'lpj-1', cycleId: 'lc-1', status: 'candidate', version: 2 })
      expect(atZero).to.deep.equal({ _id: 'lpj-1', cycleId: 'lc-1', status: 'candidate', version: { $in: [0, null] } })
    })

    it('takes a proposal checked for the stage in the transaction that marks the collecting cycle, and none once it has moved', async () => {
      await open()
      const proposal = {
        id: 'lpp-1',
        cycleId: 'lc-1',
        mpUserId: 'mu-1',
        deputyId: null,
        stationId: null,
        title: '加装电梯',
        description: '老楼加装电梯',
        place: '建设路',
        reason: '',
        photos: [],
        consentVersion: 'lp-2026-1',
        status: 'submitted' as const,
        projectId: null,
        note: '',
        createdAt: at,
        updatedAt: at,
      }
      const refused = await rejects(store!.livelihood.createProposal(proposal, { perPerson: 3, collecting: true }))
      expect(refused).to.deep.include({ conflict: 'collection_closed' })
      expect(on('livelihood_proposals', 'insert'), 'nothing of it stored').to.deep.equal([])
      matches('livelihood_cycles')
      await store!.livelihood.createProposal(proposal, { perPerson: 3, collecting: true })
      const mark = on('livelihood_cycles', 'update').at(-1)!
      expect(mark.body.updates[0]).to.deep.include({ q: { _id: 'lc-1', status: 'collecting' }, u: { $set: { updatedAt: at } } })
      const [insert] = on('livelihood_proposals', 'insert')
      expect(insert.body.txnNumber, "in the cycle's transaction").to.deep.equal(mark.body.txnNumber)
    })

    it('undoes the move when a proposal is still to be sorted, read in the same transaction', async () => {
      await open()
      matches('livelihood_cycles')
      stored([{ _id: 'lpj-1', ...candidate }])
      fake.answer((c) => (c.name === 'find' && c.body.find === 'livelihood_proposals' ? cursorAnswer(c, [{ _id: 'lpp-9' }]) : undefined))
      expect(await store!.livelihood.startVoting(cycle, [candidate])).to.equal('proposals_unsorted')
      const [move] = on('livelihood_cycles', 'update')
      const [unsorted] = on('livelihood_proposals', 'find')
      expect(unsorted.body.filter).to.deep.equal({ cycleId: 'lc-1', status: 'submitted' })
      expect(unsorted.body.txnNumber, "in the move's transaction").to.deep.equal(move.body.txnNumber)
      expect(fake.sent('commitTransaction'), 'the move is not committed').to.have.length(0)
      expect(fake.sent('abortTransaction')).to.have.length(1)
    })

    it('undoes the move when a candidate changed since it was read, and reads nothing when the stage had moved', async () => {
      await open()
      expect(await store!.livelihood.startVoting(cycle, [candidate])).to.equal('stage_moved')
      expect(on('livelihood_projects', 'find')).to.deep.equal([])
      const committed = fake.sent('commitTransaction').length
      matches('livelihood_cycles')
      stored([{ _id: 'lpj-1', ...candidate, description: '为老楼加装电梯' }])
      expect(await store!.livelihood.startVoting(cycle, [candidate])).to.equal('candidates_changed')
      expect(fake.sent('commitTransaction').length, 'the move is not committed').to.equal(committed)
      expect(fake.sent('abortTransaction')).to.have.length(1)
    })
  })

  describe("with the contract's cursors", () => {
    beforeEach(() => open())
    cursorContract(() => store!)
  })
})

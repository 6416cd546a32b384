import type { ClientSession, Connection } from 'mongoose'
import { DEPUTY_LOAD_STATUSES, mergeTargetRefusal, OPEN_STATUSES, WAITING_STATUSES, type CaseEvent, type CaseRecord } from '../../domain/case.js'
import { URGE_ENDING_STEPS } from '../../domain/case-urging.js'
import { PLACING_STEPS } from '../../domain/case-hand-backs.js'
import type { CaseCount, CaseQuery, CaseRepo, CaseSubmission, OutboxMessage } from '../ports.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import { NotFoundError } from '../../errors.js'
import type { CaseDoc, CaseEventDoc, MpUserDoc, TicketCounterDoc } from './case-models.js'
import type { Models } from './models.js'
import { caseFromDoc, caseToDoc, dueKeyOf, eventToDoc, eventFromDoc, NO_DEADLINE } from './case-records.js'
import { insertOutbox } from './outbox-repo.js'
import { translate } from './errors.js'
import { StoreConflict } from '../conflicts.js'
import { forChatHolder } from '../chat-holder.js'
import { escapeRegex } from './query.js'
import { allOf, filterClauses, type Filter } from './case-filter.js'
import { caseTally } from './case-tally.js'
import { caseHandOns } from './case-hand-ons.js'
import { caseWeekReads } from './case-week-reads.js'
import { writeAudit } from './auth-repos.js'

/**
 * The console's search box: the ticket's unique index, or each word as a substring of the
 * text (sqlite's trigram index; here a regex, checked on the rows the scope and filters
 * leave in the list's own index order — MongoDB's text index cannot find Chinese substrings).
 */
function textClauses(q: Pick<CaseQuery, 'ticket' | 'tickets' | 'textWords'>): Filter[] {
  const clauses: Filter[] = []
  if (q.ticket !== undefined) clauses.push({ ticket: q.ticket })
  // A short number's days: a few dozen seeks on the tickets' unique index, whatever the scope.
  if (q.tickets) clauses.push({ ticket: { $in: q.tickets } })
  for (const word of q.textWords ?? []) clauses.push({ text: { $regex: escapeRegex(word), $options: 'i' } })
  return clauses
}

export function caseRepo(conn: Connection, models: Models): CaseRepo {
  const { Audit, Case, CaseEvent, Deputy, MpUser, Outbox, TicketCounter } = models
  const nextTicket = async (ticketDate: string, session: ClientSession) => {
    const day = ticketDate.replaceAll('-', '')
    const counter = await TicketCounter.findOneAndUpdate(
      { _id: day },
      { $inc: { last: 1 } },
      { upsert: true, returnDocument: 'after', session },
    ).lean<TicketCounterDoc>()
    return `${day}-${String(counter!.last).padStart(4, '0')}`
  }

  /** Events go to `caseId`'s timeline, or to their own case's when it names another one. */
  const writeEvents = async (caseId: string, events: CaseEvent[], session: ClientSession) => {
    if (!events.length) return
    const seqs = new Map<string, number>()
    const docs: CaseEventDoc[] = []
    for (const e of events) {
      const target = e.caseId && e.caseId !== caseId ? e.caseId : caseId
      let seq = seqs.get(target)
      if (seq === undefined) {
        const last = await CaseEvent.findOne({ caseId: target }, { seq: 1 }).sort({ seq: -1 }).session(session).lean<Pick<CaseEventDoc, 'seq'>>()
        seq = last?.seq ?? 0
      }
      seqs.set(target, ++seq)
      docs.push(eventToDoc(e, target, seq))
    }
    await CaseEvent.insertMany(docs, { session })
  }

  // Upserts on the dedupe key (outbox-repo.ts): a message already there is left alone.
  const writeOutbox = (messages: OutboxMessage[], session: ClientSession) => insertOutbox(Outbox, messages, session)

  /**
   * 合并's target, inside the merge's transaction: refused when it may no longer take a duplicate, else its version
   * moved on. A write, not only a read: an answer committed to it meanwhile (or at the same time, in another instance's
   * transaction) is a write conflict with this one, so of the two only one commits as it read things, and the other is
   * tried again (the merge reads it answered) or refused as stale (the answer reads this duplicate on its next try).
   */
  const takeDuplicate = async (intoId: string, session: ClientSession) => {
    const doc = await Case.findOne({ _id: intoId }).session(session).lean<CaseDoc>()
    if (!doc) throw new NotFoundError('留言不存在')
    const into = caseFromDoc(doc)
    const refusal = mergeTargetRefusal(into)
    if (refusal) throw new StoreConflict(refusal, [{ path: 'body.intoCaseId', message: into.status }], { ticket: into.ticket })
    const taken = await Case.updateOne({ _id: intoId, version: into.version }, { $inc: { version: 1 } }, { session })
    // Changed between the read and the write within this transaction: only another writer does that.
    if (taken.matchedCount === 0) throw new StoreConflict('stale_case')
  }

  const find = async (filter: Filter, sort: Record<string, 1 | -1>, limit?: number) => {
    const query = Case.find(filter).sort(sort)
    if (limit !== undefined) query.limit(limit)
    return (await query.lean<CaseDoc[]>()).map(caseFromDoc)
  }
  const one = async (filter: Filter) => {
    const doc = await Case.findOne(filter).lean<CaseDoc>()
    return doc ? caseFromDoc(doc) : null
  }

  /**
   * A message written in a chat, for whoever holds the chat in this transaction (chat-holder.ts). A 解除 committing
   * meanwhile writes no document of the message's: the join's own document is written here (its chatWroteAt), which
   * the 解除 deletes, so the two conflict and the one re-run reads the chat as the other left it.
   */
  const writtenFor = async (submission: CaseSubmission, session: ClientSession): Promise<CaseSubmission> => {
    const chat = submission.writtenInChat
    if (!chat) return submission
    const holder = await MpUser.findOne({ botContactId: { $eq: chat.contactId, $type: 'string' } }, { _id: 1, openid: 1, consentVersion: 1 })
      .session(session)
      .lean<Pick<MpUserDoc, '_id' | 'openid' | 'consentVersion'>>()
    const held = forChatHolder(submission, holder ? { id: holder._id, consentVersion: holder.consentVersion } : null)
    if (holder?.openid)
      await conn
        .model('ChatJoin')
        .updateOne({ _id: holder._id, joinedAt: { $type: 'date' } }, { $set: { chatWroteAt: submission.record.createdAt } }, { session })
    return held
  }

  return {
    async submit(submission) {
      // withTransaction may re-run the callback on a transient error, so everything,
      // the ticket included, is computed inside it. A duplicate idempotency key fails
      // the case insert and aborts the ticket, the events and the messages with it.
      return translate(() =>
        conn.transaction(async (session) => {
          const { record, ticketDate, events, outbox } = await writtenFor(submission, session)
          // The day's counter is the one document every submission of the day writes: it is
          // written last but one, so each transaction holds it for a round trip, not for
          // the whole submission, and a burst of messages does not queue behind it. Until
          // then the case carries a placeholder ticket of its own (unique, never seen outside
          // the transaction).
          await Case.insertOne(caseToDoc({ ...record, ticket: `~${record.id}` }), { session })
          await writeEvents(record.id, events, session)
          const stored: CaseRecord = { ...record, ticket: await nextTicket(ticketDate, session) }
          await Case.updateOne({ _id: stored.id }, { $set: { ticket: stored.ticket } }, { session })
          // A function making the messages runs once per attempt, with this attempt's ticket.
          await writeOutbox(typeof outbox === 'function' ? outbox(stored) : outbox, session)
          return stored
        }),
      )
    },
    async get(id) {
      return one({ _id: id })
    },
    async getByTicket(ticket) {
      return one({ ticket })
    },
    async residentNumbered(residentId, numbers, limit) {
      if (!numbers.length) return []
      // Her cases through { residentId, createdAt }, as SQLite reads them through her own index: no index of
      // its own for a lookup that reads at most her own cases. At most one a day per number: sorted here.
      const docs = await Case.find({ residentId, ticket: { $regex: `^\\d{8}-(?:${numbers.map(escapeRegex).join('|')})$` } }).lean<CaseDoc[]>()
      return docs
        .map(caseFromDoc)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        .slice(0, limit)
    },
    async heldOnceBy(deputyId, tickets) {
      if (!tickets.length) return []
      // The tickets' unique index, then those cases' timelines on { caseId, seq }, as SQLite reads them:
      // two reads for the bot's thirty days of one short number, never an index of cases of its own.
      const named = await Case.find({ ticket: { $in: tickets } }).lean<CaseDoc[]>()
      if (!named.length) return []
      const held: string[] = await CaseEvent.distinct('caseId', { caseId: { $in: named.map((d) => d._id) }, 'data.deputyId': deputyId })
      return named.filter((d) => held.includes(d._id)).map(caseFromDoc)
    },
    async findByIdempotencyKey(residentId, key) {
      return one({ residentId, idempotencyKey: key })
    },
    async update(record, events, outbox, { withdraw = [], audit = [], mergeInto } = {}) {
      return translate(() =>
        conn.transaction(async (session) => {
          if (mergeInto) await takeDuplicate(mergeInto, session)
          const { _id, version: _version, ...fields } = caseToDoc(record)
          const result = await Case.updateOne({ _id: record.id, version: record.version }, { $set: fields, $inc: { version: 1 } }, { session })
          if (result.matchedCount === 0) {
            if (!(await Case.exists({ _id: record.id }).session(session))) throw new NotFoundError('留言不存在')
            throw new StoreConflict('stale_case')
          }
          await writeEvents(record.id, events, session)
          if (withdraw.length) {
            await Outbox.deleteMany({ status: { $in: ['pending', 'failed'] }, 'payload.caseId': record.id, kind: { $in: withdraw } }, { session })
          }
          await writeOutbox(outbox, session)
          await writeAudit({ Audit }, audit, session)
          return { ...record, version: record.version + 1 }
        }),
      )
    },
    async appendEvents(caseId, events, outbox) {
      await translate(() =>
        conn.transaction(async (session) => {
          await writeEvents(caseId, events, session)
          await writeOutbox(outbox, session)
        }),
      )
    },
    async events(caseId) {
      return (await CaseEvent.find({ caseId }).sort({ seq: 1 }).lean<CaseEventDoc[]>()).map(eventFromDoc)
    },
    async latestUrges(caseIds) {
      if (!caseIds.length) return []
      // One read on { caseId, seq } for all the cases: their urges and the steps that end an urge (URGE_ENDING_STEPS) in
      // order, the last urge of each kept unless such a step followed it (currentUrge's rule).
      const marks = await CaseEvent.find({ caseId: { $in: caseIds }, type: { $in: ['urged', ...URGE_ENDING_STEPS] } })
        .sort({ caseId: 1, seq: 1 })
        .lean<CaseEventDoc[]>()
      const last = new Map<string, CaseEventDoc | null>()
      for (const m of marks) last.set(m.caseId, m.type === 'urged' ? m : null)
      return [...last.values()].filter((m): m is CaseEventDoc => m !== null).map(eventFromDoc)
    },
    async placings(caseIds) {
      if (!caseIds.length) return []
      // One read on { caseId, seq } for all the cases, each one's placing steps in timeline order.
      const found = await CaseEvent.find({ caseId: { $in: caseIds }, type: { $in: [...PLACING_STEPS] } })
        .sort({ caseId: 1, seq: 1 })
        .lean<CaseEventDoc[]>()
      return found.map(eventFromDoc)
    },
    ...caseHandOns(models),
    async search(query: CaseQuery) {
      const clauses = [...filterClauses(query), ...textClauses(query)]
      // The cases behind a hot issue, on the primary key; `$in: []` matches nothing, as sqlite's "0".
      if (query.ids) clauses.push({ _id: { $in: query.ids } })
      const due = query.order === 'due'
      // The due order's key is kept as text (an instant, or "9999" for no deadline); the other is a date.
      const after = decodeTimeCursor(query.cursor, due ? NO_DEADLINE : undefined)
      if (after !== null) {
        clauses.push(
          due
            ? { $or: [{ dueKey: { $gt: after.key } }, { dueKey: after.key, _id: { $gt: after.id } }] }
            : { $or: [{ createdAt: { $lt: after.at } }, { createdAt: after.at, _id: { $lt: after.id } }] },
        )
      }
      const sort: Record<string, 1 | -1> = due ? { dueKey: 1, _id: 1 } : { createdAt: -1, _id: -1 }
      const rows = await find(allOf(clauses), sort, query.limit + 1)
      return toPage(rows, query.limit, (c) => timeCursorKey(due ? dueKeyOf(c) : c.createdAt, c.id))
    },
    async countUpTo(query: CaseCount, bound: number) {
      // search's filters without its order or cursor, counted no further than the bound.
      const clauses = [...filterClauses(query), ...textClauses(query)]
      if (query.ids) clauses.push({ _id: { $in: query.ids } })
      return Case.countDocuments(allOf(clauses), { limit: bound + 1 })
    },
    async deputyLoads(deputyIds) {
      const loads: Record<string, number> = {}
      if (!deputyIds.length) return loads
      const rows = await Case.aggregate<{ _id: string; n: number }>([
        { $match: { deputyId: { $in: deputyIds }, status: { $in: [...DEPUTY_LOAD_STATUSES] } } },
        { $group: { _id: '$deputyId', n: { $sum: 1 } } },
      ])
      for (const r of rows) loads[r._id] = r.n
      return loads
    },
    async listOpen() {
      return find({ status: { $in: [...OPEN_STATUSES] } }, { _id: 1 })
    },
    async recentInCommunity(communityId, since) {
      return find({ communityId, createdAt: { $gte: since }, status: { $in: [...OPEN_STATUSES] } }, { createdAt: -1, _id: -1 })
    },
    async listForStats(filter) {
      return find(allOf(filterClauses(filter)), { createdAt: 1, _id: 1 })
    },
    ...caseWeekReads(models),
    ...caseTally(Case),
    async mergedInto(caseId) {
      // $type as the partial index says it: the planner does not infer it from the equality,
      // and would otherwise read every case to answer each reply on a merged case.
      return find({ mergedInto: { $eq: caseId, $type: 'string' } }, { createdAt: 1, _id: 1 })
    },
    async endedCarriers() {
      const carriers: string[] = await Case.distinct('mergedInto', { mergedInto: { $type: 'string' }, status: 'closed' })
      if (!carriers.length) return []
      return find({ _id: { $in: carriers }, status: { $in: ['withdrawn', 'rejected'] } }, { createdAt: 1, _id: 1 })
    },
    async waitingOnDeparted() {
      // The deputies holding waiting cases (the open few, by status), the departed among them by key, then their
      // waiting cases on (deputyId, status). Asking the departed first would grow with every term's leavers.
      const waiting = { $in: [...WAITING_STATUSES] }
      const holders: string[] = await Case.distinct('deputyId', { status: waiting, deputyId: { $type: 'string' } })
      if (!holders.length) return []
      // active: false only: documents written before deputies could leave have no field, and are in office.
      const departed = await Deputy.find({ _id: { $in: holders }, active: false }, { _id: 1 }).lean<Array<{ _id: string }>>()
      if (!departed.length) return []
      return find({ deputyId: { $in: departed.map((d) => d._id) }, status: waiting }, { createdAt: 1, _id: 1 })
    },
  }
}

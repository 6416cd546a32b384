import { randomUUID } from 'node:crypto'
import type { ClientSession, Model } from 'mongoose'
import type { OutboxMessage, OutboxOutcome, OutboxQuery, OutboxRepo, OutboxStatus } from '../ports.js'
import { decodeCursor, toPage } from '../cursor.js'
import type { OutboxDoc } from './case-models.js'
import type { Models } from './models.js'
import { outboxFields, outboxFromDoc } from './case-records.js'
import { translate } from './errors.js'
import { SUPERSEDED_REASON } from '../../domain/message-truth.js'
import type { ServerClock } from './server-clock.js'

/**
 * Inserts each message once: an upsert on its dedupe key inserts a new one and leaves an
 * existing one alone, without raising E11000 (an error inside a transaction would abort
 * all of it). Shared by the case writes (in their transaction) and by enqueue.
 */
export async function insertOutbox(Outbox: Model<OutboxDoc>, messages: OutboxMessage[], session?: ClientSession) {
  if (!messages.length) return
  // One round trip for all of them (a meeting notice to 300 invitees is 300 messages), in
  // order, stopping at the first error as the one-by-one inserts did.
  await Outbox.bulkWrite(
    messages.map((m) => ({
      updateOne: { filter: { dedupeKey: m.dedupeKey }, update: { $setOnInsert: { _id: m.id, ...outboxFields(m) } }, upsert: true },
    })),
    { session, ordered: true },
  )
}

const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'failed', 'dead']
const emptyCounts = () => Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>

/** A dead message dropped on purpose: its error starts with SUPERSEDED_REASON (escaped: it is matched as written). */
const DROPPED = new RegExp(`^${SUPERSEDED_REASON.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)

/** The lease, given back with every outcome. */
const unleased = { leaseHolder: null, leaseUntil: null }

/** Each outcome as one update, the statements of the sqlite adapter's `outcomes`. */
function outcomeUpdate(outcome: OutboxOutcome): Record<string, unknown> {
  switch (outcome.status) {
    case 'sent':
      return {
        $set: {
          status: 'sent',
          sentAt: outcome.at,
          channel: outcome.channel,
          address: outcome.address,
          lastError: null,
          lastErrorCode: null,
          waitingReason: null,
          ...unleased,
        },
        $inc: { attempts: 1 },
      }
    case 'failed':
      return {
        $set: {
          status: 'failed',
          lastError: outcome.error,
          lastErrorCode: outcome.code ?? null,
          nextAttemptAt: outcome.retryAt,
          waitingReason: null,
          ...unleased,
        },
        $inc: { attempts: 1 },
      }
    case 'dead':
      return {
        $set: { status: 'dead', lastError: outcome.error, lastErrorCode: outcome.code ?? null, waitingReason: null, ...unleased },
        $inc: { attempts: 1 },
      }
    case 'pending':
      // Not an attempt: attempts and lastError stay as they are; unless the way it was routed found nobody (`missed`).
      return {
        $set: {
          status: 'pending',
          channel: outcome.channel,
          address: outcome.address,
          nextAttemptAt: outcome.until,
          waitingReason: outcome.reason,
          ...(outcome.missed ? { lastError: outcome.missed, lastErrorCode: null } : {}),
          ...unleased,
        },
        ...(outcome.missed ? { $inc: { attempts: 1 } } : {}),
      }
  }
}

const byDue = (a: OutboxMessage, b: OutboxMessage) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id.localeCompare(b.id)

export function outboxRepo({ Outbox }: Models, clock: ServerClock): OutboxRepo {
  return {
    async search(query: OutboxQuery) {
      const filter: Record<string, unknown> = {}
      if (query.status) filter.status = query.status
      if (query.channel) filter.channel = query.channel
      if (query.recipientId) filter.recipientId = query.recipientId
      if (query.kind) filter.kind = query.kind
      if (query.dropped !== undefined) {
        filter.status = 'dead'
        filter.lastError = query.dropped ? { $regex: DROPPED } : { $not: DROPPED }
      }
      const after = decodeCursor(query.cursor)
      if (after !== null) filter._id = { $gt: after }
      const docs = await Outbox.find(filter)
        .sort({ _id: 1 })
        .limit(query.limit + 1)
        .lean<OutboxDoc[]>()
      return toPage(docs.map(outboxFromDoc), query.limit, (m) => m.id)
    },
    async countsByStatus() {
      // One count per status, each answered from the (status, _id) index alone,
      // rather than a $group that reads every message ever sent.
      const counts = emptyCounts()
      const ns = await Promise.all(OUTBOX_STATUSES.map((status) => Outbox.countDocuments({ status })))
      OUTBOX_STATUSES.forEach((status, i) => (counts[status] = ns[i]))
      return counts
    },
    async countDropped() {
      return Outbox.countDocuments({ status: 'dead', lastError: { $regex: DROPPED } })
    },
    async countsByChannel() {
      // The few channels from the (channel, status, nextAttemptAt) index, then one count per
      // channel and status on it: index keys only, never every message ever sent.
      const out: Record<string, Record<OutboxStatus, number>> = {}
      const channels = (await Outbox.distinct('channel')) as string[]
      const pairs = channels.flatMap((channel) => OUTBOX_STATUSES.map((status) => ({ channel, status })))
      const ns = await Promise.all(pairs.map((p) => Outbox.countDocuments(p)))
      pairs.forEach(({ channel, status }, i) => {
        if (ns[i]) (out[channel] ??= emptyCounts())[status] = ns[i]
      })
      return out
    },
    async get(id) {
      const doc = await Outbox.findById(id).lean<OutboxDoc>()
      return doc ? outboxFromDoc(doc) : null
    },
    async byDedupeKeys(keys) {
      if (!keys.length) return []
      return (await Outbox.find({ dedupeKey: { $in: keys } }).lean<OutboxDoc[]>()).map(outboxFromDoc)
    },
    async enqueue(messages) {
      // An existing dedupe key is skipped; an id already taken by another key is a ConflictError.
      await translate(() => insertOutbox(Outbox, messages))
    },
    async claimDue(now, { limit, leaseMs, holder, channels }) {
      if (!channels.length || limit < 1) return []
      // Leases in the server's time, so a dispatcher whose clock runs ahead cannot take a
      // message another still holds; the schedule (nextAttemptAt) stays in business time.
      const serverNow = clock.at(now)
      const leaseUntil = new Date(serverNow.getTime() + leaseMs)
      const due: Record<string, unknown> = {
        channel: { $in: channels },
        $or: [
          { status: { $in: ['pending', 'failed'] }, nextAttemptAt: { $lte: now } },
          // A crashed sender's message, once its lease has run out.
          { status: 'sending', leaseUntil: { $lte: serverNow } },
        ],
      }
      // Three round trips whatever the limit: find the candidates, lease those still due
      // in one update (the filter is re-checked per message on the server, so of two
      // dispatchers racing for one message only one changes it), read back what this
      // call marked. A message is leased at most once per update, even with a 0 ms lease.
      const candidates = await Outbox.find(due, { _id: 1 }).sort({ nextAttemptAt: 1, _id: 1 }).limit(limit).lean<Array<{ _id: string }>>()
      if (!candidates.length) return []
      const ids = candidates.map((c) => c._id)
      const claimId = randomUUID()
      await Outbox.updateMany({ ...due, _id: { $in: ids } }, { $set: { status: 'sending', leaseHolder: holder, leaseUntil, claimId } })
      const docs = await Outbox.find({ _id: { $in: ids }, claimId }).lean<OutboxDoc[]>()
      return docs.map(outboxFromDoc).sort(byDue)
    },
    async complete(id, holder, outcome) {
      // Only while `holder` still holds the lease: an expired one may have moved on. Every
      // outcome changes the status away from "sending", so a match is always a change.
      const result = await Outbox.updateOne({ _id: id, leaseHolder: holder, status: 'sending' }, outcomeUpdate(outcome))
      return result.matchedCount === 1
    },
    async retryDead(id, now) {
      const result = await Outbox.updateOne(
        { _id: id, status: 'dead' },
        { $set: { status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, lastErrorCode: null } },
      )
      return result.matchedCount === 1
    },
    async newerSent(m, about) {
      const found = await Outbox.exists({
        recipientId: m.recipientId,
        recipientKind: m.recipientKind,
        createdAt: { $gt: m.createdAt },
        status: 'sent',
        [`payload.${about.key}`]: about.id,
      })
      return found !== null
    },
  }
}

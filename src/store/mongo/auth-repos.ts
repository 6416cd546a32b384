import { Types } from 'mongoose'
import type { ClientSession } from 'mongoose'
import type { AuditEntry, AuditQuery, AuditReach, AuditRepo, LockRepo, SessionRepo } from '../ports.js'
import { idsByKind, type AuditName, type AuditNamedKind } from '../../domain/audit-names.js'
import { decodeCursorMatching, toPage } from '../cursor.js'
import type { AuditDoc, Models, SessionDoc } from './models.js'
import type { MpUserDoc } from './case-models.js'
import { auditFromDoc, sessionFromDoc, toDoc } from './records.js'
import { isDuplicateKey, translate } from './errors.js'
import type { ServerClock } from './server-clock.js'

export function sessionRepo({ Session, MpUser }: Models): SessionRepo {
  return {
    async create(session) {
      await translate(() => Session.create(toDoc(session)))
    },
    async findByTokenHash(tokenHash) {
      const doc = await Session.findOne({ tokenHash }).lean<SessionDoc>()
      return doc ? sessionFromDoc(doc) : null
    },
    async findMpSession(tokenHash) {
      const doc = await Session.findOne({ tokenHash }).lean<SessionDoc>()
      if (!doc) return null
      const session = sessionFromDoc(doc)
      if (session.subjectKind !== 'mp_user') return { session, person: null }
      const user = await MpUser.findOne({ _id: session.subjectId }, { deputyId: 1, consentVersion: 1 }).lean<
        Pick<MpUserDoc, '_id' | 'deputyId' | 'consentVersion'>
      >()
      return { session, person: user ? { id: user._id, deputyId: user.deputyId ?? null, consentVersion: user.consentVersion ?? null } : null }
    },
    async touch(id, at) {
      await Session.updateOne({ _id: id }, { $set: { lastSeenAt: at } })
    },
    async delete(id) {
      await Session.deleteOne({ _id: id })
    },
    async deleteForSubject(kind, subjectId) {
      return (await Session.deleteMany({ subjectKind: kind, subjectId })).deletedCount
    },
    async deleteExpired(now) {
      return (await Session.deleteMany({ expiresAt: { $lte: now } })).deletedCount
    },
  }
}

/** A cursor that decodes but does not hold an ObjectId was not issued by this adapter. */
function auditCursor(cursor: string | null | undefined): Types.ObjectId | null {
  const before = decodeCursorMatching(cursor, /^[0-9a-f]{24}$/i)
  return before === null ? null : new Types.ObjectId(before)
}

/** Writes entries of the trail, in the caller's transaction when given one (a case's move writes its own). */
export async function writeAudit({ Audit }: Pick<Models, 'Audit'>, entries: AuditEntry[], session?: ClientSession) {
  if (!entries.length) return
  // Only the port's fields, whatever else the caller's object carries.
  const docs = entries.map(({ at, actorKind, actorId, action, targetKind, targetId, details }) => ({
    at,
    actorKind,
    actorId,
    action,
    targetKind,
    targetId,
    details,
  }))
  await Audit.create(docs, { session, ordered: true })
}

export function auditRepo({ Audit }: Models): AuditRepo {
  /**
   * An office's entries, newest first (as sqlite's subquery): by or about its people and places, or about a case of its
   * districts or stations, the case's place looked up beside each entry read until the page is full.
   */
  const withinReach = async (filter: Record<string, unknown>, reach: AuditReach, limit: number) => {
    const docs = await Audit.aggregate<AuditDoc>([
      { $match: filter },
      { $sort: { _id: -1 } },
      {
        $lookup: {
          from: 'cases',
          localField: 'targetId',
          foreignField: '_id',
          as: 'inCase',
          pipeline: [{ $project: { _id: 0, districtId: 1, handlingDistrictId: 1, stationId: 1 } }],
        },
      },
      {
        $match: {
          $or: [
            { actorId: { $in: reach.ids } },
            { targetId: { $in: reach.ids } },
            { targetKind: 'case', 'inCase.districtId': { $in: reach.districtIds } },
            { targetKind: 'case', 'inCase.handlingDistrictId': { $in: reach.districtIds } },
            { targetKind: 'case', 'inCase.stationId': { $in: reach.stationIds } },
          ],
        },
      },
      { $limit: limit },
      { $project: { inCase: 0 } },
    ])
    return docs.map(auditFromDoc)
  }
  return {
    async append(entry) {
      await writeAudit({ Audit }, [entry])
    },
    async list(query: AuditQuery) {
      const filter: Record<string, unknown> = {}
      if (query.action) filter.action = query.action
      if (query.targetId) filter.targetId = query.targetId
      if (query.actorId) filter.actorId = query.actorId
      const before = auditCursor(query.cursor)
      if (before !== null) filter._id = { $lt: before }
      if (query.reach) return toPage(await withinReach(filter, query.reach, query.limit + 1), query.limit, (a) => a.id)
      const docs = await Audit.find(filter)
        .sort({ _id: -1 })
        .limit(query.limit + 1)
        .lean<AuditDoc[]>()
      return toPage(docs.map(auditFromDoc), query.limit, (a) => a.id)
    },
    async names(refs) {
      const found: AuditName[] = []
      for (const [kind, ids] of idsByKind(refs)) {
        const { model, name, role } = NAMED[kind]
        // Looked up when asked: the campaign, quiz, survey and livelihood models are compiled by their own repos on this connection.
        const docs = await Audit.db
          .model(model)
          .find({ _id: { $in: ids } }, { [name]: 1, ...(role ? { [role]: 1 } : {}) })
          .lean<Array<Record<string, unknown> & { _id: string }>>()
        for (const d of docs) {
          const said = d[name]
          if (typeof said === 'string' && said) found.push({ kind, id: d._id, name: said, role: role ? ((d[role] as string | undefined) ?? null) : null })
        }
      }
      return found
    },
  }
}

/** The model of each kind of thing the audit trail names, the field that names it (a ticket, a title), and a staff member's role. */
const NAMED: Record<AuditNamedKind, { model: string; name: string; role?: string }> = {
  staff: { model: 'Staff', name: 'name', role: 'role' },
  deputy: { model: 'Deputy', name: 'name' },
  station: { model: 'Station', name: 'name' },
  unit: { model: 'Unit', name: 'name' },
  region: { model: 'Region', name: 'name' },
  case: { model: 'Case', name: 'ticket' },
  meeting: { model: 'Meeting', name: 'title' },
  survey: { model: 'Survey', name: 'title' },
  quiz: { model: 'Quiz', name: 'title' },
  quiz_question: { model: 'QuizQuestion', name: 'stem' },
  campaign: { model: 'Campaign', name: 'title' },
  reading_item: { model: 'ReadingItem', name: 'title' },
  livelihood_cycle: { model: 'LivelihoodCycle', name: 'title' },
  livelihood_project: { model: 'LivelihoodProject', name: 'title' },
  livelihood_proposal: { model: 'LivelihoodProposal', name: 'title' },
  // The suggestion repo's model (suggestion-repo.ts) keeps the number beside the record.
  suggestion: { model: 'Suggestion', name: 'number' },
}

/** Leases are kept in the server's time (see ServerClock), so instances with skewed clocks agree. */
export function lockRepo({ Lock }: Models, clock: ServerClock): LockRepo {
  return {
    async acquire(name, holder, ttlMs, instanceNow) {
      const now = clock.at(instanceNow)
      const expiresAt = new Date(now.getTime() + ttlMs)
      try {
        // One atomic statement: it matches only a free, expired or self-held lease. When
        // nothing matches, the upsert tries to insert a second document with this name and
        // the unique index refuses it: someone else holds an unexpired lease.
        await Lock.findOneAndUpdate({ name, $or: [{ expiresAt: { $lte: now } }, { holder }] }, { $set: { holder, expiresAt } }, { upsert: true }).lean()
        return true
      } catch (err) {
        if (isDuplicateKey(err)) return false
        throw err
      }
    },
    async renew(name, holder, ttlMs, instanceNow) {
      const expiresAt = new Date(clock.at(instanceNow).getTime() + ttlMs)
      return (await Lock.updateOne({ name, holder }, { $set: { expiresAt } })).matchedCount === 1
    },
    async release(name, holder) {
      await Lock.deleteOne({ name, holder })
    },
  }
}

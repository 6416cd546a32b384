import { Types, type Connection, type Model } from 'mongoose'
import type { CaseStatus } from '../../domain/case.js'
import { caseMessageHeld, ERASED_RESIDENT, erasedRegistrant, PLAIN_FIELD, type PrivacyRepo } from '../privacy-ports.js'
import type { CaseDoc, MpUserDoc } from './case-models.js'
import { caseFromDoc } from './case-records.js'
import type { Models } from './models.js'
import { translate } from './errors.js'
import { maskStrings } from '../../domain/pii-mask.js'
import { linkedCaseTitle } from '../../domain/suggestion.js'
import type { LivelihoodProposal } from '../../domain/livelihood.js'
import { decodeSuggestion, encodeSuggestion } from '../suggestion-codec.js'
import { escapeRegex } from './query.js'

const ENDED: CaseStatus[] = ['closed', 'withdrawn', 'rejected']
const date = (v: Date | null | undefined) => (v == null ? null : new Date(v))
/** The person's own records, through the partial mpUserId indexes (the planner does not infer $type from the equality). */
const ofPerson = (mpUserId: string) => ({ mpUserId: { $eq: mpUserId, $type: 'string' as const } })
/** Fields to $set under a document's sub-object, plain names only (a stray name is skipped, never a path of its own). */
const prefixed = (under: string, fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).flatMap(([name, value]) => (PLAIN_FIELD.test(name) ? [[`${under}.${name}`, value]] : [])))

interface AttemptFields {
  quizId: string
  personKind: string
  personId: string
  number: number
  status: string
  score?: number | null
  maxScore: number
  startedAt: Date
  finishedAt?: Date | null
}
interface ResponseFields {
  surveyId: string
  mpUserId?: string | null
  answers: Record<string, unknown>
  comments?: unknown[]
  createdAt: Date
}

/** The privacy port on MongoDB: sqlite's privacy-repo.ts, each erasure one transaction. */
export function privacyRepo(
  conn: Connection,
  { Audit, Case, CaseEvent, MpUser, Outbox, SubscriptionCredit, BotDialogue, PublicRegistration }: Models,
): PrivacyRepo {
  // The quiz and survey models are compiled by their own repos on this connection.
  const model = <T>(name: string) => conn.model(name) as unknown as Model<T>

  return {
    async anonymiseCase(change, at) {
      return translate(() =>
        conn.transaction(async (session) => {
          const held = await Case.findOne({ _id: change.caseId, anonymisedAt: null }, { ratings: 1 }).session(session).lean<Pick<CaseDoc, 'ratings'>>()
          if (!held) return false
          const ratings = (held.ratings ?? []).map((r, i) => ({ rating: r.rating, comment: change.ratingComments[i] ?? null, at: r.at }))
          const result = await Case.updateOne(
            { _id: change.caseId, anonymisedAt: null },
            {
              $set: {
                text: change.text,
                reply: change.reply,
                ratingComment: change.ratingComment,
                ratings,
                residentId: ERASED_RESIDENT,
                phoneEnc: null,
                images: [],
                idempotencyKey: null,
                anonymisedAt: at,
              },
              $inc: { version: 1 },
            },
            { session },
          )
          if (result.matchedCount === 0) return false
          const notes = Object.entries(change.eventNotes)
          if (notes.length) {
            await CaseEvent.bulkWrite(
              notes.map(([id, note]) => ({ updateOne: { filter: { _id: id, caseId: change.caseId }, update: { $set: { note } } } })),
              { session },
            )
          }
          await CaseEvent.updateMany({ caseId: change.caseId, actorRole: 'resident' }, { $set: { actorId: null } }, { session })
          const texts = Object.entries(change.messageTexts)
          if (texts.length) {
            await Outbox.bulkWrite(
              texts.map(([id, text]) => ({ updateOne: { filter: { _id: id, 'payload.caseId': change.caseId }, update: { $set: { 'payload.text': text } } } })),
              { session },
            )
          }
          // The payload's other words (a reply in full, "您11月23日反映的“…”"): each field as given, nothing else of the payload.
          const fields = Object.entries(change.messageFields ?? {}).map(([id, f]) => [id, prefixed('payload', f)] as const)
          const messageWrites = fields.filter(([, set]) => Object.keys(set).length)
          if (messageWrites.length) {
            await Outbox.bulkWrite(
              messageWrites.map(([id, set]) => ({ updateOne: { filter: { _id: id, 'payload.caseId': change.caseId }, update: { $set: set } } })),
              { session },
            )
          }
          // Her answer copied onto the messages merged into hers: the rows of those cases, each only its own.
          for (const copy of change.copies ?? []) {
            const copiedNotes = Object.entries(copy.eventNotes)
            if (copiedNotes.length) {
              await CaseEvent.bulkWrite(
                copiedNotes.map(([id, note]) => ({ updateOne: { filter: { _id: id, caseId: copy.caseId }, update: { $set: { note } } } })),
                { session },
              )
            }
            const copiedMessages = [...new Set([...Object.keys(copy.messageTexts), ...Object.keys(copy.messageFields)])].flatMap((id) => {
              const set = {
                ...prefixed('payload', copy.messageFields[id] ?? {}),
                ...(id in copy.messageTexts ? { 'payload.text': copy.messageTexts[id] } : {}),
              }
              return Object.keys(set).length ? [{ updateOne: { filter: { _id: id, 'payload.caseId': copy.caseId }, update: { $set: set } } }] : []
            })
            if (copiedMessages.length) await Outbox.bulkWrite(copiedMessages, { session })
          }
          for (const [entryId, f] of Object.entries(change.auditNotes ?? {})) {
            const set = prefixed('details', f)
            if (!Object.keys(set).length || !Types.ObjectId.isValid(entryId)) continue
            await Audit.updateOne({ _id: new Types.ObjectId(entryId), targetKind: 'case', targetId: change.caseId }, { $set: set }, { session })
          }
          // The suggestions quoting it: a few hundred a year, found by the id in their JSON.
          const Suggestion = model<{ _id: string; version: number; doc: string }>('Suggestion')
          const title = linkedCaseTitle(change.text)
          const quoting = await Suggestion.find({ doc: { $regex: escapeRegex(JSON.stringify(change.caseId)) } }, { version: 1, doc: 1 })
            .session(session)
            .lean<Array<{ _id: string; version: number; doc: string }>>()
          for (const found of quoting) {
            const s = decodeSuggestion(found.doc)
            if (!s.cases.some((c) => c.id === change.caseId)) continue
            const next = { ...s, cases: s.cases.map((c) => (c.id === change.caseId ? { ...c, title } : c)), version: s.version + 1 }
            await Suggestion.updateOne({ _id: s.id, version: s.version }, { $set: { doc: encodeSuggestion(next), version: next.version } }, { session })
          }
          return true
        }),
      )
    },
    async maskProposals(mpUserId, mask) {
      return translate(() =>
        conn.transaction(async (session) => {
          const Proposal = model<LivelihoodProposal & { _id: string }>('LivelihoodProposal')
          const mine = await Proposal.find({ mpUserId }).session(session).lean<Array<LivelihoodProposal & { _id: string }>>()
          const photos: string[] = []
          for (const p of mine) {
            photos.push(...(p.photos ?? []))
            await Proposal.updateOne(
              { _id: p._id },
              { $set: { mpUserId: null, title: mask(p.title), description: mask(p.description), place: mask(p.place), reason: mask(p.reason), photos: [] } },
              { session },
            )
          }
          // What they were told of them quotes the title.
          const told = await Outbox.find({ recipientId: mpUserId, recipientKind: 'mp_user', kind: 'livelihood.proposal' }, { payload: 1 })
            .session(session)
            .lean()
          for (const m of told) {
            if (typeof m.payload?.text === 'string') await Outbox.updateOne({ _id: m._id }, { $set: { 'payload.text': mask(m.payload.text) } }, { session })
          }
          return { proposals: mine.length, photos }
        }),
      )
    },
    async maskPublicRegistrations(mpUserId, name) {
      return translate(() =>
        conn.transaction(async (session) => {
          const held = await PublicRegistration.find({ mpUserId }, { meetingId: 1 }).session(session).lean<Array<{ meetingId: string }>>()
          for (const r of held) {
            await PublicRegistration.updateOne({ meetingId: r.meetingId, mpUserId }, { $set: { name, mpUserId: erasedRegistrant() } }, { session })
          }
          return held.length
        }),
      )
    },
    async publicRegistrationsOf(mpUserId) {
      const docs = await PublicRegistration.find({ mpUserId })
        .sort({ createdAt: 1, meetingId: 1 })
        .lean<Array<{ meetingId: string; mpUserId: string; name: string; createdAt: Date }>>()
      return docs.map((d) => ({ meetingId: d.meetingId, mpUserId: d.mpUserId, name: d.name, createdAt: new Date(d.createdAt) }))
    },
    async caseMessages(caseId) {
      const docs = await Outbox.find({ 'payload.caseId': caseId }, { payload: 1 }).sort({ createdAt: 1, _id: 1 }).lean()
      return docs.map((d) => caseMessageHeld(d._id, d.payload))
    },
    async anonymisedAt(caseId) {
      return date((await Case.findById(caseId, { anonymisedAt: 1 }).lean<Pick<CaseDoc, 'anonymisedAt'>>())?.anonymisedAt)
    },
    async casesToAnonymise(closedBefore, limit) {
      const docs = await Case.find({ status: { $in: ENDED }, closedAt: { $lt: closedBefore }, anonymisedAt: null })
        .sort({ closedAt: 1, _id: 1 })
        .limit(limit)
        .lean<CaseDoc[]>()
      return docs.map(caseFromDoc)
    },
    async eraseMpUser(userId, at) {
      return translate(() =>
        conn.transaction(async (session) => {
          const user = await MpUser.findById(userId, { botContactId: 1, erasedAt: 1 }).session(session).lean<Pick<MpUserDoc, 'botContactId' | 'erasedAt'>>()
          if (!user) return false
          if (user.botContactId) await BotDialogue.deleteOne({ _id: user.botContactId }, { session })
          await SubscriptionCredit.deleteMany({ userId }, { session })
          // Her chat joined, or asking to join (the chat's WeChat name is in it): gone with her (chat-join.ts).
          await model<{ _id: string; chatPersonId: string }>('ChatJoin').deleteMany({ $or: [{ _id: userId }, { chatPersonId: userId }] }, { session })
          await MpUser.updateOne(
            { _id: userId },
            {
              $set: {
                openid: null,
                unionid: null,
                deputyId: null,
                phoneEnc: null,
                phoneIndex: null,
                consentVersion: null,
                consentAt: null,
                botContactId: null,
                botAlias: null,
                erasedAt: user.erasedAt ?? at,
              },
            },
            { session },
          )
          // Nothing left links rows to the (emptied) account: messages to her, her answers and her attempts.
          await Outbox.deleteMany({ recipientKind: 'mp_user', recipientId: userId, status: { $in: ['pending', 'failed'] } }, { session })
          for (const m of await Outbox.find({ recipientKind: 'mp_user', recipientId: userId }, { _id: 1 }).session(session).lean()) {
            await Outbox.updateOne({ _id: m._id }, { $set: { recipientId: ERASED_RESIDENT, address: null, dedupeKey: `erased:${m._id}` } }, { session })
          }
          const Response = model<{ _id: string; respondentKey: string }>('SurveyResponse')
          for (const r of await Response.find({ respondentKey: `mp:${userId}` }, { _id: 1 })
            .session(session)
            .lean<Array<{ _id: string }>>()) {
            await Response.updateOne({ _id: r._id }, { $set: { respondentKey: erasedRegistrant(), mpUserId: null } }, { session })
          }
          await model<AttemptFields>('QuizAttempt').updateMany(
            { personKind: 'mp_user', personId: userId },
            { $set: { personId: erasedRegistrant() } },
            { session },
          )
          // Her study: reads, reach and check-ins counted under one erased key (keys stay unique); a follow, a wish to
          // be reminded, has nobody left to remind and goes.
          const studyKey = erasedRegistrant()
          for (const name of ['ReadingReach', 'ReadingRead', 'CampaignCheckIn']) {
            await model<{ personKind: string; personId: string }>(name).updateMany(
              { personKind: 'mp_user', personId: userId },
              { $set: { personId: studyKey } },
              { session },
            )
          }
          await model<{ personKind: string; personId: string }>('CampaignFollower').deleteMany({ personKind: 'mp_user', personId: userId }, { session })
          return true
        }),
      )
    },
    async erasedAt(userId) {
      return date((await MpUser.findById(userId, { erasedAt: 1 }).lean<Pick<MpUserDoc, 'erasedAt'>>())?.erasedAt)
    },
    async maskContributions(mpUserId, mask) {
      return translate(() =>
        conn.transaction(async (session) => {
          const Response = model<ResponseFields & { _id: string; comments?: unknown[] }>('SurveyResponse')
          const Text = model<{ surveyId: string; questionId: string; responseId: string; text: string }>('SurveyText')
          const Opinion = model<{ _id: string; text: string; mpUserId: string | null }>('SurveyOpinion')
          const CheckIn = model<{ _id: string; personKind: string; personId: string; reflection: string | null }>('CampaignCheckIn')
          let changed = 0
          for (const r of await Response.find(ofPerson(mpUserId)).session(session).lean<Array<ResponseFields & { _id: string }>>()) {
            await Response.updateOne(
              { _id: r._id },
              { $set: { answers: maskStrings(r.answers, mask), comments: maskStrings(r.comments ?? [], mask), mpUserId: null } },
              { session },
            )
            for (const t of await Text.find({ surveyId: r.surveyId, responseId: r._id }).session(session).lean<Array<{ _id: unknown; text: string }>>()) {
              await Text.updateOne({ _id: t._id }, { $set: { text: mask(t.text) } }, { session })
            }
            changed++
          }
          for (const o of await Opinion.find(ofPerson(mpUserId)).session(session).lean<Array<{ _id: string; text: string }>>()) {
            await Opinion.updateOne({ _id: o._id }, { $set: { text: mask(o.text), mpUserId: null } }, { session })
            changed++
          }
          const checkIns = await CheckIn.find({ personKind: 'mp_user', personId: mpUserId, reflection: { $type: 'string' } })
            .session(session)
            .lean<Array<{ _id: string; reflection: string }>>()
          for (const c of checkIns) {
            await CheckIn.updateOne({ _id: c._id }, { $set: { reflection: mask(c.reflection) } }, { session })
            changed++
          }
          return changed
        }),
      )
    },
    async subscriptionsOf(userId) {
      const docs = await SubscriptionCredit.find({ userId }).sort({ templateId: 1 }).lean()
      return docs.map((d) => ({ templateId: d.templateId, oneTime: d.oneTime ?? 0, longTerm: d.longTerm === true, updatedAt: new Date(d.updatedAt) }))
    },
    async surveyAnswersOf(mpUserId) {
      const docs = await model<ResponseFields>('SurveyResponse').find(ofPerson(mpUserId)).sort({ createdAt: 1, _id: 1 }).lean<ResponseFields[]>()
      return docs.map((d) => ({ surveyId: d.surveyId, answers: d.answers, comments: d.comments ?? [], createdAt: new Date(d.createdAt) }))
    },
    async quizAttemptsOf(people) {
      if (!people.length) return []
      const docs = await model<AttemptFields>('QuizAttempt')
        .find({ $or: people.map((p) => ({ personKind: p.kind, personId: p.id })) })
        .sort({ startedAt: 1, _id: 1 })
        .lean<AttemptFields[]>()
      return docs.map((d) => ({
        quizId: d.quizId,
        number: d.number,
        status: d.status,
        score: d.score ?? null,
        maxScore: d.maxScore,
        startedAt: new Date(d.startedAt),
        finishedAt: date(d.finishedAt),
      }))
    },
  }
}

import type { Db } from './open.js'
import { caseMessageHeld, ERASED_RESIDENT, erasedRegistrant, PLAIN_FIELD, type CaseAnonymisation, type PrivacyRepo } from '../privacy-ports.js'
import { caseFromRow } from './case-rows.js'
import type { GroupCommit } from './group-commit.js'
import { placeholders } from './sql.js'
import { maskStrings } from '../../domain/pii-mask.js'
import { limitSql } from './sql-limit.js'
import { linkedCaseTitle } from '../../domain/suggestion.js'
import { decodeSuggestion, encodeSuggestion } from '../suggestion-codec.js'
import type { LivelihoodProposal } from '../../domain/livelihood.js'
import { registrationFromRow } from './meeting-rows.js'

const ENDED = ['closed', 'withdrawn', 'rejected']
/** As written in 013_privacy.sql's index, so that the index serves these lookups. */
const CASE_OF_MESSAGE = "json_extract(payload, '$.caseId')"
const date = (v: string | null) => (v === null ? null : new Date(v))
/** The fields safe to write by a JSON path: plain names only (a stray name is skipped, never spliced into SQL). */
const plainFields = (fields: Record<string, string>) => Object.entries(fields).filter(([name]) => PLAIN_FIELD.test(name))

export function privacyRepo(db: Db, group: GroupCommit): PrivacyRepo {
  const anonymise = db.transaction((change: CaseAnonymisation, at: string) => {
    const { caseId, text, reply, ratingComment: comment, eventNotes: notes } = change
    const held = db.prepare('SELECT ratings FROM cases WHERE id = ? AND anonymised_at IS NULL').pluck().get(caseId) as string | undefined
    if (held === undefined) return false
    const ratings = (JSON.parse(held) as Array<{ comment: string | null }>).map((r, i) => ({ ...r, comment: change.ratingComments[i] ?? null }))
    db.prepare(
      `UPDATE cases SET text = ?, reply = ?, rating_comment = ?, ratings = ?, resident_id = ?, phone_enc = NULL, images = '[]',
        idempotency_key = NULL, anonymised_at = ?, version = version + 1 WHERE id = ?`,
    ).run(text, reply, comment, JSON.stringify(ratings), ERASED_RESIDENT, at, caseId)
    const setNote = db.prepare('UPDATE case_events SET note = ? WHERE id = ? AND case_id = ?')
    for (const [eventId, note] of Object.entries(notes)) setNote.run(note, eventId, caseId)
    db.prepare(`UPDATE case_events SET actor_id = NULL WHERE case_id = ? AND actor_role = 'resident'`).run(caseId)
    const setText = db.prepare(`UPDATE outbox SET payload = json_set(payload, '$.text', ?) WHERE id = ? AND ${CASE_OF_MESSAGE} = ?`)
    for (const [messageId, masked] of Object.entries(change.messageTexts)) setText.run(masked, messageId, caseId)
    // The payload's other words (a reply in full, "您11月23日反映的“…”"): each field as given, nothing else of the payload.
    for (const [messageId, fields] of Object.entries(change.messageFields ?? {})) {
      for (const [field, masked] of plainFields(fields)) {
        db.prepare(`UPDATE outbox SET payload = json_set(payload, '$.${field}', ?) WHERE id = ? AND ${CASE_OF_MESSAGE} = ?`).run(masked, messageId, caseId)
      }
    }
    // Her answer copied onto the messages merged into hers: the rows of those cases, each only its own.
    for (const copy of change.copies ?? []) {
      for (const [eventId, note] of Object.entries(copy.eventNotes)) setNote.run(note, eventId, copy.caseId)
      for (const [messageId, masked] of Object.entries(copy.messageTexts)) setText.run(masked, messageId, copy.caseId)
      for (const [messageId, fields] of Object.entries(copy.messageFields)) {
        for (const [field, masked] of plainFields(fields)) {
          db.prepare(`UPDATE outbox SET payload = json_set(payload, '$.${field}', ?) WHERE id = ? AND ${CASE_OF_MESSAGE} = ?`).run(
            masked,
            messageId,
            copy.caseId,
          )
        }
      }
    }
    for (const [entryId, fields] of Object.entries(change.auditNotes ?? {})) {
      for (const [field, masked] of plainFields(fields)) {
        db.prepare(`UPDATE audit_log SET details = json_set(details, '$.${field}', ?) WHERE id = ? AND target_kind = 'case' AND target_id = ?`).run(
          masked,
          Number(entryId),
          caseId,
        )
      }
    }
    // The suggestions quoting it: a few hundred a year, found by the id in their JSON.
    const title = linkedCaseTitle(text)
    const setSuggestion = db.prepare('UPDATE suggestions SET doc = ?, version = ? WHERE id = ? AND version = ?')
    for (const doc of db.prepare('SELECT doc FROM suggestions WHERE instr(doc, ?) > 0').pluck().all(JSON.stringify(caseId)) as string[]) {
      const s = decodeSuggestion(doc)
      if (!s.cases.some((c) => c.id === caseId)) continue
      const next = { ...s, cases: s.cases.map((c) => (c.id === caseId ? { ...c, title } : c)), version: s.version + 1 }
      setSuggestion.run(encodeSuggestion(next), next.version, s.id, s.version)
    }
    return true
  })

  const erase = db.transaction((userId: string, at: string) => {
    const user = db.prepare('SELECT bot_contact_id FROM mp_users WHERE id = ?').get(userId) as { bot_contact_id: string | null } | undefined
    if (!user) return false
    if (user.bot_contact_id) db.prepare('DELETE FROM bot_dialogues WHERE contact_id = ?').run(user.bot_contact_id)
    db.prepare('DELETE FROM subscription_credits WHERE user_id = ?').run(userId)
    // Her chat joined, or asking to join (the chat's WeChat name is in the row): gone with her.
    db.prepare('DELETE FROM chat_joins WHERE account_id = ? OR chat_person_id = ?').run(userId, userId)
    db.prepare(
      `UPDATE mp_users SET openid = NULL, unionid = NULL, deputy_id = NULL, phone_enc = NULL, phone_index = NULL,
      consent_version = NULL, consent_at = NULL, bot_contact_id = NULL, bot_alias = NULL, erased_at = coalesce(erased_at, ?) WHERE id = ?`,
    ).run(at, userId)
    // Nothing left links rows to the (emptied) account: messages to her, her answers and her attempts.
    db.prepare(`DELETE FROM outbox WHERE recipient_kind = 'mp_user' AND recipient_id = ? AND status IN ('pending', 'failed')`).run(userId)
    db.prepare(`UPDATE outbox SET recipient_id = ?, address = NULL, dedupe_key = 'erased:' || id WHERE recipient_kind = 'mp_user' AND recipient_id = ?`).run(
      ERASED_RESIDENT,
      userId,
    )
    const erasedKey = erasedRegistrant()
    for (const id of db.prepare('SELECT id FROM survey_responses WHERE respondent_key = ?').pluck().all(`mp:${userId}`) as string[]) {
      db.prepare('UPDATE survey_responses SET respondent_key = ?, mp_user_id = NULL WHERE id = ?').run(erasedRegistrant(), id)
    }
    db.prepare(`UPDATE quiz_attempts SET person_id = ? WHERE person_kind = 'mp_user' AND person_id = ?`).run(erasedKey, userId)
    // Her study: reads, reach and check-ins counted under the same erased key (keys stay unique); a follow, a wish to
    // be reminded, has nobody left to remind and goes.
    for (const table of ['reading_reach', 'reading_reads', 'campaign_check_ins']) {
      db.prepare(`UPDATE ${table} SET person_id = ? WHERE person_kind = 'mp_user' AND person_id = ?`).run(erasedKey, userId)
    }
    db.prepare(`DELETE FROM campaign_followers WHERE person_kind = 'mp_user' AND person_id = ?`).run(userId)
    return true
  })

  const maskContributions = db.transaction((mpUserId: string, mask: (text: string) => string) => {
    let changed = 0
    const responses = db.prepare('SELECT id, survey_id, answers, comments FROM survey_responses WHERE mp_user_id = ?').all(mpUserId) as Array<{
      id: string
      survey_id: string
      answers: string
      comments: string
    }>
    const setResponse = db.prepare('UPDATE survey_responses SET answers = ?, comments = ?, mp_user_id = NULL WHERE id = ?')
    const texts = db.prepare('SELECT question_id, text FROM survey_text_answers WHERE survey_id = ? AND response_id = ?')
    const setText = db.prepare('UPDATE survey_text_answers SET text = ? WHERE survey_id = ? AND question_id = ? AND response_id = ?')
    for (const r of responses) {
      setResponse.run(JSON.stringify(maskStrings(JSON.parse(r.answers), mask)), JSON.stringify(maskStrings(JSON.parse(r.comments), mask)), r.id)
      for (const t of texts.all(r.survey_id, r.id) as Array<{ question_id: string; text: string }>) setText.run(mask(t.text), r.survey_id, t.question_id, r.id)
      changed++
    }
    const opinions = db.prepare('SELECT id, text FROM survey_opinions WHERE mp_user_id = ?').all(mpUserId) as Array<{ id: string; text: string }>
    for (const o of opinions) db.prepare('UPDATE survey_opinions SET text = ?, mp_user_id = NULL WHERE id = ?').run(mask(o.text), o.id)
    const checkIns = db
      .prepare(`SELECT id, reflection FROM campaign_check_ins WHERE person_kind = 'mp_user' AND person_id = ? AND reflection IS NOT NULL`)
      .all(mpUserId) as Array<{ id: string; reflection: string }>
    for (const c of checkIns) db.prepare('UPDATE campaign_check_ins SET reflection = ? WHERE id = ?').run(mask(c.reflection), c.id)
    return changed + opinions.length + checkIns.length
  })

  const maskProposals = db.transaction((mpUserId: string, mask: (text: string) => string) => {
    const docs = db.prepare('SELECT doc FROM livelihood_proposals WHERE mp_user_id = ?').pluck().all(mpUserId) as string[]
    const setProposal = db.prepare('UPDATE livelihood_proposals SET mp_user_id = NULL, doc = ? WHERE id = ?')
    const photos: string[] = []
    for (const doc of docs) {
      const p = JSON.parse(doc) as LivelihoodProposal
      photos.push(...p.photos)
      const masked = { ...p, mpUserId: null, title: mask(p.title), description: mask(p.description), place: mask(p.place), reason: mask(p.reason), photos: [] }
      setProposal.run(JSON.stringify(masked), p.id)
    }
    // What they were told of them quotes the title.
    const told = db
      .prepare(
        `SELECT id, json_extract(payload, '$.text') AS text FROM outbox WHERE recipient_id = ? AND recipient_kind = 'mp_user' AND kind = 'livelihood.proposal'`,
      )
      .all(mpUserId) as Array<{ id: string; text: unknown }>
    const setText = db.prepare(`UPDATE outbox SET payload = json_set(payload, '$.text', ?) WHERE id = ?`)
    for (const m of told) if (typeof m.text === 'string') setText.run(mask(m.text), m.id)
    return { proposals: docs.length, photos }
  })

  const maskRegistrations = db.transaction((mpUserId: string, name: string) => {
    const meetings = db.prepare('SELECT meeting_id FROM meeting_public_registrations WHERE mp_user_id = ?').pluck().all(mpUserId) as string[]
    const unlink = db.prepare('UPDATE meeting_public_registrations SET name = ?, mp_user_id = ? WHERE meeting_id = ? AND mp_user_id = ?')
    for (const meetingId of meetings) unlink.run(name, erasedRegistrant(), meetingId, mpUserId)
    return meetings.length
  })

  return {
    maskContributions(mpUserId, mask) {
      return group.run(() => maskContributions(mpUserId, mask))
    },
    maskProposals(mpUserId, mask) {
      return group.run(() => maskProposals(mpUserId, mask))
    },
    maskPublicRegistrations(mpUserId, name) {
      return group.run(() => maskRegistrations(mpUserId, name))
    },
    async publicRegistrationsOf(mpUserId) {
      return db
        .prepare('SELECT * FROM meeting_public_registrations WHERE mp_user_id = ? ORDER BY created_at, meeting_id')
        .all(mpUserId)
        .map(registrationFromRow)
    },
    anonymiseCase(change, at) {
      return group.run(() => anonymise(change, at.toISOString()))
    },
    async caseMessages(caseId) {
      const rows = db.prepare(`SELECT id, payload FROM outbox WHERE ${CASE_OF_MESSAGE} = ? ORDER BY created_at, id`).all(caseId) as Array<{
        id: string
        payload: string
      }>
      return rows.map((r) => caseMessageHeld(r.id, JSON.parse(r.payload) as Record<string, unknown>))
    },
    async anonymisedAt(caseId) {
      return date((db.prepare('SELECT anonymised_at FROM cases WHERE id = ?').pluck().get(caseId) as string | null | undefined) ?? null)
    },
    async casesToAnonymise(closedBefore, limit) {
      return db
        .prepare(
          // "+status": the closed cases' own index, in closing order, reads only the cases due; the
          // status index read every closed case there ever was and sorted them.
          `SELECT * FROM cases WHERE anonymised_at IS NULL AND closed_at < ? AND +status IN (${placeholders(ENDED.length)})
          ORDER BY closed_at, id ${limitSql(limit)}`,
        )
        .all(closedBefore.toISOString(), ...ENDED)
        .map(caseFromRow)
    },
    eraseMpUser(userId, at) {
      return group.run(() => erase(userId, at.toISOString()))
    },
    async erasedAt(userId) {
      return date((db.prepare('SELECT erased_at FROM mp_users WHERE id = ?').pluck().get(userId) as string | null | undefined) ?? null)
    },
    async subscriptionsOf(userId) {
      const rows = db
        .prepare('SELECT template_id, one_time, long_term, updated_at FROM subscription_credits WHERE user_id = ? ORDER BY template_id')
        .all(userId) as Array<{
        template_id: string
        one_time: number
        long_term: number
        updated_at: string
      }>
      return rows.map((r) => ({ templateId: r.template_id, oneTime: r.one_time, longTerm: r.long_term === 1, updatedAt: new Date(r.updated_at) }))
    },
    async surveyAnswersOf(mpUserId) {
      const rows = db
        .prepare('SELECT survey_id, answers, comments, created_at FROM survey_responses WHERE mp_user_id = ? ORDER BY created_at, id')
        .all(mpUserId) as Array<{
        survey_id: string
        answers: string
        comments: string
        created_at: string
      }>
      return rows.map((r) => ({ surveyId: r.survey_id, answers: JSON.parse(r.answers), comments: JSON.parse(r.comments), createdAt: new Date(r.created_at) }))
    },
    async quizAttemptsOf(people) {
      if (!people.length) return []
      const where = people.map(() => '(person_kind = ? AND person_id = ?)').join(' OR ')
      const rows = db
        .prepare(`SELECT quiz_id, number, status, score, max_score, started_at, finished_at FROM quiz_attempts WHERE ${where} ORDER BY started_at, id`)
        .all(...people.flatMap((p) => [p.kind, p.id])) as Array<{
        quiz_id: string
        number: number
        status: string
        score: number | null
        max_score: number
        started_at: string
        finished_at: string | null
      }>
      return rows.map((r) => ({
        quizId: r.quiz_id,
        number: r.number,
        status: r.status,
        score: r.score,
        maxScore: r.max_score,
        startedAt: new Date(r.started_at),
        finishedAt: date(r.finished_at),
      }))
    },
  }
}

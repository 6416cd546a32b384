import { casesToGiveBack, creditLeftOnAccount, type ChatJoinMoved } from '../chat-join-moved.js'
import type { Db } from './open.js'

/**
 * What the join moved, given back to the chat person `chatUserId` from the account `fromUserId` (undoFromChat), with
 * the messages the chat wrote while joined (their first step says `via: 'chat'`, written since `joinedAt`). Each
 * statement touches only rows still the account's: what the account holds of its own is never taken. Returns how many
 * messages went back. Run inside the caller's grouped write.
 */
export function belongingsReturner(db: Db): (moved: ChatJoinMoved, fromUserId: string, chatUserId: string, joinedAt: string, at: string) => number {
  const writtenInChat = db
    .prepare(
      `SELECT c.id FROM cases c
    WHERE c.resident_id = ? AND c.created_at >= ? AND EXISTS (SELECT 1 FROM case_events e
      WHERE e.case_id = c.id AND e.type = 'submitted' AND json_extract(e.data, '$.via') = 'chat')`,
    )
    .pluck()
  const caseBack = db.prepare('UPDATE cases SET resident_id = ?, version = version + 1 WHERE id = ? AND resident_id = ?')
  const keyBack = db.prepare(`UPDATE cases SET idempotency_key = ? WHERE id = ? AND idempotency_key IS NOT ?
    AND NOT EXISTS (SELECT 1 FROM cases o WHERE o.resident_id = ? AND o.idempotency_key = ?)`)
  // Her steps, whoever of the two took them: the message is the chat's again, and so is its timeline.
  const stepsBack = db.prepare(`UPDATE case_events SET actor_id = ? WHERE case_id = ? AND actor_role = 'resident' AND actor_id = ?`)
  const publicationBack = db.prepare('UPDATE case_publications SET resident_id = ? WHERE case_id = ? AND resident_id = ?')
  // Every message to the account about a message going back (an answer to it since the join) goes with it.
  const aboutBack = db.prepare(`UPDATE outbox SET recipient_id = ? WHERE recipient_kind = 'mp_user' AND recipient_id = ?
    AND json_extract(payload, '$.caseId') = ?`)
  const messageBack = db.prepare(`UPDATE outbox SET recipient_id = ? WHERE id = ? AND recipient_kind = 'mp_user' AND recipient_id = ?`)
  const creditNow = db.prepare('SELECT one_time AS oneTime, long_term AS longTerm FROM subscription_credits WHERE user_id = ? AND template_id = ?')
  const creditSet = db.prepare('UPDATE subscription_credits SET one_time = ?, long_term = ? WHERE user_id = ? AND template_id = ?')
  const creditBack = db.prepare(`INSERT INTO subscription_credits (user_id, template_id, one_time, long_term, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (user_id, template_id) DO NOTHING`)
  const answerBack = db.prepare(`UPDATE survey_responses SET mp_user_id = ?, respondent_key = ? WHERE id = ? AND mp_user_id = ?
    AND NOT EXISTS (SELECT 1 FROM survey_responses o WHERE o.survey_id = survey_responses.survey_id AND o.respondent_key = ? AND o.id <> survey_responses.id)`)
  const opinionBack = db.prepare('UPDATE survey_opinions SET mp_user_id = ? WHERE id = ? AND mp_user_id = ?')

  return (moved, fromUserId, chatUserId, joinedAt, at) => {
    const caseIds = casesToGiveBack(moved, writtenInChat.all(fromUserId, joinedAt) as string[])
    let count = 0
    for (const id of caseIds) {
      if (!caseBack.run(chatUserId, id, fromUserId).changes) continue
      count++
      const key = moved.cases.find((c) => c.id === id)?.key ?? null
      if (key !== null) keyBack.run(key, id, key, chatUserId, key)
      stepsBack.run(chatUserId, id, fromUserId)
      publicationBack.run(chatUserId, id, fromUserId)
      aboutBack.run(chatUserId, fromUserId, id)
    }
    for (const id of moved.outbox) messageBack.run(chatUserId, id, fromUserId)
    for (const c of moved.credits) {
      const now = creditNow.get(fromUserId, c.templateId) as { oneTime: number; longTerm: number } | undefined
      if (now) {
        const left = creditLeftOnAccount({ oneTime: now.oneTime, longTerm: now.longTerm === 1 }, c)
        creditSet.run(left.oneTime, left.longTerm ? 1 : 0, fromUserId, c.templateId)
      }
      creditBack.run(chatUserId, c.templateId, c.oneTime, c.longTerm ? 1 : 0, at)
    }
    for (const r of moved.responses) answerBack.run(chatUserId, r.key, r.id, fromUserId, r.key)
    for (const id of moved.opinions) opinionBack.run(chatUserId, id, fromUserId)
    return count
  }
}

import { TO_THE_CHAT_KINDS, type ChatJoinMoved } from '../chat-join-moved.js'
import type { Db } from './open.js'

/**
 * Everything a chat person holds, moved to the account `into`: her messages, their steps, publications, the messages
 * to her, credits, survey answers and opinions. Every statement finds its rows through an index of the person (cases
 * through the unique (resident_id, idempotency_key), the outbox through outbox_recipient, …): one person's rows.
 * Returns how many messages moved, and what (read before each move: the record the chat takes back by, ChatJoinMoved).
 * Run inside the caller's grouped write.
 */
export function belongingsMover(db: Db): (chatUserId: string, intoUserId: string) => { count: number; moved: Partial<ChatJoinMoved> } {
  const casesHeld = db.prepare('SELECT id, idempotency_key AS key FROM cases WHERE resident_id = ?')
  // A key both used (never by design: the mini-program's keys start "mp-", the bot's are hashes) stays on each message.
  const keysApart = db.prepare(`UPDATE cases SET idempotency_key = idempotency_key || ':chat'
    WHERE resident_id = ? AND idempotency_key IN (SELECT idempotency_key FROM cases WHERE resident_id = ? AND idempotency_key IS NOT NULL)`)
  // The version moves on: a change read before the join would otherwise write her chat's id back.
  const cases = db.prepare('UPDATE cases SET resident_id = ?, version = version + 1 WHERE resident_id = ?')
  const ownSteps = db.prepare(`UPDATE case_events SET actor_id = ?
    WHERE case_id IN (SELECT id FROM cases WHERE resident_id = ?) AND actor_role = 'resident' AND actor_id = ?`)
  const published = db.prepare('UPDATE case_publications SET resident_id = ? WHERE resident_id = ?')
  // Not the notices to the chat itself (TO_THE_CHAT_KINDS): they stay the chat's, whatever the account does.
  const toTheChat = JSON.stringify(TO_THE_CHAT_KINDS)
  const toHerHeld = db.prepare(`SELECT id FROM outbox WHERE recipient_id = ? AND recipient_kind = 'mp_user'
    AND kind NOT IN (SELECT value FROM json_each(?))`)
  const toHer = db.prepare(`UPDATE outbox SET recipient_id = ? WHERE recipient_id = ? AND recipient_kind = 'mp_user'
    AND kind NOT IN (SELECT value FROM json_each(?))`)
  const creditsHeld = db.prepare(`SELECT c.template_id AS templateId, c.one_time AS oneTime, c.long_term AS longTerm,
      coalesce((SELECT a.long_term FROM subscription_credits a WHERE a.user_id = ? AND a.template_id = c.template_id), 0) AS accountLongTerm
    FROM subscription_credits c WHERE c.user_id = ?`)
  const credits = db.prepare(`INSERT INTO subscription_credits (user_id, template_id, one_time, long_term, updated_at)
    SELECT ?, template_id, one_time, long_term, updated_at FROM subscription_credits WHERE user_id = ?
    ON CONFLICT (user_id, template_id) DO UPDATE SET one_time = one_time + excluded.one_time,
      long_term = max(long_term, excluded.long_term), updated_at = max(updated_at, excluded.updated_at)`)
  const creditsGone = db.prepare('DELETE FROM subscription_credits WHERE user_id = ?')
  const answersHeld = db.prepare('SELECT id, respondent_key AS key FROM survey_responses WHERE mp_user_id = ?')
  // Her named answers take her account's key, unless that account answered the same survey (one answer per key).
  const answersKeyed = db.prepare(`UPDATE survey_responses SET respondent_key = ?, mp_user_id = ?
    WHERE mp_user_id = ? AND respondent_key = ? AND survey_id NOT IN (SELECT survey_id FROM survey_responses WHERE respondent_key = ?)`)
  const answers = db.prepare('UPDATE survey_responses SET mp_user_id = ? WHERE mp_user_id = ?')
  const opinionsHeld = db.prepare('SELECT id FROM survey_opinions WHERE mp_user_id = ?').pluck()
  const opinions = db.prepare('UPDATE survey_opinions SET mp_user_id = ? WHERE mp_user_id = ?')

  return (chatUserId, intoUserId) => {
    const moved: Partial<ChatJoinMoved> = {
      cases: casesHeld.all(chatUserId) as Array<{ id: string; key: string | null }>,
      outbox: toHerHeld.pluck().all(chatUserId, toTheChat) as string[],
      credits: (creditsHeld.all(intoUserId, chatUserId) as Array<{ templateId: string; oneTime: number; longTerm: number; accountLongTerm: number }>).map(
        (c) => ({ templateId: c.templateId, oneTime: c.oneTime, longTerm: c.longTerm === 1, accountLongTerm: c.accountLongTerm === 1 }),
      ),
      responses: answersHeld.all(chatUserId) as Array<{ id: string; key: string }>,
      opinions: opinionsHeld.all(chatUserId) as string[],
    }
    keysApart.run(chatUserId, intoUserId)
    const count = cases.run(intoUserId, chatUserId).changes
    ownSteps.run(intoUserId, intoUserId, chatUserId)
    published.run(intoUserId, chatUserId)
    toHer.run(intoUserId, chatUserId, toTheChat)
    credits.run(intoUserId, chatUserId)
    creditsGone.run(chatUserId)
    answersKeyed.run(`mp:${intoUserId}`, intoUserId, chatUserId, `mp:${chatUserId}`, `mp:${intoUserId}`)
    answers.run(intoUserId, chatUserId)
    opinions.run(intoUserId, chatUserId)
    return { count, moved }
  }
}

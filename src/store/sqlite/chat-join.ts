import type { AuditEntry, ChatJoinRepo, ChatJoinRequest } from '../ports.js'
import { auditWriter } from './auth-repos.js'
import type { GroupCommit } from './group-commit.js'
import type { Db } from './open.js'

interface PersonRow {
  id: string
  openid: string | null
  deputy_id: string | null
  consent_version: string | null
  consent_at: string | null
  bot_contact_id: string | null
  bot_alias: string | null
  erased_at: string | null
}

interface ChatJoinRow {
  account_id: string
  id: string
  chat_person_id: string
  chat_name: string | null
  requested_at: string
  expires_at: string
  joined_at: string | null
}

const requestFromRow = (r: ChatJoinRow): ChatJoinRequest => ({
  id: r.id,
  accountId: r.account_id,
  chatPersonId: r.chat_person_id,
  chatName: r.chat_name,
  requestedAt: new Date(r.requested_at),
  expiresAt: new Date(r.expires_at),
})

/**
 * Everything a chat person holds, moved to the account `into`: her messages, their steps, publications, the messages
 * to her, credits, survey answers and opinions. Every statement finds its rows through an index of the person (cases
 * through the unique (resident_id, idempotency_key), the outbox through outbox_recipient, …): one person's rows.
 * Returns how many messages moved. Run inside the caller's grouped write.
 */
function belongingsMover(db: Db): (chatUserId: string, intoUserId: string) => number {
  // A key both used (never by design: the mini-program's keys start "mp-", the bot's are hashes) stays on each message.
  const keysApart = db.prepare(`UPDATE cases SET idempotency_key = idempotency_key || ':chat'
    WHERE resident_id = ? AND idempotency_key IN (SELECT idempotency_key FROM cases WHERE resident_id = ? AND idempotency_key IS NOT NULL)`)
  // The version moves on: a change read before the join would otherwise write her chat's id back.
  const cases = db.prepare('UPDATE cases SET resident_id = ?, version = version + 1 WHERE resident_id = ?')
  const ownSteps = db.prepare(`UPDATE case_events SET actor_id = ?
    WHERE case_id IN (SELECT id FROM cases WHERE resident_id = ?) AND actor_role = 'resident' AND actor_id = ?`)
  const published = db.prepare('UPDATE case_publications SET resident_id = ? WHERE resident_id = ?')
  const toHer = db.prepare(`UPDATE outbox SET recipient_id = ? WHERE recipient_id = ? AND recipient_kind = 'mp_user'`)
  const credits = db.prepare(`INSERT INTO subscription_credits (user_id, template_id, one_time, long_term, updated_at)
    SELECT ?, template_id, one_time, long_term, updated_at FROM subscription_credits WHERE user_id = ?
    ON CONFLICT (user_id, template_id) DO UPDATE SET one_time = one_time + excluded.one_time,
      long_term = max(long_term, excluded.long_term), updated_at = max(updated_at, excluded.updated_at)`)
  const creditsGone = db.prepare('DELETE FROM subscription_credits WHERE user_id = ?')
  // Her named answers take her account's key, unless that account answered the same survey (one answer per key).
  const answersKeyed = db.prepare(`UPDATE survey_responses SET respondent_key = ?, mp_user_id = ?
    WHERE mp_user_id = ? AND respondent_key = ? AND survey_id NOT IN (SELECT survey_id FROM survey_responses WHERE respondent_key = ?)`)
  const answers = db.prepare('UPDATE survey_responses SET mp_user_id = ? WHERE mp_user_id = ?')
  const opinions = db.prepare('UPDATE survey_opinions SET mp_user_id = ? WHERE mp_user_id = ?')

  return (chatUserId, intoUserId) => {
    keysApart.run(chatUserId, intoUserId)
    const moved = cases.run(intoUserId, chatUserId).changes
    ownSteps.run(intoUserId, intoUserId, chatUserId)
    published.run(intoUserId, chatUserId)
    toHer.run(intoUserId, chatUserId)
    credits.run(intoUserId, chatUserId)
    creditsGone.run(chatUserId)
    answersKeyed.run(`mp:${intoUserId}`, intoUserId, chatUserId, `mp:${chatUserId}`, `mp:${intoUserId}`)
    answers.run(intoUserId, chatUserId)
    opinions.run(intoUserId, chatUserId)
    return moved
  }
}

/**
 * ChatJoinRepo on SQLite: each write one grouped write (a savepoint), so that a failure anywhere leaves both accounts as
 * they were. One row per account in chat_joins (migration 073): her request while it waits, then the chat joined.
 */
export function chatJoinRepo(db: Db, group: GroupCommit): ChatJoinRepo {
  const person = db.prepare('SELECT * FROM mp_users WHERE id = ?')
  const writeAudit = auditWriter(db)
  const move = belongingsMover(db)
  const ask = db.prepare(`INSERT INTO chat_joins (account_id, id, chat_person_id, chat_name, requested_at, expires_at)
    VALUES (@accountId, @id, @chatPersonId, @chatName, @requestedAt, @expiresAt)
    ON CONFLICT (account_id) DO UPDATE SET id = excluded.id, chat_person_id = excluded.chat_person_id, chat_name = excluded.chat_name,
      requested_at = excluded.requested_at, expires_at = excluded.expires_at
    WHERE chat_joins.joined_at IS NULL`)
  const waiting = db.prepare('SELECT * FROM chat_joins WHERE account_id = ? AND joined_at IS NULL AND expires_at > ?')
  const joinedRow = db.prepare('SELECT * FROM chat_joins WHERE account_id = ? AND joined_at IS NOT NULL')
  const markJoined = db.prepare('UPDATE chat_joins SET joined_at = ? WHERE account_id = ? AND id = ?')
  const gone = db.prepare('DELETE FROM mp_users WHERE id = ?')
  const takeChat = db.prepare(
    'UPDATE mp_users SET bot_contact_id = ?, bot_alias = ?, consent_version = ?, consent_at = ? WHERE id = ? AND bot_contact_id IS NULL',
  )

  return {
    request(r) {
      return group.run(
        () =>
          ask.run({
            accountId: r.accountId,
            id: r.id,
            chatPersonId: r.chatPersonId,
            chatName: r.chatName,
            requestedAt: r.requestedAt.toISOString(),
            expiresAt: r.expiresAt.toISOString(),
          }).changes > 0,
      )
    },
    async pending(accountId, now) {
      const row = waiting.get(accountId, now.toISOString()) as ChatJoinRow | undefined
      return row ? requestFromRow(row) : null
    },
    async joined(accountId) {
      const row = joinedRow.get(accountId) as ChatJoinRow | undefined
      return row ? { accountId: row.account_id, chatName: row.chat_name, joinedAt: new Date(row.joined_at!) } : null
    },
    confirm(accountId, requestId, audit) {
      return group.run(() => {
        const request = waiting.get(accountId, audit.at.toISOString()) as ChatJoinRow | undefined
        if (!request || request.id !== requestId) return null
        const chatUserId = request.chat_person_id
        if (chatUserId === accountId) return null
        const chat = person.get(chatUserId) as PersonRow | undefined
        const into = person.get(accountId) as PersonRow | undefined
        if (!chat?.bot_contact_id || chat.openid || chat.deputy_id || chat.erased_at) return null
        if (!into?.openid || into.bot_contact_id || into.deputy_id || into.erased_at) return null
        const moved = move(chatUserId, accountId)
        // Her agreement as she last gave it, in either place (ISO times compare as text).
        const consent = (chat.consent_at ?? '') > (into.consent_at ?? '') ? chat : into
        // The chat's contact and remark are unique: the chat person goes first, then the account takes them.
        gone.run(chatUserId)
        takeChat.run(chat.bot_contact_id, chat.bot_alias, consent.consent_version, consent.consent_at, accountId)
        markJoined.run(audit.at.toISOString(), accountId, requestId)
        writeAudit(withCases(audit, moved))
        return { cases: moved }
      })
    },
    refuse(accountId, requestId, now, audit) {
      return group.run(() => {
        const dropped = db
          .prepare('DELETE FROM chat_joins WHERE account_id = ? AND id = ? AND joined_at IS NULL AND expires_at > ?')
          .run(accountId, requestId, now.toISOString()).changes
        if (dropped) writeAudit(audit)
        return dropped > 0
      })
    },
    unjoin(accountId, audit) {
      return group.run(() => {
        if (!joinedRow.get(accountId)) return false
        const user = person.get(accountId) as PersonRow | undefined
        // What the chat was in the middle of (a draft, a rating asked) was hers: the chat starts afresh as someone new.
        if (user?.bot_contact_id) db.prepare('DELETE FROM bot_dialogues WHERE contact_id = ?').run(user.bot_contact_id)
        db.prepare('UPDATE mp_users SET bot_contact_id = NULL, bot_alias = NULL WHERE id = ?').run(accountId)
        db.prepare('DELETE FROM chat_joins WHERE account_id = ?').run(accountId)
        writeAudit(audit)
        return true
      })
    },
    gatherLeftBehind(since) {
      return group.run(() => {
        const joins = db.prepare('SELECT account_id, chat_person_id FROM chat_joins WHERE joined_at >= ?').all(since.toISOString()) as Array<
          Pick<ChatJoinRow, 'account_id' | 'chat_person_id'>
        >
        return joins.reduce((moved, j) => moved + move(j.chat_person_id, j.account_id), 0)
      })
    },
    purgeLapsed(before) {
      return group.run(() => db.prepare('DELETE FROM chat_joins WHERE joined_at IS NULL AND expires_at < ?').run(before.toISOString()).changes)
    },
  }
}

const withCases = (audit: AuditEntry, cases: number): AuditEntry => ({ ...audit, details: { ...audit.details, cases } })

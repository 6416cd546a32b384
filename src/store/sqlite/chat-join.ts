import {
  addMoved,
  casesToGiveBack,
  movedAny,
  consentsApart,
  creditLeftOnAccount,
  readMoved,
  TO_THE_CHAT_KINDS,
  type ChatJoinMoved,
} from '../chat-join-moved.js'
import type { AuditEntry, ChatJoinRepo, ChatJoinRequest, OutboxMessage } from '../ports.js'
import { auditWriter } from './auth-repos.js'
import type { GroupCommit } from './group-commit.js'
import type { Db } from './open.js'
import { outboxWriter } from './outbox-writer.js'

interface PersonRow {
  id: string
  openid: string | null
  deputy_id: string | null
  consent_version: string | null
  consent_at: string | null
  bot_contact_id: string | null
  bot_alias: string | null
  created_at: string
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
  moved: string | null
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
 * Returns how many messages moved, and what (read before each move: the record the chat takes back by, ChatJoinMoved).
 * Run inside the caller's grouped write.
 */
function belongingsMover(db: Db): (chatUserId: string, intoUserId: string) => { count: number; moved: Partial<ChatJoinMoved> } {
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

/**
 * What the join moved, given back to the chat person `chatUserId` from the account `fromUserId` (undoFromChat), with
 * the messages the chat wrote while joined (their first step says `via: 'chat'`, written since `joinedAt`). Each
 * statement touches only rows still the account's: what the account holds of its own is never taken. Returns how many
 * messages went back. Run inside the caller's grouped write.
 */
function belongingsReturner(db: Db): (moved: ChatJoinMoved, fromUserId: string, chatUserId: string, joinedAt: string, at: string) => number {
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

/**
 * ChatJoinRepo on SQLite: each write one grouped write (a savepoint), so that a failure anywhere leaves both accounts as
 * they were. One row per account in chat_joins (migration 073): her request while it waits, then the chat joined.
 */
export function chatJoinRepo(db: Db, group: GroupCommit): ChatJoinRepo {
  const person = db.prepare('SELECT * FROM mp_users WHERE id = ?')
  const writeAudit = auditWriter(db)
  const writeOutbox = outboxWriter(db)
  const move = belongingsMover(db)
  const giveBack = belongingsReturner(db)
  const record = db.prepare('UPDATE chat_joins SET moved = ? WHERE account_id = ?')
  const ask = db.prepare(`INSERT INTO chat_joins (account_id, id, chat_person_id, chat_name, requested_at, expires_at)
    VALUES (@accountId, @id, @chatPersonId, @chatName, @requestedAt, @expiresAt)
    ON CONFLICT (account_id) DO UPDATE SET id = excluded.id, chat_person_id = excluded.chat_person_id, chat_name = excluded.chat_name,
      requested_at = excluded.requested_at, expires_at = excluded.expires_at
    WHERE chat_joins.joined_at IS NULL`)
  const waiting = db.prepare('SELECT * FROM chat_joins WHERE account_id = ? AND joined_at IS NULL AND expires_at > ?')
  const joinedRow = db.prepare('SELECT * FROM chat_joins WHERE account_id = ? AND joined_at IS NOT NULL')
  const markJoined = db.prepare('UPDATE chat_joins SET joined_at = ? WHERE account_id = ? AND id = ?')
  const gone = db.prepare('DELETE FROM mp_users WHERE id = ?')
  const staffOf = db.prepare('SELECT 1 FROM staff_contacts WHERE contact_id = ?')
  const takeChat = db.prepare(
    'UPDATE mp_users SET bot_contact_id = ?, bot_alias = ?, consent_version = ?, consent_at = ? WHERE id = ? AND bot_contact_id IS NULL',
  )

  /**
   * Either side's 解除 of the join `row` (inside the caller's grouped write): the chat is its own person again, under
   * the id it had, with the chat's contact and remark (taken from the account), and everything that came from it goes
   * back to it (belongingsReturner); each side keeps its own agreement (consentsApart). `notices(chatPersonId)` are
   * written with it. Null, changing nothing, when the chat cannot be its own again (no contact on the account, or its
   * person there already).
   */
  const undo = (row: ChatJoinRow, audit: AuditEntry, notices?: (chatPersonId: string) => OutboxMessage[]) => {
    const accountId = row.account_id
    const account = person.get(accountId) as PersonRow | undefined
    if (!account?.bot_contact_id || person.get(row.chat_person_id)) return null
    const moved = readMoved(row.moved)
    const at = audit.at.toISOString()
    const consents = consentsApart(moved, { consentVersion: account.consent_version, consentAt: account.consent_at })
    // The contact and remark are unique: the account lets go of them first, then the chat's own person takes them.
    db.prepare('UPDATE mp_users SET bot_contact_id = NULL, bot_alias = NULL, consent_version = ?, consent_at = ? WHERE id = ?').run(
      consents.account.consentVersion,
      consents.account.consentAt,
      accountId,
    )
    db.prepare(
      `INSERT INTO mp_users (id, openid, unionid, deputy_id, phone_enc, phone_index, consent_version, consent_at, created_at, bot_contact_id, bot_alias)
      VALUES (?, NULL, NULL, NULL, NULL, NULL, ?, ?, ?, ?, ?)`,
    ).run(row.chat_person_id, consents.chat.consentVersion, consents.chat.consentAt, moved.chat?.createdAt ?? at, account.bot_contact_id, account.bot_alias)
    const cases = giveBack(moved, accountId, row.chat_person_id, row.joined_at!, at)
    db.prepare('DELETE FROM chat_joins WHERE account_id = ?').run(accountId)
    writeOutbox(notices?.(row.chat_person_id) ?? [])
    writeAudit({ ...audit, details: { ...audit.details, to: row.chat_person_id, cases } })
    return { chatPersonId: row.chat_person_id, cases }
  }

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
    confirm(accountId, requestId, audit, notices = []) {
      return group.run(() => {
        const request = waiting.get(accountId, audit.at.toISOString()) as ChatJoinRow | undefined
        if (!request || request.id !== requestId) return null
        const chatUserId = request.chat_person_id
        if (chatUserId === accountId) return null
        const chat = person.get(chatUserId) as PersonRow | undefined
        const into = person.get(accountId) as PersonRow | undefined
        if (!chat?.bot_contact_id || chat.openid || chat.deputy_id || chat.erased_at) return null
        if (!into?.openid || into.bot_contact_id || into.deputy_id || into.erased_at) return null
        // A staff member's chat (bound since it asked): checked here, in the write, as the deputy binding is above.
        if (staffOf.get(chat.bot_contact_id)) return null
        const { count, moved } = move(chatUserId, accountId)
        // Her agreement as she last gave it, in either place (ISO times compare as text).
        const consent = (chat.consent_at ?? '') > (into.consent_at ?? '') ? chat : into
        // The chat's contact and remark are unique: the chat person goes first, then the account takes them.
        gone.run(chatUserId)
        takeChat.run(chat.bot_contact_id, chat.bot_alias, consent.consent_version, consent.consent_at, accountId)
        markJoined.run(audit.at.toISOString(), accountId, requestId)
        // What the chat takes back by, should it say 解除 (undoFromChat): the items, itself, and both agreements.
        const kept = addMoved(null, {
          ...moved,
          chat: { createdAt: chat.created_at, consentVersion: chat.consent_version, consentAt: chat.consent_at },
          account: { consentVersion: into.consent_version, consentAt: into.consent_at },
          joinedConsent: { consentVersion: consent.consent_version, consentAt: consent.consent_at },
        })
        record.run(JSON.stringify(kept), accountId)
        writeOutbox(notices)
        writeAudit(withCases(audit, count))
        return { cases: count }
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
    unjoin(accountId, audit, notices) {
      return group.run(() => {
        const row = joinedRow.get(accountId) as ChatJoinRow | undefined
        if (!row) return null
        const user = person.get(accountId) as PersonRow | undefined
        // What the chat was in the middle of (a draft, a rating asked) may name the account's own messages: it goes.
        if (user?.bot_contact_id) db.prepare('DELETE FROM bot_dialogues WHERE contact_id = ?').run(user.bot_contact_id)
        const undone = undo(row, audit, notices)
        if (undone) return undone
        // A join whose chat cannot be its own person again (no contact left on the account): only the link goes.
        db.prepare('UPDATE mp_users SET bot_contact_id = NULL, bot_alias = NULL WHERE id = ?').run(accountId)
        db.prepare('DELETE FROM chat_joins WHERE account_id = ?').run(accountId)
        writeAudit({ ...audit, details: { ...audit.details, cases: 0 } })
        return { chatPersonId: row.chat_person_id, cases: 0 }
      })
    },
    gatherLeftBehind(since) {
      return group.run(() => {
        const joins = db.prepare('SELECT account_id, chat_person_id, moved FROM chat_joins WHERE joined_at >= ?').all(since.toISOString()) as Array<
          Pick<ChatJoinRow, 'account_id' | 'chat_person_id' | 'moved'>
        >
        let gathered = 0
        for (const j of joins) {
          const { count, moved } = move(j.chat_person_id, j.account_id)
          gathered += count
          // Moved like the rest, so given back like the rest.
          if (movedAny(count, moved)) record.run(JSON.stringify(addMoved(readMoved(j.moved), moved)), j.account_id)
        }
        return gathered
      })
    },
    undoFromChat(accountId, audit) {
      return group.run(() => {
        const row = joinedRow.get(accountId) as ChatJoinRow | undefined
        // Its chat dialogue stays: the one speaking is the chat, the same person as before.
        return row ? undo(row, audit) : null
      })
    },
    async consentWhileJoined(accountId, side, consent) {
      // Most who agree have no chat joined: they are answered without a write of their own.
      if (!joinedRow.get(accountId)) return false
      return group.run(() => {
        const row = joinedRow.get(accountId) as ChatJoinRow | undefined
        if (!row) return false
        const at = consent.consentAt?.toISOString() ?? null
        db.prepare('UPDATE mp_users SET consent_version = ?, consent_at = ? WHERE id = ?').run(consent.consentVersion, at, accountId)
        const choice = { consentVersion: consent.consentVersion, consentAt: at }
        record.run(JSON.stringify(addMoved(readMoved(row.moved), side === 'chat' ? { chatChoice: choice } : { accountChoice: choice })), accountId)
        return true
      })
    },
    async heldBy(chatPersonId) {
      return (db.prepare('SELECT account_id FROM chat_joins WHERE chat_person_id = ? AND joined_at IS NOT NULL').pluck().get(chatPersonId) as string) ?? null
    },
    purgeLapsed(before) {
      return group.run(() => db.prepare('DELETE FROM chat_joins WHERE joined_at IS NULL AND expires_at < ?').run(before.toISOString()).changes)
    },
  }
}

const withCases = (audit: AuditEntry, cases: number): AuditEntry => ({ ...audit, details: { ...audit.details, cases } })

import { addMoved, movedAny, consentsApart, readMoved } from '../chat-join-moved.js'
import type { AuditEntry, ChatJoinRepo, ChatJoinRequest, OutboxMessage } from '../ports.js'
import { auditWriter } from './auth-repos.js'
import { belongingsMover } from './chat-join-mover.js'
import { belongingsReturner } from './chat-join-returner.js'
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
  // The 解除 path's own (undo, unjoin), prepared once like the rest rather than on every call.
  const letGoOfChat = db.prepare('UPDATE mp_users SET bot_contact_id = NULL, bot_alias = NULL, consent_version = ?, consent_at = ? WHERE id = ?')
  const chatAgain = db.prepare(
    `INSERT INTO mp_users (id, openid, unionid, deputy_id, phone_enc, phone_index, consent_version, consent_at, created_at, bot_contact_id, bot_alias)
      VALUES (?, NULL, NULL, NULL, NULL, NULL, ?, ?, ?, ?, ?)`,
  )
  const joinGone = db.prepare('DELETE FROM chat_joins WHERE account_id = ?')
  const dialoguesGone = db.prepare('DELETE FROM bot_dialogues WHERE contact_id = ?')
  const unlinkChat = db.prepare('UPDATE mp_users SET bot_contact_id = NULL, bot_alias = NULL WHERE id = ?')

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
    letGoOfChat.run(consents.account.consentVersion, consents.account.consentAt, accountId)
    chatAgain.run(
      row.chat_person_id,
      consents.chat.consentVersion,
      consents.chat.consentAt,
      moved.chat?.createdAt ?? at,
      account.bot_contact_id,
      account.bot_alias,
    )
    const cases = giveBack(moved, accountId, row.chat_person_id, row.joined_at!, at)
    joinGone.run(accountId)
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
        if (user?.bot_contact_id) dialoguesGone.run(user.bot_contact_id)
        const undone = undo(row, audit, notices)
        if (undone) return undone
        // A join whose chat cannot be its own person again (no contact left on the account): only the link goes.
        unlinkChat.run(accountId)
        joinGone.run(accountId)
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

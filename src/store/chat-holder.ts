import type { CaseEvent } from '../domain/case.js'
import { StoreConflict } from './conflicts.js'
import type { CaseSubmission } from './ports.js'

/**
 * A message written in a WeChat chat belongs to whoever holds that chat when it is written (CaseSubmission
 * .writtenInChat), as both adapters read it inside the write: the account the chat is joined to, or, after a 解除
 * that landed between the bot reading the person and the write, the chat's own person again. `holder`: that person
 * as read in the write (null: nobody holds the chat any more). The submission for the holder, its resident, its
 * resident's steps and its messages to the resident re-addressed; as it was when the holder is its resident already.
 * StoreConflict 'chat_moved' when nobody holds the chat, or a new holder has not agreed to the notice the message was
 * written under (the bot asks again, then reads the chat's person afresh).
 */
export function forChatHolder(submission: CaseSubmission, holder: { id: string; consentVersion: string | null } | null): CaseSubmission {
  const chat = submission.writtenInChat
  if (!chat) return submission
  if (!holder) throw new StoreConflict('chat_moved')
  const from = submission.record.residentId
  if (holder.id === from) return submission
  if (holder.consentVersion !== chat.consentVersion) throw new StoreConflict('chat_moved')
  const to = holder.id
  const step = (e: CaseEvent): CaseEvent => (e.actorRole === 'resident' && e.actorId === from ? { ...e, actorId: to } : e)
  const readdressed = <M extends { recipientKind: string; recipientId: string }>(m: M): M =>
    m.recipientKind === 'mp_user' && m.recipientId === from ? { ...m, recipientId: to } : m
  const { outbox } = submission
  return {
    ...submission,
    record: { ...submission.record, residentId: to },
    events: submission.events.map(step),
    outbox: typeof outbox === 'function' ? (stored) => outbox({ ...stored, residentId: to }).map(readdressed) : outbox.map(readdressed),
  }
}

import type { MpUserRecord } from './ports.js'
import { StoreConflict } from './conflicts.js'

/**
 * MpUserRepo.bindDeputy's one rule beyond its write, the same in both adapters: a deputy has at most one account in
 * the mini-program and one in the chat. A resident whose chat is joined to her mini-program account (chat-join.ts) is
 * one record in both, so binding her binds both; when the deputy is still bound, in the other one, to an account the
 * binding does not let go (`kept`), nothing is written: a StoreConflict naming the channel taken (`facts.taken`).
 * SQLite's unique indexes would refuse it anyway, in words no one can act on; MongoDB has no such index and would
 * leave two WeChats working as the deputy.
 */
export function refuseSecondDeputyAccount(person: Pick<MpUserRecord, 'openid' | 'botContactId'> | null, kept: readonly MpUserRecord[]) {
  if (!person) return
  const inMiniProgram = person.openid !== null && kept.some((u) => u.openid !== null)
  const inChat = Boolean(person.botContactId) && kept.some((u) => Boolean(u.botContactId))
  const taken = inMiniProgram ? 'mini-program' : inChat ? 'chat' : null
  if (taken) throw new StoreConflict('deputy_channel_taken', [{ path: 'deputyId', message: `bound in the ${taken} to another account` }], { taken })
}

/**
 * Neither a deputy nor a staff member is bound to a joined account (one record in the chat and the mini-program,
 * joined-officials.ts): read inside the binding's write, so that a join confirmed after the service's check and before
 * the write binds nothing (StoreConflict 'unjoin_chat_first'). `person`: whoever the binding is for, as read there.
 */
export function refuseJoinedOfficial(person: Pick<MpUserRecord, 'openid' | 'botContactId'> | null) {
  if (person?.openid && person.botContactId) throw new StoreConflict('unjoin_chat_first')
}

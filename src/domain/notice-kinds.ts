/**
 * Kinds of notices that more than one part of the code must name alike: the store keeps some with the chat whatever
 * the account does, quiet hours never hold them. Named once here, so that a rename or a new kind reaches every rule
 * that sorts them (a warning held until 08:00 because one list was not edited is silent).
 */

/** The chat told that it was just joined to a mini-program account. */
export const CHAT_JOINED_KIND = 'chat.joined'
/** The chat told that it was let go of an account (an unjoin made in the mini-program). */
export const CHAT_UNJOINED_KIND = 'chat.unjoined'
/**
 * Notices addressed to the chat itself (its own person's id, whoever it goes on as): the join told to the chat, and
 * an unjoin made in the mini-program.
 */
export const TO_THE_CHAT_KINDS: readonly string[] = [CHAT_JOINED_KIND, CHAT_UNJOINED_KIND]
/** The WeChat a deputy used until now, told that his identity was just bound elsewhere. */
export const DEPUTY_BINDING_MOVED_KIND = 'deputy.binding_moved'

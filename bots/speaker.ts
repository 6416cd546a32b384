import type { Contact, Room, Wechaty } from 'wechaty'
import type { Speech } from './inbox-types.js'
import { splitMessage } from './long-texts.js'
import type { Pacer, Priority, SendOutcome } from './pacer.js'

/** The contact or room is gone (deleted friend, left group), or not loaded yet after a login. */
export class ConversationNotFoundError extends Error {
  constructor(readonly conversationId: string) {
    super(`conversation not found: ${conversationId}`)
  }
}

/**
 * Says things to a contact or a room: long texts are cut at sentence ends, and every part
 * leaves through the pacer. Resolves with 'duplicate' when every part was a repeat the
 * pacer dropped.
 *
 * Some puppets (wechat4u) give contacts and rooms new ids at every login. A contact is then
 * found by the remark the bot set on it, and a station's room by its topic; only one match
 * counts, since a notice in the wrong chat is worse than one that waits.
 */
export class Speaker implements Speech {
  /** Parts handed to WeChat so far, and per conversation the count when its last part went (see saidTo). */
  private parts = 0
  private readonly lastPart = new Map<string, number>()

  constructor(
    private readonly bot: Wechaty,
    private readonly pacer: Pacer,
  ) {}

  async toContact(contactId: string, text: string, priority: Priority = 'reply'): Promise<SendOutcome> {
    return this.say(await this.findContact(contactId, null), text, priority)
  }

  async toRoom(roomId: string, text: string, priority: Priority = 'reply'): Promise<SendOutcome> {
    return this.say(await this.findRoom(roomId, null), text, priority)
  }

  /**
   * A mark that moves whenever anything reaches the conversation (an answer's part or a push): equal marks at two
   * moments mean nothing reached her in between (the inbox's test for a re-sent text).
   */
  saidTo(conversationId: string): number {
    return this.lastPart.get(conversationId) ?? 0
  }

  /** The contact by its id, else by its remark (alias). */
  async findContact(contactId: string | null, alias: string | null): Promise<Contact> {
    const byId = contactId ? await this.bot.Contact.find({ id: contactId }).catch(() => undefined) : undefined
    if (byId) return byId
    const byAlias = alias ? await this.bot.Contact.findAll({ alias }).catch(() => []) : []
    if (byAlias.length === 1) return byAlias[0]
    throw new ConversationNotFoundError(contactId ?? `(alias ${alias})`)
  }

  /** The room by its id, else by its topic. */
  async findRoom(roomId: string | null, topic: string | null): Promise<Room> {
    const byId = roomId ? await this.bot.Room.find({ id: roomId }).catch(() => undefined) : undefined
    if (byId) return byId
    const byTopic = topic ? await this.bot.Room.findAll({ topic }).catch(() => []) : []
    if (byTopic.length === 1) return byTopic[0]
    throw new ConversationNotFoundError(roomId ?? `(topic ${topic})`)
  }

  /**
   * `pushId`: an outbox message's id, so that the same message leased twice is sent once. `beforeEachPart`: asked when
   * each part's turn has come, right before it goes (a message may wait its turn a while), without holding the pacer's
   * queue or taking a turn; what it throws stops the message there, unsaid.
   */
  async say(
    conversation: Contact | Room,
    text: string,
    priority: Priority = 'reply',
    pushId: string | null = null,
    beforeEachPart: (() => Promise<void>) | null = null,
  ): Promise<SendOutcome> {
    let outcome: SendOutcome = 'duplicate'
    for (const [i, part] of splitMessage(text).entries()) {
      const sent = await this.pacer.send(
        conversation.id,
        part,
        async () => {
          await conversation.say(part)
          this.lastPart.set(conversation.id, ++this.parts)
        },
        priority,
        pushId === null ? null : `${pushId}#${i}`,
        beforeEachPart,
      )
      if (sent === 'sent') outcome = 'sent'
    }
    return outcome
  }
}

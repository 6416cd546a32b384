import type { Wechaty } from 'wechaty'
import type { Speech } from './inbox.js'
import type { Pacer, Priority, SendOutcome } from './pacer.js'
import { splitMessage } from './text.js'

/** The contact or room is gone (deleted friend, left group): retrying will not help. */
export class ConversationNotFoundError extends Error {
  constructor(readonly conversationId: string) {
    super(`conversation not found: ${conversationId}`)
  }
}

/**
 * Says things to a contact or a room by id: long texts are cut at sentence ends, and
 * every part leaves through the pacer. Resolves with 'duplicate' when every part was a
 * repeat the pacer dropped.
 */
export class Speaker implements Speech {
  constructor(
    private readonly bot: Wechaty,
    private readonly pacer: Pacer,
  ) {}

  async toContact(contactId: string, text: string, priority: Priority = 'reply'): Promise<SendOutcome> {
    const contact = await this.bot.Contact.find({ id: contactId }).catch(() => undefined)
    if (!contact) throw new ConversationNotFoundError(contactId)
    return this.paced(contactId, text, priority, async (part) => void (await contact.say(part)))
  }

  async toRoom(roomId: string, text: string, priority: Priority = 'reply'): Promise<SendOutcome> {
    const room = await this.bot.Room.find({ id: roomId }).catch(() => undefined)
    if (!room) throw new ConversationNotFoundError(roomId)
    return this.paced(roomId, text, priority, async (part) => void (await room.say(part)))
  }

  private async paced(conversationId: string, text: string, priority: Priority, say: (part: string) => Promise<void>): Promise<SendOutcome> {
    let outcome: SendOutcome = 'duplicate'
    for (const part of splitMessage(text)) {
      if ((await this.pacer.send(conversationId, part, () => say(part), priority)) === 'sent') outcome = 'sent'
    }
    return outcome
  }
}

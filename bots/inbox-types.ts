/** What reaches the inbox (inbox.ts), how it speaks back, and its timings: the shapes shared with the bot and the dialogues. */

import type { ShownLine } from './flows/dialogue-state.js'

export type InboundEvent =
  | {
      kind: 'private'
      messageId: string
      contactId: string
      alias: string | null
      name: string
      text: string
      isText: boolean
      seenChecked: boolean
      claim?: string
      /**
       * The same text as her message before, sent before the bot's answer to that one had all gone (she re-sent it
       * while the answer waited its pace): no answer to anything, never acted on twice.
       */
      resent?: boolean
    }
  | {
      kind: 'room'
      messageId: string
      roomId: string
      /** Absent in messages held before the field existed. */
      topic?: string | null
      contactId: string
      alias: string | null
      name: string
      text: string
      seenChecked: boolean
      claim?: string
    }
  /** Time-based checks of one dialogue: the join window, the idle timeout. */
  | { kind: 'tick'; contactId: string }
  /** A case reply was delivered: the next "1"…"5" of this contact rates it. */
  | { kind: 'awaitRating'; contactId: string; ticket: string }
  /** A deputy's morning digest with his messages numbered was delivered: his next number means a line of it. */
  | { kind: 'todoShown'; contactId: string; lines?: ShownLine[] }
  /** A meeting notice asking for 参加 or 请假 was delivered: a yes after it may be for it (deputy-reply.ts). */
  | { kind: 'meetingNotice'; contactId: string }
  /**
   * A notice naming a message reached her private chat: a yes after it may be to it, never to a command offered before
   * (deputy-yes.ts). `asks`: what it asks her to send for its one message ("受理 0002"), null when it names no one message;
   * `ticket`: that message's whole number (a notice about the message whose answer waits changes nothing).
   */
  | { kind: 'caseNotice'; contactId: string; asks: string | null; ticket: string | null }

export interface Speech {
  toContact(contactId: string, text: string): Promise<unknown>
  toRoom(roomId: string, text: string): Promise<unknown>
  /** Moves whenever anything reaches the contact (Speaker.saidTo). */
  saidTo(contactId: string): number
}

export interface InboxOptions {
  dialogueTimeoutMs: number
  joinWindowMs: number
  recovery: { minMs: number; maxMs: number }
}

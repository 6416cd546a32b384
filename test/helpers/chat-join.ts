import { expect } from 'chai'
import type { Client, TestApp } from './app.js'
import { startWithBotApi } from './bot-api.js'

/**
 * Her chat joined to her mini-program account as she does it: her code from 我的, sent from the chat (the call the bot
 * makes, with the chat's WeChat name), then 是我的，放到这里 in the mini-program. Returns her answer's body.
 */
export async function joinHerChat(bot: Client, resident: Client, chatPersonId: string, name = '王阿姨') {
  const words = (await resident.post('/api/mp/me/chat-code')).body.words as string
  const asked = await bot.post(`/api/bot/people/${chatPersonId}/bind`, { code: words.slice(3), name })
  expect(asked.status, JSON.stringify(asked.body)).to.equal(200)
  expect(asked.body.joinAsked, 'the chat only asks').to.be.an('object')
  return sayItIsMine(resident)
}

/** 是我的，放到这里, to the request her 我的 shows. */
export async function sayItIsMine(resident: Client) {
  const { pending } = (await resident.get('/api/mp/me')).body.chatJoin
  expect(pending, 'a chat asks to join').to.be.an('object')
  const answer = await resident.post(`/api/mp/me/chat-join/${pending.id}/confirm`)
  expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
  return answer.body as { cases: number; message: string }
}

/**
 * The app with the bot API on, new for each test, as every chat-join story starts: `app` and `bot` (valid inside a
 * test), the person the bot knows a chat contact as, and the chat's agreeing to the privacy notice.
 */
export function chatJoinAppForEachTest() {
  let started: { app: TestApp; bot: Client } | null = null
  const running = () => {
    if (!started) throw new Error('the app runs only inside a test')
    return started
  }
  beforeEach(async () => {
    started = await startWithBotApi()
  })
  afterEach(async () => {
    await started?.app.close()
    started = null
  })
  return {
    get app() {
      return running().app
    },
    get bot() {
      return running().bot
    },
    /** The person the bot knows the chat contact `contactId` as (`extra`: more of what the bot sends, e.g. its remark). */
    chatPerson: async (contactId: string, extra: Record<string, unknown> = {}) =>
      (await running().bot.post('/api/bot/people/resolve', { contactId, ...extra })).body.personId as string,
    /** The chat agrees to the privacy notice's current version. */
    agreesInTheChat: async (personId: string) => {
      const { bot } = running()
      return bot.post(`/api/bot/people/${personId}/consent`, { version: (await bot.get('/api/bot/privacy')).body.version })
    },
  }
}

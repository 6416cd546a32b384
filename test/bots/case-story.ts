import { expect } from 'chai'
import type { TestApp } from '../helpers/app.js'
import { ask, useBotStory, type BotUnderTest, type Person } from './helpers.js'
import { bindZhangWei, noticeReachesZhangWei, writesByCode, writesToZhangWei, zhangWeiAnswers } from './zhang-wei.js'

/**
 * A story of messages and their answers: the backend and the bot (as useBotStory), 张伟 on WeChat
 * (bound unless `deputyBound: false`), and the resident named, who writes to him. Its factories set
 * up the usual beginnings of such stories; each is a closure, so they may be taken out of it.
 */
export interface CaseStory {
  readonly app: TestApp
  readonly bot: BotUnderTest
  /** 张伟, the deputy dp0001. */
  deputy: Person
  /** The resident named in `useCaseStory`. */
  resident: Person
  /** The message with that number, as the backend keeps it. */
  stored(ticket: string): ReturnType<TestApp['liaison']['store']['cases']['getByTicket']>
  /** `who` (the resident) writes to 张伟 step by step, as in `writesByCode`; the message's number. */
  writes(text: string, who?: Person): Promise<string>
  /** `who` (the resident) writes to 张伟 in one line, as in `writesToZhangWei`; the message's number. */
  writesToZhangWei(text: string, who?: Person): Promise<string>
  /** 张伟 answers the resident's message and she is asked for her score, as in `zhangWeiAnswers`; the answer as she reads it. */
  zhangWeiAnswers(ticket: string, reply?: string, ref?: string): Promise<string>
  /** The resident has written `text` to 张伟 in one line, he has answered it, and the bot waits for her score: the message's number. */
  residentWithAnsweredMessage(text: string, reply?: string): Promise<string>
  /**
   * The resident's message to 张伟 was answered, rated 2 ("不满意根本没修好"), the offer to handle it again declined,
   * and three days have passed on both clocks: the message's number.
   */
  answeredRatedLowDaysAgo(text: string, reply: string): Promise<string>
  /**
   * The resident has written two messages to 张伟 (by default "路口红绿灯时间太短，老人过不去马路",
   * then "小区门口的垃圾好几天没人清运") and he has answered both, the earlier first: both wait for her score.
   */
  residentWithTwoAnsweredMessages(options?: {
    texts?: [string, string]
    replies?: [string, string]
  }): Promise<{ first: string; second: string; firstNotice: string; secondNotice: string }>
  /** The resident starts a new message by code and writes its first words; meanwhile 张伟's answer to `ticket` reaches her. */
  writingWhenAnswered(ticket: string, words: string, reply?: string): Promise<void>
  /** The resident writes a new message by code up to its summary and leaves it unsent; meanwhile 张伟's answer to `ticket` reaches her. */
  atSummaryWhenAnswered(ticket: string, words: string, reply?: string): Promise<void>
  /** A resident writes to 张伟 and the notice reaches him: a case in his hands. */
  messageReachesZhangWei(who: Person, text: string): Promise<{ ticket: string; notice: string }>
}

/** A CaseStory, set up afresh before each test of the calling `describe` (on useBotStory's app and bot). */
export function useCaseStory(options: { resident?: [contact: string, name: string]; deputyBound?: boolean } = {}): CaseStory {
  const base = useBotStory()
  const story: CaseStory = {
    get app() {
      return base.app
    },
    get bot() {
      return base.bot
    },
    deputy: undefined as unknown as Person,
    resident: undefined as unknown as Person,
    stored: (ticket) => base.app.liaison.store.cases.getByTicket(ticket),
    writes: (text, who = story.resident) => writesByCode(base.bot, who, text),
    writesToZhangWei: (text, who = story.resident) => writesToZhangWei(base.bot, who, text),
    zhangWeiAnswers: (ticket, reply, ref) => zhangWeiAnswers(base.app, base.bot, story, ticket, reply, ref),
    async residentWithAnsweredMessage(text, reply) {
      const ticket = await story.writesToZhangWei(text)
      await story.zhangWeiAnswers(ticket, reply)
      return ticket
    },
    async answeredRatedLowDaysAgo(text, reply) {
      const ticket = await story.residentWithAnsweredMessage(text, reply)
      await ask(base.bot, story.resident, '不满意根本没修好')
      await ask(base.bot, story.resident, '2')
      const days = 3 * 24 * 3_600_000
      base.app.clock.advance(days)
      base.bot.clock.advance(days)
      return ticket
    },
    async residentWithTwoAnsweredMessages({
      texts = ['路口红绿灯时间太短，老人过不去马路', '小区门口的垃圾好几天没人清运'],
      replies = ['已和交警大队沟通。', '已联系环卫所。'],
    } = {}) {
      const first = await story.writes(texts[0])
      const second = await story.writes(texts[1])
      const firstNotice = await story.zhangWeiAnswers(first, replies[0])
      const secondNotice = await story.zhangWeiAnswers(second, replies[1])
      return { first, second, firstNotice, secondNotice }
    },
    async writingWhenAnswered(ticket, words, reply) {
      await ask(base.bot, story.resident, '给DP0001留言')
      expect(await ask(base.bot, story.resident, words)).to.include('收到')
      await story.zhangWeiAnswers(ticket, reply)
    },
    async atSummaryWhenAnswered(ticket, words, reply) {
      await ask(base.bot, story.resident, '给DP0001留言')
      await ask(base.bot, story.resident, words)
      expect(await ask(base.bot, story.resident, '好了')).to.include('1. 确认送出')
      await story.zhangWeiAnswers(ticket, reply)
    },
    async messageReachesZhangWei(who, text) {
      const ticket = await story.writes(text, who)
      return { ticket, notice: await noticeReachesZhangWei(base.app, base.bot, ticket) }
    },
  }
  beforeEach(async () => {
    if (options.resident) story.resident = base.bot.world.person(...options.resident)
    story.deputy = options.deputyBound === false ? base.bot.world.person('wx-zhangwei', '张伟') : await bindZhangWei(base.app, base.bot)
  })
  return story
}

import { expect } from 'chai'
import type { TestApp } from '../helpers/app.js'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor, type BotUnderTest, type Person } from './helpers.js'
import { bindZhangWei, writesToZhangWei, zhangWeiAnswers } from './zhang-wei.js'

/** What 老李 writes to 张伟 in the rating stories: the street light (路灯) under her window. */
export const STREET_LIGHT = '我们楼下的路灯坏了两个星期了，晚上老人出门看不见路'
/** The line a notice to 张伟 about it (a score) adds, naming it by its first words. */
export const STREET_LIGHT_LINE = '\n这条留言写的是：“我们楼下的路灯坏了两个星期了…”'
/** 张伟's answer to it. */
export const STREET_LIGHT_ANSWER = '已联系供电所，这周五前修好，请您放心。'

/** The one a story talks for says one thing to the bot: resolves with everything it said back. */
export function says(story: { readonly bot: BotUnderTest; readonly resident: Person }) {
  return (words: string) => ask(story.bot, story.resident, words)
}

/**
 * 老李, whose message about the street light 张伟 has answered: the bot waits for her score of it,
 * or has it when the story gave one. Its functions may be taken out of it.
 */
export interface AnsweredMessage {
  readonly app: TestApp
  readonly bot: BotUnderTest
  readonly resident: Person
  /** Her message's number. */
  readonly ticket: string
  /** The answer as she read it, with the rating question under it. */
  readonly notice: string
  /** She says one thing to the bot; everything it said back. */
  say(words: string): Promise<string>
  /** Her message, as the backend keeps it. */
  stored(): ReturnType<TestApp['liaison']['store']['cases']['getByTicket']>
  /** The backend routes its outbox; resolves, once the rating of her message has reached 张伟, with every such notice he has. */
  ratingReachesDeputy(): Promise<string[]>
  /** Minutes pass on both clocks: the bot's (its invitations) and the backend's (the rating's window). */
  later(minutes: number): void
  /** Half an hour passes without a word from her and the bot sweeps; resolves with the last thing it said to her. */
  silentHalfHour(): Promise<string | undefined>
}

type Parts = { app: TestApp; bot: BotUnderTest; resident: Person; ticket: string; notice: string }

// Reads the parts at each call: a story's beforeEach fills them in afresh for every test.
function answeredMessageOf(parts: Parts): AnsweredMessage {
  const toDeputy = () => parts.bot.world.said('张伟').filter((m) => m.includes(`您答复的留言 ${parts.ticket} 获得`))
  return {
    get app() {
      return parts.app
    },
    get bot() {
      return parts.bot
    },
    get resident() {
      return parts.resident
    },
    get ticket() {
      return parts.ticket
    },
    get notice() {
      return parts.notice
    },
    say: says(parts),
    stored: () => parts.app.liaison.store.cases.getByTicket(parts.ticket),
    async ratingReachesDeputy() {
      await dispatch(parts.app)
      await waitFor(() => toDeputy().length, 'the rating to reach 张伟')
      return toDeputy()
    },
    later(minutes) {
      parts.bot.clock.advance(minutes * 60_000)
      parts.app.clock.advance(minutes * 60_000)
    },
    async silentHalfHour() {
      parts.bot.clock.advance(31 * 60_000)
      parts.bot.bot.inbox.sweep()
      await parts.bot.bot.inbox.settled()
      return parts.bot.world.said(parts.resident.payload.name).at(-1)
    },
  }
}

/**
 * On a backend and bot the story started itself: 张伟 binds his WeChat, 老李 writes to him about the street
 * light in one line, and his answer reaches her with the rating question.
 */
export async function answeredMessage(app: TestApp, bot: BotUnderTest): Promise<AnsweredMessage> {
  const deputy = await bindZhangWei(app, bot)
  const resident = bot.world.person('wx-li', '老李')
  const ticket = await writesToZhangWei(bot, resident, STREET_LIGHT)
  const notice = await zhangWeiAnswers(app, bot, { deputy, resident }, ticket, STREET_LIGHT_ANSWER)
  return answeredMessageOf({ app, bot, resident, ticket, notice })
}

/**
 * The same story afresh before each test of the calling `describe` (on useCaseStory's backend and bot). With
 * `rated`, she then gives that score, one too high to ask for 重新办理, and is invited to say more to the deputy.
 */
export function useAnsweredMessage(options: { rated?: string } = {}): AnsweredMessage {
  const story = useCaseStory({ resident: ['wx-li', '老李'] })
  const parts = {} as Parts
  const answered = answeredMessageOf(parts)
  beforeEach(async () => {
    Object.assign(parts, { app: story.app, bot: story.bot, resident: story.resident })
    parts.ticket = await story.writesToZhangWei(STREET_LIGHT)
    parts.notice = await story.zhangWeiAnswers(parts.ticket, STREET_LIGHT_ANSWER)
    if (options.rated) expect(await answered.say(options.rated)).to.include('还有什么想对代表说的，可以直接发过来')
  })
  return answered
}

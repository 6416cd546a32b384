import { expect } from 'chai'
import { runMaintenanceJob } from '../../src/jobs/maintenance-job.js'
import { useCaseStory, type CaseStory } from './case-story.js'
import { ask, startBot, ticketIn, type BotUnderTest, type Person } from './helpers.js'

/**
 * A 孙大爷 story: the backend, the bot and 张伟 (bound only with `deputyBound`), as useCaseStory sets them up
 * afresh before each test, with 孙大爷 (wx-sun) as the resident. He is 76 and voice-types without punctuation.
 */
export interface SunDayeStory extends CaseStory {
  /** 孙大爷 on WeChat. */
  readonly sun: Person
  /** Time passes with no word from him (on the bot's clock) and the bot's sweep runs: what he was told meanwhile. */
  quiet(ms: number): Promise<string[]>
  /**
   * He writes from 光明社区, naming the places as the lists show them (agreeing to the privacy notice the first time;
   * "1" when asked whether it goes where his last one went); the message's number.
   */
  writesFromGuangming(text: string): Promise<string>
}

/** 孙大爷's first words about his problem, voice-typed without punctuation. */
export const SUN_DRAIN_WORDS = '我想给代表反映个事我们小区门口的下水道堵了好几天了臭得很'

/** What he is told, once, when words he left unsent were let go while no bot could say so. */
export const WORDS_NOT_KEPT = '您之前说的话一直没有发出去，代表没有看到，这些话已经不再保留了。\n还要反映的话，请发送"留言"重新写。'

/** A SunDayeStory, set up afresh before each test of the calling `describe`. */
export function useSunDaye(options: { deputyBound?: boolean } = {}): SunDayeStory {
  const story = useCaseStory({ resident: ['wx-sun', '孙大爷'], deputyBound: options.deputyBound ?? false })
  // The CaseStory's own members are read through it, as they stand after its beforeEach.
  return Object.create(story, {
    sun: { get: () => story.resident },
    quiet: {
      value: async (ms: number) => {
        const t = story.bot
        const before = t.world.said('孙大爷').length
        t.clock.advance(ms)
        t.bot.inbox.sweep()
        await t.bot.inbox.settled()
        return t.world.said('孙大爷').slice(before)
      },
    },
    writesFromGuangming: {
      value: async (text: string) => {
        const t = story.bot
        let said = await ask(t, story.resident, '留言')
        if (said.includes('同意请回复')) said = await ask(t, story.resident, '同意')
        if (said.includes('这次还发这里吗')) await ask(t, story.resident, '1')
        else for (const place of ['湛河区', '轻工街道', '光明社区']) await ask(t, story.resident, place)
        await ask(t, story.resident, text)
        await ask(t, story.resident, '好了')
        return ticketIn(await ask(t, story.resident, '1'))
      },
    },
  }) as SunDayeStory
}

/** A SunDayeStory (张伟 bound) whose bot may restart on the same backend, the new one knowing nothing of the old. */
export interface RestartingSunDaye extends SunDayeStory {
  /** The bot started by restart(); stopped after each test, before the backend closes (it would poll a closed one). */
  readonly second: BotUnderTest | null
  /** The bot process restarts on the same backend; 孙大爷 is known again by the remark on his contact. */
  restart(): Promise<Person>
  /** 孙大爷 says `text` to the bot running now (the restarted one once there is one): what it answers. */
  says(text: string): Promise<string>
  /**
   * He writes SUN_DRAIN_WORDS to 张伟 by code (agreeing to the privacy notice) up to the summary, and leaves it
   * unsent: the bot asks for his agreement, then offers 1. 确认送出.
   */
  leavesSummaryUnsent(): Promise<void>
  /** Time passes on the backend and on the restarted bot; with `purge` (the default), the hourly maintenance runs. */
  later(ms: number, purge?: boolean): Promise<void>
}

/** A RestartingSunDaye, set up afresh before each test of the calling `describe`. */
export function useRestartingSunDaye(): RestartingSunDaye {
  let second: BotUnderTest | null = null
  // 孙大爷 as the restarted bot knows him.
  let sunAgain: Person | null = null
  // Registered before the story's own hooks, so it runs first.
  afterEach(async () => {
    await second?.stop()
    second = null
    sunAgain = null
  })
  const story = useSunDaye({ deputyBound: true })
  const says = (text: string) => (second ? ask(second, sunAgain!, text) : ask(story.bot, story.sun, text))
  return Object.create(story, {
    second: { get: () => second },
    restart: {
      value: async (): Promise<Person> => {
        const alias = story.bot.world.mocker.contactPayload('wx-sun').alias
        await story.bot.stop()
        second = await startBot(story.app.baseUrl)
        sunAgain = second.world.person('wx-sun', '孙大爷', alias)
        return sunAgain
      },
    },
    says: { value: says },
    leavesSummaryUnsent: {
      value: async () => {
        expect(await says('给DP0001留言')).to.include('同意请回复')
        await says('同意')
        await says(SUN_DRAIN_WORDS)
        expect(await says('好了')).to.include('1. 确认送出')
      },
    },
    later: {
      value: async (ms: number, purge = true) => {
        story.app.clock.advance(ms)
        second!.clock.advance(ms)
        if (purge) await runMaintenanceJob({ store: story.app.liaison.store, clock: story.app.clock })
      },
    },
  }) as RestartingSunDaye
}

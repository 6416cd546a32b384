import type { MeetingInvitee } from '../../src/domain/meeting.js'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'
import { ask, BOT_SECRET, dispatch, startBot, waitFor, type BotUnderTest, type Person } from './helpers.js'
import { bindZhangWei } from './zhang-wei.js'

export interface MeetingStory {
  app: TestApp
  bot: BotUnderTest
  /** The office creates and publishes a meeting (meetingBody with `over`): its id. */
  published(over?: Record<string, unknown>): Promise<string>
}

/** The meeting city on Monday 2026-11-23 10:00, with the bot running, fresh for each test. */
export function useMeetingStory(): MeetingStory {
  const story = {} as MeetingStory
  beforeEach(async () => {
    story.app = await startApp({ directory: meetingCity(), overrides: { bot: { secret: BOT_SECRET } } })
    story.app.clock.set(new Date('2026-11-23T02:00:00Z'))
    story.bot = await startBot(story.app.baseUrl)
  })
  afterEach(async () => {
    await story.bot.stop()
    await story.app.close()
  })
  story.published = async (over = {}) => {
    const office = await asAdmin(story.app)
    const { body } = await office.post('/api/admin/meetings', meetingBody(over))
    return (await office.post(`/api/admin/meetings/${body.id}/publish`)).body.id as string
  }
  return story
}

export interface ZhangWeiMeetingStory extends MeetingStory {
  /** 张伟 on WeChat, bound as the deputy dp0001 before each test. */
  deputy: Person
  /** 张伟 says `words` to the bot: what it answers him. */
  says(words: string): Promise<string>
  /** The office publishes a meeting (meetingBody with `over`) and its notice reaches 张伟's WeChat: its id. */
  noticeReachesHim(over?: Record<string, unknown>): Promise<string>
  /** His invitation to that meeting, as the backend keeps it. */
  answerOf(meetingId: string): Promise<MeetingInvitee>
}

/**
 * A MeetingStory with 张伟 bound to the bot before each test, as the deputy who answers the notices. Its functions
 * read the story when called, so a test may take them out of it in its `describe`.
 */
export function useZhangWeiMeetingStory(): ZhangWeiMeetingStory {
  const story = useMeetingStory() as ZhangWeiMeetingStory
  beforeEach(async () => {
    story.deputy = await bindZhangWei(story.app, story.bot)
  })
  story.says = (words) => ask(story.bot, story.deputy, words)
  story.noticeReachesHim = async (over = {}) => {
    const id = await story.published(over)
    await dispatch(story.app)
    await waitFor(() => story.bot.world.said('张伟').find((m) => m.startsWith('会议通知：')), 'the meeting notice to reach 张伟')
    return id
  }
  story.answerOf = async (meetingId) => (await story.app.liaison.store.meetings.invitation(meetingId, { kind: 'deputy', id: 'dp0001' }))!
  return story
}

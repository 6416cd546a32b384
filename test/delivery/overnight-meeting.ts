import { expect } from 'chai'
import type { FakeWeChat } from '../fakes/wechat-api.js'
import { Client, type TestApp } from '../helpers/app.js'
import { loginAs, startWithWeChat, subscribe } from '../helpers/wechat.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { bindingCode } from '../bots/helpers.js'

/** What the console says of a message a later change made untrue (its lastError, before the reason). */
export const SUPERSEDED = '已被后来的变化取代，未发送'
/** Quiet hours 21:00–08:00 for every kind: what the office sends at night waits for the morning. */
export const NIGHT = { start: '21:00', end: '08:00', immediateKinds: [] }
/** Monday 2026-11-23 at hh:mm in Asia/Shanghai, or `days` later. */
export const monday = (hh: number, mm = 0, days = 0) => new Date(Date.UTC(2026, 10, 23 + days, hh - 8, mm))

export interface OvernightMeetingStory {
  app: TestApp & { fake: FakeWeChat }
  /** 孙丽, organizer of 湛河区, signed in on Monday at 10:00. */
  sunli: Client
  /** A deputy bound in the mini-program on this phone (openid), who said yes to four meeting messages. */
  mpDeputy(openid: string, deputyId: string): Promise<Client>
}

/**
 * The set-up the held-meeting stories share (held-meeting-deadlines, held-meeting-invitations,
 * stale-meeting-nudges): the backend with the fake WeChat and quiet hours at night, on Monday 10:00,
 * 孙丽 signed in; fresh for each test.
 */
export function useOvernightMeeting(): OvernightMeetingStory {
  const story = {} as OvernightMeetingStory
  beforeEach(async () => {
    story.app = await startWithWeChat({ outbox: { quietHours: NIGHT } })
    story.app.clock.set(monday(10))
    story.sunli = await new Client(story.app.baseUrl).login('sunli', STAFF_PASSWORD)
  })
  afterEach(() => story.app.close())
  story.mpDeputy = async (openid, deputyId) => {
    const client = await loginAs(story.app, openid)
    expect((await client.post('/api/mp/bind', { bindCode: await bindingCode(story.app, deputyId) })).status).to.equal(200)
    await subscribe(client, 'accept', 4)
    return client
  }
  return story
}

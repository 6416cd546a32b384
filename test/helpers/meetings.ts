import { expect } from 'chai'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { asAdmin, Client, startApp, type TestApp } from './app.js'

/**
 * caseCity with one deputy in 新华区 too (陈静, st004), so that the district organizers
 * 孙丽 (湛河区, d01) and 钱七 (新华区, d02) each have deputies of their own.
 */
export function meetingCity() {
  const city = caseCity()
  city.deputies.push({ id: 'dp0006', code: 'DP0006', name: '陈静', level: 'city', stationIds: ['st004'], topics: [], phone: null, dutyDates: [] })
  return city
}

/** A console user of the city by user name (sunli: organizer of 湛河区; qianqi: of 新华区; lina: station staff). */
export const asStaff = (app: TestApp, username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)

/** Thursday 2026-11-26, 09:30–11:30 in Asia/Shanghai. */
export const START = '2026-11-26T09:30:00+08:00'
export const END = '2026-11-26T11:30:00+08:00'

export const meetingBody = (over: Record<string, unknown> = {}) => ({
  title: '市人大常委会第十次会议',
  kind: 'standing_committee',
  startAt: START,
  endAt: END,
  place: '市人大常委会第一会议室',
  agenda: '一、审议城市管理条例草案；二、听取专项工作报告',
  attachments: [{ name: '会议议程.pdf', url: 'https://rd.example.gov.cn/files/agenda.pdf' }],
  selector: { levels: ['city', 'county'], staffIds: ['sf01'] },
  ...over,
})

/** 轻工街道代表联络站's reception day on Friday 11月27日, 09:00–11:30: its deputies (st001) invited. For meetingBody. */
export const QINGGONG_RECEPTION_DAY = {
  title: '轻工街道代表联络站11月接待日',
  kind: 'reception_day',
  startAt: '2026-11-27T09:00:00+08:00',
  endAt: '2026-11-27T11:30:00+08:00',
  place: '轻工街道代表联络站',
  selector: { stationIds: ['st001'] },
}

/** The office creates a meeting from meetingBody(over) and publishes it, each step expected to pass. */
export async function publishMeeting(office: Client, over: Record<string, unknown> = {}) {
  const created = await office.post('/api/admin/meetings', meetingBody(over))
  expect(created.status, JSON.stringify(created.body)).to.equal(201)
  const published = await office.post(`/api/admin/meetings/${created.body.id}/publish`)
  expect(published.status, JSON.stringify(published.body)).to.equal(200)
  return published.body as { id: string; shortCode: string }
}

export interface MeetingOrganizer {
  app: TestApp
  /** The admin, signed in on Monday 11月23日 10:00. */
  office: Client
}

/**
 * Where an organizer's stories begin: meetingCity on Monday 11月23日 10:00 and the admin signed in; fresh for each
 * test of the describe block that calls this (the app closed after it). Read its fields inside the tests and hooks.
 */
export function meetingOrganizer(): MeetingOrganizer {
  const story = {} as MeetingOrganizer
  beforeEach(async () => {
    story.app = await startApp({ directory: meetingCity() })
    story.app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    story.office = await asAdmin(story.app)
  })
  afterEach(() => story.app.close())
  return story
}

export interface ReceptionDayStory extends MeetingOrganizer {
  meeting: { id: string; shortCode: string }
}

/** meetingOrganizer(), and the meeting meetingBody(over) makes published by the office (its invitees told); fresh for each test. */
export function usePublishedMeeting(over: Record<string, unknown> = {}): ReceptionDayStory {
  const story = meetingOrganizer() as ReceptionDayStory
  beforeEach(async () => {
    story.meeting = await publishMeeting(story.office, over)
  })
  return story
}

/**
 * The set-up the reception-day stories share: meetingCity on Monday 11月23日 10:00, the admin signed in, and
 * QINGGONG_RECEPTION_DAY published (its deputies invited); fresh for each test.
 */
export function useQinggongReceptionDay(): ReceptionDayStory {
  return usePublishedMeeting(QINGGONG_RECEPTION_DAY)
}

/**
 * 张伟 (dp0001) is moved to 马庄街道代表联络站 the moment a request has read his invitation, before it writes: the race
 * a check-in or a staff entry must lose in the write itself. Answers whether the move came.
 */
export function moveZhangOnceHisInvitationIsRead(story: ReceptionDayStory): () => boolean {
  const { meetings } = story.app.liaison.store
  const read = meetings.invitation.bind(meetings)
  let moved = false
  meetings.invitation = async (...args: Parameters<typeof read>) => {
    const found = await read(...args)
    if (!moved && args[1].id === 'dp0001') {
      moved = true
      const answer = await story.office.patch('/api/admin/deputies/dp0001', { stationIds: ['st002'] })
      expect(answer.body, JSON.stringify(answer.body)).to.include({ meetingsWithdrawn: 1 })
    }
    return found
  }
  return () => moved
}

/**
 * The dispatcher's work as delivery records it: every meeting notice waiting in the outbox goes out
 * now (to the mini-program), then the clock moves on by `readMinutes` (the cooldown, 60 by default),
 * long enough for it to be read: only then may 提醒未回复 ask those who have not answered.
 */
export async function noticesSentAndRead(app: TestApp, readMinutes = 60) {
  const { outbox } = app.liaison.store
  const now = app.clock.now()
  for (const m of await outbox.claimDue(now, { limit: 1000, leaseMs: 60_000, holder: 'test', channels: ['auto'] }))
    await outbox.complete(
      m.id,
      'test',
      m.kind === 'meeting.notice'
        ? { status: 'sent', at: now, channel: 'mp_subscribe', address: `o-${m.recipientId}` }
        : { status: 'pending', channel: 'auto', address: null, until: now, reason: null },
    )
  app.clock.advance(readMinutes * 60_000)
}

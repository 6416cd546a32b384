import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { Client, type TestApp } from './app.js'

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

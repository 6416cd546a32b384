import { STAFF_PASSWORD } from '../fixtures.js'
import { type Client, startApp, type TestApp } from './app.js'
import { asStaff, meetingCity } from './meetings.js'

/**
 * meetingCity with an organizer for each street of 湛河区: 吴敏 of 轻工街道 (s0101: stations
 * 轻工街道代表联络站 st001 and 光明社区代表联络点 st003) and 郑华 of 马庄街道 (s0102: st002).
 */
export function streetCity() {
  const city = meetingCity()
  city.staff.push(
    { id: 'sf07', name: '吴敏', role: 'organizer', stationIds: [], regionIds: ['s0101'], username: 'wumin', password: STAFF_PASSWORD },
    { id: 'sf08', name: '郑华', role: 'organizer', stationIds: [], regionIds: ['s0102'], username: 'zhenghua', password: STAFF_PASSWORD },
  )
  return city
}

/** The street city started on a Monday morning, with each street's organizer signed in to the console. */
export async function startStreetCity(): Promise<{ app: TestApp; wumin: Client; zhenghua: Client }> {
  const app = await startApp({ directory: streetCity() })
  app.clock.set(new Date('2026-11-23T02:00:00Z'))
  return { app, wumin: await asStaff(app, 'wumin'), zhenghua: await asStaff(app, 'zhenghua') }
}

/**
 * A fresh street city for each test of the calling describe, closed after it: read its parts
 * inside a test (`const { app, wumin } = streets`), as they are made anew before each one.
 */
export function streetCityForEachTest(): { app: TestApp; wumin: Client; zhenghua: Client } {
  const city = {} as { app: TestApp; wumin: Client; zhenghua: Client }
  beforeEach(async () => void Object.assign(city, await startStreetCity()))
  afterEach(() => city.app.close())
  return city
}

/** The ids of a console list, sorted: which items a person sees, whatever their order. */
export const listedIds = (answer: { body: { items: Array<{ id: string }> } }) => answer.body.items.map((item) => item.id).sort()

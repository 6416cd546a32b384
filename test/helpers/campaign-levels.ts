import { expect } from 'chai'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { Client, type TestApp } from './app.js'

const HOUR = 3_600_000

/**
 * caseCity with the three levels of organizers 上下同题 needs: 陈红 of the city office (no
 * region: the whole city), 孙丽 of 湛河区 and 钱七 of 新华区 (as in caseCity), and 吴敏 of
 * 轻工街道 (its stations: 轻工街道代表联络站 and 光明社区代表联络点).
 */
export function levelsCity() {
  const city = caseCity()
  city.staff.push(
    { id: 'sf06', name: '陈红', role: 'organizer', stationIds: [], regionIds: [], username: 'chenhong', password: STAFF_PASSWORD },
    { id: 'sf07', name: '吴敏', role: 'organizer', stationIds: [], regionIds: ['s0101'], username: 'wumin', password: STAFF_PASSWORD },
  )
  return city
}

export const asStaff = (app: TestApp, username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)

/** A campaign for all of 湛河区 (dp0001–dp0005), running from an hour ago; `repeat: 'monthly'` makes it a series. */
export async function createCampaign(organizer: Client, app: TestApp, over: Record<string, unknown> = {}) {
  const at = (ms: number) => new Date(app.clock.now().getTime() + ms).toISOString()
  const answer = await organizer.post('/api/admin/campaigns', {
    title: '学习贯彻代表法',
    description: '每月一次、上下同题',
    startsAt: at(-HOUR),
    endsAt: '2027-03-01T00:00:00+08:00',
    audience: { districtIds: ['d01'] },
    ...over,
  })
  expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
  return answer.body
}

export async function addItem(organizer: Client, campaignId: string, title: string) {
  const answer = await organizer.post(`/api/admin/campaigns/${campaignId}/items`, {
    title,
    summary: '',
    body: `<p>${title}</p>`,
    source: '人大',
    required: true,
  })
  expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
  return answer.body
}

/** A deputy opens the item (the read receipt) and checks in on it, as the mini-program does. */
export async function readAndCheckIn(deputy: Client, campaignId: string, itemId: string) {
  expect((await deputy.get(`/api/mp/reading/${itemId}`)).status).to.equal(200)
  const answer = await deputy.post(`/api/mp/campaigns/${campaignId}/check-ins`, { itemId, reflection: '学了' })
  expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
}

import { expect } from 'chai'
import { asDeputy, Client, type TestApp } from './app.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * A 学习宣传 campaign an organizer has just published for her district, running from an hour ago for
 * 20 days, with one required reading. Of the deputies it reaches, `reader` uses the mini-program and
 * has opened the reading; `onApp` uses it too and has not (its notices are off, so 学习进度 asks the
 * office to phone him).
 */
export async function campaignOneHasRead(app: TestApp, organizer: { username: string; password: string }, words: { itemTitle: string; description?: string }) {
  const { store } = app.liaison
  const api = await new Client(app.baseUrl).login(organizer.username, organizer.password)
  const district = (await store.staff.getByUsername(organizer.username))!.regionIds[0]!
  const at = (ms: number) => new Date(app.clock.now().getTime() + ms).toISOString()
  const created = await api.post('/api/admin/campaigns', {
    title: '学习宣传新修订的代表法',
    description: words.description ?? '',
    startsAt: at(-HOUR),
    endsAt: at(20 * DAY),
    audience: { districtIds: [district] },
  })
  expect(created.status, JSON.stringify(created.body)).to.equal(201)
  const id: string = created.body.id
  const item = await api.post(`/api/admin/campaigns/${id}/items`, { title: words.itemTitle, body: '<p>说明</p>', required: true })
  expect(item.status, JSON.stringify(item.body)).to.equal(201)
  const [reader, onApp] = (await store.campaigns.reachOf(id)).filter((r) => r.personKind === 'deputy').map((r) => r.personId)
  expect((await (await asDeputy(app, reader)).get(`/api/mp/reading/${item.body.id}`)).status).to.equal(200)
  await asDeputy(app, onApp)
  return { api, id, reader, onApp }
}

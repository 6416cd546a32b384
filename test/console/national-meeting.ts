import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { logInAs, newPage, type ConsolePage, type ConsoleStory } from './harness.js'

/**
 * The meeting the door and after-the-meeting stories share: an organizer of the demo city publishes
 * 全国人大代表视察座谈会 (市民中心三楼, two hours) for the national deputies, starting `startsInHours` from now.
 * `open` logs her in and opens its page, with its answer table; `first` and `second` are two invited deputies.
 */
export async function publishedNationalMeeting(story: ConsoleStory, startsInHours: number) {
  const organizer = story.app.login((l) => l.role === 'organizer')
  const api = await new Client(story.app.baseUrl).login(organizer.username, organizer.password)
  const [first, second] = (await story.app.liaison.store.deputies.search({ level: 'national', limit: 10 })).items
  const startAt = new Date(story.app.clock.now().getTime() + startsInHours * 3_600_000)
  const created = await api.post('/api/admin/meetings', {
    title: '全国人大代表视察座谈会',
    kind: 'inspection',
    startAt: startAt.toISOString(),
    endAt: new Date(startAt.getTime() + 2 * 3_600_000).toISOString(),
    place: '市民中心三楼',
    selector: { levels: ['national'] },
  })
  expect(created.status, JSON.stringify(created.body)).to.equal(201)
  const published = await api.post(`/api/admin/meetings/${created.body.id}/publish`)
  expect(published.status, JSON.stringify(published.body)).to.equal(200)
  return {
    organizer,
    api,
    first,
    second,
    startAt,
    id: created.body.id as string,
    shortCode: published.body.shortCode as string,
    /** Her session, as a clock moved past its life needs: a fresh login. */
    freshApi: () => new Client(story.app.baseUrl).login(organizer.username, organizer.password),
    /** The meeting's page, logged in as her, and a row of its answer table by name. */
    async open(): Promise<{ page: ConsolePage; rowOf: (name: string) => ReturnType<ConsolePage['locator']> }> {
      const page = await newPage(story.browser, story.app)
      await logInAs(page, organizer)
      await page.goto(`/console/meetings/${created.body.id}`)
      const table = page.locator('[data-test=rsvp-table]')
      return { page, rowOf: (name: string) => table.locator('tr', { hasText: name }) }
    },
  }
}

import { expect } from 'chai'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { asResident, Client, startApp, type TestApp } from './app.js'

/**
 * For the stories of what the 合并 dialog offers 李娜 (clerk of the station looking after 光明社区):
 * a fresh caseCity for each test, Monday 10:00 in Asia/Shanghai. `write` is a resident's message
 * from 光明社区, ten minutes after the one before; `offered` is what the dialog offers beside a
 * message, as its ticket and why.
 */
export function mergeChoicesForEachTest() {
  const story = {
    app: undefined as unknown as TestApp,
    lina: undefined as unknown as Client,
    async write(text: string) {
      const answer = await (await asResident(story.app)).post('/api/mp/cases', { text, regionId: 'c010101' })
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
      story.app.clock.advance(600_000)
      return answer.body as { id: string; ticket: string }
    },
    async offered(id: string) {
      const answer = await story.lina.get(`/api/admin/cases/${id}/merge-choices`)
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
      return (answer.body.items as Array<{ ticket: string; why: string }>).map((c) => ({ ticket: c.ticket, why: c.why }))
    },
  }
  beforeEach(async () => {
    story.app = await startApp({ directory: caseCity() })
    story.app.clock.set(new Date('2026-11-23T02:00:00Z'))
    story.lina = await new Client(story.app.baseUrl).login('lina', STAFF_PASSWORD)
  })
  afterEach(() => story.app.close())
  return story
}

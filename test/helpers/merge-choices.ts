import { expect } from 'chai'
import { asResident, type Client, type TestApp } from './app.js'
import { linaOnMonday } from './lina-on-monday.js'

/** A message the 合并 dialog offers, as the console reads it. */
export interface OfferedChoice {
  id: string
  ticket: string
  why: string
  /** 已答复 · 11月23日答复 · 张伟代表 */
  state: string
  mergeable: boolean
  refusal: string | null
}

/**
 * For the stories of what the 合并 dialog offers 李娜 (clerk of the station looking after 光明社区):
 * a fresh caseCity for each test, Monday 10:00 in Asia/Shanghai. `write` is a resident's message
 * from 光明社区, ten minutes after the one before (`extra`: more of the POST, e.g. a deputyCode), with
 * the resident who wrote it; `offered` is what the dialog offers beside a message, as its ticket and
 * why; `choices`, the whole of each choice.
 */
export function mergeChoicesForEachTest() {
  const story = {
    app: undefined as unknown as TestApp,
    lina: undefined as unknown as Client,
    async write(text: string, extra: Record<string, string> = {}) {
      const resident = await asResident(story.app)
      const answer = await resident.post('/api/mp/cases', { text, regionId: 'c010101', ...extra })
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
      story.app.clock.advance(600_000)
      return Object.assign(answer.body as { id: string; ticket: string }, { resident })
    },
    async choices(id: string) {
      const answer = await story.lina.get(`/api/admin/cases/${id}/merge-choices`)
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
      return answer.body.items as OfferedChoice[]
    },
    async offered(id: string) {
      return (await story.choices(id)).map((c) => ({ ticket: c.ticket, why: c.why }))
    },
  }
  beforeEach(async () => {
    ;({ app: story.app, lina: story.lina } = await linaOnMonday())
  })
  afterEach(() => story.app.close())
  return story
}

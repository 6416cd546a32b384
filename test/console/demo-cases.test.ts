import { expect } from 'chai'
import { startApp, type TestApp } from '../helpers/app.js'
import { demoDirectory, TOPICS } from '../../src/demo/demo-city.js'
import { replyRefusal } from '../../src/domain/reply-words.js'
import { loadConfig } from '../../src/config.js'
import { seedDemoCases } from '../../src/demo/demo-cases.js'
import { seedDemo } from '../../src/services/bootstrap.js'

/** `npm start` on a fresh store: the console has messages to show at once. */
describe("the demo's residents' messages", () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp()
    await seedDemo(app.liaison.store, app.liaison.services.importer, demoDirectory())
  })
  afterEach(() => app.close())

  it('leaves some waiting, one sent back to its station, some answered and rated; and seeds once', async () => {
    const { store, services } = app.liaison
    await seedDemoCases(store, services)
    const all = await store.cases.listForStats({})
    expect(all).to.have.length(8)
    const byStatus = (s: string) => all.filter((c) => c.status === s)
    expect(byStatus('submitted').map((c) => c.stationId)).to.deep.equal(['st001'])
    expect(byStatus('closed').length + byStatus('replied').length).to.equal(4)
    expect(
      all
        .map((c) => c.rating)
        .filter((r) => r !== null)
        .sort(),
    ).to.deep.equal([2, 4, 5])
    await seedDemoCases(store, services)
    expect(await store.cases.listForStats({})).to.have.length(8)
  })

  it('answers each message with what was done and what came of it, never the stock line a deputy should not send', async () => {
    const { store, services } = app.liaison
    await seedDemoCases(store, services)
    const replies = (await store.cases.listForStats({})).flatMap((c) => (c.reply ? [c.reply] : []))
    expect(replies).to.have.length(4)
    expect(new Set(replies).size, 'one answer per message, not one line for all').to.equal(4)
    for (const reply of replies) {
      expect(replyRefusal(reply, false), reply).to.equal(null)
      // "正在处理，有进展会再告诉您" tells the resident nothing she can rate: staff learn answers from the demo.
      expect(reply, reply).not.to.match(/正在处理|有进展|再告诉您/)
    }
  })

  it("gives the demo's deputies only topics the city's topic list has", () => {
    expect([...TOPICS]).to.deep.equal(loadConfig().business.topics)
    const topics = new Set<string>(loadConfig().business.topics)
    for (const d of demoDirectory().deputies ?? []) for (const t of d.topics) expect(topics.has(t), `${d.name}: ${t}`).to.equal(true)
  })
})

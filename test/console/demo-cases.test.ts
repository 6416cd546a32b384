import { expect } from 'chai'
import { startApp, type TestApp } from '../helpers/app.js'
import { demoDirectory } from '../../src/demo/demo-city.js'
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
})

import { expect } from 'chai'
import { StoreConflict } from '../../src/store/conflicts.js'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { smallCity } from '../fixtures.js'

/**
 * Review 34, F5: on mongo a move of a deputy gives up when other writes of his stations or duty keep landing between
 * its read and its write (deputy_busy; test/store/mongo-deputy-move-version.test.ts). The office is told in words
 * what happened and that trying again is the answer, as every other conflict, and nothing of the move is kept.
 */
describe('moving a deputy while others keep saving his record', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
  })
  afterEach(() => app.close())

  it('is 409 deputy_busy in plain words, and he stays where he was', async () => {
    const admin = await asAdmin(app)
    // The store answers as the mongo adapter does after losing every round to other writes of him.
    const deputies = app.liaison.store.deputies
    const update = deputies.update.bind(deputies)
    deputies.update = async (id, patch) => {
      if (patch.stationIds) throw new StoreConflict('deputy_busy')
      return update(id, patch)
    }

    const moved = await admin.patch('/api/admin/deputies/dp0004', { stationIds: ['st001'] })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(409)
    expect(moved.body.error).to.deep.include({ code: 'deputy_busy', message: '这位代表的资料正在被别人修改，请稍后再试一次' })
    expect((await admin.get('/api/admin/deputies/dp0004')).body.stationIds).to.deep.equal(['st002'])
  })
})

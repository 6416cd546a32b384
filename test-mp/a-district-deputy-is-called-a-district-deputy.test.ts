import { expect } from 'chai'
import { deputyLevelLabel } from '../src/domain/directory.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { holdPhone } from './harness/backend.js'

/**
 * 王芳 is a deputy of 湛河区's congress, at 轻工街道代表联络站. A resident who scans her poster, or opens
 * the station's card, reads 区人大代表 — as people there say it — not the list's 县区人大代表. A
 * county's deputy stays 县人大代表.
 */
describe('mini-program: a district deputy is called 区人大代表', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    holdPhone(app, 'o-resident-reading-cards')
  })
  afterEach(() => app.close())

  it('on her own card and on the station’s card', async () => {
    const card = await openPage(`pages/index/index?scene=${encodeURIComponent('d=DP0002')}`)
    expect(card.text()).to.include('王芳').and.include('区人大代表').and.not.include('县区')

    const station = await openPage(`pages/index/index?scene=${encodeURIComponent('s=ST001')}`)
    expect(station.text()).to.include('王芳').and.include('区人大代表').and.not.include('县区')
  })

  it('a county’s deputy is 县人大代表; other levels keep their names', () => {
    expect(deputyLevelLabel('county', '湛河区')).to.equal('区人大代表')
    expect(deputyLevelLabel('county', '宝丰县')).to.equal('县人大代表')
    expect(deputyLevelLabel('county', null)).to.equal('县区人大代表')
    expect(deputyLevelLabel('city', '湛河区')).to.equal('市人大代表')
  })
})

import { expect } from 'chai'
import { asDeputy } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage, type MpPage } from './harness/page.js'

/**
 * 赵阿姨, 71, scanned nothing: she opened 找我的代表, chose her community, tapped the station that
 * looks after it and wrote from its card. 留言已送出 and her 办理经过 say why it went there in words
 * that are true for her (您所在社区由该站联系, or 您选择了该站 for another station she picked), never
 * "您通过该站的二维码留言"; the deputy reads 群众住在本站联系的片区, not 群众扫了本站的二维码. A real scan
 * of the station's code still says 二维码.
 */
describe('mini-program: a station she chose in 找我的代表 is not said to be a scanned code', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  /** From a station card on the phone: 给代表留言, agree, write, send; the page after sending. */
  async function writeFrom(card: MpPage, text: string) {
    await card.tap('#write')
    const write = await follow()
    await write.tap('#agree')
    await write.type('#text', text)
    await write.tap('#submit')
    return follow()
  }

  /** 找我的代表 → her community → the station named → its card. */
  async function chooseStation(code: string) {
    const find = await openPage('pages/find/index')
    await find.emit('#place', 'change', { value: find.data.placeLabels.indexOf('湛河区 轻工街道 光明社区') })
    await find.tap(`#station-${code}`)
    return follow()
  }

  it('her community’s station: 您所在社区由该站联系, on 留言已送出 and in 办理经过; the deputy reads where she lives', async () => {
    holdPhone(app, 'o-zhao-chose')
    const card = await chooseStation('ST003')
    expect(card.text()).to.include('光明社区代表联络点')
    const result = await writeFrom(card, '光明社区5号楼楼道灯坏了，晚上黑得看不见台阶')

    expect(result.textOf('.routing')).to.equal('已交给光明社区代表联络点的刘洋代表（您所在社区由该站联系）')
    expect(result.text()).not.to.include('二维码')

    const detail = await openPage(`pages/case/detail?caseId=${result.data.caseId}`)
    expect(detail.text(), '办理经过, for good').to.include('您所在社区由该站联系').and.not.include('二维码')

    const liu = await asDeputy(app, 'dp0005')
    const his = (await liu.get(`/api/mp/deputy/cases/${result.data.caseId}`)).body
    const routed = his.timeline.find((s: { type: string; note: string | null }) => s.type === 'assigned')
    expect(routed.note).to.equal('群众住在本站联系的片区').and.not.include('二维码')
  })

  it('another station she picked: 您选择了该站', async () => {
    holdPhone(app, 'o-zhao-chose-street')
    const result = await writeFrom(await chooseStation('ST001'), '街道办门口的路灯坏了')
    expect(result.textOf('.routing')).to.match(/^已交给轻工街道代表联络站的.+代表（您选择了该站/)
    expect(result.text()).not.to.include('二维码')
  })

  it('a real scan of the station’s code still says so', async () => {
    holdPhone(app, 'o-zhao-scanned')
    const card = await openPage(`pages/index/index?scene=${encodeURIComponent('s=ST003')}`)
    const result = await writeFrom(card, '光明社区门口的路灯坏了')
    expect(result.textOf('.routing')).to.equal('已交给光明社区代表联络点的刘洋代表（您通过该站的二维码留言）')
  })
})

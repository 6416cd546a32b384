import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created } from './office.js'

/**
 * 赵阿姨, 71, in 关怀模式, looks at 我的留言 and then opens the message. Her list and the message's page say where it
 * stands in the same sentence, naming the deputy: "已交给张伟代表，代表还没有看", not "等代表受理" on the list and
 * "代表还没有看" on the page, which read to her as two different things. So too once he has read it, and once she
 * has asked for it to be handled again.
 */
describe('mini-program: her list and her message’s page say one state one way', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T01:30:00Z')) // Monday 09:30 in Shanghai
  })
  afterEach(() => app.close())

  it('the same sentence with the deputy’s name on the list and on the page, at each step', async () => {
    const zhao = await asResident(app, 'o-zhao-one-way')
    const lamp = await created(zhao.post('/api/mp/cases', { text: '光明社区5号楼楼道灯坏了，晚上黑得看不见台阶', deputyCode: 'DP0001' }))
    const zhang = await asDeputy(app, 'dp0001')
    holdPhone(app, 'o-zhao-one-way')
    phone.storage.set('care.mode', 'on')

    const list = await openPage('pages/case/list')
    /** What the list says of it, and what the page says when she taps it. */
    const both = async () => {
      await list.show()
      // The card reads "编号 <ticket><mark> <state><her words>…": the state is what stands between the two.
      const card = list.textOf(`#case-${lamp.ticket}`)
      const onList = card.slice(card.indexOf(lamp.ticket) + lamp.ticket.length, card.indexOf('光明社区5号楼')).trim()
      await list.tap(`#case-${lamp.ticket}`)
      const page = await follow()
      return { list: onList, page: page.textOf('#status') }
    }

    expect(await both(), 'not read yet').to.deep.equal({ list: '○ 已交给张伟代表，代表还没有看', page: '○ 已交给张伟代表，代表还没有看' })
    expect(list.text(), 'no other words for the same state').not.to.include('等代表受理')

    await created(zhang.post(`/api/mp/deputy/cases/${lamp.id}/acknowledge`, {}))
    expect(await both(), 'read').to.deep.equal({ list: '◐ 张伟代表已看到，正在办', page: '◐ 张伟代表已看到，正在办' })

    await created(zhang.post(`/api/mp/deputy/cases/${lamp.id}/reply`, { text: '已报修，明天换灯。' }))
    await created(zhao.post(`/api/mp/cases/${lamp.id}/rate`, { rating: 2, comment: '换了还是不亮' }))
    await created(zhao.post(`/api/mp/cases/${lamp.id}/reopen`, { reason: '换了灯还是不亮' }))
    expect(await both(), 'asked again').to.deep.equal({ list: '◐ 已请张伟代表重新办理，代表还没有看', page: '◐ 已请张伟代表重新办理，代表还没有看' })
  })
})

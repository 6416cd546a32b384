import { expect } from 'chai'
import type { CaseRecord } from '../../src/domain/case.js'
import { CaseDeputyReach } from '../../src/services/cases/case-deputy-reach.js'
import { noWayWords } from '../../src/services/delivery/channels.js'

/**
 * The reach warning ends in whom to ring and his number in brackets (请打电话告诉刘淑华代表（电话 138****0001）), so that it
 * never reads as "tell the deputy this number"; 这位代表 when the name is not known.
 */
describe('the reach warning says whom to ring, then his number in brackets', () => {
  const nobody = { reach: async () => ({ routes: [], unreachable: noWayWords('deputy', false) }), reachOfMany: async () => new Map() }
  const reach = new CaseDeputyReach(nobody, { outbox: { byDedupeKeys: async () => [] } } as never, 'Asia/Shanghai')
  const held = { id: 'c1', deputyId: 'dp0001', mergedInto: null, status: 'assigned' } as unknown as CaseRecord

  it('names the deputy when his name is known', async () => {
    const notice = await reach.of(held, [], '刘淑华', { phone: '138****0001' })
    expect(notice?.text).to.equal('刘淑华代表没有用小程序，也没有绑定微信助手，提醒发不到，请打电话告诉刘淑华代表（电话 138****0001）')
  })

  it('says 这位代表 when the name is not known', async () => {
    const notice = await reach.of(held, [], null, { phone: '138****0001' })
    expect(notice?.text).to.match(/，请打电话告诉这位代表（电话 138\*{4}0001）$/)
  })

  it('says 请电话联系 when there is no number she may read', async () => {
    expect((await reach.of(held, [], '刘淑华', null))?.text).to.match(/，请电话联系$/)
  })
})

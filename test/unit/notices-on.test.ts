import { expect } from 'chai'
import { noticesOn, noticesOnShort } from '../../src/domain/notices-on.js'

/**
 * 我的信息's 微信通知 row says what is on in words, as 我的 and his workbench do: a yes to WeChat's one-time prompt
 * allows one message, and how many are left is not hers to keep count of ("还能收到 3 条" made her count).
 */
describe('the 微信通知 row of 我的信息 (notices-on)', () => {
  const row = (credits: Array<{ oneTime: number; longTerm: boolean }>) => noticesOnShort(noticesOn(credits))

  it('says it is on and the next one comes, however many yeses she gave', () => {
    expect(row([{ oneTime: 1, longTerm: false }])).to.equal('已开通，下一条通知会发给您')
    expect(
      row([
        { oneTime: 3, longTerm: false },
        { oneTime: 2, longTerm: false },
      ]),
    ).to.equal('已开通，下一条通知会发给您')
  })

  it('says a long-term yes stays on, and used-up ones that nothing comes now', () => {
    expect(row([{ oneTime: 0, longTerm: true }])).to.equal('已开通，有消息会一直发给您')
    expect(row([{ oneTime: 0, longTerm: false }])).to.equal('已用完，现在收不到')
  })

  it('has no row for one who never turned any on, and never a number', () => {
    expect(row([])).to.equal(null)
    for (const oneTime of [0, 1, 2, 7, 12]) expect(row([{ oneTime, longTerm: false }])).not.to.match(/\d|还能/)
  })
})

import { expect } from 'chai'
import { noticesOn, noticesOnShort } from '../../src/domain/notices-on.js'

/**
 * 我的信息's 微信通知 row says in words what holds for the notice she waits for, the answer to her message, as 我的 and
 * his workbench do: a yes to WeChat's one-time prompt allows one message of that template, and how many are left is not
 * hers to keep count of ("还能收到 3 条" made her count). A meeting's or a survey's yes brings her no answer.
 */
describe('the 微信通知 row of 我的信息 (notices-on)', () => {
  const ANSWER = 'TPL_ANSWER'
  const MEETING = 'TPL_MEETING'
  type Credit = { templateId: string; oneTime: number; longTerm: boolean }
  const row = (credits: Credit[], answer: string | null = ANSWER) => noticesOnShort(noticesOn(credits, answer))

  it('says the next answer comes, however many yeses she gave', () => {
    expect(row([{ templateId: ANSWER, oneTime: 1, longTerm: false }])).to.equal('已开通，代表的下一条答复会发给您')
    expect(
      row([
        { templateId: ANSWER, oneTime: 3, longTerm: false },
        { templateId: MEETING, oneTime: 2, longTerm: false },
      ]),
    ).to.equal('已开通，代表的下一条答复会发给您')
  })

  it('says the answer does not come once its yes is used, though a meeting’s is left', () => {
    const usedAnswer = [
      { templateId: ANSWER, oneTime: 0, longTerm: false },
      { templateId: MEETING, oneTime: 1, longTerm: false },
    ]
    expect(row(usedAnswer)).to.equal('代表答复时现在收不到通知，别的通知还能收到')
    expect(noticesOn(usedAnswer, ANSWER)).to.deep.equal({ longTerm: false, left: 0, ever: true, othersOn: true })
    expect(row([{ templateId: MEETING, oneTime: 1, longTerm: false }]), 'only a meeting’s yes, never the answer’s').to.equal(
      '代表答复时现在收不到通知，别的通知还能收到',
    )
  })

  it('says a long-term yes to the answer stays on, and used-up ones that nothing comes now', () => {
    expect(row([{ templateId: ANSWER, oneTime: 0, longTerm: true }])).to.equal('已开通，代表的答复会一直发给您')
    expect(row([{ templateId: ANSWER, oneTime: 0, longTerm: false }])).to.equal('已用完，现在收不到')
  })

  it('has no row for one who never turned any on, and never a number', () => {
    expect(row([])).to.equal(null)
    for (const oneTime of [0, 1, 2, 7, 12]) expect(row([{ templateId: ANSWER, oneTime, longTerm: false }])).not.to.match(/\d|还能/)
  })
})

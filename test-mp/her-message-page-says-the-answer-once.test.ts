import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { created } from './office.js'

/** How many times `words` stand on the page. */
const times = (page: MpPage, words: string) => page.text().split(words).length - 1

/**
 * 赵阿姨, 71, in 关怀模式, rated 张伟's answer 2 分 and asked for it again; he answered a second time.
 * Her page shows the answer and her words with her score once, in the card 代表的答复; 办理经过 names
 * those steps ("张伟代表已答复（见上面）") instead of printing them again, and the earlier answer is
 * folded: one tap on 看这次答复 opens it. The page does not grow by a whole answer with every round.
 */
describe('mini-program: her message’s page says the answer and her rating once', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('names the shown answer and rating in 办理经过, and folds the earlier answer until she opens it', async () => {
    const zhao = await asResident(app, 'o-zhao-once')
    const zhang = await asDeputy(app, 'dp0001')
    const lamp = await created(zhao.post('/api/mp/cases', { text: '光明社区楼道灯坏了，晚上黑得看不见台阶', deputyCode: 'DP0001' }))
    const FIRST = '已请物业换了灯泡，请您再看一看。'
    const SECOND = '供电所查出是线路老化，已经换了新线，今晚灯就亮了。'
    await created(zhang.post(`/api/mp/deputy/cases/${lamp.id}/reply`, { text: FIRST }))
    await created(zhao.post(`/api/mp/cases/${lamp.id}/rate`, { rating: 2, comment: '灯换了还是不亮' }))
    holdPhone(app, 'o-zhao-once')

    const rated = await openPage(`pages/case/detail?caseId=${lamp.id}`)
    expect(rated.textOf('#reply')).to.equal(FIRST)
    expect(times(rated, FIRST), 'the answer once').to.equal(1)
    expect(times(rated, '灯换了还是不亮'), 'her words once').to.equal(1)
    expect(rated.textOf('.timeline')).to.include('张伟代表已答复（见上面）').and.include('您的评价：2 分（见上面）')

    await created(zhao.post(`/api/mp/cases/${lamp.id}/reopen`, { reason: '灯换了还是不亮，可能是线路坏了' }))
    await created(zhang.post(`/api/mp/deputy/cases/${lamp.id}/acknowledge`, {}))
    await created(zhang.post(`/api/mp/deputy/cases/${lamp.id}/reply`, { text: SECOND }))
    const again = await openPage(`pages/case/detail?caseId=${lamp.id}`)
    expect(again.textOf('#reply')).to.equal(SECOND)
    expect(times(again, SECOND), 'the new answer once').to.equal(1)
    expect(times(again, FIRST), 'the earlier answer folded').to.equal(0)
    // Newest first: the answer shown above, named; the earlier one below it, folded.
    const timeline = again.textOf('.timeline')
    expect(timeline.indexOf('张伟代表已答复（见上面）')).to.be.below(timeline.indexOf('看这次答复 ›'))

    await again.tap('.step__fold')
    expect(times(again, FIRST), 'opened at her tap').to.equal(1)
    expect(again.textOf('.step__fold')).to.equal('收起这次答复')
  })
})

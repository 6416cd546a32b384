import { expect } from 'chai'
import { holdPhone, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phoneOfZhang, studyCampaign } from './office.js'

const DAY = 86_400_000

/**
 * 学习 says what is true: 王阿姨 (70) is told after following that nobody will message her when
 * more is published, so she comes back; 张伟, a deputy outside a campaign of his district, reads
 * whose it is and that he is not in it; 打卡 says it needs a reading first, and once the campaign
 * is over the reading page offers no 打卡 to refuse her words.
 */
describe('mini-program: 学习 says what is true before following and checking in', () => {
  let app: Backend
  let campaignId: string
  let itemId: string

  beforeEach(async () => ({ app, campaignId, itemId } = await studyCampaign()))
  afterEach(() => app.close())

  it('tells 王阿姨 truthfully that new reading is not announced, and that 打卡 needs a reading first', async () => {
    holdPhone(app, 'o-wang-ayi')
    const page = await openPage(`pages/study/campaign?campaignId=${campaignId}`)
    expect(page.textOf('.for-whom')).to.equal('这是湛河区人大常委会给人大代表的学习活动，您也可以关注，一起学习')
    await page.tap('.follow')
    expect(page.textOf('.notice')).to.equal('已关注，学习材料都在下面。发布新材料时不会另外通知您，请常回来看看。')

    expect(page.textOf('.check-in-hint')).to.equal('请先点开上面的学习材料读一读，再来打卡。')
    await page.tap('.check-in')
    expect(page.textOf('.error'), 'refused in words').to.equal('请先点开上面的学习材料读一读，再来打卡')
    expect(page.text()).to.include('已打卡 0 次')
  })

  it('tells a deputy outside the campaign whose it is and that he is not in it', async () => {
    await phoneOfZhang(app) // 张伟 serves at 轻工街道 (st001); the campaign is 马庄街道's
    const list = await openPage('pages/study/index')
    expect(list.textOf('.campaign.other')).to.include('湛河区人大常委会 · 进行中')
    const page = await openPage(`pages/study/campaign?campaignId=${campaignId}`)
    expect(page.textOf('.for-whom')).to.equal('这是湛河区人大常委会的学习活动，您不在这个活动的范围内，也可以关注，一起学习')
  })

  it('offers no 打卡 on a reading once its campaign has ended, and says so', async () => {
    holdPhone(app, 'o-wang-ayi')
    const campaign = await openPage(`pages/study/campaign?campaignId=${campaignId}`)
    await campaign.tap('.follow')
    const open = await openPage(`pages/study/item?itemId=${itemId}`)
    expect(open.has('.check-in'), 'while it runs').to.equal(true)
    expect(open.textOf('.meta')).to.match(/^学习宣传新修订的代表法 · /)

    app.clock.advance(11 * DAY)
    holdPhone(app, 'o-wang-ayi') // a new day, a new session
    const after = await openPage(`pages/study/item?itemId=${itemId}`)
    expect(after.text()).to.include('代表法修正草案说明')
    expect(after.has('.check-in'), 'nothing to type into that would be refused').to.equal(false)
    expect(after.textOf('.ended')).to.equal('这个学习活动已经结束，不能再打卡了。')
  })
})

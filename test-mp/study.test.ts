import { expect } from 'chai'
import { startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office, phoneOfZhang } from './office.js'

/** 学习: 张伟 opens the campaign of his station, reads the required item (the read receipt) and checks in. */
describe('mini-program: study campaigns', () => {
  let app: Backend
  let campaignId: string

  beforeEach(async () => {
    app = await startBackend()
    const organizer = await office(app)
    campaignId = (
      await created(
        organizer.post('/api/admin/campaigns', {
          title: '学习贯彻代表法',
          startsAt: '2026-11-23T09:00:00+08:00',
          endsAt: '2026-12-23T09:00:00+08:00',
          audience: { stationIds: ['st001'] },
        }),
      )
    ).id
    await created(
      organizer.post(`/api/admin/campaigns/${campaignId}/items`, {
        title: '代表法全文',
        summary: '必读',
        required: true,
        body: '<h2>第一章 总则</h2><p>第一条 为了保证代表依法行使职权，<strong>制定本法</strong>。</p><script>alert(1)</script>',
      }),
    )
  })
  afterEach(() => app.close())

  it('reads a study item (rendered as rich text) and checks in; the progress says so', async () => {
    await phoneOfZhang(app)
    const list = await openPage('pages/study/index')
    expect(list.textOf('.campaign')).to.include('学习贯彻代表法').and.include('已读 0 / 1 篇')

    await list.tap('.campaign')
    const campaign = await follow()
    expect(campaign.text()).to.include('代表法全文').and.include('未读').and.include('必读')

    await campaign.tap('.item')
    const item = await follow()
    expect(item.text()).to.include('代表法全文').and.include('您已看过')
    expect(JSON.stringify(item.data.nodes)).to.include('第一条 为了保证代表依法行使职权').and.include('"name":"strong"').and.not.include('alert')

    await item.type('.area', '代表要密切联系群众')
    await item.tap('.check-in')
    expect(item.text()).to.include('已打卡，已记入您的学习进度')

    await campaign.show()
    expect(campaign.text()).to.include('已读 1 / 1 篇，已打卡 1 次').and.include('已读').and.include('代表要密切联系群众')
  })

  it('says where to read an item that is only a link, instead of an empty white box', async () => {
    const organizer = await office(app)
    const linked = await created(
      organizer.post(`/api/admin/campaigns/${campaignId}/items`, { title: '监督法解读', link: 'https://www.npc.gov.cn/jiandufa.html' }),
    )
    await phoneOfZhang(app)
    const item = await openPage(`pages/study/item?itemId=${linked.id}`)
    expect(item.text())
      .to.include('监督法解读')
      .and.include('这份材料的全文在原文链接里，请看下面。')
      .and.include('原文链接：https://www.npc.gov.cn/jiandufa.html')
    // She uses nothing but WeChat: a link sent in a chat opens there, where a browser is not hers to find.
    expect(item.textOf('.link')).to.equal('复制链接后，发到微信聊天里点开')
    await item.tap('.link')
    expect(phone.clipboard).to.equal('https://www.npc.gov.cn/jiandufa.html')
    expect(item.has('.article'), 'no empty box').to.equal(false)
  })

  it('says the same last day on the list as on the campaign, for one that ends at midnight', async () => {
    const organizer = await office(app)
    const month = await created(
      organizer.post('/api/admin/campaigns', {
        title: '宪法宣传月',
        startsAt: '2026-11-20T00:00:00+08:00',
        endsAt: '2027-01-01T00:00:00+08:00',
        audience: { stationIds: ['st001'] },
      }),
    )
    await created(organizer.post(`/api/admin/campaigns/${month.id}/items`, { title: '宪法全文', summary: '必读', required: true, body: '<p>序言</p>' }))
    await phoneOfZhang(app)
    const list = await openPage('pages/study/index')
    const row = list.data.items.findIndex((c: { title: string }) => c.title === '宪法宣传月')
    expect(row).to.be.at.least(0)
    const shown = list.component.querySelectorAll('.campaign.other')[row].dom.textContent
    expect(shown, 'it ends as 12月31日 turns into 1月1日: the 31st is the last day').to.include('12月31日结束').and.not.include('1月1日结束')
    const campaign = await openPage(`pages/study/campaign?campaignId=${month.id}`)
    expect(campaign.text()).to.include('12月31日结束')
  })
})

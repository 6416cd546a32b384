import { expect } from 'chai'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { asResident } from '../test/helpers/app.js'
import { meetingBody } from '../test/helpers/meetings.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { MP_ROOT } from './harness/runtime.js'
import { phone } from './harness/wx.js'
import { created, office, phoneOfZhang } from './office.js'

/**
 * What a resident and a deputy read on their own pages: 我的 greets her rather than calling
 * her 群众 and says nothing untrue about her phone number; 复制全部内容 gives her text she can
 * read; 张伟 is not asked to reply to a meeting he has replied to; and where her message stands
 * is printed as large as the text around it.
 */
describe('mini-program: 我的 and the pages after speak to her plainly', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('greets her on 我的, and does not say she left no number right after she gave one on a message', async () => {
    const r = await asResident(app, 'o-mine-plain')
    await created(r.post('/api/mp/cases', { text: '小区路灯坏了', regionId: 'c010101', deputyCode: 'DP0001', phone: '13912345678' }))
    holdPhone(app, 'o-mine-plain')
    // The home page names what 我的 holds by 我的's own names (关怀模式（大字）, 微信通知, 我的信息), not 关怀模式、订阅.
    const home = await openPage('pages/index/index')
    expect(home.text()).to.include('我的大字、微信通知、我的信息').and.not.include('订阅')
    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('.who')).to.equal('您好')
    expect(mine.text()).not.to.include('群众').and.not.include('还没有留联系电话')
    expect(mine.text()).to.include('关怀模式（大字）').and.include('微信通知').and.include('我的信息')
    // Agreed when she wrote: no line under 您好 about it (我的信息 says it).
    expect(mine.text()).not.to.include('已同意')

    // 我的信息 says where the number she gave is kept: on her message.
    const data = await openPage('pages/mine/data')
    await data.tap('#export')
    expect(data.text()).to.include('联系电话：有（1 条留言里留了电话）')
  })

  it('copies her information as text she can read, not JSON', async () => {
    const r = await asResident(app, 'o-mine-copy')
    await created(r.post('/api/mp/cases', { text: '楼道里堆满了杂物', regionId: 'c010101', deputyCode: 'DP0001', phone: '13912345678' }))
    holdPhone(app, 'o-mine-copy')
    const data = await openPage('pages/mine/data')
    await data.tap('#export')
    await data.tap('#copy')
    expect(phone.toasts.at(-1)).to.equal('已复制，可以粘贴保存')
    const copied = String(phone.clipboard)
    expect(copied).to.include('我的信息（2026年11月23日上午10:00 导出）')
    expect(copied).to.include('个人信息保护说明：已同意（第 3 版，2026年11月23日上午10:00）')
    expect(copied).to.include('【留言（1）】').and.include('内容：楼道里堆满了杂物').and.include('联系电话：13912345678')
    expect(copied).to.match(/1\. 编号 \d{8}-\d{4}（已分派）/)
    expect(copied).to.include('办理：轻工街道代表联络站 张伟代表').and.include('办理经过：')
    for (const raw of ['{', '"', 'createdAt', 'T02:00:00']) expect(copied, `no ${raw} in what she reads`).not.to.include(raw)
  })

  it('stops asking 张伟 to reply to a meeting once he has replied 参加', async () => {
    const organizer = await office(app)
    const draft = await created(organizer.post('/api/admin/meetings', meetingBody()))
    const meeting = await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
    await phoneOfZhang(app)
    const detail = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(detail.textOf('.closes-at')).to.match(/^请在.+前回复$/)
    await detail.tap('.attend')
    expect(detail.text()).to.include('我的回复：参加').and.not.include('前回复')
    const again = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(again.text()).to.include('我的回复：参加').and.not.include('前回复')
  })

  it('prints where her message stands (the status badge) at least 32rpx, as large as the text around it', () => {
    const css = readFileSync(join(MP_ROOT, 'components/status-badge/status-badge.wxss'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
    const size = /\.badge\s*\{[^}]*font-size:\s*([\d.]+)(rpx|em)/.exec(css)
    expect(size, 'the badge sets its size').to.not.equal(null)
    // An em is the page's body size, set on page in app.wxss (34rpx).
    const body = Number(/page\s*\{[^}]*font-size:\s*([\d.]+)rpx/.exec(readFileSync(join(MP_ROOT, 'app.wxss'), 'utf8'))![1])
    const rpx = size![2] === 'em' ? Number(size![1]) * body : Number(size![1])
    expect(rpx).to.be.at.least(32)
  })
})

import { expect } from 'chai'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, phoneOfZhang } from './office.js'
import { told } from '../test/helpers/suggestions.js'

/**
 * 张伟 wants 刘洋 (of another station) and 王芳 to co-sign, not everyone at his station. On his draft's page the picker
 * lists his station's colleagues first; he taps 王芳, finds 刘洋 by typing 刘 and tapping 查找, taps him, changes his
 * mind about 王芳 and taps 移除 beside her name. The page says whom 邀请附议 will ask, and the one 邀请附议 button asks
 * 刘洋 alone. He is never offered himself, and a name nobody has is said so.
 */
describe('mini-program: a deputy picks by name whom to invite to co-sign', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-25T02:00:00Z')) // Wednesday 10:00
  })
  afterEach(() => app.close())

  it('lists his colleagues, finds another by name, keeps the picked names with 移除, and 邀请附议 asks only them', async () => {
    const zhang = await phoneOfZhang(app)
    const { id } = await created(zhang.post('/api/mp/deputy/suggestions', { title: '光明路口加装红绿灯', body: '光明路口车多人多，建议加装红绿灯。' }))
    const page = await openPage(`pages/suggestion/detail?suggestionId=${id}`)

    const picker = '#cosign-picker'
    expect(page.textOf(`${picker} >>> .cp-heading`)).to.equal('您所在联络站的代表：')
    // Each name he may tap, as its row reads: the name, who he is, and whether picked.
    const listed = (): string[] =>
      page.component.querySelectorAll(`${picker} >>> .cp-choice`).map((row: { dom: HTMLElement }) => {
        const [who, mark] = Array.from(row.dom.children)
        return [...Array.from(who.children).map((c) => c.textContent!.trim()), mark.textContent!.trim()].join(' | ')
      })
    expect(listed()).to.deep.equal(['李强 | 全国人大代表，马庄街道代表联络站 | 选择', '王芳 | 区人大代表，轻工街道代表联络站 | 选择'])
    expect(page.text(), 'nobody picked: the colleagues, as before').to.include('会通知您所在联络站的代表')
    // The names picked, each with its 移除.
    const chosen = (): string[] =>
      page.component.querySelectorAll(`${picker} >>> .cp-chosen__row`).map((row: { dom: HTMLElement }) =>
        Array.from(row.dom.children)
          .map((c) => c.textContent!.trim())
          .join(' | '),
      )

    await page.tap(`${picker} >>> .choice-dp0002`)
    expect(listed()).to.deep.equal(['李强 | 全国人大代表，马庄街道代表联络站 | 选择', '王芳 | 区人大代表，轻工街道代表联络站 | ✓ 已选'])
    expect(page.textOf('#invite-whom')).to.equal('邀请附议：会通知王芳代表，7 天内可以回复附议或不附议；其他代表也能在“待附议”里看到。')

    await page.type(`${picker} >>> .cp-words`, '刘')
    await page.tap(`${picker} >>> .cp-find`)
    expect(page.textOf(`${picker} >>> .cp-heading`)).to.equal('姓名里有“刘”的代表：')
    expect(listed()).to.deep.equal(['刘洋 | 省人大代表，光明社区代表联络点 | 选择'])
    await page.tap(`${picker} >>> .choice-dp0005`)
    expect(chosen()).to.deep.equal(['王芳 | 移除', '刘洋 | 移除'])
    expect(page.textOf('#invite-whom')).to.include('会通知王芳、刘洋代表')

    await page.tap(`${picker} >>> .remove-dp0002`)
    expect(chosen()).to.deep.equal(['刘洋 | 移除'])
    expect(page.textOf(`${picker} >>> #cp-chosen`)).to.include('已选 1 位代表')
    expect(page.textOf('#invite-whom')).to.include('会通知刘洋代表')

    // Himself he is never offered; a name nobody has is said so.
    await page.type(`${picker} >>> .cp-words`, '张')
    await page.tap(`${picker} >>> .cp-find`)
    expect(page.textOf(`${picker} >>> .cp-heading`)).to.equal('没有找到姓名里有“张”的在任代表，请换个字再找。')
    expect(listed()).to.deep.equal([])
    expect(chosen(), 'the one picked stays').to.deep.equal(['刘洋 | 移除'])

    expect(page.buttonLook('#act'), 'the one obvious button').to.equal('filled')
    await page.tap('#act')
    expect(page.textOf('#done')).to.equal('已开始征集附议，已通知刘洋代表，其他代表在“待附议”里也能看到')
    expect(page.textOf('#invitees')).to.equal('刘洋：还没有回复')
    expect(page.has(picker), 'asked: the picker is done with').to.equal(false)
    expect((await told(app, 'suggestion.cosign_invited')).map((t) => t.split(' → ')[0])).to.deep.equal(['deputy:dp0005'])
  })
})

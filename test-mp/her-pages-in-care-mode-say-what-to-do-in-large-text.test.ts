import { expect } from 'chai'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { asDeputy } from '../test/helpers/app.js'
import { meetingBody } from '../test/helpers/meetings.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { declaredPages } from './harness/files.js'
import { follow, openPage } from './harness/page.js'
import { MP_ROOT } from './harness/runtime.js'
import { phone } from './harness/wx.js'
import { created, office } from './office.js'

/** Every rule of a stylesheet with its font size, comments taken out. */
function fontSizes(file: string): Array<{ selector: string; size: string }> {
  // Comments and @import lines are not rules (an @import was read as part of the first rule's selector).
  const text = readFileSync(join(MP_ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/@import[^;]*;/g, '')
  return [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].flatMap((m) => {
    const size = /(?:^|;)\s*font-size:\s*([^;]+)/.exec(m[2])?.[1].trim()
    return size ? [{ selector: m[1].trim(), size }] : []
  })
}

/** The body text of 关怀模式, in rpx (app.wxss, on the care page shell). */
const careBody = () => parseFloat(/\.shell\.care\s*\{[^}]*?\n\s*font-size:\s*([\d.]+)rpx/.exec(readFileSync(join(MP_ROOT, 'app.wxss'), 'utf8'))![1])

/** The folders of the pages a resident reads (the deputy's own pages aside). */
const RESIDENT_DIRS = ['index', 'find', 'case', 'mine', 'survey', 'study', 'quiz', 'projects', 'public']

/** The stylesheets of the pages a resident reads, and of the components they show. */
const RESIDENT_SHEETS = [
  ...RESIDENT_DIRS.flatMap((dir) =>
    readdirSync(join(MP_ROOT, 'pages', dir))
      .filter((f) => f.endsWith('.wxss'))
      .map((f) => `pages/${dir}/${f}`),
  ),
  'pages/meetings/index.wxss',
  'pages/meetings/public.wxss',
  ...readdirSync(join(MP_ROOT, 'components')).map((c) => `components/${c}/${c}.wxss`),
]

/**
 * 赵阿姨, 71, in 关怀模式, on her main pages with fresh eyes. What she could misread is said in words: which end of
 * the stars is good, before she taps and after; when she wrote her message and who handles it, on lines of their
 * own (one line read "提交 办理"); that a meeting's card is where she signs up to attend. And no line of her pages
 * stays at a fixed size below the text 关怀模式 gives her: a quiz's title was smaller than the lines under it,
 * "投票后不能更改" and "已提交" smaller than the page.
 */
describe('mini-program: her main pages in 关怀模式 say what to do, in text as large as the rest', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T01:30:00Z')) // Monday 09:30 in Shanghai
  })
  afterEach(() => app.close())

  it('her message: when she wrote it and who handles it on two lines; the stars said in words before and after her tap', async () => {
    holdPhone(app, 'o-zhao-care-eyes')
    phone.storage.set('care.mode', 'on')
    const write = await openPage('pages/case/new?deputyCode=DP0001')
    await write.tap('#agree')
    await write.type('#text', '光明社区5号楼楼道灯坏了，晚上黑得看不见台阶')
    await write.tap('#submit')
    const caseId = (await follow()).data.caseId as string

    const list = await openPage('pages/case/list')
    expect(list.text()).to.include('11月23日（星期一）上午9:30送出')

    await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${caseId}/reply`, { text: '已报修，明天换灯。' })
    const page = await openPage(`pages/case/detail?caseId=${caseId}`)
    expect(page.textOf('#submitted')).to.equal('11月23日（星期一）上午9:30送出')
    expect(page.textOf('#handler')).to.equal('办理：张伟代表')
    expect(page.textOf('#rate-hint')).to.equal('点星星打分：1 颗星最不满意，5 颗星最满意')
    expect(page.text().indexOf('点星星打分'), 'above the stars and 送出评价').to.be.lessThan(page.text().indexOf('送出评价'))
    await page.emit('#rate', 'change', { value: 2 })
    expect(page.textOf('#rate-word'), 'as her rating is shown once given').to.equal('2 分（不满意）')
    await page.tap('#submit-rating')
    expect(page.textOf('#my-rating')).to.include('您的评价：2 分（不满意）')
  })

  it('a meeting she may attend says on its card that tapping it signs her up, then that she has', async () => {
    const organizer = await office(app)
    const draft = await created(
      organizer.post('/api/admin/meetings', meetingBody({ startAt: '2026-11-26T09:30:00+08:00', endAt: '2026-11-26T11:30:00+08:00', publicSeats: 10 })),
    )
    await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
    holdPhone(app, 'o-zhao-care-meeting')
    phone.storage.set('care.mode', 'on')
    const meetings = await openPage('pages/meetings/index')
    expect(meetings.textOf('.public-meeting')).to.include('旁听席位还剩 10 个').and.include('点这里报名旁听 ›')
    await meetings.tap('.public-meeting')
    const seat = await follow()
    await seat.type('.name', '赵秀兰')
    await seat.tap('.register')
    await meetings.show()
    expect(meetings.textOf('.my-registration')).to.include('点这里查看，去不了可以取消报名 ›').and.not.include('点这里报名旁听')
    expect(meetings.has('.public-meeting'), 'hers once, not again among those to sign up for').to.equal(false)
  })

  it('sets no line of her pages at a fixed size below 关怀模式’s text', () => {
    const body = careBody()
    // An empty list is only good news if the scan read her pages: each of them app.json names, and the sizes they set.
    const hers = declaredPages()
      .filter((page) => RESIDENT_DIRS.some((dir) => page.startsWith(`pages/${dir}/`)))
      .map((page) => `${page}.wxss`)
    expect(hers, 'her pages in app.json').to.include.members(['pages/case/new.wxss', 'pages/case/detail.wxss', 'pages/survey/answer.wxss'])
    expect(RESIDENT_SHEETS, 'the stylesheets read').to.include.members([...hers, 'pages/meetings/index.wxss', 'components/question/question.wxss'])
    const sizes = RESIDENT_SHEETS.flatMap((file) =>
      fontSizes(file).map(({ selector, size }) => ({ file, size, rule: `${file} ${selector} { font-size: ${size} }` })),
    )
    // Sizes in em (which grow with her text) and fixed in rpx (which this story is about), both found.
    expect(
      sizes.map((s) => s.rule),
      'sizes found',
    ).to.include.members(['pages/quiz/take.wxss .title { font-size: 1.2em }', 'pages/quiz/take.wxss .big { font-size: 72rpx }'])
    const small = sizes.filter(({ size }) => /rpx$/.test(size) && parseFloat(size) < body).map((s) => s.rule)
    expect(small, `fixed sizes under ${body}rpx: they stay small when 关怀模式 grows the rest`).to.deep.equal([])
  })
})

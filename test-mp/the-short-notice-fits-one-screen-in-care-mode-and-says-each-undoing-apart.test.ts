import { expect } from 'chai'
import { consultationBody, surveyBody } from '../test/helpers/surveys.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { quizWithBank } from '../test/helpers/quizzes.js'
import { declarations } from './harness/stylesheets.js'
import { phone } from './harness/wx.js'
import { created, office } from './office.js'

/** A common phone (375×667): the page below WeChat's status bar (20) and title bar (44). rpx are half a px at 375. */
const SCREEN = 667 - 20 - 44
const px = (value: string | undefined): number => {
  if (value === '0') return 0
  const m = /^([\d.]+)rpx/.exec(value ?? '')
  if (!m) throw new Error(`not an rpx size: ${value}`)
  return Number(m[1]) / 2
}

/**
 * Lines a paragraph takes: Chinese characters and full-width punctuation are one em, digits and Latin about half; a
 * line does not start with closing punctuation (，。；：、）”), which takes the character before it along. Checked
 * against Chromium's drawing of these pages (test-mp/screens/render.ts): the same line count for every paragraph.
 */
function lines(text: string, width: number, font: number): number {
  const em = (c: string) => (c.charCodeAt(0) < 128 ? 0.56 : 1)
  const perLine = width / font
  let count = 1
  let used = 0
  for (let i = 0; i < text.length; i++) {
    if (used + em(text[i]) > perLine + 1e-6) {
      count++
      used = '，。；：、）”'.includes(text[i]) ? em(text[i - 1]) : 0
    }
    used += em(text[i])
  }
  return count
}

/** Where a page draws the short notice: its stylesheet and its paragraphs (the whole notice, once opened, not counted). */
interface NoticeOn {
  sheet: string
  paragraphs: string
}
/** The notice of the privacy-consent component, before a questionnaire, a consultation or a quiz. */
const CONSENT: NoticeOn = { sheet: 'components/privacy-consent/privacy-consent.wxss', paragraphs: '#consent >>> .notice__text' }
/** The 留言 page's own notice, before her first message. */
const MESSAGE: NoticeOn = { sheet: 'pages/case/new.wxss', paragraphs: '.notice__short' }

/** A rule's declarations, none when the sheet has no such rule. */
function ruleOrNone(sheet: string, selector: string): Map<string, string> {
  try {
    return declarations(sheet, selector)
  } catch {
    return new Map()
  }
}

/**
 * How tall the short notice is in 关怀模式, from its title to 查看全文, with the sizes the stylesheets give: the text
 * at the care size (40rpx, line spacing 1.6), inside the page's and the card's padding.
 */
function noticeHeight(page: MpPage, on: NoticeOn = CONSENT): number {
  const care = declarations('app.wxss', '.shell.care')
  const font = px(care.get('font-size'))
  const line = font * Number(care.get('line-height'))
  const shell = px(declarations('components/page-shell/page-shell.wxss', '.shell').get('padding')?.split(' ')[1])
  const card = px(declarations('app.wxss', '.card').get('padding'))
  const own = (selector: string) => declarations(on.sheet, selector)
  const title = own('.notice__title')
  const gap = px(own('.notice__text').get('margin-bottom'))
  const button = px(declarations('app.wxss', '.btn').get('margin')?.split(' ')[0])
  expect(own('.notice__text').has('font-size'), 'the lines at the care size, not smaller').to.equal(false)
  const width = 375 - 2 * shell - 2 * card
  const paragraphs: string[] = page.component.querySelectorAll(on.paragraphs).map((p: { dom: HTMLElement }) => p.dom.textContent ?? '')
  expect(paragraphs.length, 'her rights and what this page keeps').to.be.at.least(4)
  const body = paragraphs.reduce((sum, text) => sum + lines(text, width, font) * line + gap, 0)
  const titleHeight = parseFloat(title.get('font-size') ?? '1em') * font * Number(care.get('line-height')) + px(title.get('margin-bottom'))
  // Below 查看全文: the card's padding, and the .btn margin too unless the sheet takes it off (.notice__full-button).
  const below = ruleOrNone(on.sheet, '.notice__full-button').get('margin-bottom') ?? `${button * 2}rpx`
  const fullButton = Math.max(0, button - gap) + px(care.get('--td-button-medium-height')) + px(below)
  return card + titleHeight + body + fullButton + card
}

/**
 * 刘奶奶, 78, reads in 关怀模式. Before a named questionnaire, a consultation or a quiz the short notice took about a
 * screen and a half, though it is meant to be read at one look: it now fits one screen of a common phone, in the same
 * large text, the rest one tap away under 查看全文; and so does the one before her first message (留言), which took a
 * screen and a half too, in lines of its own (who sees her message, that the deputy may phone her, how long it is
 * kept) where the chat keeps its longer summary. And her rights said 撤回还没答复的留言，撤回同意 side by side, one
 * word for two things: a message is now 收回, and consent 不再同意.
 */
describe('mini-program: the short notice fits one screen in 关怀模式 and says each undoing apart', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    phone.storage.set('care.mode', 'on')
  })
  afterEach(() => app.close())

  const rights = (page: MpPage) => page.textOf('#consent >>> .notice__text')

  it('before a named questionnaire, a consultation and a quiz: one screen, her rights each in its own word', async () => {
    const organizer = await office(app)
    const survey = await created(organizer.post('/api/admin/surveys', surveyBody()))
    const draft = await created(organizer.post('/api/admin/surveys', consultationBody({ anonymous: false })))
    const quizId = (await quizWithBank(app, organizer)).id
    holdPhone(app, 'o-liu-nainai-one-screen')

    const pages: Array<[string, MpPage]> = [
      ['a questionnaire', await openPage(`pages/survey/answer?surveyId=${survey.id}`)],
      ['a consultation', await openPage(`pages/survey/answer?surveyId=${draft.id}`)],
    ]
    const quiz = await openPage(`pages/quiz/take?quizId=${quizId}`)
    await quiz.tap('.start')
    pages.push(['a quiz', quiz])

    for (const [what, page] of pages) {
      expect(page.has('#consent >>> #consent-agree'), what).to.equal(true)
      expect(noticeHeight(page), `${what}: one screen`).to.be.at.most(SCREEN)
      expect(rights(page), what)
        .to.match(/^您的权利：随时可以查看、删除您的信息，收回还没答复的留言，不再同意。/)
        .and.include('都在“我的—我的信息”里办，电话也在那里改；其他信息请找联络站改。')
        .and.not.include('撤回')
      expect(page.has('#consent >>> #consent-full'), `${what}: the whole notice one tap away`).to.equal(true)
    }

    await quiz.tap('#consent >>> #consent-full')
    expect(quiz.textOf('#consent >>> #consent-full-text'), 'the ways in the chat, in full').to.include('在微信聊天里，发送“我的信息”“撤回”或“删除我的信息”')
  })

  it('before her first message (留言): one screen too, in the same large text, the whole notice one tap away', async () => {
    holdPhone(app, 'o-liu-nainai-first-message')
    const write = await openPage('pages/case/new')
    expect(write.has('#agree'), 'asked before she writes').to.equal(true)
    expect(ruleOrNone(MESSAGE.sheet, '.notice__short').has('font-size'), 'at the care size, not smaller').to.equal(false)
    expect(noticeHeight(write, MESSAGE), '留言: one screen').to.be.at.most(SCREEN)

    const short: string[] = write.component.querySelectorAll(MESSAGE.paragraphs).map((p: { dom: HTMLElement }) => p.dom.textContent ?? '')
    expect(short[0])
      .to.match(/^您的权利：随时可以查看、删除您的信息，收回还没答复的留言，不再同意。/)
      .and.include('都在“我的—我的信息”里办，电话也在那里改；其他信息请找联络站改。')
      .and.not.include('撤回')
    // What the short lines keep of the notice written for 留言: who sees it, that the deputy may phone her, how long.
    expect(short.join('\n'))
      .to.include('我们保存：您的留言、照片、所在区域、您留的电话和办理经过。')
      .and.include('谁能看：办理的代表和联络站；您留了电话，代表可以打给您。')
      .and.include('保存多久：留言办结后保存三年')
      .and.include('撤回同意：不能再留言；')

    await write.tap('#notice-full')
    expect(write.textOf('#notice-full-text'), 'the rest in full: the chat’s ways, what deleting reaches in each place')
      .to.include('在微信聊天里，发送“我的信息”“撤回”或“删除我的信息”')
      .and.include('在小程序里删除，清除小程序里的；在聊天里删除，清除聊天里的')
  })

  it('the notice written for the chat says the same rights apart, with the chat’s way to them', async () => {
    const notice = app.liaison.services.privacy.notice
    const first = notice.summary.split('\n')[0]
    expect(first)
      .to.match(/^您的权利：随时可以查看、删除您的信息，收回还没答复的留言，不再同意。/)
      .and.include('在微信聊天里发送“我的信息”')
      .and.not.include('撤回')
    expect(notice.summary.replace(/\n/g, '').length, 'one chat bubble').to.be.at.most(300)
  })
})

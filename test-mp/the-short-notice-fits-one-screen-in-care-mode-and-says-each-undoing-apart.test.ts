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

/**
 * Where a page draws the short notice: its stylesheet and its paragraphs (the whole notice, once opened, not counted);
 * the bar that holds 我已阅读并同意 (`bar`, its rule `barRule`), the button, and the room left under the notice.
 */
interface NoticeOn {
  sheet: string
  paragraphs: string
  bar: string
  barRule: string
  agree: string
  disagree: string
  /** The rule of the box around 不同意，返回, under 我已阅读并同意. */
  noRule: string
  room: string
}
/** The notice of the privacy-consent component, before a questionnaire, a consultation or a quiz. */
const CONSENT: NoticeOn = {
  sheet: 'components/privacy-consent/privacy-consent.wxss',
  paragraphs: '#consent >>> .notice__text',
  bar: '#consent >>> #consent-bar',
  barRule: '.consent-bar',
  agree: '#consent >>> #consent-agree',
  disagree: '#consent >>> #consent-disagree',
  noRule: '.consent-bar__no',
  room: '.consent-bar__room',
}
/** The 留言 page's own notice, before her first message. */
const MESSAGE: NoticeOn = {
  sheet: 'pages/case/new.wxss',
  paragraphs: '.notice__short',
  bar: '#notice-bar',
  barRule: '.notice-bar',
  agree: '#agree',
  disagree: '#disagree',
  noRule: '.notice-bar__no',
  room: '.notice-bar__room',
}

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

/** An rpx length with the phone's safe area added (calc(16rpx + env(safe-area-inset-bottom))): its rpx, in px. */
function aboveSafeArea(value: string | undefined, what: string): number {
  expect(value, `${what}: above the iPhone's home bar`).to.include('env(safe-area-inset-bottom)')
  return px(/calc\((\d+rpx)/.exec(value ?? '')?.[1])
}

/** The bar's height in 关怀模式: its padding, 我已阅读并同意 (large), the gap, 不同意，返回 (medium) under it, the home bar's room. */
function barHeight(on: NoticeOn, what: string): number {
  const rule = declarations(on.sheet, on.barRule)
  const care = declarations('app.wxss', '.shell.care')
  const gap = px(declarations(on.sheet, on.noRule).get('margin-top'))
  const buttons = px(care.get('--td-button-large-height')) + gap + px(care.get('--td-button-medium-height'))
  return px(rule.get('padding')?.split(' ')[0]) + buttons + aboveSafeArea(rule.get('padding-bottom'), what)
}

/**
 * 我已阅读并同意 on the first screen in 关怀模式, whatever sits above the notice (a card, why she is asked): it is in a bar
 * fixed at the bottom of the screen, above the iPhone's home bar, no taller than a quarter of the screen; and the room
 * under the notice is as tall as the bar, so 查看全文 and the last lines can be scrolled out from under it.
 * 不同意，返回 filled its narrow outline frame edge to edge beside 同意: the two stand one above the other, each the bar's
 * width, the filled 我已阅读并同意 first.
 */
function agreeOnFirstScreen(page: MpPage, what: string, on: NoticeOn = CONSENT) {
  expect(page.has(on.bar), `${what}: 我已阅读并同意 in a bar at the bottom of the screen`).to.equal(true)
  expect(page.textOf(on.bar), `${what}: both answers in the bar`).to.include('我已阅读并同意').and.include('不同意，返回')
  expect(page.has(on.agree), `${what}: 我已阅读并同意`).to.equal(true)
  const rule = declarations(on.sheet, on.barRule)
  expect([rule.get('position'), rule.get('bottom')], `${what}: the bar fixed at the bottom`).to.deep.equal(['fixed', '0'])
  const yes = page.component.querySelector(on.agree).instance.data
  const no = page.component.querySelector(on.disagree).instance.data
  expect([yes.theme, yes.variant, yes.block], `${what}: 我已阅读并同意 filled, the bar's width`).to.deep.equal(['primary', 'base', true])
  expect([no.variant, no.block], `${what}: 不同意，返回 framed, the bar's width, room around its words`).to.deep.equal(['outline', true])
  const said = page.textOf(on.bar)
  expect(said.indexOf('我已阅读并同意'), `${what}: 同意 first, 不同意，返回 under it`).to.be.below(said.indexOf('不同意，返回'))
  expect(rule.get('display'), `${what}: one above the other, not squeezed side by side`).to.equal(undefined)
  expect(rule.has('--td-button-large-padding-horizontal'), `${what}: the buttons' own padding around the words`).to.equal(false)
  const height = barHeight(on, what)
  expect(height, `${what}: the bar leaves the notice most of the screen`).to.be.at.most(SCREEN / 4)
  const room = page.component.querySelectorAll(on.paragraphs.replace(/[^ ]+$/, on.room))
  expect(room.length, `${what}: room under the notice for the bar`).to.equal(1)
  expect(aboveSafeArea(declarations(on.sheet, on.room).get('height'), what), `${what}: nothing of the notice under the bar`).to.be.at.least(height)
}

/**
 * 刘奶奶, 78, reads in 关怀模式. Before a named questionnaire, a consultation or a quiz the short notice took about a
 * screen and a half, though it is meant to be read at one look: it now fits one screen of a common phone, in the same
 * large text, the rest one tap away under 查看全文; and so does the one before her first message (留言), which took a
 * screen and a half too, in lines of its own (who sees her message, that the deputy may phone her, how long it is
 * kept) where the chat keeps its longer summary.
 * Yet the box alone fitting was not enough: above it sat the quiz's or the questionnaire's card and why she is asked,
 * and 我已阅读并同意 ended at 940 to 1080 px, the first screen (603 px) with nothing to tap. It is now in a bar fixed at
 * the bottom of the screen on all four pages, and the quiz is named in the words above the notice instead of a card.
 * And her rights sent her to buttons that are not there (收回 a message, 不再同意 in 我的信息): they now name each
 * button and where it is, 撤回同意 in 我的信息 (the heading of what it stops too), “撤回这条留言” on the message itself.
 */
describe('mini-program: the short notice fits one screen in 关怀模式 and says each undoing apart', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    phone.storage.set('care.mode', 'on')
  })
  afterEach(() => app.close())

  const rights = (page: MpPage) => page.textOf('#consent >>> .notice__text')
  /**
   * Her rights in the mini-program, each at the button she will find: 撤回同意 as the button in 我的信息 is called (and
   * the heading of what it stops), a message withdrawn with “撤回这条留言” on its own page, not in 我的信息.
   */
  const expectRightsAtTheirButtons = (line: string, what: string) =>
    expect(line, what)
      .to.match(/^您的权利：随时可以查看、删除您的信息，改电话，或撤回同意，都在“我的—我的信息”里；/)
      .and.include('还没答复的留言，在那条留言里点“撤回这条留言”。其他请找联络站改。')
      .and.not.include('收回')
      .and.not.include('不再同意')

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
      agreeOnFirstScreen(page, what)
      expect(noticeHeight(page), `${what}: one screen`).to.be.at.most(SCREEN)
      expectRightsAtTheirButtons(rights(page), what)
      expect(page.has('#consent >>> #consent-full'), `${what}: the whole notice one tap away`).to.equal(true)
    }
    // The quiz named in the words above the notice, not in a card that pushed the notice down.
    expect(quiz.has('.notice-quiz'), 'no card above the notice').to.equal(false)
    expect(quiz.textOf('#consent >>> #consent-purpose')).to.match(/^答“.+”会记下您的成绩和排名（不显示名字）。请看下面的说明，同意后开始答题。$/)

    await quiz.tap('#consent >>> #consent-full')
    expect(quiz.textOf('#consent >>> #consent-full-text'), 'the ways in the chat, in full')
      .to.include('在微信聊天里，发送“我的信息”“撤回同意”或“删除我的信息”')
      .and.include('还没答复的留言可以撤回：在小程序里点开那条留言，点“撤回这条留言”；在微信聊天里发送“撤回”。')
      .and.not.include('撤回尚未答复的留言；撤回同意')
  })

  it('when 同意 does not go through, the bar says why and the room under the notice grows with it', async () => {
    const survey = await created((await office(app)).post('/api/admin/surveys', surveyBody()))
    holdPhone(app, 'o-liu-nainai-agree-fails')
    const page = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    phone.refusals.push({ path: '/api/mp/consent', status: 503, code: 'unavailable', message: '服务暂时不可用，请稍后再试' })
    await page.tap('#consent >>> #consent-agree')
    expect(page.textOf('#consent >>> #consent-bar')).to.include('服务暂时不可用，请稍后再试')
    const room = page.component.querySelectorAll('#consent >>> .consent-bar__room--error')
    expect(room.length, 'the room is the taller one while the bar says why').to.equal(1)
    // The bar with two lines of the error's words above its buttons, in 关怀模式.
    const care = declarations('app.wxss', '.shell.care')
    const errorLines = 2 * px(care.get('font-size')) * Number(care.get('line-height'))
    const tall = barHeight(CONSENT, 'the bar') + px(declarations(CONSENT.sheet, '.consent-bar__error').get('margin-bottom')) + errorLines
    expect(aboveSafeArea(declarations(CONSENT.sheet, '.consent-bar__room--error').get('height'), 'the room'), 'nothing under the taller bar').to.be.at.least(
      tall,
    )
  })

  it('before her first message (留言): one screen too, in the same large text, the whole notice one tap away', async () => {
    holdPhone(app, 'o-liu-nainai-first-message')
    const write = await openPage('pages/case/new')
    expect(write.has('#agree'), 'asked before she writes').to.equal(true)
    agreeOnFirstScreen(write, '留言', MESSAGE)
    expect(ruleOrNone(MESSAGE.sheet, '.notice__short').has('font-size'), 'at the care size, not smaller').to.equal(false)
    expect(noticeHeight(write, MESSAGE), '留言: one screen').to.be.at.most(SCREEN)

    const short: string[] = write.component.querySelectorAll(MESSAGE.paragraphs).map((p: { dom: HTMLElement }) => p.dom.textContent ?? '')
    expectRightsAtTheirButtons(short[0], '留言')
    // What the short lines keep of the notice written for 留言: who sees it, that the deputy may phone her, how long.
    expect(short.join('\n'))
      .to.include('我们保存：您的留言、照片、所在区域、您留的电话和办理经过。')
      .and.include('谁能看：办理的代表和联络站；您留了电话，代表可以打给您。')
      .and.include('保存多久：留言办结后保存三年')
      .and.include('撤回同意：不能再留言；')

    await write.tap('#notice-full')
    expect(write.textOf('#notice-full-text'), 'the rest in full: the chat’s ways, what deleting reaches in each place')
      .to.include('在微信聊天里，发送“我的信息”“撤回同意”或“删除我的信息”')
      .and.include('在小程序里删除，清除小程序里的；在聊天里删除，清除聊天里的')
  })

  it('the notice written for the chat says the same rights at the same buttons, with the chat’s words for them', async () => {
    const notice = app.liaison.services.privacy.notice
    const first = notice.summary.split('\n')[0]
    expect(first)
      .to.match(/^您的权利：随时可以查看、删除您的信息，或撤回同意：小程序里在“我的—我的信息”/)
      .and.include('聊天里发送“我的信息”“撤回同意”。')
      .and.include('还没答复的留言：小程序里点开它，点“撤回这条留言”；聊天里发“撤回”。')
      .and.not.include('收回')
      .and.not.include('不再同意')
    // What withdrawing consent stops, under the name of the button that does it.
    expect(notice.summary).to.include('\n撤回同意：')
    expect(notice.summary.replace(/\n/g, '').length, 'one chat bubble').to.be.at.most(300)
  })
})

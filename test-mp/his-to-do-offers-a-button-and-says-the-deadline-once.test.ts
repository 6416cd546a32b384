import { expect } from 'chai'
import { DAY, at, quizWithBank } from '../test/helpers/quizzes.js'
import { ballotBody } from '../test/helpers/surveys.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { declarations } from './harness/stylesheets.js'
import { created, office, phoneOfZhang } from './office.js'

/** A card in 我的待办 by its title. */
function card(page: MpPage, title: string): any {
  const task = page.component.querySelectorAll('.task').find((t: any) => String(t.dom.textContent).includes(title))
  expect(task, title).to.not.equal(undefined)
  return task
}

/** The button TDesign renders on a card (its t-button's own <button>): its words and its classes (its look). */
function actionOf(page: MpPage, title: string): { words: string; look: string } | undefined {
  const rendered = card(page, title).dom.querySelector('wx-button')
  return rendered ? { words: String(rendered.textContent).trim(), look: String(rendered.className) } : undefined
}

/** The node inside a card with a class of the page's own (rendered "main--x", named ".x" in the stylesheet). */
const inCard = (task: any, cls: string) => task.dom.querySelector(`[class~="${cls}"], [class~="main--${cls}"]`)

/**
 * 张伟 has a ballot to vote in by next Monday and a quiz to answer by Thursday. On each card in 我的待办 the thing to
 * tap is a button, 去投票 / 去答题; the kind (代表票决) is not said again beside it (its section, 票决, says it);
 * and the deadline is said once, 「请在…前投票」, without 「还有 7 天到期」 after it.
 */
describe('mini-program: his to-do offers a button and says the deadline once', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('去投票 and 去答题 are buttons, no 代表票决 beside them, no 还有…天到期', async () => {
    const organizer = await office(app)
    await created(
      organizer.post(
        '/api/admin/surveys',
        ballotBody({
          title: '2027年民生实事项目票决',
          opensAt: at(app, 0),
          closesAt: at(app, 7 * DAY),
          ballot: { passRule: 'roll_majority', maxChosen: 1, roll: { deputyIds: ['dp0001'] } },
        }),
      ),
    )
    await quizWithBank(app, organizer, { title: '代表履职知识测验', closesAt: at(app, 3 * DAY) })
    await phoneOfZhang(app)

    const page = await openPage('pages/deputy/index')
    const ballot = card(page, '2027年民生实事项目票决')
    const quiz = card(page, '代表履职知识测验')
    for (const [title, words] of [
      ['2027年民生实事项目票决', '去投票'],
      ['代表履职知识测验', '去答题'],
    ]) {
      const action = actionOf(page, title!)
      expect(action?.words, title).to.equal(words)
      expect(action?.look, 'a small filled button in the primary colour')
        .to.match(/t-button--primary\b/)
        .and.match(/t-button--size-small\b/)
        .and.match(/t-button--base\b/)
    }
    // Its section says 票决 over it: the card does not say 代表票决 again beside its button.
    expect(inCard(ballot, 'state'), 'no kind beside the button').to.equal(null)
    expect(String(ballot.dom.textContent)).not.to.include('代表票决')
    const kind = declarations('pages/deputy/index.wxss', '.state')
    expect(kind.get('color'), 'grey words').to.equal('#555')
    expect(kind.get('background'), 'no chip').to.equal('none')

    for (const task of [ballot, quiz]) {
      expect(String(task.dom.textContent))
        .to.include('请在')
        .and.not.match(/还有\s*\d+\s*天到期/)
    }
  })
})

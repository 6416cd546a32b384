import { expect } from 'chai'
import { DAY, at, quizWithBank } from '../test/helpers/quizzes.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { office, phoneOfZhang } from './office.js'

/**
 * The office publishes 代表履职知识测验, open until Thursday 10:00. 张伟 reads it in 我的待办 on his workbench, then
 * in the quiz list: both say when to answer by in the same words, "请在11月26日（星期四）上午10:00前答题", never
 * "11月26日 10:00前" in one place and the weekday and 上午 in the other.
 */
describe('mini-program: his to-do words a quiz deadline as the quiz page does', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('请在11月26日（星期四）上午10:00前答题 on the workbench and in the quiz list', async () => {
    await quizWithBank(app, await office(app), { title: '代表履职知识测验', closesAt: at(app, 3 * DAY) }) // Thursday 10:00 in Shanghai
    await phoneOfZhang(app)

    const workbench = await openPage('pages/deputy/index')
    const task = workbench.component.querySelectorAll('.task').find((t: any) => t.dom.textContent.includes('代表履职知识测验'))
    expect(task, 'the quiz is in 我的待办').to.not.equal(undefined)
    const onWorkbench = String(task.dom.querySelector('[class~="text"], [class~="main--text"]')?.textContent ?? '').trim()
    workbench.close()

    const list = await openPage('pages/quiz/index')
    const inList = list.text()
    list.close()

    expect(onWorkbench).to.equal('请在11月26日（星期四）上午10:00前答题')
    expect(inList, 'the quiz page says it the same way').to.include(onWorkbench)
  })
})

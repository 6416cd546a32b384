import { expect } from 'chai'
import { asResident, Client } from '../helpers/app.js'
import { MINUTE, quizWithBank, rightAnswers } from '../helpers/quizzes.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * Review 31 F14: 陈主任 wants to know how many took part without counting rows of the board. The
 * quiz's page says 参与人数 at its head: people, not papers, and not those whose paper came too
 * late (their result said "不计入排名").
 */
describe('console: a quiz says how many people took part', function () {
  this.timeout(120_000)
  const story = useConsole()

  it('参与人数 at the head of the quiz: two residents on time (one of them twice), one late not counted', async () => {
    const organizer = story.app.login((l) => l.role === 'organizer')
    const office = await new Client(story.app.baseUrl).login(organizer.username, organizer.password)
    const quiz = await quizWithBank(story.app, office, { title: '宪法知识竞答' })
    const handIn = async (who: Client) => {
      const paper = (await who.post(`/api/mp/quizzes/${quiz.id}/attempts`)).body
      expect((await who.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers: rightAnswers(paper) })).status).to.equal(200)
    }
    const wang = await asResident(story.app)
    await handIn(wang)
    await handIn(wang)
    await handIn(await asResident(story.app))
    const zhao = await asResident(story.app)
    const late = (await zhao.post(`/api/mp/quizzes/${quiz.id}/attempts`)).body
    story.app.clock.advance(11 * MINUTE)
    expect((await zhao.post(`/api/mp/quiz-attempts/${late.id}/submit`, { answers: rightAnswers(late) })).status).to.equal(409)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer, `/quizzes/${quiz.id}`)
    const said = page.locator('[data-test=quiz-participants]')
    await said.waitFor()
    expect(await said.innerText()).to.equal('参与人数：2 人（按时交卷的人，超时未计分的不算）')
    await screenshot(page, 'console-quiz-participants')
  })
})

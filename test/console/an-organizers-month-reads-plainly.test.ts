import { expect } from 'chai'
import { asResident, Client } from '../helpers/app.js'
import { quizWithBank } from '../helpers/quizzes.js'
import { cityOrganizer } from './organizer-story.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const DAY = 86_400_000

/**
 * Review 38: 赵红 runs a questionnaire, a consultation, a quiz and a study campaign. A questionnaire with no question
 * is not saved nor published, in words; a named one says what it keeps (not 实名); a number a resident wrote is
 * masked in 文字回答 until 查看完整原文; 统计结果 counts each article's opinions in the draft's order; a quiz is ended
 * early as a survey is, asked first; and the campaign's page lists its quiz.
 */
describe('console: an organizer’s month reads plainly (review 38)', function () {
  this.timeout(180_000)
  const story = useConsole()
  const closes = () => new Date(story.app.clock.now().getTime() + 7 * DAY).toISOString()
  async function office() {
    const login = await cityOrganizer(story.app)
    return { login, api: await new Client(story.app.baseUrl).login(login.username, login.password) }
  }

  it('a questionnaire with no question: 保存为草稿 says to add one; a draft without one is not published, in words', async () => {
    const { login, api } = await office()
    const page = await newPage(story.browser, story.app)
    await logInAs(page, login, '/surveys/new')
    await page.getByPlaceholder('如：社区停车管理意见征集').fill('老年人养老服务需求问卷')
    // The switch says anonymity in the results' own words (记下是谁填的), not 记录 / 填写 of another page.
    await page.getByText('打开就是匿名（不记下是谁填的）').waitFor()
    await page.locator('[data-test=question-1]').getByRole('button', { name: '删除' }).click()
    let posted = false
    page.on('request', (r) => (posted ||= r.method() === 'POST' && new URL(r.url()).pathname === '/api/admin/surveys'))
    await page.getByRole('button', { name: '保存为草稿' }).click()
    await page.getByText('问卷至少要有一道题：请点上面“题目”下的“+ 单选题”等按钮加上题目，再保存').waitFor()
    expect(posted, 'nothing sent').to.equal(false)

    const draft = await api.post('/api/admin/surveys', { kind: 'survey', title: '空白问卷', closesAt: closes(), draft: true })
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201)
    await page.goto(`/console/surveys/${draft.body.id}`)
    await page.getByRole('button', { name: '发布', exact: true }).click()
    await page.getByRole('button', { name: '确认发布' }).click()
    await page.getByText('这份问卷还没有题目，不能发布；请至少添加一道题').waitFor()
    expect(await page.locator('[data-test=phase]').innerText()).to.equal('草稿')
    await screenshot(page, 'console-empty-questionnaire-not-published')
  })

  it('a named questionnaire says 记下是谁填的, and a number written in an answer is masked until 查看完整原文', async () => {
    const { login, api } = await office()
    const made = await api.post('/api/admin/surveys', {
      kind: 'survey',
      title: '老年人养老服务需求问卷',
      closesAt: closes(),
      questions: [{ id: 'q5', type: 'text', title: '您还有什么建议？' }],
    })
    expect(made.status, JSON.stringify(made.body)).to.equal(201)
    const sent = await (
      await asResident(story.app)
    ).post(`/api/mp/surveys/${made.body.id}/responses`, { answers: { q5: '+86 139 1234 5678 我的电话，请联系我' } })
    expect(sent.status).to.equal(201)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, login, `/surveys/${made.body.id}`)
    await page.getByText('不匿名：系统记下了是谁填的，这里的统计不显示名字').waitFor()
    expect(await page.locator('p.muted').first().innerText(), 'not 实名: no name is kept or shown').not.to.include('实名')
    const anonymous = await api.post('/api/admin/surveys', {
      kind: 'survey',
      title: '社区活动意见',
      anonymous: true,
      closesAt: closes(),
      questions: [{ id: 'q1', type: 'text', title: '您想参加什么活动？' }],
    })
    expect(anonymous.status, JSON.stringify(anonymous.body)).to.equal(201)
    await page.goto(`/console/surveys/${anonymous.body.id}`)
    await page.getByText('匿名：没有记下是谁填的').waitFor()
    await page.goto(`/console/surveys/${made.body.id}`)
    await page.getByText('不匿名：系统记下了是谁填的，这里的统计不显示名字').waitFor()
    await page.locator('.t-tabs__nav').getByText('文字回答', { exact: true }).click()
    const list = page.locator('[data-test=text-answers]')
    await list.getByText('（已隐去） 我的电话，请联系我').waitFor()
    await page.getByText('回答里的电话号码、身份证号已隐去。查看完整原文会记入操作记录。').waitFor()
    await page.locator('[data-test=texts-whole]').click()
    await list.getByText('+86 139 1234 5678 我的电话，请联系我').waitFor()
    await page.getByText('正在看完整原文，这次查看已记入操作记录。').waitFor()
    await screenshot(page, 'console-survey-text-answers-whole')
  })

  it('统计结果 counts each article’s opinions in the draft’s order', async () => {
    const { login, api } = await office()
    const made = await api.post('/api/admin/surveys', {
      kind: 'consultation',
      title: '澜江区居家养老服务规定（草案）',
      closesAt: closes(),
      articles: [
        { id: 'a1', number: '第一条', text: '为了……制定本规定。' },
        { id: 'a8', number: '第八条', text: '助餐服务。' },
        { id: 'a15', number: '第十五条', text: '八十周岁以上。' },
      ],
    })
    expect(made.status, JSON.stringify(made.body)).to.equal(201)
    for (const articleId of ['a15', 'a8', 'a15']) {
      const sent = await (await asResident(story.app)).post(`/api/mp/surveys/${made.body.id}/responses`, { comments: [{ articleId, text: '意见' }] })
      expect(sent.status).to.equal(201)
    }
    const page = await newPage(story.browser, story.app)
    await logInAs(page, login, `/surveys/${made.body.id}`)
    const counts = page.locator('[data-test=article-counts] tr')
    await counts.first().waitFor()
    expect((await counts.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())).to.deep.equal([
      '第一条 意见 0 条 已决定 0 条',
      '第八条 意见 1 条 已决定 0 条',
      '第十五条 意见 2 条 已决定 0 条',
    ])
  })

  it('a quiz is ended early, asked first with how many took part; its campaign’s page lists it', async () => {
    const { login, api } = await office()
    const campaign = await api.post('/api/admin/campaigns', {
      title: '2026年宪法宣传周学习宣传',
      startsAt: new Date(story.app.clock.now().getTime() - DAY).toISOString(),
      endsAt: closes(),
      audience: { followers: true },
    })
    expect(campaign.status, JSON.stringify(campaign.body)).to.equal(201)
    const quiz = await quizWithBank(story.app, api, { title: '宪法知识竞答', campaignId: campaign.body.id })

    const page = await newPage(story.browser, story.app)
    await logInAs(page, login, `/campaigns/${campaign.body.id}`)
    const listed = page.locator('[data-test=campaign-quizzes]')
    await listed.getByText('宪法知识竞答').waitFor()
    expect(await listed.innerText()).to.equal('本活动的知识竞赛：宪法知识竞答（进行中）')
    await listed.getByRole('link', { name: '宪法知识竞答' }).click()
    await page.waitForURL((url) => url.pathname.endsWith(`/quizzes/${quiz.id}`))

    await page.locator('[data-test=quiz-close]').click()
    await page.getByText('已有 0 人交卷。提前结束后，谁都不能再答题，也不能重新开放，还没交卷的不再计分；结束后排行榜成为最终排名。确定现在结束吗？').waitFor()
    await screenshot(page, 'console-quiz-end-early-asks')
    await page.locator('.t-popconfirm').getByRole('button', { name: '确定' }).click()
    await page.getByText('已提前结束。刚交的答卷计入后（约一分钟），排行榜就是最终排名').waitFor()
    expect(await page.locator('[data-test=quiz-close]').count(), 'nothing left to end').to.equal(0)
  })
})

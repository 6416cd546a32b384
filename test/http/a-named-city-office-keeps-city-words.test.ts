import { expect } from 'chai'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'
import { quizWithBank } from '../helpers/quizzes.js'
import { surveyBody } from '../helpers/surveys.js'

/**
 * 青澜市 names its office in the configuration (business.officeName). Its directory is still a city's, two districts,
 * so 孙丽, 湛河区's organizer, refused a change to the city's quiz, survey or campaign is told it is 市级 and that her
 * district reads its own share, under the name the city gave its office.
 */
describe('a city that names its own office keeps the city wording', () => {
  let app: TestApp
  afterEach(() => app.close())

  it('refuses a district organizer with 市级… managed by the named office', async () => {
    app = await startApp({ directory: meetingCity(), overrides: { business: { officeName: '青澜市人大常委会办公室' } } })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const city = await asAdmin(app)
    const sunli = await asStaff(app, 'sunli')

    const quiz = await quizWithBank(app, city, { audience: 'deputies' })
    const change = await sunli.patch(`/api/admin/quizzes/${quiz.id}`, { title: '改名' })
    expect(change.status).to.equal(403)
    expect(change.body.error).to.include({ code: 'city_level', message: '市级知识竞赛由青澜市人大常委会办公室管理，区县可查看本区县的成绩' })

    const survey = (await city.post('/api/admin/surveys', surveyBody({ title: '全市绿化问卷' }))).body
    const close = await sunli.post(`/api/admin/surveys/${survey.id}/close`)
    expect(close.status).to.equal(403)
    expect(close.body.error).to.include({ code: 'city_level', message: '市级问卷由青澜市人大常委会办公室管理，区县可查看本区县的情况' })

    const campaign = await city.post('/api/admin/campaigns', {
      title: '全市学习代表法',
      startsAt: '2026-11-23T00:00:00Z',
      endsAt: '2026-12-23T00:00:00Z',
      audience: { levels: ['city'] },
    })
    expect(campaign.status, JSON.stringify(campaign.body)).to.equal(201)
    const added = await sunli.post(`/api/admin/campaigns/${campaign.body.id}/items`, { title: '区里加一篇', body: '<p>x</p>' })
    expect(added.status).to.equal(403)
    expect(added.body.error).to.include({ code: 'city_level', message: '市级活动由青澜市人大常委会办公室管理，区县可查看本区县的进度' })
  })
})

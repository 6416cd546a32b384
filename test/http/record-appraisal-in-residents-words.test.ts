import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { useZhangWeiAppraisal } from '../helpers/appraisals.js'
import { asStaff } from '../helpers/meetings.js'
import { appraisalForResidents } from '../../src/domain/appraisal-words.js'

/**
 * 述职评议 of 张伟 (dp0001, 2026) as 王阿姨 opens it: what she is asked, in her words (给张伟代表今年的工作打分, not
 * 张伟代表2026年度述职评议; 这一年的工作, not 履职情况; 不会记下您是谁, not 不记名). The office's own words stay the survey's.
 */
describe('述职评议 in a resident’s words', () => {
  const story = useZhangWeiAppraisal()

  it('names what she rates in plain words while its year runs; the office keeps its title and questions', async () => {
    const view = await (await asResident(story.app)).get(`/api/mp/appraisals/${story.surveyId}`)
    expect(view.status).to.equal(200)
    expect(view.body).to.include({ title: '给张伟代表今年的工作打分', yearWord: '今年' })
    // Whom it asks, by name: not "您住在…" said to whoever opened the poster, then asked where she lives.
    expect(view.body.description).to.equal(
      '请住在张伟代表联系的社区（建设路社区、光明社区）的居民打分。请先看看这位代表今年做了哪些事，再打分。每人只能打一次，不会记下您是谁。',
    )
    expect(view.body.description).not.to.include('您住在')
    expect(view.body.questions.map((q: { title: string }) => q.title)[0]).to.equal('您对张伟代表这一年的工作满意吗？')

    const office = await (await asStaff(story.app, 'sunli')).get(`/api/admin/surveys/${story.surveyId}`)
    expect(office.body.title, 'the console keeps the office’s words').to.equal('张伟代表2026年度述职评议')
  })

  it('says the year in figures once it has gone by, and 不会记下您是谁 only of an anonymous survey', async () => {
    story.app.clock.set(new Date('2027-01-05T02:00:00Z'))
    const view = await (await asResident(story.app)).get(`/api/mp/appraisals/${story.surveyId}`)
    expect(view.body).to.include({ title: '给张伟代表2026年的工作打分', yearWord: '2026年' })

    const named = appraisalForResidents({ title: 't', description: 'd', questions: [], anonymous: false }, '王芳', '今年', ['光明社区'])
    expect(named.description).to.equal('请住在王芳代表联系的社区（光明社区）的居民打分。请先看看这位代表今年做了哪些事，再打分。每人只能打一次。')
  })

  it('names five communities at most and counts the rest; none known, none named', () => {
    const survey = { title: 't', description: 'd', questions: [], anonymous: true }
    const seven = ['一社区', '二社区', '三社区', '四社区', '五社区', '六社区', '七社区']
    expect(appraisalForResidents(survey, '张伟', '今年', seven).description).to.match(
      /^请住在张伟代表联系的社区（一社区、二社区、三社区、四社区、五社区等 7 个社区）的居民打分。/,
    )
    expect(appraisalForResidents(survey, '张伟', '今年').description).to.match(/^请住在张伟代表联系的社区的居民打分。/)
  })
})

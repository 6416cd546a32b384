import { expect } from 'chai'
import { AFTER_CLOSE, IN_PROGRESS, TOO_FEW, useZhangWeiAppraisal } from '../helpers/appraisals.js'
import { asStaff } from '../helpers/meetings.js'

/**
 * 述职评议 of 张伟 (dp0001) as the office (孙丽, his district's organizer) follows it: while it runs she sees how many
 * have rated and, in words, that the ratings come after the close; neither the deputy's record, the survey's own
 * 统计结果 nor the answer sheet (导出答卷) gives them earlier. Closed with fewer than 5 raters, the count alone, as
 * for him; closed with 5, everything.
 */
describe('述职评议: the office reads the ratings only after the close, and only from 5 raters', () => {
  const story = useZhangWeiAppraisal()
  // The first rater unhappy, the rest satisfied: the 不满意 a small count would let a neighbour trace back.
  const rated = (raters: number) => story.rated(raters, (i) => ({ overall: i === 0 ? 1 : 5, verdict: i === 0 ? 'unsatisfied' : 'satisfied' }))
  // Logged in afresh at each look: days pass between them, longer than a console session lasts.
  const office = () => asStaff(story.app, 'sunli')
  const onRecord = async () => (await (await office()).get('/api/admin/records/dp0001/appraisals')).body.items[0]
  const counts = (q: { options: Array<{ label: string; count: number }> }) => q.options.map((o) => `${o.label} ${o.count}`)

  it('while it runs: the count and 评议进行中 on his record; the survey’s results and answer sheet refused in the same words', async () => {
    const early = await onRecord()
    expect(early).to.include({ phase: 'scheduled', responses: 0, sealed: true, sealedText: '评议还没有开始，结束后显示评分' })

    await rated(5)
    const running = await onRecord()
    expect(running).to.include({ phase: 'open', responses: 5, sealed: true, sealedText: IN_PROGRESS })
    expect(running.questions, 'no average, no 满意 count while residents still rate').to.deep.equal([])

    const results = await (await office()).get(`/api/admin/surveys/${story.surveyId}/results`)
    expect(results.status).to.equal(409)
    expect(results.body.error).to.include({ code: 'appraisal_sealed', message: IN_PROGRESS })
    const sheet = await (await office()).get(`/api/admin/surveys/${story.surveyId}/responses.csv`)
    expect(sheet.status).to.equal(409)
    expect(sheet.body.error).to.include({ code: 'appraisal_sealed', message: IN_PROGRESS })
    const survey = await (await office()).get(`/api/admin/surveys/${story.surveyId}`)
    expect(survey.body.responseCount, 'the turnout stays on the survey’s page').to.equal(5)

    story.app.clock.set(AFTER_CLOSE)
    const closed = await onRecord()
    expect(closed).to.include({ phase: 'closed', responses: 5, sealed: false, sealedText: null })
    expect(closed.questions[0]).to.include({ id: 'overall', average: 4.2 })
    expect(counts(closed.questions[1])).to.deep.equal(['满意 4', '基本满意 0', '不满意 1'])
    const after = await (await office()).get(`/api/admin/surveys/${story.surveyId}/results`)
    expect(after.status).to.equal(200)
    expect(after.body.questions[0]).to.include({ average: 4.2 })
    const lines = (await (await office()).get<Buffer>(`/api/admin/surveys/${story.surveyId}/responses.csv`)).body
      .subarray(3)
      .toString('utf8')
      .trim()
      .split('\r\n')
    expect(lines, 'a header and five answer sheets').to.have.length(6)
    expect(lines[0]).to.include('您对这位代表一年来履职情况的总体评价')
  })

  it('closed with 3 raters: the count and why, and no rating anywhere', async () => {
    await rated(3)
    story.app.clock.set(AFTER_CLOSE)
    const closed = await onRecord()
    expect(closed).to.include({ phase: 'closed', responses: 3, sealed: true, sealedText: TOO_FEW })
    expect(closed.questions, 'no 不满意 to trace back to a neighbour').to.deep.equal([])
    for (const path of ['results', 'responses.csv']) {
      const refused = await (await office()).get(`/api/admin/surveys/${story.surveyId}/${path}`)
      expect(refused.status, path).to.equal(409)
      expect(refused.body.error).to.include({ code: 'appraisal_sealed', message: TOO_FEW })
    }
  })
})

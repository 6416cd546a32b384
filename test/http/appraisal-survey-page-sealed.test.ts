import { expect } from 'chai'
import { AFTER_CLOSE, IN_PROGRESS, TOO_FEW, useZhangWeiAppraisal } from '../helpers/appraisals.js'
import { asStaff } from '../helpers/meetings.js'
import { surveyBody } from '../helpers/surveys.js'

/**
 * 述职评议 of 张伟 (dp0001) read by the office (孙丽) on its questionnaire's own page among 问卷与票决: the page says
 * whose appraisal it is (so she can go to his record, where it is managed), and its 文字回答 tab, which holds the
 * residents' own words, is sealed as its ratings are: refused while it runs, and for good with fewer than 5 raters.
 */
describe('述职评议 on its survey page: whose it is, and its written answers sealed like its ratings', () => {
  const story = useZhangWeiAppraisal()
  const rated = (raters: number) => story.rated(raters, (i) => ({ overall: 4, verdict: 'basically', advice: `希望代表多来我们小区看看（第 ${i + 1} 位）` }))
  const office = () => asStaff(story.app, 'sunli')
  const texts = async () => (await office()).get(`/api/admin/surveys/${story.surveyId}/texts?questionId=advice`)
  const page = async () => (await (await office()).get(`/api/admin/surveys/${story.surveyId}`)).body

  it('while it runs: the page names 张伟 and the year, and 文字回答 is refused in the words of the seal', async () => {
    await rated(5)
    expect((await page()).appraisal).to.deep.equal({
      deputyId: 'dp0001',
      deputyName: '张伟',
      year: 2026,
      sealed: true,
      sealedText: IN_PROGRESS,
      minRatersShown: 5,
    })
    const refused = await texts()
    expect(refused.status).to.equal(409)
    expect(refused.body.error).to.include({ code: 'appraisal_sealed', message: IN_PROGRESS })
    expect(JSON.stringify(refused.body), 'no resident’s words').not.to.include('希望代表')

    story.app.clock.set(AFTER_CLOSE)
    expect((await page()).appraisal).to.include({ sealed: false, sealedText: null })
    const read = await texts()
    expect(read.status, JSON.stringify(read.body)).to.equal(200)
    expect(read.body.items.map((t: { text: string }) => t.text))
      .to.have.length(5)
      .and.include('希望代表多来我们小区看看（第 1 位）')
  })

  it('closed with 3 raters: 文字回答 stays refused, saying why', async () => {
    await rated(3)
    story.app.clock.set(AFTER_CLOSE)
    expect((await page()).appraisal).to.include({ sealed: true, sealedText: TOO_FEW })
    const refused = await texts()
    expect(refused.status).to.equal(409)
    expect(refused.body.error).to.include({ code: 'appraisal_sealed', message: TOO_FEW })
  })

  it('any other questionnaire says it is none', async () => {
    const made = await (await office()).post('/api/admin/surveys', surveyBody())
    expect(made.status, JSON.stringify(made.body)).to.equal(201)
    expect(made.body.appraisal).to.equal(null)
  })
})

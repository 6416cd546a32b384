import { expect } from 'chai'
import { asResident, startApp, type TestApp } from './app.js'
import { asStaff, meetingCity } from './meetings.js'

/** 述职评议 of 2026, open from 12月1日 09:00 to 12月15日 18:00. */
export const APPRAISAL_2026 = { year: 2026, opensAt: '2026-12-01T09:00:00+08:00', closesAt: '2026-12-15T18:00:00+08:00' }
/** What a sealed appraisal says instead of its ratings: while it runs, and closed with fewer than 5 raters. */
export const IN_PROGRESS = '评议进行中，结束后显示评分'
export const TOO_FEW = '参加评议的不足 5 人，为保护评议人，不显示评分'
/** 12月2日 10:00, while it runs; 12月16日 10:00, after it closed. */
export const WHILE_OPEN = new Date('2026-12-02T02:00:00Z')
export const AFTER_CLOSE = new Date('2026-12-16T02:00:00Z')

export interface ZhangWeiAppraisal {
  app: TestApp
  surveyId: string
  /** `raters` residents of 光明社区 rate him on 12月2日, each with `answers(i)`. */
  rated(raters: number, answers: (i: number) => Record<string, unknown>): Promise<void>
}

/**
 * The set-up the 述职评议 seal stories share: 孙丽 (the 湛河区 office) opens 张伟's (dp0001) 述职评议 of 2026 on Monday
 * 11月23日; fresh for each test.
 */
export function useZhangWeiAppraisal(): ZhangWeiAppraisal {
  const story = {} as ZhangWeiAppraisal
  beforeEach(async () => {
    story.app = await startApp({ directory: meetingCity() })
    story.app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const opened = await (await asStaff(story.app, 'sunli')).post('/api/admin/records/dp0001/appraisals', APPRAISAL_2026)
    expect(opened.status, JSON.stringify(opened.body)).to.equal(201)
    story.surveyId = opened.body.surveyId
  })
  afterEach(() => story.app.close())
  story.rated = async (raters, answers) => {
    story.app.clock.set(WHILE_OPEN)
    for (let i = 0; i < raters; i++) {
      const sent = await (await asResident(story.app)).post(`/api/mp/appraisals/${story.surveyId}/responses`, { regionId: 'c010101', answers: answers(i) })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    }
  }
  return story
}

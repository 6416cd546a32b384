import { asAdmin, asDeputy, type Client, startApp, type TestApp } from './app.js'
import { meetingCity } from './meetings.js'

/** Bodies of surveys for route tests; the clock is set to 2026-11-23T02:00Z (Monday 10:00 in Asia/Shanghai). */
export const OPENS = '2026-11-23T09:00:00+08:00'
export const CLOSES = '2026-11-30T18:00:00+08:00'

const choice = (id: string, title: string, labels: string[], over: Record<string, unknown> = {}) => ({
  id,
  type: 'single',
  title,
  options: labels.map((label, i) => ({ id: `o${i + 1}`, label })),
  ...over,
})

export const surveyBody = (over: Record<string, unknown> = {}) => ({
  kind: 'survey',
  title: '社区绿化满意度调查',
  opensAt: OPENS,
  closesAt: CLOSES,
  questions: [
    choice('q1', '您是否经常去社区公园？', ['是', '否'], { required: true }),
    {
      id: 'q2',
      type: 'multiple',
      title: '希望增加哪些设施？',
      options: [
        { id: 'a', label: '绿道' },
        { id: 'b', label: '座椅' },
        { id: 'c', label: '健身器材' },
      ],
      minChoices: 1,
      maxChoices: 2,
    },
    { id: 'q3', type: 'rating', title: '对现有绿化的满意度', scale: 5, required: true },
    { id: 'q4', type: 'text', title: '其他建议', maxLength: 200 },
    { id: 'q5', type: 'number', title: '每周去几次？', min: 0, max: 21, required: true, showIf: { questionId: 'q1', optionIds: ['o1'] } },
  ],
  ...over,
})

export const consultationBody = (over: Record<string, unknown> = {}) => ({
  kind: 'consultation',
  title: '青澜市城市绿化条例（草案）征求意见',
  opensAt: OPENS,
  closesAt: CLOSES,
  articles: [
    { id: 'a1', number: '第一条', text: '为了促进城市绿化事业发展，改善生态环境，制定本条例。' },
    { id: 'a2', number: '第十二条', text: '新建居住区绿地率不得低于百分之三十。' },
  ],
  questions: [choice('q1', '您是否支持制定本条例？', ['支持', '不支持'])],
  ...over,
})

export const ballotBody = (over: Record<string, unknown> = {}) => ({
  kind: 'ballot',
  title: '2027年民生实事项目票决',
  opensAt: OPENS,
  closesAt: CLOSES,
  anonymous: true,
  questions: [
    {
      id: 'projects',
      type: 'multiple',
      title: '请选择您赞成的项目',
      required: true,
      minChoices: 1,
      maxChoices: 2,
      options: [
        { id: 'p1', label: '老旧小区加装电梯' },
        { id: 'p2', label: '社区食堂' },
        { id: 'p3', label: '口袋公园' },
      ],
    },
  ],
  ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0002', 'dp0006'] } },
  ...over,
})

/** Four serving deputies of the meeting city, a ballot's roll in the ballot stories. */
export const ROLL_OF_FOUR = ['dp0001', 'dp0002', 'dp0005', 'dp0006']

/** ballotBody whose roll is ROLL_OF_FOUR: passed by more than half of the roll, two projects to choose. */
export const ballotOfFour = (over: Record<string, unknown> = {}) =>
  ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ROLL_OF_FOUR } }, ...over })

/** A deputy votes in a ballot for `projects` (ids of ballotBody's options); the response as it came. */
export const castBallot = async (app: TestApp, deputyId: string, surveyId: string, projects: string[]) =>
  (await asDeputy(app, deputyId)).post(`/api/mp/surveys/${surveyId}/responses`, { answers: { projects } })

/** Where the survey stories start: the meeting city on Monday 10:00 (surveys open at 09:00), its office signed in. */
export async function surveyOffice(): Promise<{ app: TestApp; office: Client; create: (body: Record<string, unknown>) => Promise<{ id: string }> }> {
  const app = await startApp({ directory: meetingCity() })
  app.clock.set(new Date('2026-11-23T02:00:00Z'))
  const office = await asAdmin(app)
  /** The office creates a survey; its id. */
  const create = async (body: Record<string, unknown>) => (await office.post('/api/admin/surveys', body)).body as { id: string }
  return { app, office, create }
}

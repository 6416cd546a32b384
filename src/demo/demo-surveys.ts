import { surveyQuestion, type SurveyRecord } from '../domain/survey.js'
import type { Services } from '../services/index.js'
import { BUILT_IN_ADMIN } from '../services/bootstrap.js'
import type { Store } from '../store/ports.js'
import { toPrincipal } from '../services/accounts/auth.js'

const DAY = 86_400_000

const PROJECTS = ['老旧小区加装电梯', '社区长者食堂', '城区口袋公园建设', '中小学课后托管服务', '背街小巷道路改造', '农贸市场提质改造']

/**
 * The demo's consultation on a draft regulation and its ballot on livelihood projects
 * (民生实事项目票决), both open from now, so that `npm start` shows posters, answers,
 * opinions and a roll at once. Does nothing when any survey exists (a restart, real data).
 */
export async function seedDemoSurveys(store: Store, services: Pick<Services, 'surveys'>, now: Date): Promise<SurveyRecord[]> {
  if ((await store.surveys.search({ limit: 1 })).items.length) return []
  const admin = await store.staff.getByUsername(BUILT_IN_ADMIN)
  if (!admin) return []
  const office = toPrincipal(admin)
  const consultation = await services.surveys.create(office, {
    kind: 'consultation',
    title: '《青澜市城市绿化条例（草案）》公开征求意见',
    description: '市人大常委会法制工作委员会就条例草案公开征求社会各界意见，欢迎逐条提出修改建议。',
    articles: [
      { id: 'a1', number: '第一条', text: '为了促进城市绿化事业发展，改善生态环境和人居环境，根据有关法律、法规，结合本市实际，制定本条例。' },
      { id: 'a2', number: '第八条', text: '新建居住区绿地率不得低于百分之三十；旧城改造区域绿地率不得低于百分之二十五。' },
      { id: 'a3', number: '第十五条', text: '任何单位和个人不得擅自砍伐、迁移城市树木；确需砍伐、迁移的，应当依法办理审批手续并补植。' },
      { id: 'a4', number: '第二十二条', text: '鼓励单位和个人通过认建、认养、认管等方式参与城市绿化。' },
    ],
    questions: [
      surveyQuestion({
        id: 'q1',
        type: 'single',
        title: '您是否支持制定本条例？',
        required: true,
        options: [
          { id: 'yes', label: '是' },
          { id: 'no', label: '否' },
        ],
      }),
      surveyQuestion({ id: 'q2', type: 'rating', title: '您对所在社区绿化现状的满意度', scale: 5 }),
      surveyQuestion({ id: 'q3', type: 'text', title: '其他意见和建议', maxLength: 1000 }),
    ],
    anonymous: false,
    opensAt: now,
    closesAt: new Date(now.getTime() + 30 * DAY),
    responseCap: null,
    ballot: null,
  })
  const ballot = await services.surveys.create(office, {
    kind: 'ballot',
    title: '2027年度民生实事项目代表票决',
    description: '群众提、代表决、政府办、人大评：请从候选项目中选择 3 至 5 项，得票超过应投票代表半数的项目确定为年度民生实事项目。',
    articles: [],
    questions: [
      surveyQuestion({
        id: 'projects',
        type: 'multiple',
        title: '请选择您赞成的民生实事项目',
        required: true,
        minChoices: 3,
        maxChoices: 5,
        options: PROJECTS.map((label, i) => ({ id: `p${i + 1}`, label })),
      }),
    ],
    anonymous: true,
    opensAt: now,
    closesAt: new Date(now.getTime() + 7 * DAY),
    responseCap: null,
    ballot: { passRule: 'roll_majority', maxChosen: 5, roll: { levels: ['national', 'provincial', 'city', 'county', 'township'] } },
  })
  return [consultation, ballot]
}

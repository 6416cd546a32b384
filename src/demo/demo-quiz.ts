import type { QuizRecord } from '../domain/quiz.js'
import type { Services } from '../services/index.js'
import { BUILT_IN_ADMIN } from '../services/bootstrap.js'
import type { QuestionDraft } from '../services/quizzes/quiz-csv.js'
import type { Store } from '../store/ports.js'
import { toPrincipal } from '../services/accounts/auth.js'

const DAY = 86_400_000

/** Ten questions on the Deputies Law (代表法), each with the article it comes from. */
const QUESTIONS: QuestionDraft[] = [
  {
    type: 'single',
    stem: '全国人民代表大会和地方各级人民代表大会代表，代表人民的利益和意志，依照宪法和法律赋予本级人民代表大会的各项职权，参加行使（ ）。',
    options: ['国家权力', '行政权力', '监督权力', '司法权力'],
    answer: ['A'],
    explanation: '代表法第二条：代表依照宪法和法律赋予本级人民代表大会的各项职权，参加行使国家权力。',
    points: 10,
    tags: ['总则'],
  },
  {
    type: 'true_false',
    stem: '代表在本级人民代表大会各种会议上的发言和表决，不受法律追究。',
    options: ['正确', '错误'],
    answer: ['A'],
    explanation: '代表法第三十一条：代表在人民代表大会各种会议上的发言和表决，不受法律追究。',
    points: 10,
    tags: ['代表的权利'],
  },
  {
    type: 'multiple',
    stem: '代表在闭会期间的活动方式包括（ ）。',
    options: ['视察', '专题调研', '联系人民群众', '代替政府作出行政决定'],
    answer: ['A', 'B', 'C'],
    explanation: '代表法第四章：闭会期间，代表参加视察、专题调研，通过多种方式联系人民群众。代表不直接处理问题。',
    points: 10,
    tags: ['闭会期间'],
  },
  {
    type: 'single',
    stem: '县级以上的各级人民代表大会代表，非经本级人民代表大会主席团许可，在大会闭会期间，非经（ ）许可，不受逮捕或者刑事审判。',
    options: ['本级人民代表大会常务委员会', '本级人民政府', '上级人民代表大会', '本级人民法院'],
    answer: ['A'],
    explanation: '代表法第三十二条：闭会期间非经本级人大常委会许可，不受逮捕或者刑事审判。',
    points: 10,
    tags: ['代表的权利'],
  },
  {
    type: 'true_false',
    stem: '代表可以不参加统一组织的履职学习。',
    options: ['正确', '错误'],
    answer: ['B'],
    explanation: '代表法第四条：代表应当加强履职学习和调查研究，不断提高执行代表职务的能力。',
    points: 10,
    tags: ['代表的义务'],
  },
  {
    type: 'multiple',
    stem: '代表应当履行的义务有（ ）。',
    options: ['模范地遵守宪法和法律', '与原选区选民或者原选举单位和人民群众保持密切联系', '自觉遵守社会公德，廉洁自律', '在执行代表职务时为本人谋取利益'],
    answer: ['A', 'B', 'C'],
    explanation: '代表法第四条列举了代表的义务；代表不得利用执行代表职务干涉具体司法案件或者招标投标等经济活动牟取个人利益。',
    points: 10,
    tags: ['代表的义务'],
  },
  {
    type: 'single',
    stem: '代表建议、批评和意见的办理情况，应当在交办之日起（ ）内答复；涉及面广、处理难度大的，应当在六个月内答复。',
    options: ['三个月', '一个月', '十五日', '一年'],
    answer: ['A'],
    explanation: '代表法第三十六条：有关机关、组织应当自交办之日起三个月内答复；涉及面广、处理难度大的，应当在六个月内答复。',
    points: 10,
    tags: ['代表建议'],
  },
  {
    type: 'true_false',
    stem: '代表执行代表职务，其所在单位必须给予时间保障。',
    options: ['正确', '错误'],
    answer: ['A'],
    explanation: '代表法第四十四条：代表执行代表职务，其所在单位必须给予时间保障。',
    points: 10,
    tags: ['执行职务的保障'],
  },
  {
    type: 'single',
    stem: '乡、民族乡、镇的人民代表大会代表在本级人民代表大会闭会期间，根据统一安排，开展（ ）等活动。',
    options: ['调研', '审判', '立法', '执法'],
    answer: ['A'],
    explanation: '代表法第二十一条：乡镇人大代表在闭会期间根据统一安排开展调研等活动。',
    points: 10,
    tags: ['闭会期间'],
  },
  {
    type: 'multiple',
    stem: '代表联络站（代表之家）可以用于（ ）。',
    options: ['代表接待群众', '听取和反映群众意见和要求', '代表学习交流', '代表经营商业活动'],
    answer: ['A', 'B', 'C'],
    explanation: '代表联络站是代表联系群众、听取和反映意见的平台，不得用于商业经营。',
    points: 10,
    tags: ['联系群众'],
  },
]

/**
 * The demo's campaign quiz (知识竞赛), so the mini-program has a contest to take from the
 * first minute: ten questions on the Deputies Law, five drawn per attempt, open to all, two
 * attempts of ten minutes. Attached to the demo campaign when there is one. Does nothing
 * when any quiz exists already (a restart, or a real office's data).
 */
export async function seedDemoQuiz(store: Store, services: Pick<Services, 'quizzes'>, now: Date): Promise<QuizRecord | null> {
  if ((await store.quizzes.search({ limit: 1 })).items.length) return null
  const admin = await store.staff.getByUsername(BUILT_IN_ADMIN)
  if (!admin) return null
  const office = toPrincipal(admin)
  const campaign = (await store.campaigns.search({ limit: 1 })).items[0] ?? null
  const quiz = await services.quizzes.create(office, {
    campaignId: campaign?.id ?? null,
    title: '代表法知识竞赛',
    description: '每次随机抽取 5 题，限时 10 分钟，每人可答 2 次，取最好成绩排名。交卷后可查看每题解析。',
    drawCount: 5,
    timeLimitSeconds: 600,
    attemptsAllowed: 2,
    opensAt: new Date(now.getTime() - DAY),
    closesAt: new Date(now.getTime() + 20 * DAY),
    audience: 'public',
    // Filled before it goes out: a quiz is published only with a pool to draw from.
    draft: true,
  })
  await services.quizzes.addQuestions(office, quiz.id, QUESTIONS)
  return services.quizzes.publish(office, quiz.id)
}

// The quiz settings form's shape and its boxes, shared by QuizSettings.vue (which shows them) and quiz-problems.ts
// (which says their problems): in either one, the other importing it back would close a cycle.

/** What the quiz settings (新建竞赛, 设置) edit, as the boxes hold it. */
export interface QuizForm {
  title: string
  description: string
  audience: string
  drawCount: number
  timeLimitSeconds: number
  attemptsAllowed: number
  opensAt: string
  closesAt: string
}

/** Each box of the quiz settings (新建竞赛, 设置) and the server's paths it answers for. */
export const QUIZ_FIELDS = {
  title: ['body.title'],
  description: ['body.description'],
  audience: ['body.audience'],
  drawCount: ['body.drawCount'],
  timeLimitSeconds: ['body.timeLimitSeconds'],
  attemptsAllowed: ['body.attemptsAllowed'],
  opensAt: ['body.opensAt'],
  closesAt: ['body.closesAt'],
}
export type QuizField = keyof typeof QUIZ_FIELDS

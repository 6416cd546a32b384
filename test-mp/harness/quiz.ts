import { quizWithBank } from '../../test/helpers/quizzes.js'
import { office } from '../office.js'
import { holdAgreedPhone, startBackend, type Backend } from './backend.js'
import { openPage, type MpPage } from './page.js'

/**
 * The backend with the office's 代表法知识竞赛 published for everyone (quizWithBank: 5 questions
 * a paper from a bank of 10, 10 minutes, 2 tries, open from a minute ago for a day unless `over` says otherwise).
 */
export async function backendWithQuiz(over: Record<string, unknown> = {}): Promise<{ app: Backend; quizId: string }> {
  const app = await startBackend()
  return { app, quizId: (await quizWithBank(app, await office(app), over)).id }
}

/** She signs in on her phone (the WeChat user `openid`, who agreed to the privacy notice) and opens the quiz from its link. */
export async function signIn(app: Backend, openid: string, quizId: string): Promise<MpPage> {
  await holdAgreedPhone(app, openid)
  return openPage(`pages/quiz/take?quizId=${quizId}`)
}

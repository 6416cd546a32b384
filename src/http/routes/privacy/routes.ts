import Router from '@koa/router'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { PersonalDataErasure } from '../../../services/privacy/personal-data-erasure.js'
import type { PersonalDataExport } from '../../../services/privacy/personal-data-export.js'
import type { PersonalDataCorrection } from '../../../services/privacy/personal-data-correction.js'
import type { PersonalDataOverview } from '../../../services/privacy/personal-data-overview.js'
import type { PrivacyService } from '../../../services/privacy/privacy.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import { allowance, rateLimit } from '../../middleware/rate-limit.js'
import type { ReadingTime } from '../../presenters/cases.js'
import { presentPersonalData } from '../../presenters/personal-data.js'
import { presentDataOverview } from '../../presenters/personal-data-overview.js'
import type { MpState } from '../../state.js'
import { erasureAnswer, NOT_AGREED_MESSAGE, WITHDRAWN_CONSENT_MESSAGE } from '../../presenters/privacy-answers.js'
import { parse } from '../../validate.js'
import { caseIdParam } from '../cases/schemas.js'
import { phoneBody } from './schemas.js'

export interface PrivacyRoutesDeps {
  sessions: MpSessions
  privacy: PrivacyService
  exporter: PersonalDataExport
  erasure: PersonalDataErasure
  correction: PersonalDataCorrection
  overview: Pick<PersonalDataOverview, 'overview'>
  /** The time zone and the moment in which a person reads their copy. */
  reading: () => ReadingTime
}

/** A person's rights over their data (PIPL arts. 15, 45, 46, 47): a copy, correcting her phone, withdrawing consent, erasure. */
export function privacyRoutes({ sessions, privacy, exporter, erasure, correction, overview, reading }: PrivacyRoutesDeps) {
  const router = new Router<MpState>({ prefix: '/api/mp' })
  router.use(requireMpUser(sessions))

  router.get(
    '/me/export',
    rateLimit('mp_data_export', 10, 3600, (s: MpState) => s.mpUser.id),
    async (ctx) => {
      ctx.set('Cache-Control', 'no-store')
      ctx.set('Content-Disposition', 'attachment; filename="my-data.json"')
      ctx.body = presentPersonalData(await exporter.export(ctx.state.mpUser), reading())
    },
  )

  // What 我的信息 shows as it opens (the copy's summary, her phones, her stations): opened more often than a copy is
  // taken, and read again after each correction, so its own, larger allowance.
  router.get(
    '/me/kept',
    rateLimit('mp_data_overview', 60, 3600, (s: MpState) => s.mpUser.id),
    async (ctx) => {
      ctx.set('Cache-Control', 'no-store')
      ctx.body = presentDataOverview(await overview.overview(ctx.state.mpUser), reading(), privacy.notice.version)
    },
  )

  // A handful of changes a day is plenty for a wrong number; each is a case version and an audit row, so a loop is
  // stopped. Taking a phone away is her right (PIPL art. 47), and the page invites her to do it on every finished
  // message: removals have their own allowance, generous enough for all her messages in one sitting. Each counts only
  // once its input is valid, and a refused one (not hers, ended) is given back.
  const changes = allowance('mp_phone_correct', 5, 86_400, '今天改电话的次数太多了，这次没有改。请明天再试，或者联系联络站。')
  const removals = allowance('mp_phone_remove', 100, 3600, '删除电话的次数太多了，这次没有删。请过一个小时再试。')
  const limited = <T>(s: MpState, phone: string | null, work: () => Promise<T>) => (phone === null ? removals : changes)(s.mpUser.id, work)

  // 更正 (art. 46): the phone on her account, changed or removed.
  router.put('/me/phone', async (ctx) => {
    const { phone } = parse(phoneBody, ctx.state.body ?? {}, 'body')
    const { word } = await limited(ctx.state, phone, () => correction.accountPhone(ctx.state.mpUser, phone))
    ctx.body = { hasPhone: phone !== null, message: phone === null ? `已删除您账号里的${word}。` : `已改好您账号里的${word}。` }
  })

  // The contact phone left with one of her own messages still being handled.
  router.put('/me/cases/:id/phone', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    const { phone } = parse(phoneBody, ctx.state.body ?? {}, 'body')
    const { ticket, anonymous } = await limited(ctx.state, phone, () => correction.casePhone(ctx.state.mpUser, id, phone))
    ctx.body = { ticket, hasPhone: phone !== null, message: casePhoneAnswer(ticket, phone !== null, anonymous) }
  })

  router.delete('/consent', async (ctx) => {
    const withdrawn = await privacy.withdrawConsent(ctx.state.mpUser.id)
    ctx.body = { consentVersion: null, withdrawn, message: withdrawn ? WITHDRAWN_CONSENT_MESSAGE : NOT_AGREED_MESSAGE }
  })

  router.delete('/me', async (ctx) => {
    ctx.body = erasureAnswer(await erasure.erase(ctx.state.mpUser))
  })

  return router
}

/** What she is told of a corrected phone: an anonymous message's phone is never given to the deputy, so no call is promised. */
function casePhoneAnswer(ticket: string, kept: boolean, anonymous: boolean) {
  if (!kept) return `已删除留言 ${ticket} 里的电话。`
  if (anonymous)
    return `已改好留言 ${ticket} 里的电话。这是匿名留言，匿名留言不会把电话给代表，代表不会打这个号码；想让代表打电话给您，请不选匿名再写一条留言。`
  return `已改好留言 ${ticket} 里的电话，代表会打新号码。`
}

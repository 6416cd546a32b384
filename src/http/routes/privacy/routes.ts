import Router from '@koa/router'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { PersonalDataErasure } from '../../../services/privacy/personal-data-erasure.js'
import type { PersonalDataExport } from '../../../services/privacy/personal-data-export.js'
import type { PersonalDataCorrection } from '../../../services/privacy/personal-data-correction.js'
import type { PrivacyService } from '../../../services/privacy/privacy.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import { rateLimit } from '../../middleware/rate-limit.js'
import type { ReadingTime } from '../../presenters/cases.js'
import { presentPersonalData } from '../../presenters/personal-data.js'
import type { MpState } from '../../state.js'
import { erasureAnswer, WITHDRAWN_CONSENT_MESSAGE } from '../../presenters/privacy-answers.js'
import { parse } from '../../validate.js'
import { caseIdParam } from '../cases/schemas.js'
import { phoneBody } from './schemas.js'

export interface PrivacyRoutesDeps {
  sessions: MpSessions
  privacy: PrivacyService
  exporter: PersonalDataExport
  erasure: PersonalDataErasure
  correction: PersonalDataCorrection
  /** The time zone and the moment in which a person reads their copy. */
  reading: () => ReadingTime
}

/** A person's rights over their data (PIPL arts. 15, 45, 46, 47): a copy, correcting her phone, withdrawing consent, erasure. */
export function privacyRoutes({ sessions, privacy, exporter, erasure, correction, reading }: PrivacyRoutesDeps) {
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

  // 更正 (art. 46): the WeChat-bound phone on her account, changed or removed.
  router.put('/me/phone', async (ctx) => {
    const { phone } = parse(phoneBody, ctx.state.body ?? {}, 'body')
    await correction.accountPhone(ctx.state.mpUser, phone)
    ctx.body = { hasPhone: phone !== null, message: phone === null ? '已删除微信绑定的手机号。' : '已改好您的手机号。' }
  })

  // The contact phone left with one of her own messages still being handled.
  router.put('/me/cases/:id/phone', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    const { phone } = parse(phoneBody, ctx.state.body ?? {}, 'body')
    const ticket = await correction.casePhone(ctx.state.mpUser, id, phone)
    ctx.body = {
      ticket,
      hasPhone: phone !== null,
      message: phone === null ? `已删除留言 ${ticket} 里的电话。` : `已改好留言 ${ticket} 里的电话，代表会打新号码。`,
    }
  })

  router.delete('/consent', async (ctx) => {
    await privacy.withdrawConsent(ctx.state.mpUser.id)
    ctx.body = { consentVersion: null, message: WITHDRAWN_CONSENT_MESSAGE }
  })

  router.delete('/me', async (ctx) => {
    ctx.body = erasureAnswer(await erasure.erase(ctx.state.mpUser))
  })

  return router
}

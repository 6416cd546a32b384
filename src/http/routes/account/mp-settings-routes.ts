import Router from '@koa/router'
import type { Config } from '../../../config.js'
import { RESIDENT_NOTICE_KINDS, templatesToAsk } from '../../../services/accounts/notice-templates.js'
import { templateFor } from '../../../services/delivery/senders.js'
import type { AppState } from '../../state.js'

/** What the mini-program must agree with the backend on, read from the one config. */
export interface MpSettings {
  /** A resident's templates to ask permission for (wx.requestSubscribeMessage), at most three: after a message is sent, and in 我的; none while WeChat sending is off. */
  subscribeTemplateIds: string[]
  /** Photos one message may carry. */
  maxPhotos: number
  /** A closed message rated at most this, within reopenWindowDays of the reply, may be reopened. */
  reopenMaxRating: number
  reopenWindowDays: number
  /** The topics a message can be about: the 办理选登 page filters by them. */
  topics: string[]
  /** The chat account's WeChat nickname (config bot.nickname): what a page tells a person to find or write to. */
  botName: string
}

export const mpSettingsOf = (config: Config): MpSettings => ({
  // A resident's: WeChat takes at most three at one tap, so those she most waits for (a deputy asks for his own, GET /api/mp/deputy/notices).
  // None while WeChat sending is switched off (templateFor, as the deputy's): a yes to WeChat would bring her nothing.
  subscribeTemplateIds: templatesToAsk(RESIDENT_NOTICE_KINDS, (kind) => templateFor(config, kind)),
  maxPhotos: config.uploads.maxPerCase,
  reopenMaxRating: config.cases.reopenMaxRating,
  reopenWindowDays: config.cases.reopenWindowDays,
  topics: [...config.business.topics],
  botName: config.bot.nickname,
})

/** Public: the mini-program reads these before anyone logs in. */
export interface MpSettingsRoutesDeps {
  settings: MpSettings
}

export function mpSettingsRoutes({ settings }: MpSettingsRoutesDeps) {
  const router = new Router<AppState>()
  router.get('/api/mp/settings', (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=300')
    ctx.body = settings
  })
  return router
}

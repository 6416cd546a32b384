import Koa from 'koa'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import type { Services } from '../services/index.js'
import type { Store } from '../store/ports.js'
import { errorHandler } from './middleware/errors.js'
import { expensiveLimits } from './middleware/expensive-limits.js'
import { jsonBody } from './middleware/json-body.js'
import { consoleOriginCheck } from './middleware/origin-check.js'
import { routedPath } from './middleware/routed-path.js'
import { securityHeaders } from './middleware/security-headers.js'
import { requestContext } from './middleware/request-context.js'
import { auditRoutes } from './routes/audit/routes.js'
import { authRoutes } from './routes/auth/routes.js'
import { directoryAdminRoutes } from './routes/directory/admin-routes.js'
import { directoryMpRoutes } from './routes/directory/mp-routes.js'
import { healthRoutes } from './routes/health/routes.js'
import { qrCodeRoutes } from './routes/qrcodes/routes.js'
import { staffRoutes } from './routes/staff/routes.js'
import type { AppState } from './state.js'
import type { Clock } from '../clock.js'
import { adminCaseRoutes } from './routes/cases/admin-routes.js'
import { deputyCaseRoutes } from './routes/cases/deputy-routes.js'
import { residentCaseRoutes } from './routes/cases/resident-routes.js'
import { uploadRoutes } from './routes/uploads/routes.js'
import { accountRoutes } from './routes/account/routes.js'
import { outboxRoutes } from './routes/outbox/routes.js'
import { botRoutes } from './routes/bot/routes.js'
import { digestRoutes } from './routes/digests/routes.js'
import { adminCampaignRoutes } from './routes/campaigns/admin-routes.js'
import { mpCampaignRoutes } from './routes/campaigns/mp-routes.js'
import { staffReadingRoutes } from './routes/campaigns/staff-routes.js'
import { botMeetingRoutes } from './routes/bot/meeting-routes.js'
import { adminMeetingRoutes } from './routes/meetings/admin-routes.js'
import { mpMeetingRoutes } from './routes/meetings/mp-routes.js'
import { adminQuizRoutes } from './routes/quizzes/admin-routes.js'
import { mpQuizRoutes } from './routes/quizzes/mp-routes.js'
import { adminSurveyRoutes } from './routes/surveys/admin-routes.js'
import { mpSurveyRoutes } from './routes/surveys/mp-routes.js'
import { calendarRoutes } from './routes/calendar/routes.js'
import { topicRoutes } from './routes/topics/routes.js'
import { mpTaskRoutes } from './routes/tasks/mp-routes.js'
import { adminBallotRollRoutes } from './routes/surveys/roll-routes.js'
import { privacyRoutes } from './routes/privacy/routes.js'
import { botPrivacyRoutes } from './routes/bot/privacy-routes.js'

/** The Koa app: request context, errors, JSON bodies, then one router per area. */
export function createHttpApp(config: Config, logger: Logger, store: Store, services: Services, clock: Clock) {
  const app = new Koa<AppState>({ proxy: config.http.trustProxy })
  app.silent = true // errors are logged by the error middleware, with the request id

  const jsonLimit = config.http.jsonLimitKb * 1024
  const importLimit = config.http.importLimitMb * 1024 * 1024
  const ordinaryBody = jsonBody(jsonLimit)

  app.use(requestContext(logger))
  app.use(securityHeaders())
  app.use(errorHandler())
  app.use(consoleOriginCheck(config.http.allowedOrigins))
  app.use(expensiveLimits(config.limits))
  // Uploads are multipart and the directory import is large: their routes read the body
  // themselves, after checking who is asking.
  const readsOwnBody = new Set(['/api/mp/uploads', '/api/mp/uploads/', '/api/admin/directory/import'])
  app.use((ctx, next) => (readsOwnBody.has(routedPath(ctx.path)) ? next() : ordinaryBody(ctx, next)))

  const routers = [
    healthRoutes(store, services.calendar),
    authRoutes(services.auth, { secureCookies: config.http.secureCookies }),
    directoryMpRoutes(services.directory),
    directoryAdminRoutes({ auth: services.auth, directory: services.directory, importer: services.importer, store, importBody: jsonBody(importLimit) }),
    staffRoutes(services.auth, services.staff),
    auditRoutes(services.auth, store.audit),
    qrCodeRoutes(services.auth, services.directory, services.qrCodes),
    residentCaseRoutes({
      sessions: services.mpSessions, submitter: services.submitter, workflow: services.workflow, queries: services.caseQueries,
      privacy: services.privacy, uploads: services.uploads, idempotency: store.idempotency, clock, maxImages: config.uploads.maxPerCase,
      submitLimitPerTenMinutes: config.cases.submitLimitPerTenMinutes, timeZone: config.business.timeZone,
    }),
    deputyCaseRoutes(services.mpSessions, services.workflow, services.caseQueries, clock, config.business.timeZone),
    adminCaseRoutes(services.auth, services.workflow, services.caseQueries, services.routing, services.caseReports, clock),
    uploadRoutes(services.mpSessions, services.uploads, config.uploads.maxBytes, clock),
    accountRoutes(services.accounts, services.mpSessions, services.auth, services.directory, services.botPeople, config.limits),
    privacyRoutes(services.mpSessions, services.privacy, services.personalData, services.erasure, () => ({ timeZone: services.calendar.timeZone, now: clock.now() })),
    outboxRoutes(services.botOutbox, services.auth, store, clock, config.bot.secret),
    botRoutes(services, store, clock, config.bot.secret, config.cases.reopenMaxRating),
    digestRoutes(services.digests, services.mpSessions, services.auth, services.directory),
    adminCampaignRoutes({ auth: services.auth, campaigns: services.campaigns, progress: services.campaignProgress, idempotency: store.idempotency, clock }),
    mpCampaignRoutes(services.mpSessions, services.campaignReading, clock),
    staffReadingRoutes(services.auth, services.campaignReading),
    adminMeetingRoutes({
      auth: services.auth, meetings: services.meetings, reports: services.meetingReports, qrCodes: services.qrCodes,
      idempotency: store.idempotency, clock, timeZone: config.business.timeZone,
    }),
    mpMeetingRoutes(services.mpSessions, services.meetingInvitations),
    adminQuizRoutes({ auth: services.auth, quizzes: services.quizzes, results: services.quizResults, idempotency: store.idempotency, clock }),
    mpQuizRoutes(services.mpSessions, services.quizTaking, services.quizResults, clock),
    adminSurveyRoutes({ auth: services.auth, surveys: services.surveys, reports: services.surveyReports, qrCodes: services.qrCodes, idempotency: store.idempotency, clock }),
    mpSurveyRoutes(services.mpSessions, services.surveyResponses),
    mpTaskRoutes(services.mpSessions, services.tasks),
    adminBallotRollRoutes(services.auth, services.ballotRoll),
    botMeetingRoutes(services, store, config.bot.secret, config.business.timeZone),
    calendarRoutes(services.auth, services.calendar, store.idempotency, clock),
    botPrivacyRoutes(services, config.bot.secret),
    topicRoutes({ auth: services.auth, corrections: services.topicCorrections, models: services.topicModels, queries: services.caseQueries, topics: config.business.topics, clock }),
  ]
  for (const router of routers) app.use(router.routes()).use(router.allowedMethods())
  return app
}

import Koa from 'koa'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import type { Services } from '../services/index.js'
import type { IdempotencyRepo } from '../store/idempotency-port.js'
import { errorHandler } from './middleware/errors.js'
import { expensiveLimits } from './middleware/expensive-limits.js'
import { jsonBody } from './middleware/json-body.js'
import { consoleOriginCheck } from './middleware/origin-check.js'
import { routedPath } from './middleware/routed-path.js'
import { securityHeaders } from './middleware/security-headers.js'
import { serverToday } from './middleware/server-today.js'
import { consoleStatic } from './middleware/console-static.js'
import { requestContext } from './middleware/request-context.js'
import { dispatchByPath, type Mountable } from './route-dispatch.js'
import { auditRoutes } from './routes/audit/routes.js'
import { authRoutes } from './routes/auth/routes.js'
import { directoryAdminRoutes } from './routes/directory/admin-routes.js'
import { directoryMpRoutes } from './routes/directory/mp-routes.js'
import { ownAwayRoutes } from './routes/directory/own-away-routes.js'
import { healthRoutes } from './routes/health/routes.js'
import { qrCodeRoutes } from './routes/qrcodes/routes.js'
import { staffRoutes } from './routes/staff/routes.js'
import { unitRoutes } from './routes/directory/unit-routes.js'
import { deputySuggestionRoutes } from './routes/suggestions/deputy-routes.js'
import { adminSuggestionRoutes } from './routes/suggestions/admin-routes.js'
import { unitSuggestionRoutes } from './routes/suggestions/unit-routes.js'
import { publicSuggestionRoutes } from './routes/suggestions/public-routes.js'
import { unitChoiceRoutes } from './routes/suggestions/unit-choice-routes.js'
import type { AppState } from './state.js'
import type { Clock } from '../clock.js'
import { adminCaseRoutes } from './routes/cases/admin-routes.js'
import { consoleCaseRoutes } from './routes/cases/console-routes.js'
import { residentRequestRoutes } from './routes/cases/resident-request-routes.js'
import { deputyCaseRoutes } from './routes/cases/deputy-routes.js'
import { residentCaseRoutes } from './routes/cases/resident-routes.js'
import { uploadRoutes } from './routes/uploads/routes.js'
import { accountRoutes } from './routes/account/routes.js'
import { mpSettingsOf, mpSettingsRoutes } from './routes/account/mp-settings-routes.js'
import { outboxRoutes } from './routes/outbox/routes.js'
import { botRoutes } from './routes/bot/routes.js'
import { digestRoutes } from './routes/digests/routes.js'
import { adminCampaignRoutes } from './routes/campaigns/admin-routes.js'
import { mpCampaignRoutes } from './routes/campaigns/mp-routes.js'
import { staffReadingRoutes } from './routes/campaigns/staff-routes.js'
import { campaignLevelRoutes } from './routes/campaigns/level-routes.js'
import { botMeetingRoutes } from './routes/bot/meeting-routes.js'
import { adminMeetingRoutes } from './routes/meetings/admin-routes.js'
import { mpMeetingRoutes } from './routes/meetings/mp-routes.js'
import { meetingFileRoutes } from './routes/meetings/file-routes.js'
import { MEETING_FILE_UPLOAD_PATH, meetingFileUploadRoutes } from './routes/meetings/file-upload-routes.js'
import { adminQuizRoutes } from './routes/quizzes/admin-routes.js'
import { mpQuizRoutes } from './routes/quizzes/mp-routes.js'
import { adminSurveyRoutes } from './routes/surveys/admin-routes.js'
import { mpSurveyRoutes } from './routes/surveys/mp-routes.js'
import { publicSurveyRoutes } from './routes/surveys/public-routes.js'
import { calendarRoutes } from './routes/calendar/routes.js'
import { topicRoutes } from './routes/topics/routes.js'
import { mpTaskRoutes } from './routes/tasks/mp-routes.js'
import { adminBallotRollRoutes } from './routes/surveys/roll-routes.js'
import { privacyRoutes } from './routes/privacy/routes.js'
import { botPrivacyRoutes } from './routes/bot/privacy-routes.js'
import { adminAnalysisRoutes } from './routes/analysis/admin-routes.js'
import { publicAnalysisRoutes } from './routes/analysis/public-routes.js'
import { publicConsentRoutes } from './routes/analysis/mp-routes.js'

import { staffMeRoutes } from './routes/auth/me-routes.js'
import { privacyNoticeRoutes } from './routes/privacy/notice-routes.js'
import { imageRoutes } from './routes/uploads/image-routes.js'
import { unitUploadRoutes } from './routes/uploads/unit-routes.js'
import { mpLoginRoutes } from './routes/account/login-routes.js'
import { bindingCodeRoutes } from './routes/account/staff-routes.js'
import { unitAccountRoutes } from './routes/account/unit-routes.js'
import { botOutboxRoutes } from './routes/bot/outbox-routes.js'
import { deputyDigestRoutes } from './routes/digests/mp-routes.js'
import { deputyNoticeRoutes } from './routes/account/deputy-notices-routes.js'
import { publicMeetingRoutes } from './routes/meetings/public-routes.js'
import { publicRegistrationRoutes } from './routes/meetings/registration-routes.js'
import { mpRecordRoutes } from './routes/records/mp-routes.js'
import { mpAppraisalRoutes } from './routes/records/appraisal-routes.js'
import { adminRecordRoutes } from './routes/records/admin-routes.js'
import { adminLivelihoodRoutes } from './routes/livelihood/admin-routes.js'
import { unitLivelihoodRoutes } from './routes/livelihood/unit-routes.js'
import { mpLivelihoodRoutes } from './routes/livelihood/mp-routes.js'
import { deputyLivelihoodRoutes } from './routes/livelihood/deputy-routes.js'
import { publicLivelihoodRoutes } from './routes/livelihood/public-routes.js'

/** The Koa app: request context, errors, JSON bodies, then one router per area. */
export function createHttpApp(
  config: Config,
  logger: Logger,
  store: { idempotency: IdempotencyRepo; ping(): Promise<void> },
  services: Services,
  clock: Clock,
) {
  // Behind our own proxies, the client is the entry the first of them wrote: counted from the right of
  // X-Forwarded-For, since anything to its left is whatever the client chose to send.
  const app = new Koa<AppState>({ proxy: config.http.trustProxy, maxIpsCount: config.http.trustProxy ? config.http.proxyHops : 0 })
  app.silent = true // errors are logged by the error middleware, with the request id

  const jsonLimit = config.http.jsonLimitKb * 1024
  const importLimit = config.http.importLimitMb * 1024 * 1024
  const ordinaryBody = jsonBody(jsonLimit)

  app.use(requestContext(logger))
  app.use(securityHeaders())
  app.use(serverToday(clock, config.business.timeZone))
  app.use(
    errorHandler({
      storeReady: () =>
        store.ping().then(
          () => true,
          () => false,
        ),
    }),
  )
  app.use(consoleStatic()) // the built console at /console/; nothing else
  app.use(consoleOriginCheck(config.http.allowedOrigins))
  // Refused import files count by size: as many full-size ones as imports (10 × 20 MiB by default), far more small ones.
  app.use(
    expensiveLimits(config.limits, { refusedImportMiB: config.limits.importsPerStaff * config.http.importLimitMb, importLimitMb: config.http.importLimitMb }),
  )
  // Uploads are multipart and the directory import is large: their routes read the body
  // themselves, after checking who is asking.
  const readsOwnBody = new Set([
    '/api/mp/uploads',
    '/api/mp/uploads/',
    '/api/unit/uploads',
    '/api/unit/uploads/',
    '/api/admin/directory/import',
    MEETING_FILE_UPLOAD_PATH,
    `${MEETING_FILE_UPLOAD_PATH}/`,
  ])
  app.use((ctx, next) => (readsOwnBody.has(routedPath(ctx.path)) ? next() : ordinaryBody(ctx, next)))

  const { timeZone } = config.business
  const botSecret = config.bot.secret
  const { auth, mpSessions: sessions, directory } = services
  const { idempotency } = store
  const routers: Mountable[] = [
    healthRoutes({ readiness: services.readiness }),
    authRoutes({ auth, secureCookies: config.http.secureCookies, timeZone, botName: config.bot.nickname }),
    staffMeRoutes({ auth, secureCookies: config.http.secureCookies, timeZone, botName: config.bot.nickname }),
    directoryMpRoutes({ directory }),
    directoryAdminRoutes({
      auth,
      directory,
      importer: services.importer,
      importBody: jsonBody(importLimit),
      away: services.deputyAway,
      demoLeftovers: services.demoLeftovers,
      dutyClashes: services.dutyClashes,
      dutyDays: services.stationDutyDays,
    }),
    staffRoutes({ auth, staff: services.staff, activation: { clock, validDays: config.security.activationValidDays, timeZone } }),
    unitRoutes({ auth, units: services.units }),
    deputySuggestionRoutes({
      sessions,
      drafts: services.suggestionDrafts,
      cosigning: services.suggestionCosigning,
      view: services.suggestionView,
      idempotency,
      clock,
    }),
    adminSuggestionRoutes({
      auth,
      office: services.suggestionOffice,
      assignment: services.suggestionAssignment,
      pressing: services.suggestionPressing,
      view: services.suggestionView,
    }),
    unitSuggestionRoutes({ auth, units: services.suggestionUnits, view: services.suggestionView }),
    publicSuggestionRoutes({ office: services.suggestionOffice }),
    unitChoiceRoutes({ auth, units: services.suggestionUnits }),
    auditRoutes({ auth, audit: services.audit }),
    qrCodeRoutes({ auth, directory, qrCodes: services.qrCodes }),
    privacyNoticeRoutes({ privacy: services.privacy }),
    residentCaseRoutes({
      sessions,
      submitter: services.submitter,
      workflow: services.workflow,
      queries: services.caseQueries,
      privacy: services.privacy,
      uploads: services.uploads,
      idempotency,
      clock,
      submitLimitPerTenMinutes: config.cases.submitLimitPerTenMinutes,
      timeZone,
    }),
    deputyCaseRoutes({ sessions, workflow: services.workflow, queries: services.caseQueries, clock, timeZone }),
    adminCaseRoutes({
      auth,
      workflow: services.workflow,
      urging: services.urging,
      deputyReach: services.caseDeputyReach,
      queries: services.caseQueries,
      routing: services.routing,
      reports: services.caseReports,
      inbox: services.caseInbox,
      assignTogether: services.assignTogether,
      clock,
      timeZone,
      directory,
    }),
    residentRequestRoutes({ auth, officePrivacy: services.officePrivacy }),
    consoleCaseRoutes({
      auth,
      inbox: services.caseInbox,
      mergeChoices: services.mergeChoices,
      dashboard: services.caseDashboard,
      deputyReach: services.caseDeputyReach,
      clock,
      timeZone,
    }),
    uploadRoutes({ sessions, uploads: services.uploads, maxBytes: config.uploads.maxBytes, clock }),
    imageRoutes({ sessions, uploads: services.uploads, clock }),
    unitUploadRoutes({ auth, uploads: services.uploads, maxBytes: config.uploads.maxBytes, clock }),
    mpLoginRoutes({ accounts: services.accounts, demoLogin: services.demoLogin, limits: config.limits }),
    accountRoutes({ sessions, accounts: services.accounts, chatJoin: services.chatJoin, timeZone }),
    bindingCodeRoutes({ auth, accounts: services.accounts, directory, botPeople: services.botPeople, bindings: services.stationBindings }),
    unitAccountRoutes({ auth, botPeople: services.botPeople }),
    privacyRoutes({
      sessions,
      privacy: services.privacy,
      exporter: services.personalData,
      erasure: services.erasure,
      correction: services.correction,
      overview: services.dataOverview,
      reading: () => ({ timeZone: services.calendar.timeZone, now: clock.now() }),
    }),
    botOutboxRoutes({ outbox: services.botOutbox, botSecret }),
    outboxRoutes({ auth, outbox: services.outboxConsole }),
    botRoutes({
      people: services.botPeople,
      state: services.botState,
      cases: services.botCases,
      privacy: services.privacy,
      directory,
      idempotency,
      clock,
      timeZone: services.calendar.timeZone,
      caseRules: { reopenMaxRating: config.cases.reopenMaxRating, reopenWindowDays: config.cases.reopenWindowDays },
      botSecret,
    }),
    deputyDigestRoutes({ sessions, digests: services.digests, notices: services.deputyNotices }),
    deputyNoticeRoutes({ sessions, notices: services.deputyNotices, accounts: services.accounts }),
    ownAwayRoutes({ sessions, ownAway: services.deputyOwnAway }),
    digestRoutes({ auth, digests: services.digests, directory }),
    adminCampaignRoutes({
      auth,
      campaigns: services.campaigns,
      progress: services.campaignProgress,
      reminders: services.campaignReminders,
      unreadSheet: services.unreadSheet,
      idempotency,
      clock,
    }),
    mpCampaignRoutes({ sessions, reading: services.campaignReading, monthly: services.monthlyStudy, clock }),
    campaignLevelRoutes({ auth, levels: services.campaignLevels, idempotency, clock }),
    staffReadingRoutes({ auth, reading: services.campaignReading }),
    adminMeetingRoutes({
      auth,
      meetings: services.meetings,
      reports: services.meetingReports,
      staffEntries: services.meetingStaffEntries,
      qrCodes: services.qrCodes,
      files: services.meetingFiles,
      idempotency,
      clock,
      timeZone,
    }),
    mpMeetingRoutes({ sessions, invitations: services.meetingInvitations, files: services.meetingFiles, clock, timeZone }),
    meetingFileUploadRoutes({ auth, files: services.meetingFiles, clock }),
    meetingFileRoutes({ files: services.meetingFiles, clock }),
    publicMeetingRoutes({ sessions, invitations: services.meetingInvitations, clock, timeZone }),
    publicRegistrationRoutes({ sessions, invitations: services.meetingInvitations, clock, timeZone }),
    adminQuizRoutes({ auth, quizzes: services.quizzes, results: services.quizResults, idempotency, clock }),
    mpQuizRoutes({ sessions, taking: services.quizTaking, results: services.quizResults, clock, timeZone }),
    adminSurveyRoutes({
      auth,
      surveys: services.surveys,
      opinions: services.consultationOpinions,
      reports: services.surveyReports,
      qrCodes: services.qrCodes,
      idempotency,
      clock,
      outcome: services.consultationOutcome,
      count: services.ballotCount,
    }),
    mpSurveyRoutes({ sessions, responses: services.surveyResponses, clock, timeZone, outcome: services.consultationOutcome, results: services.ballotResults }),
    publicSurveyRoutes({ outcome: services.consultationOutcome }),
    mpTaskRoutes({ sessions, tasks: services.tasks }),
    adminBallotRollRoutes({ auth, roll: services.ballotRoll, reminders: services.surveyReminders, sheet: services.notVotedSheet }),
    botMeetingRoutes({ people: services.botPeople, invitations: services.meetingInvitations, timeZone, clock, botSecret }),
    calendarRoutes({ auth, calendar: services.calendar, idempotency, clock }),
    botPrivacyRoutes({
      people: services.botPeople,
      cases: services.botCases,
      privacy: services.privacy,
      erasure: services.erasure,
      overview: services.dataOverview,
      chatJoin: services.chatJoin,
      botSecret,
    }),
    adminAnalysisRoutes({
      auth,
      hotIssues: services.hotIssues,
      weeklyReports: services.weeklyReports,
      caseSeries: services.caseSeries,
      publications: services.publications,
      clock,
      timeZone,
    }),
    publicAnalysisRoutes({ publications: services.publications, responsiveness: services.responsiveness, timeZone }),
    publicConsentRoutes({ sessions, publications: services.publications }),
    mpSettingsRoutes({ settings: mpSettingsOf(config) }),
    topicRoutes({
      auth,
      corrections: services.topicCorrections,
      models: services.topicModels,
      queries: services.caseQueries,
      deputyReach: services.caseDeputyReach,
      topics: config.business.topics,
      clock,
      timeZone,
      directory,
    }),
    mpRecordRoutes({
      sessions,
      records: services.deputyRecords,
      activities: services.recordActivities,
      appraisals: services.appraisals,
      idempotency,
      clock,
      timeZone,
    }),
    mpAppraisalRoutes({ sessions, appraisals: services.appraisals, clock, timeZone }),
    adminRecordRoutes({
      auth,
      records: services.deputyRecords,
      activities: services.recordActivities,
      rules: services.pointRules,
      appraisals: services.appraisals,
      idempotency,
      clock,
      qrCodes: services.qrCodes,
    }),
    adminLivelihoodRoutes({
      auth,
      cycles: services.livelihoodCycles,
      proposals: services.livelihoodProposals,
      candidates: services.livelihoodCandidates,
      views: services.livelihoodViews,
      uploads: services.uploads,
      clock,
    }),
    unitLivelihoodRoutes({
      auth,
      progress: services.livelihoodProgress,
      uploads: services.uploads,
      clock,
      reportGraceDays: config.livelihood.reportGraceDays,
    }),
    mpLivelihoodRoutes({ sessions, proposals: services.livelihoodProposals, idempotency, clock, timeZone }),
    deputyLivelihoodRoutes({ sessions, ratings: services.livelihoodRatings, uploads: services.uploads, clock }),
    publicLivelihoodRoutes({ views: services.livelihoodViews, uploads: services.uploads, clock }),
  ]
  app.use(dispatchByPath(routers))
  return app
}

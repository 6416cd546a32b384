import type { Clock } from '../clock.js'
import type { Config } from '../config.js'
import { BindingGuard } from './accounts/binding-guard.js'
import { PasswordHasher } from '../security/passwords.js'
import { PiiCipher } from '../security/pii.js'
import type { Store } from '../store/ports.js'
import { AuditTrail } from './audit.js'
import { AuthService } from './accounts/auth.js'
import { MeetingDepartures } from './meetings/meeting-departures.js'
import { DirectoryService } from './directory/directory.js'
import { UnitService } from './directory/units.js'
import { createSuggestionServices } from './suggestions/index.js'
import { DirectoryImporter } from './directory/directory-import.js'
import { QrCodeRenderer } from './qr-codes.js'
import { StaffService } from './accounts/staff.js'
import { CalendarService } from './calendar/calendar.js'
import { bundledHolidayYears } from './calendar/calendar-seed.js'
import { CaseQueries } from './cases/case-queries.js'
import { CaseReports } from './cases/case-reports.js'
import { RoutingService } from './cases/case-routing.js'
import { DirectoryCache } from './directory/directory-cache.js'
import { DeputyHandBack } from './directory/deputy-hand-back.js'
import { DeputyAwayService } from './directory/deputy-away.js'
import { StationDutyDays } from './directory/station-duty-days.js'
import { DeputyOwnAway } from './directory/deputy-own-away.js'
import { localDate } from '../domain/dates.js'
import { CaseRepairs } from './cases/case-repairs.js'
import { CaseSubmitter, type ContentCheck } from './cases/case-submission.js'
import { CaseWorkflow } from './cases/case-workflow.js'
import { CaseUrging } from './cases/case-urging.js'
import { AssignTogether } from './cases/assign-together.js'
import { CaseDeputyReach } from './cases/case-deputy-reach.js'
import { MpSessions } from './accounts/mp-sessions.js'
import { PrivacyService } from './privacy/privacy.js'
import { Uploads } from './cases/uploads.js'
import { PersonalDataExport } from './privacy/personal-data-export.js'
import { OfficePrivacyRequests } from './privacy/office-requests.js'
import { PersonalDataErasure } from './privacy/personal-data-erasure.js'
import { PersonalDataCorrection } from './privacy/personal-data-correction.js'
import { PersonalDataOverview } from './privacy/personal-data-overview.js'
import { CaseInbox } from './cases/case-inbox.js'
import { MergeChoices } from './cases/merge-choices.js'
import { CaseDashboardService } from './cases/case-dashboard.js'
import { DutyClashes } from './directory/duty-clashes.js'
import { StationBindingState } from './directory/station-bindings.js'
import type { Logger } from '../logger.js'
import type { WeChatClient } from '../wechat/client.js'
import type { WeComRobot } from '../wechat/wecom-robot.js'
import { ChannelResolver } from './delivery/channels.js'
import { DeputyNotices } from './accounts/deputy-notices.js'
import { OutboxDispatcher } from './delivery/dispatcher.js'
import { BotOutbox } from './delivery/bot-outbox.js'
import { ReminderDone } from './delivery/reminder-done.js'
import { realSenders, templateFor } from './delivery/senders.js'
import { MpAccounts } from './accounts/mp-account.js'
import { DemoLogin } from './accounts/demo-login.js'
import { DemoLeftovers } from './accounts/demo-leftovers.js'
import { BotPeople } from './bot/bot-people.js'
import { ChatJoin } from './accounts/chat-join.js'
import { BotState } from './bot/bot-state.js'
import { BotCases } from './bot/bot-cases.js'
import { OutboxConsole } from './delivery/outbox-console.js'
import { Readiness } from './readiness.js'
import { createCampaignServices } from './campaigns/campaign-services.js'
import { createQuizServices } from './quizzes/quiz-services.js'
import { createLivelihoodServices } from './livelihood/livelihood-services.js'
import { createMeetingServices } from './meetings/meeting-services.js'
import { createSurveyServices } from './surveys/survey-services.js'
import { createRecordServices } from './records/record-services.js'
import { SlaClocks } from './cases/sla-clocks.js'
import { CaseSystemMoves } from './cases/case-system-moves.js'
import { TaskListService } from './tasks.js'
import { UnreadSheet } from './campaigns/unread-sheet.js'
import { CampaignReminders } from './campaigns/campaign-reminders.js'
import { ReminderRound } from './reminder-round.js'
import { DigestService } from './digests/digests.js'
import { HotIssueService } from './analysis/hot-issues.js'
import { WeeklyReports } from './analysis/weekly-reports.js'
import { PublicationService } from './analysis/publications.js'
import { CaseSeriesReport } from './analysis/case-series.js'
import { PublicResponsiveness } from './analysis/responsiveness.js'
import { TopicModels } from './topics/topic-models.js'
import { TopicCorrections } from './topics/topic-corrections.js'

export type Services = ReturnType<typeof createServices>

/** The adapters to the outside world, built in the composition root (app.ts) and passed in. */
export interface ServiceAdapters {
  /** The WeChat server API, or null when WeChat is not configured. */
  wechat: WeChatClient | null
  robots: WeComRobot
  /** msg_sec_check on residents' texts, or null when it is off. */
  contentCheck: ContentCheck | null
  /** The seed of each new quiz paper's draw; absent, a random one (tests pass theirs to get a paper of a known kind). */
  quizDrawSeed?: () => number
}

/** Every use-case service, wired to one store, one clock and one key. */
export function createServices(config: Config & { security: { secretKey: string } }, store: Store, clock: Clock, logger: Logger, adapters: ServiceAdapters) {
  const { wechat, robots } = adapters
  const cipher = new PiiCipher(config.security.secretKeyId, config.security.secretKey, config.security.previousKeys, (recordId, reason) =>
    // The record id and the reason only, never the envelope: the operator restores the retired key or the row.
    logger.error({ recordId, reason }, 'a stored phone number cannot be decrypted (retired key or damaged row)'),
  )
  /** One count of wrong binding codes for the mini-program and the bot together. */
  const bindingGuard = new BindingGuard(config.limits, { failures: store.loginFailures, clock })
  const passwords = new PasswordHasher(config.security.scryptCost)
  const { timeZone } = config.business
  const directoryCache = new DirectoryCache(store, undefined, config.business.officeName)
  const audit = new AuditTrail(store, clock, timeZone, directoryCache)
  const topics = config.business.topics
  // The calendar must be known this far ahead (the longest reply deadline is weeks away).
  const calendar = new CalendarService({
    store,
    audit,
    clock,
    policy: { timeZone, lookaheadDays: 60, reloadMs: 60_000, sla: { ackHours: config.cases.ackHours, replyWorkingDays: config.cases.replyWorkingDays } },
    bundled: bundledHolidayYears,
  })
  const topicModels = new TopicModels(store, clock, { topics, keywords: config.business.topicKeywords })
  const routing = new RoutingService({
    store,
    directory: directoryCache,
    options: { timeZone, deputyCapacity: config.cases.deputyCapacity, topics, topicKeywords: config.business.topicKeywords },
    clock,
    models: topicModels,
  })
  const policy = { ...config.cases, timeZone }
  const privacy = new PrivacyService(store, clock)
  const subscriptionTemplate = (kind: string) => templateFor(config, kind)
  const resolver = new ChannelResolver(store, { subscribeTemplateFor: subscriptionTemplate, hasRobot: (owner) => owner in config.wecom.robots })
  const outboxPolicy = { ...config.outbox, timeZone, perMinute: { wecom_group: config.wecom.perMinute, ...config.outbox.perMinute } }
  const templateKinds = new Map(
    Object.values(config.wechat.templates)
      .filter((t) => t.id)
      .map((t) => [t.id, t.longTerm]),
  )
  const mpSessions = new MpSessions(store, clock, async (id) => (await directoryCache.prepared()).deputies.get(id)?.active ?? true)
  // 提醒未参与 / 提醒未读: a notice is given as long to be read as a meeting's before anyone is reminded.
  const reminderRound = new ReminderRound(store, resolver, clock, {
    timeZone,
    quietHours: config.outbox.quietHours,
    noticeReadMinutes: config.meetings.remindCooldownMinutes,
  })
  const surveyServices = createSurveyServices(store, clock, timeZone, audit, directoryCache, cipher, reminderRound, privacy.notice.version)
  const { surveys, surveyResponses } = surveyServices
  // A reminder whose deputy has voted, answered or read since it was written is not sent.
  const reminderDone = new ReminderDone(store, surveyResponses, { timeZone })
  const newDispatcher = () =>
    new OutboxDispatcher({
      store,
      reminders: reminderDone,
      resolver,
      senders: realSenders(config, wechat, robots),
      subscriptionTemplate,
      policy: outboxPolicy,
      clock,
      logger,
    })
  const campaignServices = createCampaignServices(store, clock, timeZone, audit, directoryCache, resolver)
  const campaignReminders = new CampaignReminders(campaignServices.campaignProgress, reminderRound, audit, clock, timeZone)
  const quizServices = createQuizServices(
    store,
    campaignServices.campaigns,
    clock,
    { timeZone, privacyVersion: privacy.notice.version },
    audit,
    directoryCache,
    cipher,
    adapters.quizDrawSeed,
  )
  const uploads = new Uploads(
    config.uploads.dir,
    (ownerId) => cipher.blindIndex(`upload:${ownerId}`),
    {
      sign: (text) => cipher.blindIndex(text),
      linkSeconds: config.uploads.linkMinutes * 60,
    },
    config.uploads.maxPerCase,
    store.uploads,
  )
  const caseQueries = new CaseQueries({
    store,
    directory: directoryCache,
    cipher,
    audit,
    clock,
    timeZone,
    similar: { windowDays: config.cases.similarWindowDays, threshold: config.cases.similarThreshold },
    images: uploads,
  })
  const workflow = new CaseWorkflow({ store, directory: directoryCache, calendar, policy, clock, audit })
  // `reach`: a 督办's deputy is told it was reported only when the station or office can receive it.
  const systemMoves = new CaseSystemMoves({ store, directory: directoryCache, calendar, policy, clock, audit, reach: resolver })
  const handBack = new DeputyHandBack({ store, moves: systemMoves })
  const revivalDays = config.outbox.revivalDays
  const chatJoin = new ChatJoin({ store, cipher, clock })
  const botPeople = new BotPeople({
    store,
    sessions: mpSessions,
    cipher,
    audit,
    clock,
    bindingGuard,
    directory: directoryCache,
    timeZone,
    revivalDays,
    chatJoin,
  })
  const submitter = new CaseSubmitter({
    store,
    routing,
    cipher,
    calendar,
    policy,
    privacy: privacy.notice,
    clock,
    checkContent: adapters.contentCheck,
    uploads,
  })
  const erasure = new PersonalDataErasure({ store, workflow, sessions: mpSessions, uploads, clock })
  const publications = new PublicationService({ store, queries: caseQueries, directory: directoryCache, audit, clock })
  const hotIssues = new HotIssueService({ store, queries: caseQueries, directory: directoryCache, clock, options: config.analysis })
  const auth = new AuthService({ store, passwords, audit, clock, settings: config.security, cipher, directory: directoryCache })
  // Meetings ahead follow a deputy who leaves office or moves station (已离任 / 已调到… on their lists).
  const departures = new MeetingDepartures(store, directoryCache, clock, { timeZone, checkInOpensMinutesBefore: config.meetings.checkInOpensMinutesBefore })
  const directory = new DirectoryService({
    store,
    cipher,
    audit,
    topics,
    cache: directoryCache,
    onChange: () => directoryCache.invalidate(),
    handBack,
    today: () => localDate(clock.now(), timeZone),
    departures,
  })
  const dutyClashes = new DutyClashes({ store, clock, timeZone })
  const accounts = new MpAccounts({
    store,
    sessions: mpSessions,
    wechat,
    cipher,
    audit,
    clock,
    templates: { longTerm: (id) => templateKinds.get(id) ?? null, answer: subscriptionTemplate('case.replied')?.id ?? null },
    bindingGuard,
    revivalDays,
    noticeVersion: privacy.notice.version,
  })
  return {
    cipher,
    passwords,
    audit,
    auth,
    directory,
    deputyAway: new DeputyAwayService({ store, directory, audit, clock, timeZone, onChange: () => directoryCache.invalidate() }),
    stationDutyDays: new StationDutyDays({ store, directory, audit, clock, timeZone, onChange: () => directoryCache.invalidate() }),
    deputyOwnAway: new DeputyOwnAway({ store, audit, clock, timeZone, onChange: () => directoryCache.invalidate() }),
    /** The lists of meetings ahead kept true to the directory (moves, leaving office, newcomers); mended by the maintenance job. */
    meetingDepartures: departures,
    importer: new DirectoryImporter({ store, cipher, passwords, audit, topics, clock, timeZone, onChange: () => directoryCache.invalidate(), departures }),
    staff: new StaffService(store, passwords, audit, auth.throttle, () => directoryCache.invalidate(), !!config.security.adminPassword),
    units: new UnitService(store, audit),
    qrCodes: new QrCodeRenderer(
      { qrLinkPrefix: config.miniprogram.qrLinkPrefix, cityName: config.business.cityName },
      wechat ? (scene) => wechat.miniProgramCode({ scene, page: config.miniprogram.landingPage }) : null,
    ),
    calendar,
    routing,
    topicModels,
    topicCorrections: new TopicCorrections({ store, directory: directoryCache, models: topicModels, audit, topics, clock }),
    privacy,
    mpSessions,
    wechat,
    dispatcher: newDispatcher(),
    /** Another dispatcher on the same store, as a second backend instance runs one. */
    newDispatcher,
    botOutbox: new BotOutbox(store, outboxPolicy, clock, resolver, reminderDone),
    botPeople,
    chatJoin,
    botCases: new BotCases({
      people: botPeople,
      submitter,
      queries: caseQueries,
      workflow,
      topics: { topics, keywords: config.business.topicKeywords },
      similarThreshold: config.cases.similarThreshold,
    }),
    outboxConsole: new OutboxConsole(store, clock, directoryCache),
    readiness: new Readiness(store, calendar, wechat),
    demoLeftovers: new DemoLeftovers(store),
    botState: new BotState(store, directoryCache, clock),
    accounts,
    demoLogin: new DemoLogin({
      store,
      sessions: mpSessions,
      accounts,
      audit,
      wechatConfigured: wechat !== null,
      demoConfigured: config.demo.seedOnEmptyStore,
    }),
    uploads,
    submitter,
    workflow,
    deputyNotices: new DeputyNotices(store, subscriptionTemplate),
    urging: new CaseUrging({ store, directory: directoryCache, audit, timeZone, clock, logger }),
    /** Whether the deputy holding a message hears of it: the case page says so beside the deputy (请电话联系). */
    caseDeputyReach: new CaseDeputyReach(resolver, store, timeZone),
    slaClocks: new SlaClocks(store, systemMoves, config.cases, clock),
    caseRepairs: new CaseRepairs({ store, workflow, handBack }),
    personalData: new PersonalDataExport({ store, queries: caseQueries, privacy, cipher, clock }),
    erasure,
    /** What a resident asks of the 联络站 about her data (the notice's “也可以联系联络站”), on one of her messages. */
    officePrivacy: new OfficePrivacyRequests({ store, queries: caseQueries, erasure, audit, clock }),
    correction: new PersonalDataCorrection({ store, cipher, clock, workflow }),
    dataOverview: new PersonalDataOverview({
      // The same copy 导出 gives (stateless: a second instance costs nothing), so the page and the copy agree.
      exporter: new PersonalDataExport({ store, queries: caseQueries, privacy, cipher, clock }),
      store,
      directory: directoryCache,
      workflow,
      answerTemplateId: subscriptionTemplate('case.replied')?.id ?? null,
    }),
    caseQueries,
    caseReports: new CaseReports(store, caseQueries, directoryCache, clock),
    caseInbox: new CaseInbox({ store, queries: caseQueries, directory: directoryCache, clock, timeZone, audit }),
    /** 批量分派: the ticked messages to one deputy, with one note and one 要求答复日期, each as 分派 gives it. */
    assignTogether: new AssignTogether({ workflow, store, directory: directoryCache, calendar, clock, timeZone }),
    mergeChoices: new MergeChoices({ store, queries: caseQueries, hotIssues, directory: directoryCache }),
    caseDashboard: new CaseDashboardService({ store, queries: caseQueries, directory: directoryCache, clock, timeZone, clashes: dutyClashes }),
    /** Duty deputies expected at a meeting the same day: the station's roster and the clerk's 工作概览 say so. */
    dutyClashes,
    /** Who of a station is bound in the mini-program and the chat, and its WeChat group: the 绑定码 page says so. */
    stationBindings: new StationBindingState(store, resolver),
    ...campaignServices,
    ...quizServices,
    digests: new DigestService({
      store,
      directory: directoryCache,
      reading: campaignServices.readingDigest,
      settings: { timeZone, sendAt: config.digest.sendAt, channelPerMinute: config.digest.channelPerMinute, quietHours: config.outbox.quietHours },
      clock,
      responses: surveyResponses,
      calendar,
      quizzes: quizServices.quizTaking,
    }),
    ...createMeetingServices(store, clock, audit, directoryCache, cipher, {
      timeZone,
      meetings: config.meetings,
      uploads: config.uploads,
      quietHours: config.outbox.quietHours,
      officeName: config.business.officeName,
    }),
    ...surveyServices,
    campaignReminders,
    unreadSheet: new UnreadSheet(campaignReminders, directoryCache, resolver, audit),
    tasks: new TaskListService({ store, responses: surveyResponses, quizzes: quizServices.quizTaking, clock, settings: { timeZone } }),
    hotIssues,
    weeklyReports: new WeeklyReports(store, directoryCache, clock, { timeZone, reportGraceDays: config.livelihood.reportGraceDays }),
    caseSeries: new CaseSeriesReport({ store, queries: caseQueries, directory: directoryCache, clock, options: { timeZone } }),
    publications,
    responsiveness: new PublicResponsiveness(store, directoryCache, clock, { timeZone }),
    ...createRecordServices({ store, clock, timeZone, audit, directory: directoryCache, uploads, surveys, responses: surveyResponses }),
    ...createLivelihoodServices(store, surveys, clock, audit, { timeZone, ...config.livelihood }, directoryCache, uploads, {
      count: surveyServices.ballotCount,
      responses: surveyResponses,
    }),
    ...createSuggestionServices({ store, directory: directoryCache, clock, timeZone, uploads, submitter, audit, rules: config.suggestions }),
  }
}

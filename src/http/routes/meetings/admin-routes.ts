import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { MeetingRecord } from '../../../domain/meeting.js'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { MeetingReports } from '../../../services/meetings/meeting-reports.js'
import type { MeetingService } from '../../../services/meetings/meetings.js'
import type { MeetingFiles } from '../../../services/meetings/meeting-files.js'
import type { MeetingStaffEntries } from '../../../services/meetings/meeting-staff-entries.js'
import { readMeetingCreateForm, readMeetingEditForm } from '../../../services/meetings/meeting-create-form.js'
import type { QrCodeRenderer } from '../../../services/qr-codes.js'
import type { IdempotencyRepo } from '../../../store/idempotency-port.js'
import { requireStaff } from '../../middleware/auth.js'
import { idempotent } from '../../middleware/idempotency.js'
import {
  presentInvitee,
  presentMeeting as presentWithLinks,
  presentMeetingSummary,
  presentInviteePreview,
  presentPersonAttendance,
  presentTable,
} from '../../presenters/meetings.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import {
  addInviteesBody,
  attendanceQuery,
  cancelBody,
  createBody,
  editBody,
  inviteeParam,
  listQuery,
  meetingIdParam,
  remindBody,
  staffEntryBody,
} from './schemas.js'

export interface AdminMeetingDeps {
  auth: AuthService
  meetings: MeetingService
  reports: MeetingReports
  staffEntries: MeetingStaffEntries
  qrCodes: QrCodeRenderer
  /** Signs links to the files the office uploaded (the staff member may see the meeting). */
  files: Pick<MeetingFiles, 'link'>
  idempotency: IdempotencyRepo
  clock: Clock
  timeZone: string
}

/** Organizers (and admins) run meetings: create, edit, publish, cancel; follow answers and attendance. */
export function adminMeetingRoutes({ auth, meetings, reports, staffEntries, qrCodes, files, idempotency, clock, timeZone }: AdminMeetingDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin/meetings' })
  router.use(requireStaff(auth, 'organizer', 'admin'))
  const idOf = (params: unknown) => parse(meetingIdParam, params, 'params').id
  const presentMeeting = (m: MeetingRecord) => presentWithLinks(m, (a) => files.link(a, clock.now()))

  router.post(
    '/',
    idempotent(idempotency, clock, (s: StaffState) => `staff:${s.staff.id}`),
    async (ctx) => {
      const body = ctx.state.body
      const draft = readMeetingCreateForm(() => parse(createBody, body, 'body'), body, clock.now())
      ctx.status = 201
      ctx.body = presentMeeting(await meetings.create(ctx.state.staff, draft))
    },
  )

  /** The live preview while creating: how many people the selector names, and who (the first 200 by name). */
  router.post('/invitee-preview', async (ctx) => {
    const people = await meetings.previewInvitees(ctx.state.staff, parse(addInviteesBody, ctx.state.body, 'body').selector)
    ctx.body = presentInviteePreview(people)
  })

  router.get('/', async (ctx) => {
    const { cursor, limit, ...filters } = parse(listQuery, ctx.query, 'query')
    const page = await meetings.list(ctx.state.staff, { ...filters, cursor, limit })
    ctx.body = { items: page.items.map(presentMeetingSummary), nextCursor: page.nextCursor }
  })

  /** Each person's attendance rate over meetings that started in the period (述职: 出席率). */
  router.get('/attendance', async (ctx) => {
    const { meetings: count, people } = await reports.byPerson(ctx.state.staff, parse(attendanceQuery, ctx.query, 'query'))
    ctx.body = { meetings: count, items: people.map(presentPersonAttendance) }
  })

  router.get('/:id', async (ctx) => {
    ctx.body = presentMeeting(await meetings.visible(ctx.state.staff, idOf(ctx.params)))
  })

  router.patch('/:id', async (ctx) => {
    const id = idOf(ctx.params)
    const body = ctx.state.body
    const read = () => parse(editBody, body, 'body')
    const { tellNewPapers, ...patch } = await readMeetingEditForm(read, body, async () => (await meetings.managed(ctx.state.staff, id)).m, clock.now())
    const { meeting, papersTold } = await meetings.edit(ctx.state.staff, id, patch, { tellNewPapers })
    // How many invitees 会议材料已更新 goes to (those on leave are not told), for the organizer to read; null when not asked.
    ctx.body = { ...presentMeeting(meeting), papersTold }
  })

  router.post('/:id/publish', async (ctx) => {
    ctx.body = presentMeeting(await meetings.publish(ctx.state.staff, idOf(ctx.params)))
  })

  router.post('/:id/cancel', async (ctx) => {
    const id = idOf(ctx.params)
    ctx.body = presentMeeting(await meetings.cancel(ctx.state.staff, id, parse(cancelBody, ctx.state.body ?? {}, 'body').reason ?? null))
  })

  /** The live answer table (who comes, who asked for leave and why, who has not answered). */
  router.get('/:id/invitees', async (ctx) => {
    ctx.body = presentTable(await reports.table(ctx.state.staff, idOf(ctx.params)))
  })

  /** Corrections after publishing: more invitees, who then get the notice (nobody twice). */
  router.post('/:id/invitees', async (ctx) => {
    const id = idOf(ctx.params)
    const { meeting, added } = await meetings.addInvitees(ctx.state.staff, id, parse(addInviteesBody, ctx.state.body, 'body').selector)
    ctx.body = { meeting: presentMeeting(meeting), added: added.map(presentInvitee) }
  })

  /** The live preview of 增加参会人员: who would be added, and how many of those named are on the list already. */
  router.post('/:id/invitee-preview', async (ctx) => {
    const id = idOf(ctx.params)
    const { people, alreadyInvited } = await meetings.previewAdditions(ctx.state.staff, id, parse(addInviteesBody, ctx.state.body, 'body').selector)
    ctx.body = presentInviteePreview(people, alreadyInvited)
  })

  /** 补签 / 代请假: staff record attendance or leave for one invitee (audited); DELETE undoes a staff record. */
  router.post('/:id/invitees/:personKind/:personId/entry', async (ctx) => {
    const { id, personKind, personId } = parse(inviteeParam, ctx.params, 'params')
    const { kind, note } = parse(staffEntryBody, ctx.state.body, 'body')
    ctx.body = presentInvitee(await staffEntries.record(ctx.state.staff, id, { kind: personKind, id: personId }, kind, note))
  })

  router.delete('/:id/invitees/:personKind/:personId/entry', async (ctx) => {
    const { id, personKind, personId } = parse(inviteeParam, ctx.params, 'params')
    ctx.body = presentInvitee(await staffEntries.undo(ctx.state.staff, id, { kind: personKind, id: personId }))
  })

  router.post('/:id/remind', async (ctx) => {
    const id = idOf(ctx.params)
    parse(remindBody, ctx.state.body, 'body')
    ctx.body = await meetings.remindNonResponders(ctx.state.staff, id)
  })

  router.get('/:id/attendance', async (ctx) => {
    const { meeting, counts } = await reports.table(ctx.state.staff, idOf(ctx.params))
    ctx.body = { meeting: presentMeetingSummary(meeting), ...counts }
  })

  router.get('/:id/attendance.csv', async (ctx) => {
    const { title, csv } = await reports.csv(ctx.state.staff, idOf(ctx.params))
    ctx.type = 'text/csv; charset=utf-8'
    ctx.set('Content-Disposition', `attachment; filename="attendance.csv"; filename*=UTF-8''${encodeURIComponent(`${title}-签到表.csv`)}`)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = csv
  })

  router.get('/:id/qrcode.png', async (ctx) => {
    const m = await meetings.visible(ctx.state.staff, idOf(ctx.params))
    ctx.type = 'image/png'
    ctx.set('Content-Disposition', `inline; filename="meeting-${m.shortCode}.png"`)
    ctx.body = await qrCodes.meetingPoster(m, timeZone, clock.now())
  })

  return router
}

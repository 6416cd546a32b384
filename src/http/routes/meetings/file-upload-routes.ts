import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { AuthService } from '../../../services/accounts/auth.js'
import { FILE_TYPES_WORDS, type MeetingFiles } from '../../../services/meetings/meeting-files.js'
import { requireStaff } from '../../middleware/auth.js'
import { rateLimit } from '../../middleware/rate-limit.js'
import { presentMeetingFile } from '../../presenters/meeting-files.js'
import { readNamedFile } from '../../read-one-file.js'
import type { StaffState } from '../../state.js'

export interface MeetingFileRoutesDeps {
  auth: AuthService
  files: MeetingFiles
  clock: Clock
}

/** The upload's path: its body is read by the route (multipart), not by the JSON body parser. */
export const MEETING_FILE_UPLOAD_PATH = '/api/admin/meeting-files'

/**
 * Organizers upload a meeting's papers one file at a time from the meeting form, then save the
 * meeting with it among its attachments (the meeting checks it is theirs). Its name on their
 * computer comes back as the attachment's name.
 */
export function meetingFileUploadRoutes({ auth, files, clock }: MeetingFileRoutesDeps) {
  const router = new Router<StaffState>({ prefix: MEETING_FILE_UPLOAD_PATH })
  router.use(requireStaff(auth, 'organizer', 'admin'))
  const words = {
    notMultipart: '请用 multipart/form-data 上传文件',
    tooLarge: (mb: number) => `文件太大，最大 ${mb} MB`,
    missing: `没有收到文件。${FILE_TYPES_WORDS}`,
  }

  router.post(
    '/',
    rateLimit('meeting_file_upload', 60, 600, (s: StaffState) => s.staff.id),
    async (ctx) => {
      const { bytes, filename } = await readNamedFile(ctx, files.maxBytes, words)
      ctx.status = 201
      ctx.body = presentMeetingFile(await files.save(bytes, filename, ctx.state.staff.id, clock.now()))
    },
  )

  return router
}

import type { Ref } from 'vue'
import { useFieldProblems } from '../kit/field-problems'

/** Each box of the meeting forms (新建会议, 修改会议) and the server's paths it answers for ("body.selector" takes "body.selector.deputyIds[0]"). */
const MEETING_FIELDS = {
  title: ['body.title'],
  kind: ['body.kind'],
  startAt: ['body.startAt'],
  endAt: ['body.endAt'],
  place: ['body.place'],
  rsvpDeadline: ['body.rsvpDeadline'],
  agenda: ['body.agenda'],
  attachments: ['body.attachments'],
  publicSeats: ['body.publicSeats'],
  selector: ['body.selector'],
  contactName: ['body.contactName'],
  contactPhone: ['body.contactPhone'],
}
type Box = keyof typeof MEETING_FIELDS

/** What both forms hold; only 修改会议 has a 回复截止 box. */
interface MeetingForm {
  title: string
  kind: string
  startAt: string
  endAt: string
  place: string
  agenda: string
  publicSeats: number
  rsvpDeadline?: string
  contactName: string
  contactPhone: string
}

/**
 * A meeting form's problems at its boxes, each gone when its box changes: `at(box)` binds a form
 * item's error; `refused(err)` puts a refusal's problems at their boxes and gives back what no box
 * shows, for the alert. The times are judged together (end after start, replies closing before the
 * start): changing one takes away the words of all. A form without 回复截止 (新建会议) has such a
 * problem said in its alert, never at a box it does not show.
 */
export function useMeetingProblems(form: MeetingForm, attachments: Ref<unknown>, selector: Ref<unknown>) {
  const shown: Partial<Record<Box, string[]>> = Object.fromEntries(
    Object.entries(MEETING_FIELDS).filter(([box]) => box !== 'rsvpDeadline' || 'rsvpDeadline' in form),
  )
  const { problems, at, clearOn, refused } = useFieldProblems(MEETING_FIELDS)
  for (const box of ['title', 'kind', 'place', 'agenda', 'publicSeats'] as const) clearOn(() => form[box], box)
  // A name needs its phone: either box changing takes away the words of both.
  clearOn([() => form.contactName, () => form.contactPhone], 'contactName', 'contactPhone')
  clearOn([() => form.startAt, () => form.endAt, () => form.rsvpDeadline], 'startAt', 'endAt', 'rsvpDeadline')
  clearOn(attachments, 'attachments')
  clearOn(selector, 'selector')
  return { problems, at, refused: (err: unknown) => refused(err, shown) }
}

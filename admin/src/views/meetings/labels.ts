export const MEETING_KINDS = [
  { value: 'standing_committee', label: '常委会会议' },
  { value: 'deputy_activity', label: '代表活动' },
  { value: 'inspection', label: '视察调研' },
  { value: 'training', label: '培训' },
  { value: 'reception_day', label: '接待日' },
  { value: 'other', label: '其他' },
]

/** Colours for states, always beside the words (never colour alone). */
export const STATUS_THEME: Record<string, 'default' | 'primary' | 'success' | 'warning' | 'danger'> = {
  draft: 'default',
  published: 'success',
  cancelled: 'danger',
  attend: 'success',
  leave: 'warning',
  pending: 'default',
  delivered: 'success',
  sent: 'success',
  waiting: 'warning',
  undeliverable: 'danger',
  failed: 'danger',
  dead: 'danger',
  none: 'default',
  superseded: 'default',
}

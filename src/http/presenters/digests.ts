/** A deputy's digest for one day as the organizer previews it; null when there is nothing to send. */
export const presentDigestPreview = (date: string, d: { title: string; text: string; counts: unknown } | null) => ({
  date,
  digest: d ? { title: d.title, text: d.text, counts: d.counts } : null,
})

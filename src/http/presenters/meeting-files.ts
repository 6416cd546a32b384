/**
 * A file just uploaded for a meeting: the name to list it under (its name on the clerk's
 * computer), the url a meeting's attachment keeps, a signed link to open it now, its type and size.
 */
export const presentMeetingFile = (f: { name: string; url: string; viewUrl: string; type: string; size: number }) => ({
  name: f.name,
  url: f.url,
  viewUrl: f.viewUrl,
  type: f.type,
  size: f.size,
})

/** An image just uploaded: the URL to attach to a message, a signed link to show it now, its type and size. */
export const presentUpload = (u: { url: string; viewUrl: string; type: string; size: number }) => ({
  url: u.url,
  viewUrl: u.viewUrl,
  type: u.type,
  size: u.size,
})

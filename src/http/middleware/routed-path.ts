/**
 * The path as the routers match it. @koa/router ignores case and a trailing slash
 * (`/API/Admin/stations/st001/` reaches the same handler as `/api/admin/stations/st001`),
 * so a middleware that decides by path must compare this form, or a changed spelling walks
 * past it.
 */
export function routedPath(path: string): string {
  // Several middleware ask for the same request's path in turn: the last answer is kept.
  if (path !== lastPath) {
    lastPath = path
    lastRouted = path.toLowerCase().replace(/(.)\/+$/, '$1')
  }
  return lastRouted
}
let lastPath = ''
let lastRouted = ''

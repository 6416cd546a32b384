/**
 * The path as the routers match it. @koa/router ignores case and a trailing slash
 * (`/API/Admin/stations/st001/` reaches the same handler as `/api/admin/stations/st001`),
 * so a middleware that decides by path must compare this form, or a changed spelling walks
 * past it.
 */
export const routedPath = (path: string) => path.toLowerCase().replace(/(.)\/+$/, '$1')

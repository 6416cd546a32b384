import type { AxiosRequestConfig, AxiosResponse } from 'axios'
import { lazy } from '../domain/lazy.js'

/** The two calls the WeChat client and the WeCom robot make. */
export interface WeChatHttp {
  request<T>(config: AxiosRequestConfig): Promise<AxiosResponse<T>>
  post<T>(url: string, data: unknown, config: AxiosRequestConfig): Promise<AxiosResponse<T>>
}

/**
 * The HTTP client both WeChat and WeCom calls use: raw bytes back (a mini-program code is
 * an image, an error is JSON), every status handed to the caller (WeChat answers errors
 * as HTTP 200 with an errcode), no redirects. axios (~70 modules) is loaded at the first
 * call, not at start: most starts make none before serving, many (no WeChat configured) none at all.
 */
export function wechatHttp(apiBase: string, timeoutMs: number): WeChatHttp {
  const http = lazy(() =>
    import('axios').then(({ default: axios }) =>
      axios.create({
        baseURL: apiBase.replace(/\/+$/, ''),
        timeout: timeoutMs,
        responseType: 'arraybuffer',
        validateStatus: () => true,
        maxRedirects: 0,
      }),
    ),
  )
  return {
    request: async (config) => (await http()).request(config),
    post: async (url, data, config) => (await http()).post(url, data, config),
  }
}
